#pragma once
// The facts about the machine a summary records next to its numbers.

#include <string>

namespace interleave::bench {

// What /proc/cpuinfo says about the processors.
struct Machine {
  std::string cpu_model;   // the first "model name", or "unknown"
  int logical_cpus = 0;    // "processor" entries
  int physical_cores = 0;  // distinct (physical id, core id) pairs; 0 when not listed
};

// read_machine(cpuinfo_path) reads the facts from a /proc/cpuinfo-style file; missing facts
// stay at their defaults.
Machine read_machine(const std::string& cpuinfo_path = "/proc/cpuinfo");

}  // namespace interleave::bench
