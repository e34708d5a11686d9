#pragma once
// Mutex: a blocking, owned lock in the style of a futex mutex with three states (Drepper,
// "Futexes Are Tricky"): 0 = unlocked, 1 = locked with no waiter, 2 = locked and maybe waited
// on. An uncontended lock or unlock is one step; a contended lock blocks on a wait queue.
// Python: threading.Lock (but owned, like std::mutex). C++: std::timed_mutex.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../sim/atomic.h"
#include "../sim/ids.h"
#include "../sim/simulator.h"
#include "../sim/wait_queue.h"

namespace interleave {

// A mutual-exclusion lock with an owner; usable with std::lock_guard and std::unique_lock.
class Mutex {
 public:
  // Mutex(sim, name) registers "<name>.state" and "<name>.queue" (and first "<name>" itself under
  // primitive granularity); create it inside a run.
  Mutex(Simulator& sim, std::string_view name);
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  // lock() acquires the mutex, blocking while another fiber holds it. Locking a mutex the
  // calling fiber already holds fails the run (it would deadlock).
  void lock();
  // try_lock() acquires the mutex in one step if it is free; false if it is held.
  bool try_lock();
  // try_lock_for(timeout) is lock() that gives up after timeout of virtual time; false then.
  bool try_lock_for(Nanos timeout);
  // unlock() releases the mutex and wakes one waiter if there may be one. Unlocking a mutex
  // the calling fiber does not hold fails the run.
  void unlock();

  // held_by_current() tells, without a step, whether the calling fiber holds the mutex.
  bool held_by_current() const { return owner_ == sim_.current_fiber(); }
  // name() is the name given at construction.
  std::string_view name() const { return name_; }
  // object() is the mutex's own object under primitive granularity (its calls' object), else
  // kNoObject.
  ObjectId object() const { return object_; }
  // waits() is how many times a fiber blocked in lock() so far (no step; for reports).
  std::uint64_t waits() const { return waits_; }

 private:
  bool acquire(std::optional<Nanos> timeout, bool gate_waited = false);
  // free(m) is the gate of lock(): open while the mutex is not held.
  static bool free(const void* m) { return !static_cast<const Mutex*>(m)->owner_; }
  static constexpr std::uint8_t kFreeGate = 0;  // the gate of lock(), added first
  bool refuse_relock(std::string_view verb);
  void acquired(bool waited);

  Simulator& sim_;
  std::string name_;
  ObjectId object_;               // the mutex itself, under primitive granularity
  Atomic<int> state_;             // 0 unlocked, 1 locked, 2 locked and maybe waited on
  WaitQueue queue_;               // fibers blocked in lock(), oldest first
  std::optional<FiberId> owner_;  // invariant: set iff state_ != 0; written by the owner right
                                  // after the step that took or released the mutex
  std::uint64_t waits_ = 0;       // blocked waits in lock() and try_lock_for()
};

}  // namespace interleave
