// Peak memory, each measured in a fork()ed child (resident peak after the work, and its growth
// over the peak before it): a run with 10,000 fibers alive at once, and a dpor search whose
// runs are at least 1,000 steps deep.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/child_memory.h"
#include "scenarios/catalog.h"
#include "sim/explore/explore.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace {

using namespace interleave;

constexpr int kFibers = 10'000;
constexpr std::uint64_t kDepth = 1'000;

// Picks the lowest runnable id: main runs until it blocks, so it spawns every thread before
// any of them gets past its first step.
class LowestIdFirst final : public Policy {
 public:
  Decision pick(const SchedulingPoint& p) override { return Decision::pick(p.runnable().front()); }
  PolicyInfo info() const override { return {"lowest-id-first", {}}; }
};

void report(benchmark::State& state, const bench::ChildMemory& m) {
  state.counters["peak_MiB"] = m.peak_mib;
  state.counters["growth_MiB"] = m.growth_mib();
  state.counters["before_MiB"] = m.before_mib;
}

// Resident peak of one run in which main spawns 10,000 threads (each loads and stores one shared
// variable) and then joins them all; all 10,000 fibers are alive at once (checked).
void BM_Memory10kFibers(benchmark::State& state) {
  bench::ChildMemory m;
  for (auto _ : state) {
    m = bench::measure_in_child([](std::array<double, 4>& facts) {
      RunConfig config;  // default stacks: 256 KiB usable, mapped lazily
      Simulator sim(config);
      LowestIdFirst policy;
      int alive = 0;
      int most_alive = 0;  // plain bookkeeping of the benchmark, not steps of the run
      policy.begin_run();
      const RunResult r = sim.run(policy, [&] {
        Shared<int> x(sim, "x", 0);
        std::vector<Thread> ts;
        ts.reserve(kFibers);
        for (int i = 0; i < kFibers; ++i) {
          ts.emplace_back(sim, [&] {
            most_alive = std::max(most_alive, ++alive);
            x.store(x.load() + 1);
            --alive;
          });
        }
        for (Thread& t : ts) t.join();
      });
      if (r.outcome.status != Status::ok) throw std::runtime_error("the 10,000-fiber run failed");
      if (most_alive != kFibers) {
        throw std::runtime_error("only " + std::to_string(most_alive) +
                                 " fibers were alive at once");
      }
      facts[0] = static_cast<double>(sim.fiber_count());
      facts[1] = static_cast<double>(most_alive);
      facts[2] = static_cast<double>(r.stats.steps);
    });
  }
  if (!m.error.empty()) {
    state.SkipWithError(m.error.c_str());
    return;
  }
  report(state, m);
  state.counters["fibers"] = m.facts[0];
  state.counters["most_alive"] = m.facts[1];
  state.counters["steps"] = m.facts[2];
  state.counters["growth_KiB_per_fiber"] = m.growth_mib() * 1024.0 / m.facts[1];
}
BENCHMARK(BM_Memory10kFibers)->Iterations(1)->Unit(benchmark::kMillisecond);

// Resident peak of a complete dpor search of dpor/disjoint with 2 threads of 500 stores each:
// runs of more than 1,000 steps (the search's max_depth is checked and reported).
void BM_MemoryDporDepth1000(benchmark::State& state) {
  bench::ChildMemory m;
  for (auto _ : state) {
    m = bench::measure_in_child([](std::array<double, 4>& facts) {
      const Scenario* s = builtin_scenarios().find("dpor/disjoint");
      if (s == nullptr) throw std::runtime_error("dpor/disjoint is not a built-in scenario");
      std::string error;
      const auto params = s->resolve({"threads=2", "steps=500"}, error);
      if (!params) throw std::runtime_error(error);
      ExploreOptions options;
      options.reduction = Reduction::dpor;
      options.jobs = 1;
      const ExploreResult r = explore_scenario(*s, *params, RunConfig{}, options);
      if (r.max_depth < kDepth) {
        throw std::runtime_error("max_depth " + std::to_string(r.max_depth) + " < 1000");
      }
      facts[0] = static_cast<double>(r.max_depth);
      facts[1] = static_cast<double>(r.runs);
      facts[2] = static_cast<double>(r.sleep_blocked);
      facts[3] = r.complete ? 1 : 0;
    });
  }
  if (!m.error.empty()) {
    state.SkipWithError(m.error.c_str());
    return;
  }
  report(state, m);
  state.counters["max_depth"] = m.facts[0];
  state.counters["runs"] = m.facts[1];
  state.counters["sleep_blocked"] = m.facts[2];
  state.counters["complete"] = m.facts[3];
}
BENCHMARK(BM_MemoryDporDepth1000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
