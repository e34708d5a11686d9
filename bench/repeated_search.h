#pragma once
// Whole searches repeated in a benchmark loop: complete runs per second of wall time.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>

#include "sim/explore/explore.h"

namespace interleave::bench {

// repeat_search(state, body, options) runs explore_scenario(body) once per iteration, sets the
// runs_per_s and runs_per_search counters, and returns the last search's result.
inline ExploreResult repeat_search(benchmark::State& state,
                                   const std::function<void(Simulator&)>& body,
                                   const ExploreOptions& options) {
  std::uint64_t runs = 0;
  ExploreResult last;
  for (auto _ : state) {
    last = explore_scenario(body, RunConfig{}, options);
    runs += last.runs;
  }
  state.counters["runs_per_s"] =
      benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
  state.counters["runs_per_search"] = static_cast<double>(last.runs);
  return last;
}

}  // namespace interleave::bench
