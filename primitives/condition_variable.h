#pragma once
// ConditionVariable: a sequence-counter condition variable. wait() reads the counter while
// holding the mutex, unlocks, and blocks only if the counter is unchanged (one wait_if step),
// so a notify between the unlock and the block is never lost. notify bumps the counter and
// wakes. Like std::condition_variable it may wake spuriously (a notify that finds no blocked
// waiter can release a fiber that was about to block), so wait in a loop or with a predicate.
// Python: threading.Condition (its lock passed to each wait). C++: std::condition_variable.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "../sim/atomic.h"
#include "../sim/simulator.h"
#include "../sim/wait_queue.h"
#include "mutex.h"

namespace interleave {

// A condition variable used with a Mutex (directly or through std::unique_lock<Mutex>).
class ConditionVariable {
 public:
  // ConditionVariable(sim, name) registers "<name>.seq" and "<name>.queue"; inside a run.
  ConditionVariable(Simulator& sim, std::string_view name);
  ConditionVariable(const ConditionVariable&) = delete;
  ConditionVariable& operator=(const ConditionVariable&) = delete;

  // wait(m) releases m, blocks until notified (or spuriously), and relocks m. Waiting
  // without holding m fails the run (Python: RuntimeError).
  void wait(Mutex& m);
  // wait(m, pred) waits until pred() is true, checking it with m held.
  template <class Pred>
  void wait(Mutex& m, Pred pred) {
    while (!pred()) wait(m);
  }
  // wait_for(m, timeout) is wait(m) that also returns after timeout of virtual time.
  std::cv_status wait_for(Mutex& m, Nanos timeout);
  // wait_for(m, timeout, pred) waits until pred() or the timeout; returns pred().
  template <class Pred>
  bool wait_for(Mutex& m, Nanos timeout, Pred pred) {
    const Nanos deadline = sim_.now() + timeout;
    while (!pred()) {
      if (wait_for(m, deadline - sim_.now()) == std::cv_status::timeout) return pred();
    }
    return true;
  }

  // The same four, for a std::unique_lock<Mutex> that owns its mutex.
  void wait(std::unique_lock<Mutex>& lock) { wait(locked(lock)); }
  template <class Pred>
  void wait(std::unique_lock<Mutex>& lock, Pred pred) {
    wait(locked(lock), std::move(pred));
  }
  std::cv_status wait_for(std::unique_lock<Mutex>& lock, Nanos timeout) {
    return wait_for(locked(lock), timeout);
  }
  template <class Pred>
  bool wait_for(std::unique_lock<Mutex>& lock, Nanos timeout, Pred pred) {
    return wait_for(locked(lock), timeout, std::move(pred));
  }

  // notify_one() wakes the oldest blocked waiter, if any (two steps: bump, wake).
  void notify_one();
  // notify_all() wakes every blocked waiter (two steps: bump, wake).
  void notify_all();

  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 private:
  std::cv_status wait_impl(Mutex& m, std::optional<Nanos> timeout);
  Mutex& locked(std::unique_lock<Mutex>& lock);

  Simulator& sim_;
  std::string name_;
  ObjectId object_;            // the condition variable itself, under primitive granularity
  Atomic<std::uint32_t> seq_;  // bumped by every notify; the word waiters block on
  WaitQueue queue_;            // fibers blocked in wait, oldest first
};

}  // namespace interleave
