#include "scenarios/article/naive_spinlock.h"

#include <chrono>
#include <cstdint>

#include "primitives/naive_spin_lock.h"
#include "scenarios/article/guarded_race.h"
#include "sim/simulator.h"

namespace interleave {

Scenario article_naive_spinlock() {
  Scenario s;
  s.name = "article/naive-spinlock";
  s.description =
      "the race guarded by the article's spin lock (spin while the flag is set, then set it); "
      "the article presents it as the fix for the total, but the check and the set are separate "
      "steps: random and pct find two threads inside and a wrong total, and under fifo a spinner "
      "is never preempted while thread 3 sleeps, so the run is a livelock";
  s.params = {race_sleep_param()};
  s.body = [](Simulator& sim, const Params& params) {
    NaiveSpinLock lock(sim, "lock");
    guarded_race(sim, lock, std::chrono::milliseconds(params.get("sleep_ms")),
                 [&] { sim.report("spins", static_cast<std::int64_t>(lock.spins())); });
  };
  return s;
}

}  // namespace interleave
