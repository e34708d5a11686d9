#pragma once
// Reading the JSON a Google Benchmark program writes (--benchmark_out, with
// --benchmark_repetitions): the median of every benchmark over its repetitions, and the run's
// context.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace interleave::bench {

// The median of one benchmark over its repetitions.
struct Median {
  double time_ns = 0;    // time per iteration, in ns, that rate counters are based on: wall time
                         // for a benchmark that uses real time (its work runs on another
                         // thread), else the CPU time of the benchmark's thread
  int repetitions = 1;   // how many repetitions the median is of
  nlohmann::json entry;  // the median as the program wrote it, with its user counters

  // counter(name) is the median of a user counter, or nullopt; a counter s_per_X (seconds) is
  // read as ns_per_X (ns).
  std::optional<double> counter(const std::string& name) const;
};

// One benchmark program's output.
struct BenchmarkFile {
  std::string path;                       // where it was read from, for messages
  nlohmann::json context;                 // the "context" object: host, CPUs, caches, load
  std::map<std::string, Median> by_name;  // by run name without "/real_time" or "/iterations:N"
  std::vector<std::string> order;         // invariant: the names of by_name in run order
  std::vector<std::string> errors;        // "name: message" of every benchmark that failed
};

// read_benchmark_file(path) reads and parses path; throws std::runtime_error when it cannot be
// read or is not a Google Benchmark JSON file.
BenchmarkFile read_benchmark_file(const std::string& path);

// find(file, name) is the median of the benchmark called name, or null when it did not run.
const Median* find(const BenchmarkFile& file, const std::string& name);

}  // namespace interleave::bench
