// The cost of tracing: runs per second of article/race under random with no observer, and with
// a trace recorder attached, over the same seeds. A build with INTERLEAVE_TRACING=OFF compiles
// only the first (there the recorder cannot be attached), so scripts/bench compares all three.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "bench/seeded_runs.h"
#include "scenarios/catalog.h"
#include "sim/config.h"
#include "sim/policies/random.h"
#include "sim/simulator.h"
#ifndef INTERLEAVE_NO_TRACING
#include "traces/recorder.h"
#endif

namespace {

using namespace interleave;

// The scenario article/race with its default parameters.
struct Race {
  const Scenario* scenario = builtin_scenarios().find("article/race");
  Params params = resolve(scenario);

  static Params resolve(const Scenario* s) {
    if (s == nullptr) throw std::runtime_error("article/race is not a built-in scenario");
    std::string error;
    auto p = s->resolve({}, error);
    if (!p) throw std::runtime_error(error);
    return *p;
  }
};

// Runs per second of article/race under random, seeds 1..100 per iteration, tracing off.
void BM_RaceRandomTracingOff(benchmark::State& state) {
  const Race race;
  Simulator sim;
  RandomPolicy policy(1);
  const auto body = [&] { race.scenario->body(sim, race.params); };
  std::uint64_t steps = 0;
  for (auto _ : state) steps += bench::random_batch(sim, policy, body);
  bench::report_batches(state, steps);
}
BENCHMARK(BM_RaceRandomTracingOff)->Unit(benchmark::kMicrosecond);

#ifndef INTERLEAVE_NO_TRACING
static_assert(kTracingBuilt, "INTERLEAVE_NO_TRACING is what turns kTracingBuilt off");

// The same runs with tracing on: each run gets a fresh TraceRecorder and hands over its trace,
// as recording a run's trace does.
void BM_RaceRandomTracingOn(benchmark::State& state) {
  const Race race;
  Simulator sim;
  RandomPolicy policy(1);
  const auto body = [&] { race.scenario->body(sim, race.params); };
  std::uint64_t steps = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    for (std::uint64_t seed = 1; seed <= bench::kSeedsPerIteration; ++seed) {
      policy.set_seed(seed);
      policy.begin_run();
      TraceRecorder recorder(race.scenario->name, race.params.values(), policy.info(),
                             sim.config());
      steps += sim.run(policy, body, &recorder).stats.steps;
      const Trace trace = recorder.take(sim.schedule());
      events += trace.events.size();
    }
  }
  bench::report_batches(state, steps);
  state.counters["events_per_run"] = static_cast<double>(events) /
                                     static_cast<double>(state.iterations()) /
                                     static_cast<double>(bench::kSeedsPerIteration);
}
BENCHMARK(BM_RaceRandomTracingOn)->Unit(benchmark::kMicrosecond);
#endif

}  // namespace
