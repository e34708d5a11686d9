#include "scenarios/classic/readers_writers.h"

#include <cstdint>
#include <string>
#include <vector>

#include "primitives/rw_lock.h"
#include "primitives/semaphore.h"
#include "scenarios/classic/size_param.h"
#include "scenarios/occupants.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> rw_params() {
  return {{"readers", 2, "how many reader threads", 0, 1000},
          {"writers", 1, "how many writer threads", 0, 1000},
          {"rounds", 1, "how many times each thread reads or writes", 1, 100000}};
}

// The data and the watch on who uses it. A reader loads "data"; a writer loads and stores it.
// Entering checks, with plain code, that a writer is alone and that no reader meets a writer.
class Library {
 public:
  explicit Library(Simulator& sim)
      : sim_(sim), data_(sim, "data", 0), readers_(sim), writers_(sim) {}

  // read() is a reader's visit: it must find no writer inside.
  void read() {
    const FiberId me = sim_.current_fiber();
    if (!writers_.empty()) {
      sim_.fail(name(me) + " started reading while " + doing(writers_, "writing"));
      return;
    }
    readers_.enter(me);
    data_.load();
    readers_.leave(me);
  }
  // write() is a writer's visit: it must find nobody inside.
  void write() {
    const FiberId me = sim_.current_fiber();
    if (!writers_.empty() || !readers_.empty()) {
      sim_.fail(name(me) + " started writing while " +
                (writers_.empty() ? doing(readers_, "reading") : doing(writers_, "writing")));
      return;
    }
    writers_.enter(me);
    const int v = data_.load();
    data_.store(v + 1);
    writers_.leave(me);
  }
  // most_readers() is the most readers that were inside at once.
  std::int64_t most_readers() const { return static_cast<std::int64_t>(readers_.most()); }
  // writes() is the data's value: one per completed write (no step).
  int writes() const { return data_.peek(); }

 private:
  std::string name(FiberId f) const { return std::string(sim_.fiber_name(f)); }
  // doing(who, what) is "reader 0 was reading" or "reader 0 and reader 1 were reading".
  std::string doing(const Occupants& who, const char* what) const {
    return who.names(sim_) + (who.size() > 1 ? " were " : " was ") + what;
  }

  Simulator& sim_;
  Shared<int> data_;   // incremented by every write
  Occupants readers_;  // readers between their entry check and the end of their load
  Occupants writers_;  // writers between their entry check and the end of their store
};

// run_library(sim, params, reader, writer) runs the readers "reader i" and writers "writer i",
// each calling reader(library) or writer(library) `rounds` times, then checks every write
// counted.
template <class Reader, class Writer>
void run_library(Simulator& sim, const Params& params, Reader reader, Writer writer) {
  const int readers = size_param(sim, params, "readers", 0);
  const int writers = size_param(sim, params, "writers", 0);
  const int rounds = size_param(sim, params, "rounds", 1);
  Library library(sim);
  {
    std::vector<Thread> threads;
    threads.reserve(static_cast<std::size_t>(readers + writers));
    for (int i = 0; i < writers; ++i) {
      threads.emplace_back(sim, "writer " + std::to_string(i), [&] {
        for (int r = 0; r < rounds; ++r) writer(library);
      });
    }
    for (int i = 0; i < readers; ++i) {
      threads.emplace_back(sim, "reader " + std::to_string(i), [&] {
        for (int r = 0; r < rounds; ++r) reader(library);
      });
    }
    for (Thread& t : threads) t.join();
  }
  const int writes = library.writes();
  sim.report("writes", std::int64_t{writes});
  sim.report("most_readers", library.most_readers());
  sim.check(writes == writers * rounds, "the data counts " + std::to_string(writes) +
                                            " writes, expected " +
                                            std::to_string(writers * rounds));
}

}  // namespace

Scenario classic_readers_writers() {
  Scenario s;
  s.name = "classic/readers-writers";
  s.description =
      "readers and writers share data through an RwLock (shared_mutex): readers overlap with "
      "each other, and under every schedule a writer is alone inside and every write counts";
  s.params = rw_params();
  s.body = [](Simulator& sim, const Params& params) {
    RwLock lock(sim, "rwlock");
    run_library(
        sim, params,
        [&](Library& l) {
          lock.lock_shared();
          l.read();
          lock.unlock_shared();
        },
        [&](Library& l) {
          lock.lock();
          l.write();
          lock.unlock();
        });
  };
  return s;
}

Scenario classic_readers_writers_racy() {
  Scenario s;
  s.name = "classic/readers-writers-racy";
  s.description =
      "a hand-made readers-writer lock (the first reader in takes the semaphore room, the last "
      "one out gives it back) whose reader count is loaded and stored without a mutex: a "
      "reader can count itself in after the last one gave the room to the writer, and random "
      "and pct find a reader inside with the writer (or a lost count that leaves the writer "
      "blocked forever)";
  s.params = rw_params();
  s.body = [](Simulator& sim, const Params& params) {
    Semaphore room(sim, "room", 1);
    Shared<int> count(sim, "readers", 0);
    run_library(
        sim, params,
        [&](Library& l) {
          const int before = count.load();  // the bug: no mutex around the count
          count.store(before + 1);
          if (before == 0) room.acquire();
          l.read();
          const int after = count.load() - 1;
          count.store(after);
          if (after == 0) room.release();
        },
        [&](Library& l) {
          room.acquire();
          l.write();
          room.release();
        });
  };
  return s;
}

}  // namespace interleave
