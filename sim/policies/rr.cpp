#include "sim/policies/rr.h"

#include "sim/policies/fifo.h"

namespace interleave {

bool RoundRobinPolicy::begin_run() {
  has_owner_ = false;
  return true;
}

Decision RoundRobinPolicy::pick(const SchedulingPoint& point) {
  if (point.reason() == Reason::start) has_owner_ = false;
  const FiberId cur = point.current();
  const bool slice_left = has_owner_ && owner_ == cur && point.clock() - slice_start_ < quantum_;
  if (point.current_runnable() && point.reason() != Reason::yield && slice_left) {
    return Decision::pick(cur);
  }
  const FiberId next = earliest_ready(point, point.current_runnable() ? cur : kNoFiber);
  owner_ = next;
  has_owner_ = true;
  slice_start_ = point.clock();
  return Decision::pick(next);
}

PolicyInfo RoundRobinPolicy::info() const {
  return PolicyInfo{"rr", {{"quantum_ns", static_cast<std::int64_t>(quantum_.count())}}};
}

}  // namespace interleave
