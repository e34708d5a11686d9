#include "scenarios/article/spinlock.h"

#include <chrono>
#include <cstdint>

#include "primitives/spin_lock.h"
#include "scenarios/article/guarded_race.h"
#include "sim/simulator.h"

namespace interleave {

Scenario article_spinlock() {
  Scenario s;
  s.name = "article/spinlock";
  s.description =
      "the race guarded by a test-and-set spin lock: taking the flag is one step, so every "
      "schedule totals 10, but the waiters spin (retry and yield) for the whole 2 s thread 3 "
      "sleeps holding it: about 2,000,000 spinning steps in the run's stats, where article/lock "
      "has none";
  s.params = {race_sleep_param()};
  s.body = [](Simulator& sim, const Params& params) {
    SpinLock lock(sim, "lock");
    guarded_race(sim, lock, std::chrono::milliseconds(params.get("sleep_ms")),
                 [&] { sim.report("spins", static_cast<std::int64_t>(lock.spins())); });
  };
  return s;
}

}  // namespace interleave
