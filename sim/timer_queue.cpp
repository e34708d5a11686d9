#include "sim/timer_queue.h"

#include <algorithm>

namespace interleave {

namespace {

// The heap's order: a timer is "later" when its deadline is later, ties broken by fiber, so
// timers of one deadline fire in fiber order on every machine.
bool later(const Timer& a, const Timer& b) {
  if (a.deadline != b.deadline) return a.deadline > b.deadline;
  return a.fiber > b.fiber;
}

}  // namespace

void TimerQueue::push(Timer t) {
  heap_.push_back(t);
  std::push_heap(heap_.begin(), heap_.end(), later);
  next_deadline_ = heap_.front().deadline;
}

Timer TimerQueue::pop() {
  std::pop_heap(heap_.begin(), heap_.end(), later);
  const Timer t = heap_.back();
  heap_.pop_back();
  next_deadline_ = heap_.empty() ? Nanos::max() : heap_.front().deadline;
  return t;
}

}  // namespace interleave
