#include "primitives/rw_lock.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <shared_mutex>
#include <vector>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

// Two writers and two readers, twice each. A writer is alone; readers only meet readers.
struct Counts {
  int readers = 0;
  int writers = 0;
  int most_readers = 0;
};

void readers_and_writers(Simulator& sim, Counts& c) {
  RwLock rw(sim, "rw");
  Shared<int> value(sim, "value", 0);
  c = Counts{};
  std::vector<Thread> ts;
  for (int w = 0; w < 2; ++w) {
    ts.emplace_back(sim, [&] {
      for (int k = 0; k < 2; ++k) {
        std::unique_lock<RwLock> lock(rw);
        sim.check(c.readers == 0 && c.writers == 0, "a writer entered while others were inside");
        ++c.writers;
        value.store(value.load() + 1);
        --c.writers;
      }
    });
  }
  for (int r = 0; r < 2; ++r) {
    ts.emplace_back(sim, [&] {
      for (int k = 0; k < 2; ++k) {
        std::shared_lock<RwLock> lock(rw);
        sim.check(c.writers == 0, "a reader entered while a writer was inside");
        ++c.readers;
        c.most_readers = std::max(c.most_readers, c.readers);
        value.load();
        --c.readers;
      }
    });
  }
  for (Thread& t : ts) t.join();
  sim.check(value.load() == 4, "a write was lost");
}

}  // namespace

TEST_CASE("rw lock keeps writers alone and lets readers share under 1000 random schedules",
          "[primitives][rw_lock]") {
  Counts c;
  int most_readers = 0;
  const auto bad = first_seed(
      random_policy, 1, 1000, [&](Simulator& sim) { readers_and_writers(sim, c); },
      [&](const RunResult& r) {
        most_readers = std::max(most_readers, c.most_readers);
        return r.outcome.status != Status::ok;
      });
  INFO(describe(bad));
  CHECK_FALSE(bad);
  CHECK(most_readers == 2);  // readers did share in some schedule
}

TEST_CASE("rw lock keeps writers alone and lets readers share under 1000 PCT schedules",
          "[primitives][rw_lock]") {
  Counts c;
  int most_readers = 0;
  const auto bad = first_seed(
      pct_policy(3, 100), 1, 1000, [&](Simulator& sim) { readers_and_writers(sim, c); },
      [&](const RunResult& r) {
        most_readers = std::max(most_readers, c.most_readers);
        return r.outcome.status != Status::ok;
      });
  INFO(describe(bad));
  CHECK_FALSE(bad);
  CHECK(most_readers == 2);
}

TEST_CASE("rw lock try_lock fails while read, try_lock_shared fails while written",
          "[primitives][rw_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  bool write_while_read = true;
  bool read_while_written = true;
  auto r = sim.run(fifo, [&] {
    RwLock rw(sim, "rw");
    rw.lock_shared();
    Thread a(sim, "a", [&] { write_while_read = rw.try_lock(); });
    a.join();
    rw.unlock_shared();
    rw.lock();
    Thread b(sim, "b", [&] { read_while_written = rw.try_lock_shared(); });
    b.join();
    rw.unlock();
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK_FALSE(write_while_read);
  CHECK_FALSE(read_while_written);
}

TEST_CASE("upgrading a read hold to a write hold fails the run instead of deadlocking",
          "[primitives][rw_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    RwLock rw(sim, "rw");
    rw.lock_shared();
    rw.lock();
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "main locked rw lock rw, which it already holds for reading");
}

TEST_CASE("releasing a read hold the fiber does not have fails the run", "[primitives][rw_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    RwLock rw(sim, "rw");
    rw.lock_shared();
    Thread thief(sim, "thief", [&] { rw.unlock_shared(); });
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message ==
        "thief unlocked rw lock rw for reading, but it does not hold it for reading");
}

TEST_CASE("releasing a write hold another fiber has fails the run", "[primitives][rw_lock]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    RwLock rw(sim, "rw");
    rw.lock();
    Thread thief(sim, "thief", [&] { rw.unlock(); });
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "thief unlocked rw lock rw for writing, but main writes");
}
