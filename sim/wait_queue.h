#pragma once
// WaitQueue: block/wake with futex semantics. wait_if() checks the word and blocks in one
// step, so a wake between the check and the block cannot be lost.

#include <optional>
#include <string_view>

#include "atomic.h"
#include "simulator.h"
#include "traced_value.h"
#include "wait_target.h"

namespace interleave {

// A first-in first-out queue of blocked fibers.
class WaitQueue {
 public:
  // WaitQueue(sim, name) registers the queue with the running simulator.
  WaitQueue(Simulator& sim, std::string_view name)
      : sim_(sim), id_(sim.register_object(KernelKey{}, "wait_queue", name)) {}
  // WaitQueue(sim, name, target) is a queue that a primitive is built on: a deadlock report
  // names target (the primitive, and who holds it) for the fibers blocked on it.
  WaitQueue(Simulator& sim, std::string_view name, const WaitTarget& target)
      : WaitQueue(sim, name) {
    sim.set_wait_target(KernelKey{}, id_, target);
    has_target_ = true;
  }
  // ~WaitQueue() forgets its target, which points into the primitive being destroyed.
  ~WaitQueue() {
    if (has_target_) sim_.set_wait_target(KernelKey{}, id_, WaitTarget{});
  }
  WaitQueue(const WaitQueue&) = delete;
  WaitQueue& operator=(const WaitQueue&) = delete;

  // wait_if(word, expected, timeout) is a step: if word holds expected the fiber blocks until
  // woken or until timeout passes; otherwise it returns not_blocked at once.
  template <class T>
  WaitResult wait_if(Atomic<T>& word, T expected, std::optional<Nanos> timeout = std::nullopt) {
    sim_.begin_step(KernelKey{}, Op{OpKind::wait, Call::none, kNoGate, id_, word.id()});
    const T v = word.value_;
    return sim_.wait(KernelKey{}, id_, v == expected, traced_value(v).value_or(0), timeout);
  }
  // wake_one() is a step that makes the oldest waiter runnable and returns it; nullopt if none
  // was waiting (so `if (q.wake_one())` still reads as "someone was woken").
  std::optional<FiberId> wake_one() {
    sim_.begin_step(KernelKey{}, Op{OpKind::wake, Call::none, kNoGate, id_});
    FiberId woken{0};
    if (sim_.wake(KernelKey{}, id_, false, &woken) == 0) return std::nullopt;
    return woken;
  }
  // wake_all() is a step that makes every waiter runnable; returns how many there were.
  std::uint32_t wake_all() {
    sim_.begin_step(KernelKey{}, Op{OpKind::wake, Call::none, kNoGate, id_});
    return sim_.wake(KernelKey{}, id_, true);
  }
  // id() is the queue's object id.
  ObjectId id() const { return id_; }

 private:
  Simulator& sim_;
  ObjectId id_;
  bool has_target_ = false;  // a primitive's queue: the simulator holds its WaitTarget
};

}  // namespace interleave
