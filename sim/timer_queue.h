#pragma once
// TimerQueue: the pending timeouts of a run (sleeps and timed waits), earliest first. Internal
// to sim/: the Simulator owns one and fires what is due as its virtual clock advances.

#include <cstdint>
#include <vector>

#include "ids.h"

namespace interleave {

// One pending timeout: fiber's wait ends at deadline unless it was cancelled first.
struct Timer {
  Nanos deadline;
  std::uint32_t fiber;  // the fiber's index
  std::uint64_t gen;    // live while it equals the fiber's timer generation (a bump cancels it)
};

class TimerQueue {
 public:
  // next_deadline() is the earliest deadline, or Nanos::max() when no timer is pending.
  Nanos next_deadline() const { return next_deadline_; }
  // empty() tells whether no timer is pending (cancelled ones included until popped).
  bool empty() const { return heap_.empty(); }
  // front() is the timer with the earliest deadline (ties: the lowest fiber); not empty().
  const Timer& front() const { return heap_.front(); }
  // push(t) adds a timer.
  void push(Timer t);
  // pop() removes and returns front(); not empty().
  Timer pop();
  // clear() drops every timer, keeping the storage.
  void clear() {
    heap_.clear();
    next_deadline_ = Nanos::max();
  }

 private:
  std::vector<Timer> heap_;             // min-heap on (deadline, fiber)
  Nanos next_deadline_ = Nanos::max();  // invariant: heap_.front().deadline, or max if empty
};

}  // namespace interleave
