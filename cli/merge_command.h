#pragma once
// `interleave merge PART...`: the parts written by `interleave explore --shard I/N --out FILE`
// merged into the report `interleave explore --jobs 1` prints for the whole search
// (docs/scale-out.md).

#include <ostream>
#include <string>
#include <vector>

namespace interleave {

struct Program;

// Options of `interleave merge`, as parsed from the command line (declared in cli/app.cpp).
struct MergeOptions {
  std::vector<std::string> parts;  // part files, any order
  bool allow_missing = false;      // merge without some shards; the report says incomplete
  std::string trace_failure;       // empty: failure_trace_path(scenario), as explore does
  bool json = false;
};

// run_merge(options, program, out, err) reads, checks and merges the parts and prints the
// search's report; returns 0 when no run failed, 1 when one did. Throws UsageError when a part
// cannot be read or is not a valid part, when parts are of different searches (scenario,
// parameters, reduction, granularity, bound, fairness, limits, program or version), when two parts
// are the same shard, or when shards are missing and allow_missing is false.
int run_merge(const MergeOptions& options, const Program& program, std::ostream& out,
              std::ostream& err);

}  // namespace interleave
