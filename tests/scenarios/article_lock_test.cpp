#include <catch2/catch.hpp>
#include <cstdint>

#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

const Scenario& lock_scenario() {
  return *builtin_scenarios().find("article/lock");
}

}  // namespace

TEST_CASE("article/lock totals 10 under fifo, with the others blocked while thread 3 sleeps",
          "[scenarios][article]") {
  Simulator sim;
  FifoPolicy fifo;
  auto body = scenario_body(lock_scenario());
  const RunResult r = sim.run(fifo, [&] { body(sim); });
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(std::get<std::int64_t>(result_of(r, "total")) == 10);
  CHECK(std::get<std::int64_t>(result_of(r, "waits")) >= 1);
  CHECK(r.stats.spin_steps == 0);
  CHECK(r.stats.clock >= std::chrono::seconds(2));
}

TEST_CASE("article/lock totals 10 under 1000 random seeds", "[scenarios][article]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, scenario_body(lock_scenario()));
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("article/lock totals 10 under 1000 PCT seeds", "[scenarios][article]") {
  const auto bad = first_not_ok(pct_policy(3, 60), 1, 1000, scenario_body(lock_scenario()));
  INFO(describe(bad));
  CHECK_FALSE(bad);
}
