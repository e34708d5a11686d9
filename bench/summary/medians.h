#pragma once
// Reading the JSON a Google Benchmark program writes (--benchmark_out): the median of every
// benchmark over its repetitions, its counters, and the run's context.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace interleave::bench {

// The median of one benchmark over its repetitions (or its only run, without repetitions).
struct Median {
  double real_ns = 0;                      // wall time per iteration, in ns
  double cpu_ns = 0;                       // CPU time of the benchmark's thread per iteration
  double iterations = 0;                   // iterations of each repetition
  int repetitions = 1;                     // how many repetitions the median is of
  bool real_time_basis = false;            // UseRealTime: rates are per wall-clock second
  std::map<std::string, double> counters;  // user counters (rates per second); a counter
                                           // s_per_X (seconds) is given as ns_per_X (ns)

  // time_ns() is the time per iteration that rate counters are based on: wall time for a
  // benchmark that uses real time (e.g. one whose work runs on another thread), else CPU time.
  double time_ns() const { return real_time_basis ? real_ns : cpu_ns; }
};

// One benchmark program's output.
struct BenchmarkFile {
  nlohmann::json context;                 // the "context" object: host, CPUs, caches, load
  std::map<std::string, Median> by_name;  // by run name without "/real_time" or "/iterations:N"
  std::vector<std::string> order;         // run names in the order the program ran them
  std::vector<std::string> errors;        // "name: message" of every benchmark that failed
};

// read_benchmark_file(path) reads and parses path; throws std::runtime_error when it cannot be
// read or is not a Google Benchmark JSON file.
BenchmarkFile read_benchmark_file(const std::string& path);

// find(file, name) is the median of the benchmark called name, or null when it did not run.
const Median* find(const BenchmarkFile& file, const std::string& name);

}  // namespace interleave::bench
