#include "bench/summary/machine.h"

#include <fstream>
#include <set>
#include <utility>

namespace interleave::bench {

namespace {

// split(line) is the (key, value) of a "key<TAB>: value" line, both trimmed.
std::pair<std::string, std::string> split(const std::string& line) {
  const auto colon = line.find(':');
  if (colon == std::string::npos) return {};
  auto trim = [](std::string s) {
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t");
    return first == std::string::npos ? std::string{} : s.substr(first, last - first + 1);
  };
  return {trim(line.substr(0, colon)), trim(line.substr(colon + 1))};
}

}  // namespace

Machine read_machine(const std::string& cpuinfo_path) {
  Machine m;
  m.cpu_model = "unknown";
  std::ifstream in(cpuinfo_path);
  std::set<std::pair<std::string, std::string>> cores;
  std::string physical_id;
  std::string line;
  bool model_seen = false;
  while (std::getline(in, line)) {
    const auto [key, value] = split(line);
    if (key == "processor") {
      ++m.logical_cpus;
    } else if (key == "model name" && !model_seen) {
      m.cpu_model = value;
      model_seen = true;
    } else if (key == "physical id") {
      physical_id = value;
    } else if (key == "core id") {
      cores.emplace(physical_id, value);
    }
  }
  m.physical_cores = static_cast<int>(cores.size());
  return m;
}

}  // namespace interleave::bench
