#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <string>

#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/policies/rr.h"
#include "sim/simulator.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

const Scenario& naive() {
  return *builtin_scenarios().find("article/naive-spinlock");
}

bool two_inside(const RunResult& r) {
  return r.outcome.status == Status::failed &&
         r.outcome.message.find("entered the critical section while") != std::string::npos;
}

}  // namespace

TEST_CASE("article/naive-spinlock lets two threads in under some random seed",
          "[scenarios][article]") {
  const auto found = first_seed(random_policy, 1, 1000, scenario_body(naive()), two_inside);
  REQUIRE(found);
  INFO(describe(found));
  CHECK(found->result.outcome.message.rfind("t", 0) == 0);  // names the threads
}

TEST_CASE("article/naive-spinlock lets two threads in under some PCT seed",
          "[scenarios][article]") {
  RunConfig config;  // a spinner that never yields may starve the holder: keep those runs short
  config.max_steps = 10'000;
  const auto found =
      first_seed(pct_policy(3, 60), 1, 1000, scenario_body(naive()), two_inside, config);
  REQUIRE(found);
  INFO(describe(found));
}

TEST_CASE("article/naive-spinlock lets two threads in and loses an update under some seed",
          "[scenarios][article]") {
  const auto found =
      first_seed(random_policy, 1, 1000, scenario_body(naive()), [](const RunResult& r) {
        return two_inside(r) && std::get<std::int64_t>(result_of(r, "total")) != 10;
      });
  REQUIRE(found);
  INFO(describe(found));
  CHECK(found->result.outcome.message.find("; the total is ") != std::string::npos);
}

TEST_CASE("article/naive-spinlock's description holds: random seed 2 totals 6 with an overlap",
          "[scenarios][article]") {
  Simulator sim;
  RandomPolicy random(2);
  random.begin_run();
  auto body = scenario_body(naive());
  const RunResult r = sim.run(random, [&] { body(sim); });
  CHECK(two_inside(r));
  CHECK(std::get<std::int64_t>(result_of(r, "total")) == 6);
}

TEST_CASE("article/naive-spinlock under fifo is a livelock: the spinner is never preempted",
          "[scenarios][article]") {
  Simulator sim;
  FifoPolicy fifo;
  auto body = scenario_body(naive());
  const RunResult r = sim.run(fifo, [&] { body(sim); });
  CHECK(r.outcome.status == Status::livelock);
  CHECK(r.outcome.message.find("t4") != std::string::npos);
}

TEST_CASE(
    "article/naive-spinlock under rr spins one quantum, then the rest of thread 3's sleep is "
    "skipped and counted as spinning",
    "[scenarios][article]") {
  Simulator sim;
  RoundRobinPolicy rr;  // quantum 10 ms: 10,000 steps of 1 us
  rr.begin_run();
  auto body = scenario_body(naive());  // t3 sleeps 2 s holding the lock
  const RunResult r = sim.run(rr, [&] { body(sim); });
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(std::get<std::int64_t>(result_of(r, "total")) == 10);
  // While main can still run, t4 executes its quantum of busy loads, one load a step; once main
  // has blocked, t4 only spins and the clock skips to t3's wake-up.
  const auto spins = std::get<std::int64_t>(result_of(r, "spins"));
  CHECK(spins >= 10'000);
  CHECK(spins < 11'000);
  CHECK(r.stats.steps < 11'000);
  // Executed and skipped, the whole 2 s wait is counted as spinning steps.
  CHECK(r.stats.spin_steps >= 1'999'000);
  CHECK(r.stats.clock >= std::chrono::seconds(2));
}
