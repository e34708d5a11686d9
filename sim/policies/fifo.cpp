#include "sim/policies/fifo.h"

namespace interleave {

FiberId earliest_ready(const SchedulingPoint& point, FiberId skip) {
  bool found = false;
  FiberId best = skip;
  std::uint64_t best_seq = 0;
  for (FiberId f : point.runnable()) {
    if (f == skip) continue;
    const std::uint64_t seq = point.ready_since(f);
    if (!found || seq < best_seq) {
      found = true;
      best = f;
      best_seq = seq;
    }
  }
  return best;
}

namespace {

// The current fiber cannot or will not go on: the earliest-ready other fiber. Kept out of line so
// that pick()'s common case, keeping the current fiber, is a leaf without a stack frame.
[[gnu::noinline]] Decision pick_another(const SchedulingPoint& point) {
  if (!point.current_runnable()) return Decision::pick(earliest_ready(point, kNoFiber));
  return Decision::pick(earliest_ready(point, point.current()));
}

}  // namespace

Decision FifoPolicy::pick(const SchedulingPoint& point) {
  if (point.current_runnable() && point.reason() != Reason::yield) [[likely]] {
    return Decision::pick(point.current());
  }
  return pick_another(point);
}

}  // namespace interleave
