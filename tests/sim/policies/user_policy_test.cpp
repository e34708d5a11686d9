#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "scenarios/article/race.h"
#include "sim/policy.h"
#include "sim/simulator.h"
#include "tests/sim/policies/policy_test_support.h"

using namespace interleave;
using interleave::testing::run_scenario;
using interleave::testing::StepLog;

namespace {

// A policy written outside the library: always the runnable fiber with the highest id.
class HighestIdPolicy final : public Policy {
 public:
  Decision pick(const SchedulingPoint& point) override {
    ++points;
    return Decision::pick(point.runnable().back());
  }
  PolicyInfo info() const override { return PolicyInfo{"highest-id", {}}; }

  int points = 0;  // scheduling points seen, across runs
};

}  // namespace

TEST_CASE("a user-defined policy decides every step of a run", "[policies][user]") {
  Simulator sim;
  HighestIdPolicy policy;
  StepLog log;
  const RunResult r = run_scenario(sim, policy, article_race(), &log);
  const auto schedule = sim.schedule();
  REQUIRE(schedule.size() == log.runnable.size());
  CHECK(policy.points == static_cast<int>(schedule.size()));
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    INFO("step " << i);
    CHECK(schedule[i] == *std::max_element(log.runnable[i].begin(), log.runnable[i].end()));
  }
  // The newest thread always goes first: each runs to its exit as soon as it is spawned.
  CHECK(r.stats.preemptions > 0);
  CHECK(interleave::testing::int_result(r, "total") == 6);
}

namespace {

// Follows a plan given up front (PolicyHints::planned), then the highest runnable id; logs the
// steps at which it was asked.
class PlannedPolicy final : public Policy {
 public:
  explicit PlannedPolicy(std::vector<FiberId> plan) : plan_(std::move(plan)) {}
  Decision pick(const SchedulingPoint& point) override {
    asked_at.push_back(point.step());
    return Decision::pick(point.runnable().back());
  }
  PolicyInfo info() const override { return PolicyInfo{"planned", {}}; }
  PolicyHints hints() const override { return {.keeps_stepping_fiber = false, .planned = plan_}; }

  std::vector<std::uint64_t> asked_at;  // the step of every point pick() was called at

 private:
  std::vector<FiberId> plan_;
};

}  // namespace

TEST_CASE("a policy's planned decisions are taken without asking it, and it decides the rest",
          "[policies][user]") {
  Simulator sim;
  HighestIdPolicy highest;
  run_scenario(sim, highest, article_race());
  const std::vector<FiberId> reference(sim.schedule().begin(), sim.schedule().end());
  REQUIRE(reference.size() > 12);

  // The plan is the reference's first 12 decisions; the policy then picks as HighestIdPolicy.
  PlannedPolicy planned(std::vector<FiberId>(reference.begin(), reference.begin() + 12));
  const RunResult r = run_scenario(sim, planned, article_race());
  CHECK(std::vector<FiberId>(sim.schedule().begin(), sim.schedule().end()) == reference);
  REQUIRE_FALSE(planned.asked_at.empty());
  CHECK(planned.asked_at.front() == 12);  // not asked at the planned points
  CHECK(planned.asked_at.size() == reference.size() - 12);
  CHECK(interleave::testing::int_result(r, "total") == 6);
}

TEST_CASE("a planned fiber that cannot run hands the point back to the policy",
          "[policies][user]") {
  Simulator sim;
  // Step 0 can only be main's; at step 1 there is no fiber 7.
  PlannedPolicy planned({FiberId{0}, FiberId{7}, FiberId{0}});
  run_scenario(sim, planned, article_race());
  REQUIRE(planned.asked_at.size() >= 2);
  CHECK(planned.asked_at[0] == 1);
  CHECK(planned.asked_at[1] == 3);  // step 2's planned fiber, main, could run
}
