#pragma once
// guarded_race: the article's race on `total` with each thread's read-modify-write inside a
// lock. Shared by article/naive-spinlock, article/spinlock and article/lock.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/ids.h"
#include "sim/scenario.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

// The parameter every guarded race takes: how long thread 3 sleeps inside the section.
inline ParamSpec race_sleep_param() {
  return ParamSpec{"sleep_ms", 2000, "how long thread 3 sleeps between its read and its write"};
}

// guarded_race(sim, lock, sleep, report_lock) runs five threads t0..t4 that each add their
// index to `total` under lock, t3 sleeping `sleep` between its read and its write. Entering
// the section checks, with plain code (no step), that nobody else is inside, and fails the run
// naming both threads otherwise; the end checks total == 10. report_lock() reports the lock's
// own statistics; it runs before either verdict, so they are reported on failure too.
template <class Lock, class ReportLock>
void guarded_race(Simulator& sim, Lock& lock, Nanos sleep, ReportLock report_lock) {
  Shared<int> total(sim, "total", 0);
  int inside = 0;                   // threads inside the critical section
  std::optional<FiberId> occupant;  // the thread inside, when there is one
  {
    std::vector<Thread> threads;
    threads.reserve(5);
    for (int i = 0; i < 5; ++i) {
      threads.emplace_back(sim, "t" + std::to_string(i), [&, i] {
        lock.lock();
        const FiberId me = sim.current_fiber();
        if (inside != 0) {
          report_lock();
          sim.fail(std::string(sim.fiber_name(me)) + " entered the critical section while " +
                   std::string(sim.fiber_name(*occupant)) + " was inside");
        }
        ++inside;
        occupant = me;
        const int temp = total.load();
        if (i == 3) sim.sleep(sleep);
        total.store(temp + i);
        --inside;
        occupant.reset();
        lock.unlock();
      });
    }
    for (Thread& t : threads) t.join();
  }
  const int result = total.load();
  sim.report("total", std::int64_t{result});
  report_lock();
  sim.check(result == 10, "the total is " + std::to_string(result) + ", expected 10");
}

}  // namespace interleave
