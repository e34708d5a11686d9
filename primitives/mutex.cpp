#include "primitives/mutex.h"

#include "primitives/fiber_names.h"
#include "sim/primitive_call.h"

namespace interleave {

Mutex::Mutex(Simulator& sim, std::string_view name)
    : sim_(sim),
      name_(name),
      object_(PrimitiveCall::object(sim, "mutex", name_)),
      state_(sim, name_ + ".state", 0),
      queue_(sim, name_ + ".queue", WaitTarget{"mutex", name_, &owner_}) {
  PrimitiveCall::gate(sim_, object_, CallGate{&Mutex::free, this, queue_.id()});
}

void Mutex::lock() {
  // Before the call: its gate stays closed for the holder, which would wait for itself.
  if (refuse_relock("locked")) return;
  PrimitiveCall call(sim_, Call::lock, object_, kFreeGate);
  acquire(std::nullopt, call.waited());
}

bool Mutex::try_lock_for(Nanos timeout) {
  if (refuse_relock("try-locked")) return false;
  PrimitiveCall call(sim_, Call::lock, object_, kFreeGate, timeout);
  if (call.timed_out()) {
    ++waits_;
    sim_.note([&] { return current_name(sim_) + " gave up waiting for mutex " + name_; });
    return false;
  }
  return acquire(timeout, call.waited());
}

bool Mutex::try_lock() {
  PrimitiveCall call(sim_, Call::try_lock, object_);
  if (refuse_relock("try-locked")) return false;
  int expected = 0;
  if (state_.compare_exchange(expected, 1)) {
    acquired(false);
    return true;
  }
  sim_.note([&] { return current_name(sim_) + " found mutex " + name_ + " held"; });
  return false;
}

bool Mutex::refuse_relock(std::string_view verb) {
  if (owner_ != sim_.current_fiber()) return false;
  sim_.fail(current_name(sim_) + " " + std::string(verb) + " mutex " + name_ +
            ", which it already holds");
  return true;  // reached only while an ended run is unwound
}

bool Mutex::acquire(std::optional<Nanos> timeout, bool gate_waited) {
  if (refuse_relock(timeout ? "try-locked" : "locked")) return false;
  int c = 0;
  if (state_.compare_exchange(c, 1)) {  // fast path: 0 -> 1
    // Under primitive granularity a lock that found the mutex held waited for its gate instead.
    if (gate_waited) ++waits_;
    acquired(gate_waited);
    return true;
  }
  const Nanos deadline = timeout ? sim_.now() + *timeout : Nanos::max();
  sim_.note([&] {
    return current_name(sim_) + " waits for mutex " + name_ +
           (owner_ ? " (held by " + name_of(sim_, *owner_) + ")" : std::string());
  });
  // Slow path: announce a waiter by setting 2; whoever swaps a 0 out has taken the mutex.
  if (c != 2) c = state_.exchange(2);
  bool waited = false;
  while (c != 0) {
    std::optional<Nanos> left;
    if (timeout) {
      left = deadline - sim_.now();
      if (*left <= Nanos{0}) {
        sim_.note([&] { return current_name(sim_) + " gave up waiting for mutex " + name_; });
        return false;
      }
    }
    const WaitResult r = queue_.wait_if(state_, 2, left);
    if (r != WaitResult::not_blocked) {
      ++waits_;
      waited = true;
    }
    c = state_.exchange(2);
  }
  acquired(waited);
  return true;
}

void Mutex::acquired(bool waited) {
  owner_ = sim_.current_fiber();
  sim_.note([&] {
    return current_name(sim_) + (waited ? " woke and acquired mutex " : " acquired mutex ") + name_;
  });
}

void Mutex::unlock() {
  PrimitiveCall call(sim_, Call::unlock, object_);
  if (!owner_) {
    sim_.fail(current_name(sim_) + " unlocked mutex " + name_ + ", which is not locked");
    return;
  }
  if (*owner_ != sim_.current_fiber()) {
    sim_.fail(current_name(sim_) + " unlocked mutex " + name_ + ", which " +
              name_of(sim_, *owner_) + " holds");
    return;
  }
  const int old = state_.exchange(0);
  owner_.reset();
  if (old != 2) {
    sim_.note([&] { return current_name(sim_) + " released mutex " + name_; });
    return;
  }
  const std::optional<FiberId> woken = queue_.wake_one();
  sim_.note([&] {
    return current_name(sim_) + " released mutex " + name_ +
           (woken ? ", woke " + name_of(sim_, *woken) : std::string(", no waiter left"));
  });
}

}  // namespace interleave
