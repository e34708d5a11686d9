#include "scenarios/article/lock.h"

#include <chrono>
#include <cstdint>

#include "primitives/mutex.h"
#include "scenarios/article/guarded_race.h"
#include "sim/simulator.h"

namespace interleave {

Scenario article_lock() {
  Scenario s;
  s.name = "article/lock";
  s.description =
      "the race guarded by a blocking lock (the article's threading.Lock): the article gets the "
      "correct total, 10, and so does every schedule here; threads that find it held block "
      "(waits) instead of spinning while thread 3 sleeps";
  s.params = {race_sleep_param()};
  s.body = [](Simulator& sim, const Params& params) {
    Mutex lock(sim, "lock");
    guarded_race(sim, lock, std::chrono::milliseconds(params.get("sleep_ms")),
                 [&] { sim.report("waits", static_cast<std::int64_t>(lock.waits())); });
  };
  return s;
}

}  // namespace interleave
