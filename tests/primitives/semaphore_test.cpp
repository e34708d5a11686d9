#include "primitives/semaphore.h"

#include <catch2/catch.hpp>
#include <vector>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/occupancy.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;
using namespace std::chrono_literals;

namespace {

// Five fibers pass twice through a section a Semaphore(2) guards.
void two_at_a_time(Simulator& sim, Occupancy& section) {
  Semaphore sem(sim, "s", 2);
  section = Occupancy{};
  section.allowed = 2;
  {
    std::vector<Thread> ts;
    for (int t = 0; t < 5; ++t) {
      ts.emplace_back(sim, [&] {
        for (int k = 0; k < 2; ++k) {
          sem.acquire();
          section.enter(sim);
          sim.yield();  // a step inside, so others can try to come in
          section.leave();
          sem.release();
        }
      });
    }
  }
  sim.check(sem.value() == 2, "the semaphore did not return to 2");
}

}  // namespace

TEST_CASE("semaphore admits at most its count under 1000 random schedules",
          "[primitives][semaphore]") {
  int most = 0;
  Occupancy section;
  const auto bad = first_seed(
      random_policy, 1, 1000, [&](Simulator& sim) { two_at_a_time(sim, section); },
      [&](const RunResult& r) {
        most = std::max(most, section.most);
        return r.outcome.status != Status::ok;
      });
  INFO(describe(bad));
  CHECK_FALSE(bad);
  CHECK(most == 2);  // the bound is reached, so the check is not vacuous
}

TEST_CASE("semaphore admits at most its count under 1000 PCT schedules",
          "[primitives][semaphore]") {
  int most = 0;
  Occupancy section;
  const auto bad = first_seed(
      pct_policy(3, 150), 1, 1000, [&](Simulator& sim) { two_at_a_time(sim, section); },
      [&](const RunResult& r) {
        most = std::max(most, section.most);
        return r.outcome.status != Status::ok;
      });
  INFO(describe(bad));
  CHECK_FALSE(bad);
  CHECK(most == 2);
}

TEST_CASE("semaphore try_acquire does not block and try_acquire_for gives up at its deadline",
          "[primitives][semaphore]") {
  Simulator sim;
  FifoPolicy fifo;
  bool tried = true;
  bool timed = true;
  Nanos waited{0};
  auto r = sim.run(fifo, [&] {
    Semaphore sem(sim, "s", 0);
    tried = sem.try_acquire();
    const Nanos start = sim.now();
    timed = sem.try_acquire_for(5ms);
    waited = sim.now() - start;
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK_FALSE(tried);
  CHECK_FALSE(timed);
  CHECK(waited >= 5ms);
  CHECK(waited < 6ms);
}

TEST_CASE("semaphore release(n) wakes n blocked fibers", "[primitives][semaphore]") {
  Simulator sim;
  FifoPolicy fifo;
  int through = 0;
  auto r = sim.run(fifo, [&] {
    Semaphore sem(sim, "s", 0);
    std::vector<Thread> ts;
    for (int t = 0; t < 3; ++t) {
      ts.emplace_back(sim, [&] {
        sem.acquire();
        ++through;
      });
    }
    sim.sleep(1ms);  // all three block
    sem.release(3);
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(through == 3);
}

TEST_CASE("a semaphore acquired more often than released deadlocks, naming the semaphore",
          "[primitives][semaphore]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Semaphore sem(sim, "s", 1);
    sem.acquire();
    sem.acquire();
  });
  CHECK(r.outcome.status == Status::deadlock);
  CHECK_THAT(r.outcome.message, Catch::Contains("waits for semaphore 's'"));
}

TEST_CASE("a semaphore with a negative initial value fails the run", "[primitives][semaphore]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] { Semaphore sem(sim, "s", -1); });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "semaphore s was given a negative initial value -1");
}
