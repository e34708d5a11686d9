#pragma once
// Random runs the way `interleave run --runs N` makes them (a new seed per run), in fixed
// batches: every iteration of a benchmark runs seeds 1..kSeedsPerIteration, so every repetition
// and every session times exactly the same runs.

#include <benchmark/benchmark.h>

#include <cstdint>

#include "sim/policies/random.h"
#include "sim/simulator.h"

namespace interleave::bench {

inline constexpr std::uint64_t kSeedsPerIteration = 100;

// random_batch(sim, policy, body) runs body once per seed 1..kSeedsPerIteration under policy
// and returns the steps the runs took.
template <class F>
std::uint64_t random_batch(Simulator& sim, RandomPolicy& policy, const F& body) {
  std::uint64_t steps = 0;
  for (std::uint64_t seed = 1; seed <= kSeedsPerIteration; ++seed) {
    policy.set_seed(seed);
    policy.begin_run();
    steps += sim.run(policy, body).stats.steps;
  }
  return steps;
}

// report_batches(state, steps) sets the counters of a benchmark whose iterations were batches:
// runs per second, seconds per run and per step (shown in µs and ns), and steps per run.
inline void report_batches(benchmark::State& state, std::uint64_t steps) {
  const auto runs = static_cast<double>(state.iterations()) * kSeedsPerIteration;
  const auto all_steps = static_cast<double>(steps);
  state.counters["runs_per_s"] = benchmark::Counter(runs, benchmark::Counter::kIsRate);
  state.counters["s_per_run"] =
      benchmark::Counter(runs, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["s_per_step"] =
      benchmark::Counter(all_steps, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["steps_per_run"] = runs == 0 ? 0 : all_steps / runs;
}

}  // namespace interleave::bench
