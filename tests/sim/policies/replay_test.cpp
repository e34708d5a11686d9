#include "sim/policies/replay.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/article/race.h"
#include "sim/policies/random.h"
#include "sim/simulator.h"
#include "tests/sim/policies/policy_test_support.h"

using namespace interleave;
using interleave::testing::run_scenario;

namespace {

struct Recorded {
  RunResult result;
  std::vector<FiberId> schedule;
};

Recorded record_random(std::uint64_t seed) {
  Simulator sim;
  RandomPolicy random(seed);
  RunResult r = run_scenario(sim, random, article_race());
  return Recorded{std::move(r), {sim.schedule().begin(), sim.schedule().end()}};
}

}  // namespace

TEST_CASE("replaying a random run's schedule reproduces the run exactly", "[policies][replay]") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    const Recorded original = record_random(seed);
    Simulator sim;
    ReplayPolicy replay(original.schedule);
    const RunResult again = run_scenario(sim, replay, article_race());
    INFO("seed " << seed);
    CHECK_FALSE(replay.diverged());
    CHECK(replay.error().empty());
    CHECK(again.outcome == original.result.outcome);
    CHECK(again.results == original.result.results);
    CHECK(again.stats == original.result.stats);
    CHECK(std::vector<FiberId>(sim.schedule().begin(), sim.schedule().end()) == original.schedule);
  }
}

TEST_CASE("a replayed schedule that picks a fiber that cannot run cuts the run",
          "[policies][replay]") {
  SECTION("a fiber that does not exist yet") {
    Simulator sim;
    ReplayPolicy replay(std::vector<FiberId>{FiberId{3}});
    const RunResult r = run_scenario(sim, replay, article_race());
    CHECK(r.outcome.status == Status::cut);
    CHECK(r.outcome.message ==
          "schedule step 0 picks fiber 3, which is not runnable (runnable: 0)");
    CHECK(r.outcome.step == 0);
    CHECK(replay.diverged());
    CHECK(replay.error() == r.outcome.message);
  }
  SECTION("a fiber that is blocked") {
    // Under this recorded run main blocks in a join at some step; pick main right after it.
    const Recorded original = record_random(3);
    Simulator probe;
    interleave::testing::StepLog log;
    ReplayPolicy follow(original.schedule);
    run_scenario(probe, follow, article_race(), &log);
    std::size_t step = 1;
    while (step < log.runnable.size() &&
           std::find(log.runnable[step].begin(), log.runnable[step].end(), FiberId{0}) !=
               log.runnable[step].end()) {
      ++step;
    }
    REQUIRE(step < log.runnable.size());
    std::vector<FiberId> schedule(original.schedule.begin(), original.schedule.begin() + step);
    schedule.push_back(FiberId{0});
    std::string runnable;
    for (FiberId f : log.runnable[step]) {
      runnable += (runnable.empty() ? "" : ", ") + std::to_string(index(f));
    }
    Simulator sim;
    ReplayPolicy replay(schedule);
    const RunResult r = run_scenario(sim, replay, article_race());
    CHECK(r.outcome.status == Status::cut);
    CHECK(r.outcome.message == "schedule step " + std::to_string(step) +
                                   " picks fiber 0, which is not runnable (runnable: " + runnable +
                                   ")");
    CHECK(r.outcome.step == step);
  }
}

TEST_CASE("a replayed schedule that ends too early cuts the run", "[policies][replay]") {
  const Recorded original = record_random(4);
  const std::size_t half = original.schedule.size() / 2;
  Simulator sim;
  ReplayPolicy replay({original.schedule.begin(), original.schedule.begin() + half});
  const RunResult r = run_scenario(sim, replay, article_race());
  CHECK(r.outcome.status == Status::cut);
  CHECK(r.outcome.message ==
        "the schedule ends after " + std::to_string(half) + " steps but the run goes on");
  CHECK(r.outcome.step == half);
  CHECK(replay.diverged());
  // The prefix was followed exactly.
  CHECK(std::vector<FiberId>(sim.schedule().begin(), sim.schedule().end()) ==
        std::vector<FiberId>(original.schedule.begin(), original.schedule.begin() + half));
}

TEST_CASE("a replayed schedule longer than the run is reported after the run",
          "[policies][replay]") {
  const Recorded original = record_random(5);
  std::vector<FiberId> longer = original.schedule;
  longer.push_back(FiberId{0});
  longer.push_back(FiberId{1});
  Simulator sim;
  ReplayPolicy replay(longer);
  const RunResult r = run_scenario(sim, replay, article_race());
  CHECK(r.outcome == original.result.outcome);  // the run itself is unchanged
  CHECK(replay.diverged());
  CHECK(replay.error() == "the run ended after " + std::to_string(original.schedule.size()) +
                              " steps but the schedule has " + std::to_string(longer.size()));
}

TEST_CASE("one replay policy object serves several runs, each judged on its own",
          "[policies][replay]") {
  const Recorded original = record_random(6);
  ReplayPolicy replay(original.schedule);
  Simulator sim;
  run_scenario(sim, replay, article_race());
  CHECK_FALSE(replay.diverged());
  run_scenario(sim, replay, article_race());
  CHECK_FALSE(replay.diverged());
  CHECK(replay.info().name == "replay");
  CHECK(replay.info().params ==
        std::vector<std::pair<std::string, std::int64_t>>{
            {"steps", static_cast<std::int64_t>(original.schedule.size())}});
}

TEST_CASE("a replay cut at any step unwinds the abandoned fibers cleanly", "[policies][replay]") {
  // Cutting a run leaves fibers suspended before an operation they never perform (a spawn,
  // a load); they must unwind without performing it. Every prefix of a run is tried.
  const Recorded original = record_random(8);
  for (std::size_t n = 0; n < original.schedule.size(); ++n) {
    Simulator sim;
    ReplayPolicy replay({original.schedule.begin(), original.schedule.begin() + n});
    const RunResult r = run_scenario(sim, replay, article_race());
    INFO("cut after " << n << " steps");
    CHECK(r.outcome.status == Status::cut);
    CHECK(r.outcome.step == n);
    CHECK(sim.fiber_count() <= 6);
  }
}
