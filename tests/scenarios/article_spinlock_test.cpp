#include <catch2/catch.hpp>
#include <cstdint>

#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/policies/rr.h"
#include "sim/simulator.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

const Scenario& spinlock() {
  return *builtin_scenarios().find("article/spinlock");
}

}  // namespace

TEST_CASE("article/spinlock keeps one thread inside and totals 10 under 1000 random seeds",
          "[scenarios][article]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, scenario_body(spinlock()));
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("article/spinlock keeps one thread inside and totals 10 under 1000 PCT seeds",
          "[scenarios][article]") {
  const auto bad = first_not_ok(pct_policy(3, 60), 1, 1000, scenario_body(spinlock()));
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("article/spinlock under fifo spins for the two seconds thread 3 sleeps",
          "[scenarios][article]") {
  Simulator sim;
  FifoPolicy fifo;
  auto body = scenario_body(spinlock());
  const RunResult r = sim.run(fifo, [&] { body(sim); });
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(std::get<std::int64_t>(result_of(r, "total")) == 10);
  CHECK(std::get<std::int64_t>(result_of(r, "spins")) >= 1);
  // About 2 s of 1 µs steps went to spinning, where article/lock spends none.
  CHECK(r.stats.spin_steps >= 1'900'000);
  CHECK(r.stats.steps < 1000);
}

TEST_CASE("article/spinlock under rr shows the steps wasted spinning while thread 3 sleeps",
          "[scenarios][article]") {
  Simulator sim;
  RoundRobinPolicy rr;
  rr.begin_run();
  auto body = scenario_body(spinlock());
  const RunResult r = sim.run(rr, [&] { body(sim); });
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(std::get<std::int64_t>(result_of(r, "total")) == 10);
  CHECK(std::get<std::int64_t>(result_of(r, "overlaps")) == 0);
  CHECK(r.stats.spin_steps >= 1'900'000);
  CHECK(r.stats.clock >= std::chrono::seconds(2));
}
