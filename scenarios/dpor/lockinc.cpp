#include "scenarios/dpor/lockinc.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "primitives/mutex.h"
#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

Scenario dpor_lockinc() {
  Scenario s;
  s.name = "dpor/lockinc";
  s.description =
      "`threads` threads each lock the Mutex `lock`, add 1 to x and unlock: the critical sections "
      "run in threads! orders, every one ending with x = threads (GenMC's and Nidhugg's lockinc; "
      "a DPOR counting benchmark: the mutex's own atomic steps are visible, so today's search "
      "orders them too and explores more than threads! runs)";
  s.params = {{"threads", 3, "how many threads take the lock", 1, 1000}};
  s.body = [](Simulator& sim, const Params& params) {
    const int threads = size_param(sim, params, "threads", 1);
    Mutex lock(sim, "lock");
    Shared<int> x(sim, "x", 0);
    {
      std::vector<Thread> ts;
      ts.reserve(static_cast<std::size_t>(threads));
      for (int t = 1; t <= threads; ++t) {
        ts.emplace_back(sim, "t" + std::to_string(t), [&] {
          const std::lock_guard<Mutex> guard(lock);
          x.store(x.load() + 1);
        });
      }
      for (Thread& t : ts) t.join();
    }
    sim.check(x.peek() == threads, "an increment under the lock was lost");
    sim.report("x", std::int64_t{x.peek()});
  };
  return s;
}

}  // namespace interleave
