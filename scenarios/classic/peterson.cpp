#include "scenarios/classic/peterson.h"

#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/classic/size_param.h"
#include "scenarios/occupants.h"
#include "sim/atomic.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> peterson_params() {
  return {{"rounds", 1, "how many times each thread enters the critical section", 1, 100000}};
}

// peterson(sim, params, turn_first) runs t0 and t1, each entering the critical section
// `rounds` times with Peterson's entry protocol on the atomics "flag 0", "flag 1" and "turn":
// raise my flag, give the turn to the other, wait (yielding) while the other's flag is up and
// the turn is the other's. turn_first swaps the first two stores, the bug. Inside, each adds 1
// to the plain shared "counter" (a load and a store); entering while the other is inside fails
// the run, and so does a final count other than 2 * rounds.
void peterson(Simulator& sim, const Params& params, bool turn_first) {
  const int rounds = size_param(sim, params, "rounds", 1);
  Atomic<bool> flag0(sim, "flag 0", false);
  Atomic<bool> flag1(sim, "flag 1", false);
  Atomic<int> turn(sim, "turn", 0);
  Shared<int> counter(sim, "counter", 0);
  Occupants inside(sim);  // the threads in the critical section

  auto run = [&](int me) {
    const int other = 1 - me;
    Atomic<bool>& my_flag = me == 0 ? flag0 : flag1;
    Atomic<bool>& other_flag = me == 0 ? flag1 : flag0;
    for (int r = 0; r < rounds; ++r) {
      if (turn_first) {
        turn.store(other);
        my_flag.store(true);
      } else {
        my_flag.store(true);
        turn.store(other);
      }
      while (other_flag.load() && turn.load() == other) sim.yield();
      const FiberId f = sim.current_fiber();
      if (!inside.empty()) {
        sim.fail(std::string(sim.fiber_name(f)) + " entered the critical section while " +
                 inside.names(sim) + " was inside");
        return;
      }
      inside.enter(f);
      const int c = counter.load();
      counter.store(c + 1);
      inside.leave(f);
      my_flag.store(false);
    }
  };
  {
    Thread t0(sim, "t0", [&] { run(0); });
    Thread t1(sim, "t1", [&] { run(1); });
  }
  const int total = counter.load();
  sim.report("counter", std::int64_t{total});
  sim.check(total == 2 * rounds,
            "the counter is " + std::to_string(total) + ", expected " + std::to_string(2 * rounds));
}

}  // namespace

Scenario classic_peterson() {
  Scenario s;
  s.name = "classic/peterson";
  s.description =
      "Peterson's algorithm for two threads on sequentially consistent atomics (raise my flag, "
      "give the other the turn, wait while its flag is up and the turn is its): under every "
      "schedule only one thread is in the critical section and the shared counter ends at "
      "2 * rounds";
  s.params = peterson_params();
  s.body = [](Simulator& sim, const Params& params) { peterson(sim, params, false); };
  return s;
}

Scenario classic_peterson_broken() {
  Scenario s;
  s.name = "classic/peterson-broken";
  s.description =
      "Peterson's algorithm with the two stores swapped (give the other the turn, then raise "
      "my flag): t0 gives t1 the turn, t1 raises its flag, gives t0 the turn and enters since "
      "t0's flag is still down, then t0 raises its flag and enters because the turn is its; "
      "random and pct find both threads in the critical section";
  s.params = peterson_params();
  s.body = [](Simulator& sim, const Params& params) { peterson(sim, params, true); };
  return s;
}

}  // namespace interleave
