#include "sim/policies/rr.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <utility>
#include <vector>

#include "scenarios/article/race.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/sim/policies/policy_test_support.h"

using namespace interleave;
using namespace std::chrono_literals;
using interleave::testing::StepLog;

namespace {

// spinners(sim, count, loads) spawns count fibers that each load a shared variable loads times.
void spinners(Simulator& sim, int count, int loads) {
  Shared<int> x(sim, "x", 0);
  std::vector<Thread> ts;
  for (int i = 0; i < count; ++i) {
    ts.emplace_back(sim, [&] {
      for (int k = 0; k < loads; ++k) x.load();
    });
  }
}

// runs(schedule) compresses a schedule into (fiber, length) runs.
std::vector<std::pair<FiberId, std::size_t>> runs(std::span<const FiberId> schedule) {
  std::vector<std::pair<FiberId, std::size_t>> out;
  for (FiberId f : schedule) {
    if (!out.empty() && out.back().first == f) {
      ++out.back().second;
    } else {
      out.emplace_back(f, 1);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("rr preempts a spinning fiber exactly when its 10 ms quantum is used up",
          "[policies][rr]") {
  Simulator sim;  // step_cost 1 µs
  RoundRobinPolicy rr;
  REQUIRE(rr.quantum() == 10ms);
  StepLog log;
  const FiberId spinner{1}, other{2};
  rr.begin_run();
  auto r = sim.run(
      rr,
      [&] {
        Shared<int> x(sim, "x", 0);
        Thread a(sim, "spinner", [&] {
          for (int k = 0; k < 20'000; ++k) x.load();
        });
        Thread b(sim, "other", [&] { x.store(1); });
      },
      &log);
  REQUIRE(r.outcome.status == Status::ok);
  const auto schedule = sim.schedule();
  std::size_t in = 0;
  while (schedule[in] != spinner) ++in;
  std::size_t out = in;
  while (schedule[out] == spinner) ++out;
  // The spinner was switched in at `in` and ran until the clock reached in + 10 ms.
  CHECK(schedule[out] == other);
  CHECK(log.clocks[out] - log.clocks[in] == 10ms);
  CHECK(out - in == 10'000);
  CHECK(r.stats.preemptions >= 1);
}

TEST_CASE("rr switches at the first point at or past the quantum when steps do not divide it",
          "[policies][rr]") {
  RunConfig config;
  config.step_cost = 3us;
  Simulator sim(config);
  RoundRobinPolicy rr(100us);
  StepLog log;
  rr.begin_run();
  auto r = sim.run(
      rr, [&] { spinners(sim, 2, 500); }, &log);
  REQUIRE(r.outcome.status == Status::ok);
  const auto slices = runs(sim.schedule());
  // slices: main's three steps (spawn, spawn, join), then the spinners' slices.
  REQUIRE(slices.size() > 4);
  std::size_t start = slices[0].second;
  for (std::size_t i = 1; i + 1 < slices.size() && i < 6; ++i) {
    const std::size_t end = start + slices[i].second;
    INFO("slice " << i << " of fiber " << index(slices[i].first));
    CHECK(log.clocks[end] - log.clocks[start] >= 100us);
    CHECK(log.clocks[end - 1] - log.clocks[start] < 100us);
    start = end;
  }
}

TEST_CASE("rr rotates spinning fibers in ready order, one quantum each", "[policies][rr]") {
  Simulator sim;
  RoundRobinPolicy rr(100us);  // 100 steps at the default step cost
  rr.begin_run();
  auto r = sim.run(rr, [&] { spinners(sim, 3, 1000); });
  REQUIRE(r.outcome.status == Status::ok);
  const auto slices = runs(sim.schedule());
  REQUIRE(slices.size() > 10);
  CHECK(slices[0] == std::pair{FiberId{0}, std::size_t{4}});  // spawn x3, join
  for (std::size_t i = 1; i <= 9; ++i) {
    INFO("slice " << i);
    CHECK(slices[i].first == FiberId{static_cast<std::uint32_t>((i - 1) % 3 + 1)});
    CHECK(slices[i].second == 100);
  }
  CHECK(r.stats.preemptions >= 9);
}

TEST_CASE("rr hands the CPU over at a yield without waiting for the quantum", "[policies][rr]") {
  Simulator sim;
  RoundRobinPolicy rr;
  rr.begin_run();
  auto r = sim.run(rr, [&] {
    Shared<int> x(sim, "x", 0);
    Thread a(sim, [&] {
      for (int k = 0; k < 3; ++k) {
        x.store(1);
        sim.yield();
      }
    });
    Thread b(sim, [&] {
      for (int k = 0; k < 3; ++k) {
        x.store(2);
        sim.yield();
      }
    });
  });
  REQUIRE(r.outcome.status == Status::ok);
  const auto slices = runs(sim.schedule());
  // After main blocks: a (store, yield), b (store, yield), a, b, ...: slices of two steps.
  REQUIRE(slices.size() >= 7);
  for (std::size_t i = 1; i <= 5; ++i) {
    CHECK(slices[i].first == FiberId{static_cast<std::uint32_t>((i - 1) % 2 + 1)});
    CHECK(slices[i].second == 2);
  }
  CHECK(r.stats.preemptions == 0);
}

TEST_CASE("rr with a quantum longer than the run behaves like fifo on the article race",
          "[policies][rr]") {
  // Nothing runs for 10 ms, so rr never preempts and the article's 6 comes out.
  Simulator sim;
  RoundRobinPolicy rr;
  auto r = interleave::testing::run_scenario(sim, rr, article_race());
  CHECK(interleave::testing::int_result(r, "total") == 6);
  CHECK(r.stats.preemptions == 0);
}

TEST_CASE("rr names itself and its quantum", "[policies][rr]") {
  const PolicyInfo info = RoundRobinPolicy(250us).info();
  CHECK(info.name == "rr");
  REQUIRE(info.params.size() == 1);
  CHECK(info.params[0] == std::pair<std::string, std::int64_t>{"quantum_ns", 250'000});
}
