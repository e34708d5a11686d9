#include "primitives/barrier.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <vector>

#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;
using namespace std::chrono_literals;

namespace {

// Three fibers go through three rounds; nobody may leave a round before all have arrived,
// the arrival indices of a round are 0, 1, 2 in some order, and the action runs once a round.
void three_rounds(Simulator& sim) {
  constexpr int kParties = 3;
  constexpr int kRounds = 3;
  std::array<int, kRounds> arrived{};  // plain: who reached each round
  std::array<std::vector<std::uint32_t>, kRounds> indices;
  int actions = 0;
  Barrier b(sim, "b", kParties, [&] { ++actions; });
  {
    std::vector<Thread> ts;
    for (int t = 0; t < kParties; ++t) {
      ts.emplace_back(sim, [&] {
        for (int round = 0; round < kRounds; ++round) {
          ++arrived[round];
          const std::uint32_t index = b.wait();
          sim.check(arrived[round] == kParties, "a fiber left a round before everyone arrived");
          sim.check(actions >= round + 1, "released before the action ran");
          indices[round].push_back(index);
        }
      });
    }
  }
  for (auto& round : indices) {
    std::sort(round.begin(), round.end());
    sim.check(round == std::vector<std::uint32_t>{0, 1, 2}, "arrival indices are not 0, 1, 2");
  }
  sim.check(actions == kRounds, "the action did not run exactly once a round");
}

}  // namespace

TEST_CASE(
    "barrier holds every fiber until all arrive, round after round, under 1000 random "
    "schedules",
    "[primitives][barrier]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, three_rounds);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("barrier holds every fiber until all arrive, round after round, under 1000 PCT schedules",
          "[primitives][barrier]") {
  const auto bad = first_not_ok(pct_policy(3, 150), 1, 1000, three_rounds);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("abort breaks the barrier: waiters and later arrivals throw BrokenBarrier",
          "[primitives][barrier]") {
  Simulator sim;
  FifoPolicy fifo;
  int broken = 0;
  bool reports_broken = false;
  auto r = sim.run(fifo, [&] {
    Barrier b(sim, "b", 3);
    std::vector<Thread> ts;
    for (int t = 0; t < 2; ++t) {
      ts.emplace_back(sim, [&] {
        try {
          b.wait();
        } catch (const BrokenBarrier&) {
          ++broken;
        }
      });
    }
    sim.sleep(1ms);  // both are waiting
    b.abort();
    for (Thread& t : ts) t.join();
    reports_broken = b.broken();
    try {
      b.wait();
    } catch (const BrokenBarrier&) {
      ++broken;
    }
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(broken == 3);
  CHECK(reports_broken);
}

TEST_CASE("a barrier wait that times out breaks the barrier for everyone",
          "[primitives][barrier]") {
  Simulator sim;
  FifoPolicy fifo;
  int broken = 0;
  Nanos when{0};
  auto r = sim.run(fifo, [&] {
    Barrier b(sim, "b", 3);
    Thread patient(sim, "patient", [&] {
      try {
        b.wait();
      } catch (const BrokenBarrier&) {
        ++broken;
      }
    });
    try {
      b.wait(2ms);
    } catch (const BrokenBarrier&) {
      ++broken;
      when = sim.now();
    }
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(broken == 2);
  CHECK(when >= 2ms);
}

TEST_CASE("an uncaught BrokenBarrier fails the run, naming the fiber and the barrier",
          "[primitives][barrier]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Barrier b(sim, "b", 2);
    b.abort();
    Thread late(sim, "late", [&] { b.wait(); });
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "fiber 'late' threw: barrier b is broken");
}

TEST_CASE("a barrier that expects more parties than arrive deadlocks, naming the barrier",
          "[primitives][barrier]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Barrier b(sim, "b", 3);
    Thread other(sim, "other", [&] { b.wait(); });
    b.wait();
  });
  CHECK(r.outcome.status == Status::deadlock);
  CHECK_THAT(r.outcome.message, Catch::Contains("waits for barrier 'b'"));
}
