// How cost grows, for the tables of the docs: runs per second against the number of fibers,
// ns per step against the length of a run, and µs per run of exhaustive search against depth.

#include <benchmark/benchmark.h>

#include <cstdint>

#include "bench/programs.h"
#include "bench/repeated_search.h"
#include "bench/seeded_runs.h"
#include "sim/explore/explore.h"
#include "sim/policies/random.h"

namespace {

using namespace interleave;

// Times random runs of stores(threads, per_thread), seeds 1..100 per iteration: runs per
// second, ns per step and the mean steps of a run.
void random_runs(benchmark::State& state, int threads, int per_thread) {
  RunConfig config;
  config.max_steps = 10'000'000;
  Simulator sim(config);
  RandomPolicy policy(1);
  std::uint64_t steps = 0;
  for (auto _ : state) {
    steps += bench::random_batch(sim, policy, [&] { bench::stores(sim, threads, per_thread); });
  }
  bench::report_batches(state, steps);
}

// (a) Runs per second under random when main spawns N threads of 5 stores each.
void BM_ScaleFibers(benchmark::State& state) {
  random_runs(state, static_cast<int>(state.range(0)), 5);
}
BENCHMARK(BM_ScaleFibers)
    ->ArgName("threads")
    ->RangeMultiplier(2)
    ->Range(2, 64)
    ->Unit(benchmark::kMicrosecond);

// (b) ns per step under random for two-thread runs of about 10, 100, 1,000 and 10,000 steps.
void BM_ScaleSteps(benchmark::State& state) {
  random_runs(state, 2, bench::stores_for_steps(state.range(0)));
}
BENCHMARK(BM_ScaleSteps)
    ->ArgName("steps")
    ->RangeMultiplier(10)
    ->Range(10, 10'000)
    ->Unit(benchmark::kMicrosecond);

// The number of runs each depth search stops at: the first 1,000 runs in DFS order, the same
// every time (a plain search of these programs has far more).
constexpr std::uint64_t kDepthRuns = 1'000;

// (c) µs per run of exhaustive search without reduction, two threads, runs of about 20, 100 and
// 1,000 steps; each search stops after the first kDepthRuns runs.
void BM_ScaleDepth(benchmark::State& state) {
  const auto body = bench::stores_body(2, bench::stores_for_steps(state.range(0)));
  ExploreOptions options;
  options.reduction = Reduction::none;
  options.jobs = 1;
  options.max_runs = kDepthRuns;
  const ExploreResult last = bench::repeat_search(state, body, options);
  state.counters["max_depth"] = static_cast<double>(last.max_depth);
}
BENCHMARK(BM_ScaleDepth)
    ->ArgName("depth")
    ->Arg(20)
    ->Arg(100)
    ->Arg(1'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
