#include "scenarios/classic/abba.h"

#include <cstdint>
#include <string>
#include <vector>

#include "primitives/mutex.h"
#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> abba_params() {
  return {{"rounds", 1, "how many times each thread takes both locks", 1, 100000}};
}

// abba(sim, params, ordered) runs t0, which locks the mutexes "A" then "B", and t1, which
// locks "B" then "A" (or "A" then "B" when ordered); holding both, each adds 1 to the plain
// shared "counter" (a load and a store).
void abba(Simulator& sim, const Params& params, bool ordered) {
  const int rounds = size_param(sim, params, "rounds", 1);
  Mutex a(sim, "A");
  Mutex b(sim, "B");
  Shared<int> counter(sim, "counter", 0);
  auto work = [&](Mutex& first, Mutex& second) {
    for (int r = 0; r < rounds; ++r) {
      first.lock();
      second.lock();
      const int c = counter.load();
      counter.store(c + 1);
      second.unlock();
      first.unlock();
    }
  };
  {
    Thread t0(sim, "t0", [&] { work(a, b); });
    Thread t1(sim, "t1", [&] { ordered ? work(a, b) : work(b, a); });
  }
  const int total = counter.load();
  sim.report("counter", std::int64_t{total});
  sim.check(total == 2 * rounds,
            "the counter is " + std::to_string(total) + ", expected " + std::to_string(2 * rounds));
}

}  // namespace

Scenario classic_abba() {
  Scenario s;
  s.name = "classic/abba";
  s.description =
      "lock-order inversion: t0 locks A then B, t1 locks B then A; when each holds its first "
      "lock, each waits for the other's forever, and the run ends in deadlock naming t0 "
      "waiting for B and t1 waiting for A (one preemption is enough; fifo never makes it)";
  s.params = abba_params();
  s.body = [](Simulator& sim, const Params& params) { abba(sim, params, false); };
  return s;
}

Scenario classic_abba_ordered() {
  Scenario s;
  s.name = "classic/abba-ordered";
  s.description =
      "the ABBA deadlock fixed by a lock order: both threads lock A before B, so whoever holds "
      "B already holds A, no cycle of waits can form, and every schedule ends ok";
  s.params = abba_params();
  s.body = [](Simulator& sim, const Params& params) { abba(sim, params, true); };
  return s;
}

}  // namespace interleave
