#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/explore/dfs_explorer.h"
#include "sim/policies/fifo.h"
#include "sim/policies/pct.h"
#include "sim/policies/random.h"
#include "sim/policies/replay.h"
#include "sim/policies/rr.h"
#include "sim/simulator.h"

using namespace interleave;

namespace {

// Forwards every call to the wrapped policy but promises nothing (no PolicyHints), so that the
// simulator asks pick() at every point: the slow path of the one decision path.
class WithoutHints final : public Policy {
 public:
  explicit WithoutHints(Policy& inner) : inner_(&inner) {}
  bool begin_run() override { return inner_->begin_run(); }
  Decision pick(const SchedulingPoint& point) override { return inner_->pick(point); }
  void end_run(const Outcome& outcome) override { inner_->end_run(outcome); }
  PolicyInfo info() const override { return inner_->info(); }

 private:
  Policy* inner_;
};

// What a run decided and how it ended: equal for the hinted and the unhinted run.
struct Decided {
  std::vector<FiberId> schedule;
  RunResult result;
};

// Short runs of every built-in scenario: one millisecond where a thread sleeps, and a step
// limit that ends a livelock soon.
RunConfig short_runs() {
  RunConfig config;
  config.max_steps = 20'000;
  return config;
}

Params quick_params(const Scenario& scenario) {
  std::vector<std::pair<std::string, std::int64_t>> values;
  for (const ParamSpec& p : scenario.params) {
    if (p.name == "sleep_ms") values.emplace_back(p.name, 1);
  }
  std::string error;
  auto params = scenario.complete(Params(values), error);
  REQUIRE(params);
  return *params;
}

Decided run_once(Simulator& sim, Policy& policy, const Scenario& scenario, const Params& params) {
  REQUIRE(policy.begin_run());
  Decided d;
  d.result = sim.run(policy, [&] { scenario.body(sim, params); });
  d.schedule.assign(sim.schedule().begin(), sim.schedule().end());
  return d;
}

// The built-in policies that keep no state across runs worth comparing, each made fresh twice.
std::vector<std::pair<std::string, std::function<std::unique_ptr<Policy>()>>> fresh_policies() {
  std::vector<std::pair<std::string, std::function<std::unique_ptr<Policy>()>>> out;
  out.emplace_back("fifo", [] { return std::make_unique<FifoPolicy>(); });
  out.emplace_back("rr", [] { return std::make_unique<RoundRobinPolicy>(); });
  for (std::uint64_t seed : {1, 2, 3}) {
    out.emplace_back("random seed " + std::to_string(seed),
                     [seed] { return std::make_unique<RandomPolicy>(seed); });
    out.emplace_back("pct seed " + std::to_string(seed),
                     [seed] { return std::make_unique<PctPolicy>(seed); });
  }
  return out;
}

}  // namespace

TEST_CASE("every built-in policy decides the same schedules with its hints switched off",
          "[sim][policies][hints]") {
  Simulator sim(short_runs());
  for (const Scenario& scenario : builtin_scenarios().all()) {
    const Params params = quick_params(scenario);
    for (const auto& [name, make] : fresh_policies()) {
      INFO(scenario.name << " under " << name);
      auto hinted = make();
      auto plain = make();
      WithoutHints unhinted(*plain);
      const Decided with = run_once(sim, *hinted, scenario, params);
      const Decided without = run_once(sim, unhinted, scenario, params);
      CHECK(with.schedule == without.schedule);
      CHECK(with.result.outcome == without.result.outcome);
      CHECK(with.result.results == without.result.results);
      CHECK(with.result.stats == without.result.stats);
      // A replay of the schedule decides it once more, hinted or not.
      ReplayPolicy replay(with.schedule);
      WithoutHints unhinted_replay(replay);
      CHECK(run_once(sim, unhinted_replay, scenario, params).schedule == with.schedule);
    }
  }
}

TEST_CASE("a search plans the same runs as it decides with its hints switched off",
          "[sim][policies][hints][explore]") {
  struct Case {
    std::string name;
    Params params;
    Reduction reduction;
  };
  const std::vector<Case> cases = {
      {"dpor/lastzero", Params({{"n", 1}}), Reduction::none},
      {"dpor/disjoint", Params(), Reduction::none},
      {"classic/abba", Params(), Reduction::sleep},
      {"classic/philosophers", Params({{"n", 2}}), Reduction::sleep},
      {"dpor/lastzero", Params({{"n", 2}}), Reduction::sleep},
  };
  for (const auto& [name, given, reduction] : cases) {
    INFO(name << " with reduction " << to_string(reduction));
    const Scenario* scenario = builtin_scenarios().find(name);
    REQUIRE(scenario != nullptr);
    std::string error;
    const auto params = scenario->complete(given, error);
    REQUIRE(params);
    SearchRules rules;
    rules.reduction = reduction;
    DfsExplorer hinted(rules, SearchTask{});
    DfsExplorer plain(rules, SearchTask{});
    WithoutHints unhinted(plain);
    Simulator a(short_runs());
    Simulator b(short_runs());
    std::uint64_t runs = 0;
    while (hinted.begin_run()) {
      REQUIRE(unhinted.begin_run());
      const RunResult& x = a.run(hinted, [&] { scenario->body(a, *params); });
      const RunResult& y = b.run(unhinted, [&] { scenario->body(b, *params); });
      REQUIRE(std::vector<FiberId>(a.schedule().begin(), a.schedule().end()) ==
              std::vector<FiberId>(b.schedule().begin(), b.schedule().end()));
      CHECK(x.outcome == y.outcome);
      CHECK(hinted.last_run() == plain.last_run());
      ++runs;
    }
    CHECK_FALSE(unhinted.begin_run());
    CHECK(hinted.error().empty());
    CHECK(runs > 1);
  }
}
