#include "primitives/spin_lock.h"

#include <catch2/catch.hpp>
#include <mutex>
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

// Three fibers each add 1 twice to a plain counter under the spin lock.
void counter_under_spin_lock(Simulator& sim) {
  SpinLock lock(sim, "lock");
  Shared<int> counter(sim, "counter", 0);
  Occupancy section;
  {
    std::vector<Thread> ts;
    for (int t = 0; t < 3; ++t) {
      ts.emplace_back(sim, [&] {
        for (int k = 0; k < 2; ++k) {
          std::lock_guard<SpinLock> guard(lock);
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

TEST_CASE("spin lock keeps mutual exclusion under 1000 random schedules",
          "[primitives][spin_lock]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, counter_under_spin_lock);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("spin lock keeps mutual exclusion under 1000 PCT schedules", "[primitives][spin_lock]") {
  const auto bad = first_not_ok(pct_policy(3, 100), 1, 1000, counter_under_spin_lock);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("spin lock waiters spin and yield, and say so in notes", "[primitives][spin_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  NoteRecorder notes;
  std::uint64_t spins = 0;
  auto r = sim.run(
      fifo,
      [&] {
        SpinLock lock(sim, "l");
        Thread holder(sim, "holder", [&] {
          lock.lock();
          sim.sleep(1ms);
          lock.unlock();
        });
        Thread spinner(sim, "spinner", [&] {
          lock.lock();
          lock.unlock();
        });
        holder.join();
        spinner.join();
        spins = lock.spins();
      },
      &notes);
  CHECK(r.outcome.status == Status::ok);
  CHECK(spins >= 1);
  CHECK(r.stats.spin_steps >= 900);  // about 1 ms of 1 µs steps
  CHECK(notes.has("spinner spins on l (held by holder)"));
  CHECK(notes.has("holder released spin lock l"));
}

TEST_CASE("spin lock try_lock takes a free lock and refuses a held one",
          "[primitives][spin_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  bool first = false;
  bool second = true;
  auto r = sim.run(fifo, [&] {
    SpinLock lock(sim, "l");
    first = lock.try_lock();
    Thread other(sim, "other", [&] { second = lock.try_lock(); });
    other.join();
    lock.unlock();
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(first);
  CHECK_FALSE(second);
}

TEST_CASE("unlocking a spin lock held by another fiber fails the run", "[primitives][spin_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    SpinLock lock(sim, "l");
    lock.lock();
    Thread thief(sim, "thief", [&] { lock.unlock(); });
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "thief unlocked spin lock l, which main holds");
}

TEST_CASE("relocking a spin lock from its owner fails the run instead of spinning forever",
          "[primitives][spin_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    SpinLock lock(sim, "l");
    lock.lock();
    lock.lock();
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "main locked spin lock l, which it already holds");
}
