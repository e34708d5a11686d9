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
      "the race guarded by the article's spin lock (spin while the flag is set, then set it): "
      "the check and the set are separate steps, so random schedules put two threads inside and "
      "lose updates (seed 2: total 6); a load that finds the flag set is a spinning step, so "
      "while thread 3 sleeps 2 s holding it and only spinners can run, the clock skips to its "
      "wake-up; under fifo the spinner keeps the CPU even then: a livelock at the step limit";
  s.params = {race_sleep_param()};
  s.body = [](Simulator& sim, const Params& params) {
    NaiveSpinLock lock(sim, "lock");
    guarded_race(sim, lock, std::chrono::milliseconds(params.get("sleep_ms")),
                 [&] { sim.report("spins", static_cast<std::int64_t>(lock.spins())); });
  };
  return s;
}

}  // namespace interleave
