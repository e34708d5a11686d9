#pragma once
// guarded_race: the article's race on `total` with each thread's read-modify-write inside a
// lock. Shared by article/naive-spinlock, article/spinlock and article/lock.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "../../sim/ids.h"
#include "../../sim/scenario.h"
#include "../../sim/shared.h"
#include "../../sim/simulator.h"
#include "../../sim/thread.h"
#include "../occupants.h"

namespace interleave {

// The parameter every guarded race takes: how long thread 3 sleeps inside the section.
inline ParamSpec race_sleep_param() {
  return ParamSpec{"sleep_ms", 2000, "how long thread 3 sleeps between its read and its write", 0,
                   3600000};
}

// guarded_race(sim, lock, sleep, report_lock) runs five threads t0..t4 that each add their
// index to `total` under lock, t3 sleeping `sleep` between its read and its write. Entering
// the section checks, with plain code (no step), whether another thread is inside; an overlap
// is counted (result `overlaps`, reported at once so that even a run that later livelocks
// shows it) and the run goes on, so that its consequence for the total can be seen. The end
// reports `total` and fails the run if threads overlapped or the total is not 10, naming the
// first overlap ("t4 entered the critical section while t3 was inside"). report_lock()
// reports the lock's own statistics before the verdict.
template <class Lock, class ReportLock>
void guarded_race(Simulator& sim, Lock& lock, Nanos sleep, ReportLock report_lock) {
  Shared<int> total(sim, "total", 0);
  Occupants inside(sim);      // threads inside the critical section, in entry order
  std::int64_t overlaps = 0;  // entries that found another thread inside
  std::string first_overlap;  // the first of them, in words
  {
    std::vector<Thread> threads;
    threads.reserve(5);
    for (int i = 0; i < 5; ++i) {
      threads.emplace_back(sim, "t" + std::to_string(i), [&, i] {
        lock.lock();
        const FiberId me = sim.current_fiber();
        inside.enter(me);
        if (inside.size() > 1) {
          const std::string what = std::string(sim.fiber_name(me)) +
                                   " entered the critical section while " +
                                   std::string(sim.fiber_name(inside.first())) + " was inside";
          sim.note([&] { return what; });
          if (overlaps++ == 0) first_overlap = what;
          sim.report("overlaps", overlaps);
        }
        const int temp = total.load();
        if (i == 3) sim.sleep(sleep);
        total.store(temp + i);
        inside.leave(me);
        lock.unlock();
      });
    }
    for (Thread& t : threads) t.join();
  }
  const int result = total.load();
  sim.report("total", std::int64_t{result});
  sim.report("overlaps", overlaps);
  report_lock();
  const std::string total_words = "the total is " + std::to_string(result) + ", expected 10";
  if (overlaps > 0) sim.fail(first_overlap + "; " + total_words);
  sim.check(result == 10, total_words);
}

}  // namespace interleave
