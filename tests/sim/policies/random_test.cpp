#include "sim/policies/random.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <set>
#include <vector>

#include "scenarios/article/race.h"
#include "sim/simulator.h"
#include "tests/sim/policies/policy_test_support.h"

using namespace interleave;
using interleave::testing::int_result;
using interleave::testing::run_scenario;
using interleave::testing::StepLog;

namespace {

// schedule_for(seed) is the schedule of the article race under random with seed.
std::vector<FiberId> schedule_for(std::uint64_t seed) {
  Simulator sim;
  RandomPolicy random(seed);
  run_scenario(sim, random, article_race());
  return {sim.schedule().begin(), sim.schedule().end()};
}

}  // namespace

TEST_CASE("random gives the same schedule for the same seed", "[policies][random]") {
  for (std::uint64_t seed : {1u, 2u, 77u}) {
    CHECK(schedule_for(seed) == schedule_for(seed));
  }
}

TEST_CASE("random restarts from its seed on every run of one policy object", "[policies][random]") {
  Simulator sim;
  RandomPolicy random(5);
  const auto first = run_scenario(sim, random, article_race());
  const std::vector<FiberId> schedule(sim.schedule().begin(), sim.schedule().end());
  const auto second = run_scenario(sim, random, article_race());
  CHECK(std::vector<FiberId>(sim.schedule().begin(), sim.schedule().end()) == schedule);
  CHECK(second.outcome == first.outcome);
  CHECK(second.stats == first.stats);
  random.set_seed(6);
  run_scenario(sim, random, article_race());
  CHECK(std::vector<FiberId>(sim.schedule().begin(), sim.schedule().end()) == schedule_for(6));
}

TEST_CASE("random gives different schedules for different seeds", "[policies][random]") {
  std::set<std::vector<FiberId>> schedules;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) schedules.insert(schedule_for(seed));
  CHECK(schedules.size() == 8);
}

TEST_CASE("random picks among all runnable fibers", "[policies][random]") {
  // Over a few seeds, every runnable fiber of a scheduling point with a choice gets picked
  // at the first such point.
  std::set<FiberId> picked;
  std::vector<FiberId> offered;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    Simulator sim;
    RandomPolicy random(seed);
    StepLog log;
    run_scenario(sim, random, article_race(), &log);
    std::size_t i = 0;
    while (log.runnable[i].size() < 2) ++i;
    if (offered.empty()) offered = log.runnable[i];
    REQUIRE(log.runnable[i] == offered);  // the first choice is the same whatever the seed
    picked.insert(log.fibers[i]);
  }
  CHECK(picked == std::set<FiberId>(offered.begin(), offered.end()));
}

TEST_CASE("random finds several totals of the article race, 10 and 6 among them",
          "[policies][random]") {
  std::set<std::int64_t> totals;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    Simulator sim;
    RandomPolicy random(seed);
    const RunResult r = run_scenario(sim, random, article_race());
    const std::int64_t total = int_result(r, "total");
    CHECK(r.outcome.status == (total == 10 ? Status::ok : Status::failed));
    totals.insert(total);
  }
  INFO("distinct totals: " << totals.size());
  CHECK(totals.size() >= 3);
  CHECK(totals.count(10) == 1);
  CHECK(totals.count(6) == 1);
}

TEST_CASE("random names itself and its seed", "[policies][random]") {
  const PolicyInfo info = RandomPolicy(42).info();
  CHECK(info.name == "random");
  REQUIRE(info.params.size() == 1);
  CHECK(info.params[0] == std::pair<std::string, std::int64_t>{"seed", 42});
}
