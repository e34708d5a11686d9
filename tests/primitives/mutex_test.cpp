#include "primitives/mutex.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <string>
#include <vector>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/note_recorder.h"
#include "tests/support/occupancy.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;
using namespace std::chrono_literals;

namespace {

// Three fibers each add 1 to a plain shared counter twice under the mutex, with the read and
// the write as separate steps; the counter must end at 6 and the section hold one fiber.
void counter_under_mutex(Simulator& sim) {
  Mutex m(sim, "m");
  Shared<int> counter(sim, "counter", 0);
  Occupancy section;
  {
    std::vector<Thread> ts;
    for (int t = 0; t < 3; ++t) {
      ts.emplace_back(sim, [&] {
        for (int k = 0; k < 2; ++k) {
          std::lock_guard<Mutex> guard(m);
          section.enter(sim);
          const int v = counter.load();
          counter.store(v + 1);
          section.leave();
        }
      });
    }
  }
  sim.check(counter.load() == 6, "the counter lost an update");
}

}  // namespace

TEST_CASE("mutex keeps mutual exclusion under 1000 random schedules", "[primitives][mutex]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, counter_under_mutex);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("mutex keeps mutual exclusion under 1000 PCT schedules", "[primitives][mutex]") {
  const auto bad = first_not_ok(pct_policy(3, 100), 1, 1000, counter_under_mutex);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("mutex makes contenders block rather than spin", "[primitives][mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  std::uint64_t waits = 0;
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    Thread holder(sim, "holder", [&] {
      std::lock_guard<Mutex> guard(m);
      sim.sleep(1s);
    });
    Thread waiter(sim, "waiter", [&] { std::lock_guard<Mutex> guard(m); });
    holder.join();
    waiter.join();
    waits = m.waits();
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(waits == 1);
  CHECK(r.stats.spin_steps == 0);
  CHECK(r.stats.clock >= std::chrono::nanoseconds(1s));
}

TEST_CASE("mutex notes say who waits, who releases and whom it wakes", "[primitives][mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  NoteRecorder notes;
  auto r = sim.run(
      fifo,
      [&] {
        Mutex m(sim, "m");
        Thread t1(sim, "t1", [&] {
          m.lock();
          sim.sleep(1ms);
          m.unlock();
        });
        Thread t2(sim, "t2", [&] {
          m.lock();
          m.unlock();
        });
      },
      &notes);
  CHECK(r.outcome.status == Status::ok);
  CHECK(notes.has("t1 acquired mutex m"));
  CHECK(notes.has("t2 waits for mutex m (held by t1)"));
  CHECK(notes.has("t1 released mutex m, woke t2"));
  CHECK(notes.has("t2 woke and acquired mutex m"));
}

TEST_CASE("try_lock fails on a held mutex and try_lock_for gives up at its deadline",
          "[primitives][mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  bool tried = true;
  bool timed = true;
  Nanos gave_up_after{0};
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    Thread holder(sim, "holder", [&] {
      m.lock();
      sim.sleep(10ms);
      m.unlock();
    });
    Thread other(sim, "other", [&] {
      tried = m.try_lock();
      const Nanos start = sim.now();
      timed = m.try_lock_for(3ms);
      gave_up_after = sim.now() - start;
    });
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK_FALSE(tried);
  CHECK_FALSE(timed);
  CHECK(gave_up_after >= 3ms);
  CHECK(gave_up_after < 4ms);
}

TEST_CASE("try_lock_for takes a mutex released before its deadline", "[primitives][mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  bool got = false;
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    Thread holder(sim, "holder", [&] {
      m.lock();
      sim.sleep(2ms);
      m.unlock();
    });
    Thread other(sim, "other", [&] {
      std::unique_lock<Mutex> lock(m, std::defer_lock);
      got = lock.try_lock_for(5ms);
    });
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(got);
}

TEST_CASE("unlocking a mutex held by another fiber fails the run, naming both",
          "[primitives][mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    Thread owner(sim, "owner", [&] {
      m.lock();
      sim.sleep(1ms);
      m.unlock();
    });
    Thread thief(sim, "thief", [&] {
      sim.sleep(10us);  // let the owner take it first
      m.unlock();
    });
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "thief unlocked mutex m, which owner holds");
}

TEST_CASE("unlocking a free mutex fails the run", "[primitives][mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    m.unlock();
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "main unlocked mutex m, which is not locked");
}

TEST_CASE("relocking a mutex from its owner fails the run instead of hanging",
          "[primitives][mutex]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    std::lock_guard<Mutex> outer(m);
    std::lock_guard<Mutex> inner(m);
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "main locked mutex m, which it already holds");
}
