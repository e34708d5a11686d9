#include "scenarios/classic/lost_wakeup.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "primitives/condition_variable.h"
#include "primitives/mutex.h"
#include "scenarios/classic/size_param.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

namespace interleave {

namespace {

std::vector<ParamSpec> wakeup_params() {
  return {{"waiters", 1, "how many threads wait for the flag", 1, 1000}};
}

// lost_wakeup(sim, params, fixed) runs "waiter i" threads that wait for the plain shared flag
// "ready" and one "notifier" that sets it and notifies all on the condition variable "cv"
// (with the mutex "lock"). Unfixed, a waiter loads the flag without the lock and, if it was
// down, locks and waits once; the notifier sets the flag, then locks and notifies. Fixed, both
// sides touch the flag only under the lock and the waiter waits in a loop.
void lost_wakeup(Simulator& sim, const Params& params, bool fixed) {
  const int waiters = size_param(sim, params, "waiters", 1);
  Mutex lock(sim, "lock");
  ConditionVariable cv(sim, "cv");
  Shared<bool> ready(sim, "ready", false);
  std::int64_t woke = 0;  // waiters that got past their wait; plain code only

  auto wait_for_flag = [&] {
    if (fixed) {
      std::unique_lock<Mutex> guard(lock);
      while (!ready.load()) cv.wait(guard);
    } else if (!ready.load()) {  // the bug: the check is not under the lock
      std::unique_lock<Mutex> guard(lock);
      cv.wait(guard);  // a notify between the check and here is lost
    }
    ++woke;
  };
  auto set_flag = [&] {
    if (fixed) {
      std::unique_lock<Mutex> guard(lock);
      ready.store(true);
      cv.notify_all();
    } else {
      ready.store(true);
      std::unique_lock<Mutex> guard(lock);
      cv.notify_all();
    }
  };
  {
    std::vector<Thread> threads;
    threads.reserve(static_cast<std::size_t>(waiters) + 1);
    for (int i = 0; i < waiters; ++i) {
      threads.emplace_back(sim, "waiter " + std::to_string(i), wait_for_flag);
    }
    threads.emplace_back(sim, "notifier", set_flag);
    for (Thread& t : threads) t.join();
  }
  sim.report("woke", woke);
}

}  // namespace

Scenario classic_lost_wakeup() {
  Scenario s;
  s.name = "classic/lost-wakeup";
  s.description =
      "a waiter loads the flag ready without holding the lock and, seeing it down, locks and "
      "waits on the condition variable cv; the notifier can set the flag and notify in between, "
      "when nobody waits yet, so the waiter sleeps forever: the run ends in deadlock naming "
      "the waiter and cv";
  s.params = wakeup_params();
  s.body = [](Simulator& sim, const Params& params) { lost_wakeup(sim, params, false); };
  return s;
}

Scenario classic_lost_wakeup_fixed() {
  Scenario s;
  s.name = "classic/lost-wakeup-fixed";
  s.description =
      "the lost wakeup fixed: the waiter checks the flag under the lock in a `while` loop "
      "around the wait and the notifier sets it under the same lock, so a notify can no longer "
      "fall between the check and the wait, and every schedule wakes every waiter";
  s.params = wakeup_params();
  s.body = [](Simulator& sim, const Params& params) { lost_wakeup(sim, params, true); };
  return s;
}

}  // namespace interleave
