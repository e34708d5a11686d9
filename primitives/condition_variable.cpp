#include "primitives/condition_variable.h"

#include "primitives/fiber_names.h"
#include "sim/primitive_call.h"

namespace interleave {

ConditionVariable::ConditionVariable(Simulator& sim, std::string_view name)
    : sim_(sim),
      name_(name),
      object_(PrimitiveCall::object(sim, "condition_variable", name_)),
      seq_(sim, name_ + ".seq", 0),
      queue_(sim, name_ + ".queue", WaitTarget{"condition variable", name_, nullptr}) {}

Mutex& ConditionVariable::locked(std::unique_lock<Mutex>& lock) {
  if (lock.mutex() == nullptr || !lock.owns_lock()) {
    sim_.fail(current_name(sim_) + " waited on condition variable " + name_ +
              " with a unique_lock that owns no mutex");
  }
  return *lock.mutex();
}

void ConditionVariable::wait(Mutex& m) {
  wait_impl(m, std::nullopt);
}

std::cv_status ConditionVariable::wait_for(Mutex& m, Nanos timeout) {
  return wait_impl(m, timeout);
}

std::cv_status ConditionVariable::wait_impl(Mutex& m, std::optional<Nanos> timeout) {
  WaitResult r = WaitResult::not_blocked;
  {
    // One call: release m and wait (under primitive granularity); taking m again is a call of m.
    PrimitiveCall call(sim_, Call::wait, object_, m.object());
    if (!m.held_by_current()) {
      sim_.fail(current_name(sim_) + " waited on condition variable " + name_ +
                " without holding mutex " + std::string(m.name()));
      return std::cv_status::no_timeout;  // reached only while an ended run is unwound
    }
    const std::uint32_t seen = seq_.load();
    sim_.note([&] { return current_name(sim_) + " waits on condition variable " + name_; });
    m.unlock();
    if (timeout && *timeout < Nanos{0}) timeout = Nanos{0};
    r = queue_.wait_if(seq_, seen, timeout);
  }
  m.lock();
  return r == WaitResult::timed_out ? std::cv_status::timeout : std::cv_status::no_timeout;
}

void ConditionVariable::notify_one() {
  PrimitiveCall call(sim_, Call::notify_one, object_);
  seq_.fetch_add(1);
  const std::optional<FiberId> woken = queue_.wake_one();
  sim_.note([&] {
    return current_name(sim_) + " notified condition variable " + name_ +
           (woken ? ", woke " + name_of(sim_, *woken) : std::string(", no waiter blocked"));
  });
}

void ConditionVariable::notify_all() {
  PrimitiveCall call(sim_, Call::notify_all, object_);
  seq_.fetch_add(1);
  const std::uint32_t n = queue_.wake_all();
  sim_.note([&] {
    return current_name(sim_) + " notified all on condition variable " + name_ + ", woke " +
           std::to_string(n);
  });
}

}  // namespace interleave
