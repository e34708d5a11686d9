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

Decision FifoPolicy::pick(const SchedulingPoint& point) {
  const FiberId cur = point.current();
  if (point.current_runnable() && point.reason() != Reason::yield) return Decision::pick(cur);
  if (!point.current_runnable()) return Decision::pick(earliest_ready(point, FiberId{0xFFFFFFFFu}));
  return Decision::pick(earliest_ready(point, cur));
}

}  // namespace interleave
