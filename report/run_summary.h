#pragma once
// RunSummary: what `interleave run --json` prints, one JSON object per invocation.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../sim/outcome.h"
#include "../sim/policy.h"

namespace interleave {

// The machine-readable result of `interleave run`.
struct RunSummary {
  std::string scenario;
  std::vector<std::pair<std::string, std::int64_t>> params;  // every parameter, declared order
  PolicyInfo policy;                  // name and settings (seed among them when seeded)
  std::optional<std::uint64_t> seed;  // the seed of the reported run, for seeded policies
  Outcome outcome;
  Results results;
  Stats stats;
  std::string schedule;    // the compact string --schedule accepts
  std::string reproduce;   // one shell command line that reproduces the reported run
  std::uint64_t runs = 1;  // runs executed (with --runs, up to and including the reported one)
  std::string trace;       // the trace file written, or empty
};

// run_summary_json(s) renders s as one JSON object followed by a newline; keys in fixed order.
std::string run_summary_json(const RunSummary& s);

}  // namespace interleave
