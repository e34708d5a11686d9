# Shared by scripts/demo, scripts/test and scripts/bench: install what is missing, then build.
# Sourced, not run. Works as root on a fresh Debian 12 (it installs the compiler and cmake
# too) and on a developer machine (it installs nothing when everything is there).

BUILD_PACKAGES=(g++ make cmake libboost-context-dev nlohmann-json3-dev libcli11-dev)

# ensure_packages PKG...: installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  echo "==> installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# jobs: how many compile jobs to run.
jobs() {
  nproc 2>/dev/null || echo 2
}
