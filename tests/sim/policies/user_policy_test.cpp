#include <algorithm>
#include <catch2/catch.hpp>
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
