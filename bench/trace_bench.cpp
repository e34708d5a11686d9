// The cost of tracing: runs per second of article/race under random with no observer, and with
// a trace recorder attached, over the same seeds; and their ratio measured in alternation. A
// build with INTERLEAVE_TRACING=OFF compiles only the first (there the recorder cannot be
// attached), so scripts/bench compares all three.

#include <benchmark/benchmark.h>
#include <time.h>

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

// The scenario article/race with its default parameters, and a simulator to run it.
struct Race {
  const Scenario* scenario = builtin_scenarios().find("article/race");
  Params params = resolve(scenario);
  Simulator sim;
  RandomPolicy policy{1};

  static Params resolve(const Scenario* s) {
    if (s == nullptr) throw std::runtime_error("article/race is not a built-in scenario");
    std::string error;
    auto p = s->resolve({}, error);
    if (!p) throw std::runtime_error(error);
    return *p;
  }

  // untraced() runs seeds 1..100 with no observer; returns the steps.
  std::uint64_t untraced() {
    return bench::random_batch(sim, policy, [this] { scenario->body(sim, params); });
  }

#ifndef INTERLEAVE_NO_TRACING
  // traced(events) runs seeds 1..100, each with a fresh TraceRecorder whose trace it takes, as
  // recording a run's trace does; adds the traced events to events and returns the steps.
  std::uint64_t traced(std::uint64_t& events) {
    std::uint64_t steps = 0;
    for (std::uint64_t seed = 1; seed <= bench::kSeedsPerIteration; ++seed) {
      policy.set_seed(seed);
      policy.begin_run();
      TraceRecorder recorder(scenario->name, params.values(), policy.info(), sim.config());
      steps += sim.run(
                      policy, [this] { scenario->body(sim, params); }, &recorder)
                   .stats.steps;
      events += recorder.take(sim.schedule()).events.size();
    }
    return steps;
  }
#endif
};

// Runs per second of article/race under random, seeds 1..100 per iteration, tracing off.
void BM_RaceRandomTracingOff(benchmark::State& state) {
  Race race;
  std::uint64_t steps = 0;
  for (auto _ : state) steps += race.untraced();
  bench::report_batches(state, steps);
}
BENCHMARK(BM_RaceRandomTracingOff)->Unit(benchmark::kMicrosecond);

#ifndef INTERLEAVE_NO_TRACING
static_assert(kTracingBuilt, "INTERLEAVE_NO_TRACING is what turns kTracingBuilt off");

// The same runs with tracing on (a trace recorded for every run).
void BM_RaceRandomTracingOn(benchmark::State& state) {
  Race race;
  std::uint64_t steps = 0;
  std::uint64_t events = 0;
  for (auto _ : state) steps += race.traced(events);
  bench::report_batches(state, steps);
  state.counters["events_per_run"] =
      static_cast<double>(events) /
      (static_cast<double>(state.iterations()) * bench::kSeedsPerIteration);
}
BENCHMARK(BM_RaceRandomTracingOn)->Unit(benchmark::kMicrosecond);

// thread_cpu_ns() is the CPU time of the calling thread, the clock Google Benchmark's CPU time
// uses (timing the benchmark only; nothing in a run reads it).
double thread_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

// Tracing on / tracing off measured in alternation: every iteration times the 100 seeds with
// tracing off, then with tracing on, so a change in the machine's load touches both alike.
void BM_RaceTracingOnOverOffAlternating(benchmark::State& state) {
  Race race;
  double off_ns = 0;
  double on_ns = 0;
  std::uint64_t events = 0;
  for (auto _ : state) {
    const double t0 = thread_cpu_ns();
    race.untraced();
    const double t1 = thread_cpu_ns();
    race.traced(events);
    on_ns += thread_cpu_ns() - t1;
    off_ns += t1 - t0;
  }
  state.counters["on_over_off"] = off_ns == 0 ? 0 : on_ns / off_ns;
}
BENCHMARK(BM_RaceTracingOnOverOffAlternating)->Unit(benchmark::kMicrosecond);
#endif

}  // namespace
