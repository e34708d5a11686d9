#include "primitives/recursive_mutex.h"

#include <catch2/catch.hpp>
#include <mutex>
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

// Three fibers each take the lock twice (nested) around a plain read-modify-write.
void nested_counter(Simulator& sim) {
  RecursiveMutex m(sim, "r");
  Shared<int> counter(sim, "counter", 0);
  Occupancy section;
  {
    std::vector<Thread> ts;
    for (int t = 0; t < 3; ++t) {
      ts.emplace_back(sim, [&] {
        std::lock_guard<RecursiveMutex> outer(m);
        section.enter(sim);
        {
          std::lock_guard<RecursiveMutex> inner(m);
          const int v = counter.load();
          counter.store(v + 1);
        }
        const int v = counter.load();  // still held after the inner release
        counter.store(v + 1);
        section.leave();
      });
    }
  }
  sim.check(counter.load() == 6, "the counter lost an update");
}

}  // namespace

TEST_CASE("recursive mutex keeps mutual exclusion with nested holds under 1000 random schedules",
          "[primitives][recursive_mutex]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, nested_counter);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("recursive mutex keeps mutual exclusion with nested holds under 1000 PCT schedules",
          "[primitives][recursive_mutex]") {
  const auto bad = first_not_ok(pct_policy(3, 100), 1, 1000, nested_counter);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("recursive mutex is released only by the last unlock", "[primitives][recursive_mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  bool other_got_it_early = true;
  bool other_got_it_late = false;
  auto r = sim.run(fifo, [&] {
    RecursiveMutex m(sim, "r");
    m.lock();
    m.lock();
    CHECK(m.depth() == 2);
    m.unlock();
    Thread early(sim, "early", [&] { other_got_it_early = m.try_lock(); });
    early.join();
    m.unlock();
    CHECK(m.depth() == 0);
    Thread late(sim, "late", [&] {
      other_got_it_late = m.try_lock_for(1ms);
      if (other_got_it_late) m.unlock();
    });
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK_FALSE(other_got_it_early);
  CHECK(other_got_it_late);
}

TEST_CASE("unlocking a recursive mutex the fiber does not hold fails the run",
          "[primitives][recursive_mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    RecursiveMutex m(sim, "r");
    m.lock();
    Thread thief(sim, "thief", [&] { m.unlock(); });
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "thief unlocked recursive mutex r, which it does not hold");
}

TEST_CASE("unlocking a recursive mutex once too often fails the run",
          "[primitives][recursive_mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    RecursiveMutex m(sim, "r");
    m.lock();
    m.unlock();
    m.unlock();
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "main unlocked recursive mutex r, which it does not hold");
}
