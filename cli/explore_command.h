#pragma once
// `interleave explore`: the exhaustive search of a scenario's schedules (DESIGN §2, §4).

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace interleave {

struct Program;

// Options of `interleave explore`, as parsed from the command line (declared in cli/app.cpp).
struct ExploreCommandOptions {
  std::string scenario;
  std::string reduction = "dpor";
  std::string granularity = "primitive";  // a primitive's operation is one step (checked by the
                                          // parser: atomic or primitive)
  std::uint32_t preemption_bound = 0;
  bool bounded = false;        // filled from the parser: --preemption-bound appeared
  std::uint64_t max_runs = 0;  // 0: not given, no limit (the flag takes 1 or more)
  std::uint64_t max_steps = 10'000;
  std::string time_budget;  // empty: no budget
  std::int64_t jobs = 1;
  std::uint32_t split_depth = 2;  // 1 to 64: checked by the parser
  bool no_fairness = false;
  bool stop_at_first_failure = false;
  std::vector<std::string> params;
  std::string step_cost = "1us";
  std::string trace_failure;  // empty: failure_trace_path(scenario)
  bool json = false;
  std::string shard;       // "I/N": search only shard I of N and write it to out; empty: everything
  std::string out;         // the part file of --shard
  std::string checkpoint;  // empty: no checkpoint; else the file progress is kept in
  std::string checkpoint_every = "5s";  // how often the checkpoint is saved
};

// run_explore(options, program, out, err) searches and reports; returns 0 when no run failed, 1
// when one did. Throws UsageError for bad input, including a scenario the search refuses (not
// deterministic, too many fibers). Shows a progress line on err when stderr is a terminal.
int run_explore(const ExploreCommandOptions& options, const Program& program, std::ostream& out,
                std::ostream& err);

}  // namespace interleave
