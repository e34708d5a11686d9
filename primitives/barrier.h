#pragma once
// Barrier: `parties` fibers meet; each wait() blocks until the last one arrives. One atomic
// word packs the arrivals of this generation, a broken bit and the generation; arrivals are
// compare-exchanges on it, and waiters block while it is unchanged. The last arrival runs the
// optional action, advances the generation and wakes everyone.
//
// Broken state, as in Python: abort(), or a wait() that times out, breaks the barrier; every
// fiber waiting on it then, and every later wait(), throws BrokenBarrier. An uncaught
// BrokenBarrier fails the run with "fiber 't2' threw: barrier b is broken". There is no reset().
// Python: threading.Barrier. C++: std::barrier (which has no timeout and cannot break).

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "../sim/atomic.h"
#include "../sim/simulator.h"
#include "../sim/wait_queue.h"

namespace interleave {

// Thrown by Barrier::wait() when the barrier is or becomes broken (Python: BrokenBarrierError).
class BrokenBarrier : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A reusable barrier for a fixed number of parties.
class Barrier {
 public:
  // Barrier(sim, name, parties, action) registers "<name>.word" and "<name>.queue"; action
  // (may be empty) runs in the last arriving fiber before the others are released. Fewer
  // than one party fails the run.
  Barrier(Simulator& sim, std::string_view name, std::uint32_t parties,
          std::function<void()> action = {});
  Barrier(const Barrier&) = delete;
  Barrier& operator=(const Barrier&) = delete;

  // wait() arrives and blocks until all parties have; returns the arrival index, 0 for the
  // first arrival up to parties-1 for the last. Throws BrokenBarrier if the barrier is broken.
  std::uint32_t wait();
  // wait(timeout) is wait() that breaks the barrier and throws if the timeout passes first.
  std::uint32_t wait(Nanos timeout);
  // abort() breaks the barrier and wakes every waiter; they throw BrokenBarrier.
  void abort();

  // broken() is a step that reads whether the barrier is broken.
  bool broken();
  // parties() is the number of fibers that must arrive.
  std::uint32_t parties() const { return parties_; }
  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 private:
  std::uint32_t wait_impl(std::optional<Nanos> timeout);
  [[noreturn]] void throw_broken();

  Simulator& sim_;
  std::string name_;
  std::uint32_t parties_;
  std::function<void()> action_;
  ObjectId object_;             // the barrier itself, under primitive granularity
  Atomic<std::uint64_t> word_;  // bits 0-31 arrivals this generation, bit 32 broken,
                                // bits 33-63 generation; invariant: arrivals <= parties_,
                                // == only while the last arrival releases the generation
  WaitQueue queue_;             // fibers waiting for the generation to end
};

}  // namespace interleave
