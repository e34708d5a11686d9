#include "sim/policies/pct.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <vector>

#include "scenarios/article/race.h"
#include "sim/atomic.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/sim/policies/policy_test_support.h"
#include "tests/support/ticket_lock.h"

using namespace interleave;
using interleave::testing::int_result;
using interleave::testing::run_scenario;

namespace {

// lost_update(): two threads increment a shared counter with a load and a store; only a
// preemption between one thread's load and its store loses an update (total 1, not 2).
Scenario lost_update() {
  Scenario s;
  s.name = "test/lost-update";
  s.body = [](Simulator& sim, const Params&) {
    Shared<int> x(sim, "x", 0);
    {
      Thread a(sim, [&] { x.store(x.load() + 1); });
      Thread b(sim, [&] { x.store(x.load() + 1); });
    }
    sim.report("total", std::int64_t{x.peek()});
  };
  return s;
}

struct PctRun {
  RunResult result;
  std::vector<FiberId> schedule;
};

PctRun run_pct(const Scenario& scenario, std::uint64_t seed, int depth, std::uint64_t steps) {
  Simulator sim;
  PctPolicy pct(seed, depth, steps);
  RunResult r = run_scenario(sim, pct, scenario);
  return PctRun{std::move(r), {sim.schedule().begin(), sim.schedule().end()}};
}

}  // namespace

TEST_CASE("pct with depth 1 never preempts", "[policies][pct]") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    INFO("seed " << seed);
    const PctRun race = run_pct(article_race(), seed, 1, 30);
    CHECK(race.result.stats.preemptions == 0);
    const PctRun lost = run_pct(lost_update(), seed, 1, 10);
    CHECK(lost.result.stats.preemptions == 0);
    CHECK(int_result(lost.result, "total") == 2);
  }
}

TEST_CASE("pct never preempts more than depth - 1 times, and only at change points",
          "[policies][pct]") {
  for (int depth : {2, 3, 4}) {
    bool preempted = false;
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
      Simulator sim;
      PctPolicy pct(seed, depth, 30);
      const RunResult r = run_scenario(sim, pct, article_race());
      INFO("depth " << depth << ", seed " << seed);
      CHECK(r.stats.preemptions <= static_cast<std::uint64_t>(depth - 1));
      if (r.stats.preemptions == 0) continue;
      preempted = true;
      // Every switch away from a runnable fiber happens at a change point.
      const auto cps = pct.change_points();
      const auto schedule = sim.schedule();
      std::uint64_t at_change_points = 0;
      for (std::uint64_t cp : cps) {
        if (cp > 0 && cp < schedule.size() && schedule[cp] != schedule[cp - 1]) ++at_change_points;
      }
      CHECK(at_change_points >= r.stats.preemptions);
    }
    CHECK(preempted);
  }
}

TEST_CASE("pct with depth 2 finds a lost update that needs one preemption", "[policies][pct]") {
  for (int depth : {2, 3}) {
    bool found = false;
    for (std::uint64_t seed = 1; seed <= 200 && !found; ++seed) {
      found = int_result(run_pct(lost_update(), seed, depth, 10).result, "total") == 1;
    }
    INFO("depth " << depth);
    CHECK(found);
  }
}

TEST_CASE("pct with depth 2 or 3 finds the article race's wrong total", "[policies][pct]") {
  for (int depth : {2, 3}) {
    std::set<std::int64_t> totals;
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
      const PctRun run = run_pct(article_race(), seed, depth, 30);
      const std::int64_t total = int_result(run.result, "total");
      CHECK(run.result.outcome.status == (total == 10 ? Status::ok : Status::failed));
      totals.insert(total);
    }
    INFO("depth " << depth);
    CHECK(std::any_of(totals.begin(), totals.end(), [](std::int64_t t) { return t != 10; }));
  }
}

TEST_CASE("pct gives the same schedule for the same seed and varies across seeds",
          "[policies][pct]") {
  std::set<std::vector<FiberId>> schedules;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const PctRun a = run_pct(article_race(), seed, 3, 30);
    const PctRun b = run_pct(article_race(), seed, 3, 30);
    CHECK(a.schedule == b.schedule);
    CHECK(a.result.stats == b.result.stats);
    schedules.insert(a.schedule);
  }
  CHECK(schedules.size() >= 5);
}

TEST_CASE("pct restarts from its seed on every run of one policy object", "[policies][pct]") {
  Simulator sim;
  PctPolicy pct(9, 3, 30);
  run_scenario(sim, pct, article_race());
  const std::vector<FiberId> first(sim.schedule().begin(), sim.schedule().end());
  const std::vector<std::uint64_t> cps(pct.change_points().begin(), pct.change_points().end());
  // Without begin_run(): the first point of the run starts afresh all the same.
  sim.run(pct, [&] { article_race().body(sim, Params{}); });
  CHECK(std::vector<FiberId>(sim.schedule().begin(), sim.schedule().end()) == first);
  CHECK(std::vector<std::uint64_t>(pct.change_points().begin(), pct.change_points().end()) == cps);
}

TEST_CASE("pct with depth 1 runs fibers to completion in every priority order", "[policies][pct]") {
  // Three children, two steps each; main spawns them all, then blocks on the first join.
  Scenario three;
  three.body = [](Simulator& sim, const Params&) {
    Shared<int> x(sim, "x", 0);
    std::vector<Thread> ts;
    for (int i = 0; i < 3; ++i) ts.emplace_back(sim, [&, i] { x.store(i); });
  };
  std::set<std::vector<FiberId>> orders;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    Simulator sim;
    PctPolicy pct(seed, 1, 10);
    run_scenario(sim, pct, three);
    std::vector<FiberId> order;
    for (FiberId f : sim.schedule()) {
      if (f == FiberId{0}) continue;
      if (order.empty() || order.back() != f) order.push_back(f);
    }
    INFO("seed " << seed);
    CHECK(order.size() == 3);  // each child's store and exit are adjacent
    orders.insert(order);
  }
  CHECK(orders.size() == 6);
}

TEST_CASE("pct lets a spinning fiber yield to the fiber it waits for", "[policies][pct]") {
  Scenario spin;
  spin.body = [](Simulator& sim, const Params&) {
    Atomic<bool> flag(sim, "flag", false);
    Thread waiter(sim, [&] {
      while (!flag.load()) sim.yield();
    });
    Thread setter(sim, [&] { flag.store(true); });
  };
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    Simulator sim;
    PctPolicy pct(seed, 1, 10);
    INFO("seed " << seed);
    CHECK(run_scenario(sim, pct, spin).outcome.status == Status::ok);
  }
}

TEST_CASE("pct lets two spinners yield to the fiber they both wait for", "[policies][pct]") {
  // Whatever the priorities, two fibers spinning with yields must not hand the CPU back and
  // forth above the fiber that sets the flag.
  Scenario spin;
  spin.body = [](Simulator& sim, const Params&) {
    Atomic<bool> flag(sim, "flag", false);
    Thread a(sim, [&] {
      while (!flag.load()) sim.yield();
    });
    Thread b(sim, [&] {
      while (!flag.load()) sim.yield();
    });
    Thread setter(sim, [&] { flag.store(true); });
  };
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    RunConfig config;
    config.max_steps = 10'000;
    Simulator sim(config);
    PctPolicy pct(seed, 1, 10);
    INFO("seed " << seed);
    CHECK(run_scenario(sim, pct, spin).outcome.status == Status::ok);
  }
}

TEST_CASE("pct draws min(depth - 1, steps) distinct change points below steps", "[policies][pct]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const PctPolicy deep(seed, 5, 3);
    std::vector<std::uint64_t> all(deep.change_points().begin(), deep.change_points().end());
    std::sort(all.begin(), all.end());
    CHECK(all == std::vector<std::uint64_t>{0, 1, 2});
    const PctPolicy usual(seed, 4, 1000);
    std::set<std::uint64_t> cps(usual.change_points().begin(), usual.change_points().end());
    CHECK(cps.size() == 3);
    CHECK(*cps.rbegin() < 1000);
    CHECK(PctPolicy(seed, 1, 1000).change_points().empty());
  }
}

TEST_CASE("pct names itself and the settings it uses", "[policies][pct]") {
  const PolicyInfo info = PctPolicy(7, 2, 0).info();
  CHECK(info.name == "pct");
  const std::vector<std::pair<std::string, std::int64_t>> expected = {
      {"seed", 7}, {"depth", 2}, {"steps", static_cast<std::int64_t>(PctPolicy::kDefaultSteps)}};
  CHECK(info.params == expected);
}

TEST_CASE("pct gives every spinner its turn: a ticket lock of five threads never livelocks",
          "[sim][pct]") {
  // The thread a ticket lock serves next spins too; among spinners the one that yielded longest
  // ago goes next, so two higher-priority spinners cannot hand the CPU back and forth forever.
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    PctPolicy pct(seed, 3, 200);
    pct.begin_run();
    Simulator sim(RunConfig{});
    const RunResult& r = sim.run(pct, [&] { testing::ticket_counting(sim, 5); });
    INFO("seed " << seed << ": " << r.outcome.message);
    REQUIRE(r.outcome.status == Status::ok);
  }
}
