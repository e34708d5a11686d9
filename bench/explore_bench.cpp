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
                     ExploreOptions options, Granularity granularity = Granularity::atomic) {
  const Scenario* s = builtin_scenarios().find(name);
  std::string error;
  const auto params = s->resolve(assignments, error);
  return explore_scenario(*s, *params, RunConfig{.granularity = granularity}, options);
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

// lockinc, three threads: the baseline at atomic granularity (8,502 runs), and the same search
// at primitive granularity (3! = 6 runs), measured in the same run.
void BM_ExploreDporLockinc3Atomic(benchmark::State& state) {
  std::uint64_t runs = 0;
  for (auto _ : state) runs = search("dpor/lockinc", {"threads=3"}, ExploreOptions{}).runs;
  state.counters["runs"] = static_cast<double>(runs);
}
BENCHMARK(BM_ExploreDporLockinc3Atomic)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ExploreDporLockinc3Primitive(benchmark::State& state) {
  std::uint64_t runs = 0;
  for (auto _ : state) {
    runs = search("dpor/lockinc", {"threads=3"}, ExploreOptions{}, Granularity::primitive).runs;
  }
  state.counters["runs"] = static_cast<double>(runs);
}
BENCHMARK(BM_ExploreDporLockinc3Primitive)->Unit(benchmark::kMillisecond)->UseRealTime();

// lockinc with six threads at primitive granularity: 6! = 720 runs.
void BM_ExploreDporLockinc6Primitive(benchmark::State& state) {
  std::uint64_t runs = 0;
  for (auto _ : state) {
    runs = search("dpor/lockinc", {"threads=6"}, ExploreOptions{}, Granularity::primitive).runs;
  }
  state.counters["runs"] = static_cast<double>(runs);
}
BENCHMARK(BM_ExploreDporLockinc6Primitive)->Unit(benchmark::kMillisecond)->UseRealTime();

// The article's lock, unbounded, at primitive granularity (192 runs).
void BM_ExploreDporArticleLockPrimitive(benchmark::State& state) {
  std::uint64_t runs = 0;
  for (auto _ : state) {
    runs = search("article/lock", {}, ExploreOptions{}, Granularity::primitive).runs;
  }
  state.counters["runs"] = static_cast<double>(runs);
}
BENCHMARK(BM_ExploreDporArticleLockPrimitive)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
