#pragma once
// ExploreOptions: what an exhaustive search may do (reduction, bounds, budget, workers).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "reduction.h"

namespace interleave {

// A snapshot of a search in progress, for progress lines.
struct ExploreProgress {
  std::uint64_t runs = 0;         // complete runs so far
  std::uint64_t failures = 0;     // of which failed, deadlocked or livelocked
  std::uint64_t max_depth = 0;    // the most steps any run took
  std::uint32_t bound_level = 0;  // the preemption bound being searched (iterative)
  double seconds = 0;             // real time since the search started
};

// The settings of one search. The result does not depend on jobs unless max_runs or
// time_budget stops the search early; under dpor the run counts depend on split_depth.
struct ExploreOptions {
  Reduction reduction = Reduction::dpor;
  // Search preemption bounds 0, 1, ..., K in turn, so that the first failure found has the
  // fewest preemptions; nullopt searches without a bound.
  std::optional<std::uint32_t> preemption_bound;
  // Fairness for spin loops: a fiber whose last step was spinning (a yield, a failed
  // test-and-set, a spin lock's busy load) is not picked again until another fiber has made a
  // step. Off only for demonstrations: without it a spin loop makes the search infinite.
  bool fair = true;
  std::uint64_t max_runs = 0;                            // stop after this many runs; 0: no limit
  std::optional<std::chrono::milliseconds> time_budget;  // stop after this much real time
  std::uint64_t max_steps = 10'000;                      // per run; beyond it a run is a livelock
  unsigned jobs = 1;  // worker threads, each with its own simulator
  // The top of the tree is expanded in full down to the split_depth-th point with a choice on each
  // path, and split there into subtrees that workers (jobs) and shards search apart. Fixed per
  // search, so the result is the same for every number of workers or shards; deeper gives more,
  // smaller subtrees (better balance) at the cost of runs that dpor would have left out above it.
  std::uint32_t split_depth = 2;
  // End the search at its first failing run. Bound levels are searched in order, so the failure
  // has the fewest preemptions; with one worker it is also the first in DFS order.
  bool stop_at_first_failure = false;
  // Called from the calling thread a few times a second while the search runs; may be empty.
  std::function<void(const ExploreProgress&)> progress;
  std::chrono::milliseconds progress_interval{250};
  // When not null, the search stops (StopReason::interrupted) soon after *interrupt becomes true;
  // what it found so far is reported. The CLI sets it from SIGINT and SIGTERM.
  const std::atomic<bool>* interrupt = nullptr;
};

}  // namespace interleave
