#pragma once
// SpinLock: a test-and-set lock. Taking the flag is one indivisible step, so it keeps mutual
// exclusion; a failed attempt yields (sim.yield()), which tells every policy and the search
// that the fiber cannot progress until another one does.
// Python: none in threading. C++: a loop on std::atomic_flag::test_and_set.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../sim/atomic.h"
#include "../sim/ids.h"
#include "../sim/simulator.h"

namespace interleave {

// A busy-waiting lock with an owner; usable with std::lock_guard and std::unique_lock.
class SpinLock {
 public:
  // SpinLock(sim, name) registers "<name>.flag"; create it inside a run.
  SpinLock(Simulator& sim, std::string_view name);
  SpinLock(const SpinLock&) = delete;
  SpinLock& operator=(const SpinLock&) = delete;

  // lock() repeats test-and-set, yielding after each failure, until it takes the flag.
  // Locking a spin lock the calling fiber already holds fails the run (it would spin forever).
  void lock();
  // try_lock() is one test-and-set; true if it took the flag.
  bool try_lock();
  // unlock() clears the flag. Unlocking a lock the calling fiber does not hold fails the run.
  void unlock();

  // spins() is how many test-and-sets failed so far (no step; for reports).
  std::uint64_t spins() const { return spins_; }
  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 private:
  bool refuse_relock();

  Simulator& sim_;
  std::string name_;
  Atomic<bool> flag_;             // set while held
  std::optional<FiberId> owner_;  // invariant: set iff flag_ is set; written right after the
                                  // owner's taking or clearing step
  std::uint64_t spins_ = 0;       // failed test-and-sets
};

}  // namespace interleave
