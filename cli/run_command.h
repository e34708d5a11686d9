#pragma once
// `interleave run`: one run of a scenario, or N seeded runs that stop at the first failure.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace interleave {

struct Program;

// Options of `interleave run`, as parsed from the command line (declared in cli/app.cpp).
struct RunOptions {
  std::string scenario;
  std::string policy = "fifo";
  std::uint64_t seed = 1;
  std::string quantum = "10ms";
  int depth = 3;
  std::uint64_t pct_steps = 0;  // 0: measured by a fifo run of the scenario
  std::uint64_t runs = 1;
  std::string schedule;
  std::string trace;
  std::vector<std::string> params;
  std::uint64_t max_steps = 1'000'000;
  std::string step_cost = "1us";
  std::string granularity = "atomic";  // every atomic step is a step (parser: atomic, primitive)
  bool json = false;
  bool show = false;
  bool policy_given = false;     // filled from the parser: --policy appeared
  bool seed_given = false;       // --seed appeared
  bool quantum_given = false;    // --quantum appeared
  bool depth_given = false;      // --depth appeared
  bool pct_steps_given = false;  // --pct-steps appeared
};

// run_run(options, program, out, err) executes the command; returns the exit code. Throws
// UsageError for bad input, a scenario that does not repeat its run among it.
int run_run(const RunOptions& options, const Program& program, std::ostream& out,
            std::ostream& err);

}  // namespace interleave
