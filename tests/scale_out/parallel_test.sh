#!/usr/bin/env bash
# scale_out.parallel: each search run as 8 shards by GNU parallel, merged, gives what
# `explore --jobs 1` gives (the report but for its time line, the exit code, the failure's trace);
# on three searches: a failing one, a dpor count, a bounded one (docs/scale-out.md).
# Usage: parallel_test.sh INTERLEAVE. Skipped (exit 77) when parallel is not installed, except
# in CI (CI or INTERLEAVE_CI set), where that fails.
set -uo pipefail
interleave=$1

if ! command -v parallel >/dev/null; then
  if [ -n "${CI:-}" ] || [ -n "${INTERLEAVE_CI:-}" ]; then
    echo "scale_out.parallel: GNU parallel is not installed (scripts/test installs it)" >&2
    exit 1
  fi
  echo "scale_out.parallel: skipped: GNU parallel is not installed (apt-get install parallel)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# check NAME ARGS...: the search ARGS as 8 shards under parallel, merged, against --jobs 1.
check() {
  local name=$1
  shift
  local dir=$work/$name
  mkdir -p "$dir/parts" "$dir/one" "$dir/merged"
  (cd "$dir/one" && "$interleave" explore "$@" --jobs 1 > report.txt)
  local one=$?
  if ! parallel --halt now,fail=1 "$interleave" explore "$@" --shard {}/8 --out "$dir/parts/part-{}.json" \
      ::: 0 1 2 3 4 5 6 7 > "$dir/shards.txt"; then
    echo "scale_out.parallel: $name: a shard failed" >&2
    status=1
    return
  fi
  (cd "$dir/merged" && "$interleave" merge "$dir"/parts/part-*.json > report.txt)
  local merged=$?
  if [ "$one" != "$merged" ]; then
    echo "scale_out.parallel: $name: merge exits $merged, explore --jobs 1 exits $one" >&2
    status=1
  fi
  if ! diff <(sed '$d' "$dir/one/report.txt") <(sed '$d' "$dir/merged/report.txt") >&2; then
    echo "scale_out.parallel: $name: the merged report differs from explore --jobs 1" >&2
    status=1
  fi
  local trace
  for trace in "$dir"/one/*.failure.json; do
    [ -e "$trace" ] || continue
    if ! cmp "$trace" "$dir/merged/$(basename "$trace")" >&2; then
      echo "scale_out.parallel: $name: the failure traces differ" >&2
      status=1
    fi
  done
  echo "$name: 8 shards merged as explore --jobs 1 ($(grep "^runs:" "$dir/merged/report.txt"))"
}

check race article/race --split-depth 8
check lockinc dpor/lockinc --split-depth 8
check lock article/lock --preemption-bound 1 --split-depth 6
exit $status
