// Benchmarks of the hot path: a bare Boost.Context switch round trip (the floor), a step that
// keeps its fiber, and a step that switches, measured side by side in one process.

#include <benchmark/benchmark.h>

#include <boost/context/fiber.hpp>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace {

using namespace interleave;

constexpr int kStepsPerRun = 30'000;

// The floor: resume a fiber that immediately resumes us back (two switches per iteration).
void BM_BareFiberSwitchRoundTrip(benchmark::State& state) {
  bool done = false;
  boost::context::fiber f{[&done](boost::context::fiber&& back) {
    while (!done) back = std::move(back).resume();
    return std::move(back);
  }};
  for (auto _ : state) f = std::move(f).resume();
  done = true;
  f = std::move(f).resume();
}
BENCHMARK(BM_BareFiberSwitchRoundTrip);

// Switches at every point: picks the next runnable fiber after the current, cyclically.
class EveryStepSwitches final : public Policy {
 public:
  Decision pick(const SchedulingPoint& p) override {
    for (FiberId f : p.runnable()) {
      if (index(f) > index(p.current())) return Decision::pick(f);
    }
    return Decision::pick(p.runnable().front());
  }
  PolicyInfo info() const override { return {"every-step-switches", {}}; }
};

// Three worker fibers of loads and stores; `per_fiber` steps each.
void three_fibers(Simulator& sim, int per_fiber) {
  Shared<int> x(sim, "x", 0);
  Shared<int> y(sim, "y", 0);
  auto work = [&] {
    for (int i = 0; i < per_fiber / 2; ++i) {
      x.store(y.load() + 1);
    }
  };
  Thread a(sim, "a", work);
  Thread b(sim, "b", work);
  Thread c(sim, "c", work);
}

void run_steps(benchmark::State& state, Policy& policy) {
  RunConfig config;
  config.max_steps = 10'000'000;
  Simulator sim(config);
  std::uint64_t steps = 0;
  std::uint64_t switches = 0;
  for (auto _ : state) {
    policy.begin_run();
    auto r = sim.run(policy, [&] { three_fibers(sim, kStepsPerRun / 3); });
    steps += r.stats.steps;
    switches += r.stats.context_switches;
  }
  state.counters["s_per_step"] = benchmark::Counter(  // seconds per step (shown in ns)
      static_cast<double>(steps), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["switch_ratio"] =
      static_cast<double>(switches) / static_cast<double>(steps == 0 ? 1 : steps);
}

// A step that keeps its fiber: fifo runs each worker to completion (fifo promises to keep the
// stepping fiber, so the simulator decides those points without asking it).
void BM_StepThatKeepsItsFiber(benchmark::State& state) {
  FifoPolicy fifo;
  run_steps(state, fifo);
}
BENCHMARK(BM_StepThatKeepsItsFiber)->Unit(benchmark::kMicrosecond);

// Keeps the current fiber whenever it can run, like fifo, but without promising it
// (Policy::keeps_stepping_fiber), so the simulator asks it at every point.
class AskedToKeep final : public Policy {
 public:
  Decision pick(const SchedulingPoint& p) override {
    if (p.current_runnable()) return Decision::pick(p.current());
    return Decision::pick(p.runnable().front());
  }
  PolicyInfo info() const override { return {"asked-to-keep", {}}; }
};

// A step that keeps its fiber when the policy is asked at every point (a virtual call and a
// SchedulingPoint per step, as under random or explore).
void BM_StepThatKeepsItsFiberPolicyAsked(benchmark::State& state) {
  AskedToKeep policy;
  run_steps(state, policy);
}
BENCHMARK(BM_StepThatKeepsItsFiberPolicyAsked)->Unit(benchmark::kMicrosecond);

// A step that switches: every decision picks another fiber.
void BM_StepThatSwitches(benchmark::State& state) {
  EveryStepSwitches policy;
  run_steps(state, policy);
}
BENCHMARK(BM_StepThatSwitches)->Unit(benchmark::kMicrosecond);

}  // namespace
