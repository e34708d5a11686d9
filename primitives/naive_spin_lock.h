#pragma once
// NaiveSpinLock: the article's spin lock, racy on purpose. acquire() reads the flag, spins
// while it is set, then sets it with a separate store; two fibers can both read "free" before
// either stores, and then both are inside. A load that finds the flag set is a spinning step
// (Simulator::count_spin): when every runnable fiber only spins, the clock skips to the next
// timer. The loop never yields, so under a policy that does not preempt (fifo) a spinner whose
// holder sleeps keeps the CPU and the run ends at the step limit.
// Python: the article's `while self.locked: pass; self.locked = True`. C++: none (a bug).

#include <cstdint>
#include <string>
#include <string_view>

#include "../sim/atomic.h"
#include "../sim/simulator.h"

namespace interleave {

// A check-then-set spin lock that does NOT guarantee mutual exclusion; for demonstrations.
class NaiveSpinLock {
 public:
  // NaiveSpinLock(sim, name) registers "<name>.locked"; create it inside a run.
  NaiveSpinLock(Simulator& sim, std::string_view name);
  NaiveSpinLock(const NaiveSpinLock&) = delete;
  NaiveSpinLock& operator=(const NaiveSpinLock&) = delete;

  // lock() loads the flag until it reads false, then stores true: two steps that can be split.
  void lock();
  // unlock() stores false; it checks nothing, like the article's release().
  void unlock();

  // spins() is how many loads found the flag set so far (no step; for reports).
  std::uint64_t spins() const { return spins_; }
  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 private:
  Simulator& sim_;
  std::string name_;
  Atomic<bool> locked_;      // true while some fiber believes it holds the lock
  std::uint64_t spins_ = 0;  // loads that read true
};

}  // namespace interleave
