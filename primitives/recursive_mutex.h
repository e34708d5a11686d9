#pragma once
// RecursiveMutex: a Mutex that its owner may lock again; it is released when unlock() has
// been called as many times as lock(). Built on Mutex plus an owner-only depth counter.
// Python: threading.RLock. C++: std::recursive_timed_mutex.

#include <cstdint>
#include <string>
#include <string_view>

#include "../sim/simulator.h"
#include "mutex.h"

namespace interleave {

// A reentrant lock; usable with std::lock_guard and std::unique_lock.
class RecursiveMutex {
 public:
  // RecursiveMutex(sim, name) registers "<name>.state" and "<name>.queue"; inside a run.
  RecursiveMutex(Simulator& sim, std::string_view name);
  RecursiveMutex(const RecursiveMutex&) = delete;
  RecursiveMutex& operator=(const RecursiveMutex&) = delete;

  // lock() acquires the mutex, or deepens the hold of a fiber that already owns it (no step).
  void lock();
  // try_lock() is lock() that returns false instead of blocking.
  bool try_lock();
  // try_lock_for(timeout) is lock() that gives up after timeout of virtual time; false then.
  bool try_lock_for(Nanos timeout);
  // unlock() undoes one lock(); the last one releases the mutex. Unlocking a mutex the
  // calling fiber does not hold fails the run (Python: RuntimeError).
  void unlock();

  // held_by_current() tells, without a step, whether the calling fiber holds the mutex.
  bool held_by_current() const { return inner_.held_by_current(); }
  // depth() is how many unlock() calls the owner still owes (0 when free; no step).
  std::uint32_t depth() const { return depth_; }
  // name() is the name given at construction.
  std::string_view name() const { return inner_.name(); }

 private:
  bool deepen();

  Simulator& sim_;
  Mutex inner_;              // held by the owner while depth_ > 0
  std::uint32_t depth_ = 0;  // invariant: > 0 iff inner_ is held; touched only by its holder
};

}  // namespace interleave
