// Benchmarks of the exhaustive search: runs per second without reduction, and the time of
// complete DPOR searches of the counting scenarios.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/explore/explore.h"

namespace {

using namespace interleave;

ExploreResult search(const std::string& name, const std::vector<std::string>& assignments,
                     ExploreOptions options) {
  const Scenario* s = builtin_scenarios().find(name);
  std::string error;
  const auto params = s->resolve(assignments, error);
  return explore_scenario(*s, *params, RunConfig{}, options);
}

// Runs per second of a plain DFS (no reduction) over two threads of five writes each.
void BM_ExploreNoneWriters2x5(benchmark::State& state) {
  ExploreOptions o;
  o.reduction = Reduction::none;
  o.max_runs = 200'000;
  std::uint64_t runs = 0;
  for (auto _ : state) runs += search("dpor/writers", {"threads=2", "writes=5"}, o).runs;
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExploreNoneWriters2x5)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole time of a complete dpor search of lastzero with n = 10.
void BM_ExploreDporLastzero10(benchmark::State& state) {
  std::uint64_t runs = 0;
  for (auto _ : state) runs = search("dpor/lastzero", {"n=10"}, ExploreOptions{}).runs;
  state.counters["runs"] = static_cast<double>(runs);
}
BENCHMARK(BM_ExploreDporLastzero10)->Unit(benchmark::kMillisecond)->UseRealTime();

// The whole time of a complete dpor search of one writer and twelve readers (4096 runs).
void BM_ExploreDporReaders12(benchmark::State& state) {
  std::uint64_t runs = 0;
  for (auto _ : state) runs = search("dpor/readers", {"n=12"}, ExploreOptions{}).runs;
  state.counters["runs"] = static_cast<double>(runs);
}
BENCHMARK(BM_ExploreDporReaders12)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
