#include "primitives/semaphore.h"

#include <algorithm>

#include "primitives/fiber_names.h"
#include "sim/primitive_call.h"

namespace interleave {

Semaphore::Semaphore(Simulator& sim, std::string_view name, std::int32_t initial)
    : Semaphore(sim, name, initial, "semaphore", std::nullopt) {}

Semaphore::Semaphore(Simulator& sim, std::string_view name, std::int32_t initial,
                     std::string_view kind, std::optional<std::int32_t> bound)
    : sim_(sim),
      name_(name),
      kind_(kind),
      bound_(bound),
      object_(PrimitiveCall::object(sim, bound ? "bounded_semaphore" : "semaphore", name_)),
      value_(sim, name_ + ".value", std::max(initial, 0)),
      waiters_(sim, name_ + ".waiters", 0),
      queue_(sim, name_ + ".queue", WaitTarget{kind_, name_, nullptr}) {
  PrimitiveCall::gate(sim_, object_, CallGate{&Semaphore::available, this, queue_.id()});
  if (initial < 0) {
    sim_.fail(std::string(kind_) + " " + name_ + " was given a negative initial value " +
              std::to_string(initial));
  }
}

void Semaphore::acquire() {
  PrimitiveCall call(sim_, Call::acquire, object_, kAvailableGate);
  acquire_impl(true, std::nullopt);
}

bool Semaphore::try_acquire() {
  PrimitiveCall call(sim_, Call::try_acquire, object_);
  return acquire_impl(false, std::nullopt);
}

bool Semaphore::try_acquire_for(Nanos timeout) {
  PrimitiveCall call(sim_, Call::acquire, object_, kAvailableGate, timeout);
  if (call.timed_out()) {
    sim_.note([&] {
      return current_name(sim_) + " gave up waiting for " + std::string(kind_) + " " + name_;
    });
    return false;
  }
  return acquire_impl(true, timeout);
}

bool Semaphore::acquire_impl(bool blocking, std::optional<Nanos> timeout) {
  const Nanos deadline = timeout ? sim_.now() + *timeout : Nanos::max();
  bool announced = false;  // this fiber counts itself in waiters_
  std::int32_t v = value_.load();
  for (;;) {
    while (v > 0) {
      if (value_.compare_exchange(v, v - 1)) {  // on failure v receives the current value
        sim_.note([&] {
          return current_name(sim_) + " acquired " + std::string(kind_) + " " + name_ + " (" +
                 std::to_string(v - 1) + " left)";
        });
        if (announced) waiters_.fetch_add(-1);
        return true;
      }
    }
    if (!blocking) return false;
    std::optional<Nanos> left;
    if (timeout) {
      left = deadline - sim_.now();
      if (*left <= Nanos{0}) {
        sim_.note([&] {
          return current_name(sim_) + " gave up waiting for " + std::string(kind_) + " " + name_;
        });
        if (announced) waiters_.fetch_add(-1);
        return false;
      }
    }
    if (!announced) {
      // Announce before checking the count in wait_if: a release after this sees a waiter.
      waiters_.fetch_add(1);
      announced = true;
      sim_.note(
          [&] { return current_name(sim_) + " waits for " + std::string(kind_) + " " + name_; });
    }
    queue_.wait_if(value_, 0, left);
    v = value_.load();
  }
}

void Semaphore::release(std::int32_t n) {
  PrimitiveCall call(sim_, Call::release, object_);
  if (n < 1) {
    sim_.fail(current_name(sim_) + " released " + std::string(kind_) + " " + name_ + " by " +
              std::to_string(n) + ", which is not a positive count");
    return;
  }
  const std::int32_t old = value_.fetch_add(n);
  if (bound_ && old + n > *bound_) {
    sim_.fail(current_name(sim_) + " released " + std::string(kind_) + " " + name_ +
              " too many times: its value would be " + std::to_string(old + n) +
              ", above its initial value " + std::to_string(*bound_));
    return;
  }
  sim_.note([&] {
    return current_name(sim_) + " released " + std::string(kind_) + " " + name_ + " (" +
           std::to_string(old + n) + " free)";
  });
  const std::int32_t waiting = waiters_.load();
  for (std::int32_t i = 0; i < std::min(n, waiting); ++i) {
    const std::optional<FiberId> woken = queue_.wake_one();
    if (!woken) break;
    sim_.note([&] {
      return current_name(sim_) + " woke " + name_of(sim_, *woken) + " waiting for " +
             std::string(kind_) + " " + name_;
    });
  }
}

}  // namespace interleave
