#pragma once
// RwLock: a readers-writer lock on one atomic state word (-1 = a writer holds it, 0 = free,
// n > 0 = n readers) and one wait queue. Readers enter with compare-exchange while no writer
// holds it; a writer takes 0 -> -1. Whoever brings the state back to 0 wakes every waiter.
// No preference: a steady stream of readers can starve a writer.
// Python: none in threading. C++: std::shared_mutex (use with std::shared_lock/unique_lock).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../sim/atomic.h"
#include "../sim/ids.h"
#include "../sim/simulator.h"
#include "../sim/wait_queue.h"

namespace interleave {

// A shared/exclusive lock with owners; usable with std::unique_lock and std::shared_lock.
class RwLock {
 public:
  // RwLock(sim, name) registers "<name>.state" and "<name>.queue"; create it inside a run.
  RwLock(Simulator& sim, std::string_view name);
  RwLock(const RwLock&) = delete;
  RwLock& operator=(const RwLock&) = delete;

  // lock() takes the lock for writing, blocking while anyone holds it. Locking it while the
  // calling fiber holds it in either mode fails the run (it would deadlock).
  void lock();
  // try_lock() takes the lock for writing if it is free; false otherwise.
  bool try_lock();
  // unlock() releases a write hold. Unlocking without holding it for writing fails the run.
  void unlock();
  // lock_shared() takes the lock for reading, blocking while a writer holds it. Taking it
  // while the calling fiber already holds it in either mode fails the run.
  void lock_shared();
  // try_lock_shared() takes the lock for reading if no writer holds it; false otherwise.
  bool try_lock_shared();
  // unlock_shared() releases a read hold. Without one, it fails the run.
  void unlock_shared();

  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 private:
  bool refuse_relock(std::string_view verb);
  bool reading_now() const;
  void wake_if_free(int old, int now);
  // free(l) is the gate of lock(): open while nobody holds the lock; readable(l) that of
  // lock_shared(): open while no writer holds it.
  static bool free(const void* l) { return static_cast<const RwLock*>(l)->state_.peek() == 0; }
  static bool readable(const void* l) { return static_cast<const RwLock*>(l)->state_.peek() >= 0; }
  static constexpr std::uint8_t kFreeGate = 0;      // added first
  static constexpr std::uint8_t kReadableGate = 1;  // added second

  Simulator& sim_;
  std::string name_;
  ObjectId object_;                // the lock itself, under primitive granularity
  Atomic<int> state_;              // -1 writer, 0 free, n > 0 readers
  WaitQueue queue_;                // fibers blocked in lock() or lock_shared()
  std::optional<FiberId> writer_;  // invariant: set iff state_ == -1; written right after the
                                   // writer's taking or releasing step
  std::vector<FiberId> readers_;   // invariant: size() == max(state_, 0); each reader once;
                                   // updated right after the reader's entering or leaving step
};

}  // namespace interleave
