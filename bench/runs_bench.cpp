// Runs per second of the tiny scenarios (main spawns the threads, each stores to one shared
// variable its number of times, main joins them): under random with a new seed per run, and
// under exhaustive search with no reduction and with dpor (one worker).

#include <benchmark/benchmark.h>

#include <cstdint>

#include "bench/programs.h"
#include "bench/repeated_search.h"
#include "bench/seeded_runs.h"
#include "sim/explore/explore.h"
#include "sim/policies/random.h"

namespace {

using namespace interleave;

// The tiny scenarios: {threads, stores per thread}.
void tiny_args(benchmark::internal::Benchmark* b) {
  b->ArgNames({"threads", "stores"});
  b->Args({2, 1})->Args({2, 5})->Args({3, 2});
}

// Runs per second under random, a new seed per run (seeds 1..100 per iteration).
void BM_TinyRandom(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const int per_thread = static_cast<int>(state.range(1));
  Simulator sim;
  RandomPolicy policy(1);
  std::uint64_t steps = 0;
  for (auto _ : state) {
    steps += bench::random_batch(sim, policy, [&] { bench::stores(sim, threads, per_thread); });
  }
  bench::report_batches(state, steps);
}
BENCHMARK(BM_TinyRandom)->Apply(tiny_args)->Unit(benchmark::kMicrosecond);

// Complete runs per second of wall time over whole searches repeated back to back; also the
// runs of one search, whether it was complete, and the runs a sleep set cut (dpor only).
void explore_runs(benchmark::State& state, Reduction reduction) {
  const auto body =
      bench::stores_body(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  ExploreOptions options;
  options.reduction = reduction;
  options.jobs = 1;
  options.max_runs = 1'000'000;  // a safety cap; every tiny search is complete well below it
  const ExploreResult last = bench::repeat_search(state, body, options);
  state.counters["sleep_blocked_per_search"] = static_cast<double>(last.sleep_blocked);
  state.counters["complete"] = last.complete ? 1 : 0;
}

// Runs per second of exhaustive search without reduction (every interleaving).
void BM_TinyExploreNone(benchmark::State& state) {
  explore_runs(state, Reduction::none);
}
BENCHMARK(BM_TinyExploreNone)->Apply(tiny_args)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Runs per second of exhaustive search with dpor (one run per equivalence class).
void BM_TinyExploreDpor(benchmark::State& state) {
  explore_runs(state, Reduction::dpor);
}
BENCHMARK(BM_TinyExploreDpor)->Apply(tiny_args)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
