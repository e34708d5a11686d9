#pragma once
// Semaphore: a counting semaphore on an atomic count and a wait queue. acquire() takes a unit
// with compare-exchange while the count is positive and otherwise blocks while it is 0;
// release(n) adds n and wakes up to n of the fibers that announced themselves as waiters.
// Python: threading.Semaphore. C++: std::counting_semaphore.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../sim/atomic.h"
#include "../sim/simulator.h"
#include "../sim/wait_queue.h"

namespace interleave {

// A counting semaphore; no owner: any fiber may release.
class Semaphore {
 public:
  // Semaphore(sim, name, initial) registers "<name>.value", "<name>.waiters" and
  // "<name>.queue"; a negative initial value fails the run (Python: ValueError).
  Semaphore(Simulator& sim, std::string_view name, std::int32_t initial = 1);
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  // acquire() takes one unit, blocking while there is none.
  void acquire();
  // try_acquire() takes one unit if there is one, without blocking; false otherwise.
  bool try_acquire();
  // try_acquire_for(timeout) is acquire() that gives up after timeout of virtual time.
  bool try_acquire_for(Nanos timeout);
  // release(n) returns n units (n >= 1) and wakes up to n waiters.
  void release(std::int32_t n = 1);

  // value() is the number of free units, without a step (for reports after the joins).
  std::int32_t value() const { return value_.peek(); }
  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 protected:
  // Semaphore(sim, name, initial, kind, bound): release() fails the run past bound units.
  Semaphore(Simulator& sim, std::string_view name, std::int32_t initial, std::string_view kind,
            std::optional<std::int32_t> bound);

 private:
  bool acquire_impl(bool blocking, std::optional<Nanos> timeout);
  // available(s) is the gate of acquire(): open while a unit is free.
  static bool available(const void* s) {
    return static_cast<const Semaphore*>(s)->value_.peek() > 0;
  }
  static constexpr std::uint8_t kAvailableGate = 0;  // the gate of acquire(), added first

  Simulator& sim_;
  std::string name_;
  std::string_view kind_;              // "semaphore" or "bounded semaphore", for messages
  std::optional<std::int32_t> bound_;  // the most units there may be (bounded semaphores)
  ObjectId object_;                    // the semaphore itself, under primitive granularity
  Atomic<std::int32_t> value_;         // free units; invariant: >= 0
  Atomic<std::int32_t> waiters_;       // fibers between announcing a wait and leaving acquire
  WaitQueue queue_;                    // fibers blocked while value_ == 0
};

}  // namespace interleave
