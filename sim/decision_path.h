#pragma once
// The quiet path of the Simulator's one decision path (decide, choose, facts, record_pick),
// inline so that step_point() makes one call besides the policy's pick(). Internal to sim/: only
// the files that define the Simulator's members include it (decide.cpp, blocking.cpp,
// simulator.cpp); docs/architecture.md follows one decision through it.

#include "simulator.h"

namespace interleave {

inline Fiber* Simulator::decide(Reason reason) {
  if (quiet_point()) [[likely]] {
    Fiber* cur = current_;
    cur->yielded = false;  // its last step did not spin (the point is quiet)
    return choose(cur, true, reason, false);
  }
  return decide_at_full_point(reason);
}

[[gnu::always_inline]] inline Fiber* Simulator::choose(Fiber* cur, bool cur_runnable, Reason reason,
                                                       bool spun) {
  if (plan_applies()) {
    consume_step_hints();
    return record_pick(hints_.planned[stats_.steps], cur, cur_runnable, reason);
  }
  const Decision d = policy_->pick(SchedulingPoint(*this, facts(*cur, cur_runnable, reason, spun)));
  consume_step_hints();
  if (d.give_up || !runnable_.contains_low(d.fiber)) [[unlikely]] {
    return commit(d, cur, cur_runnable, reason);  // gives up, or checks a fiber from id 64 up
  }
  return record_pick(d.fiber, cur, cur_runnable, reason);
}

inline SchedulingPoint::Facts Simulator::facts(const Fiber& cur, bool cur_runnable, Reason reason,
                                               bool spun) const {
  return {.pending = pending_.data(),
          .runnable = runnable_.ids(),
          .runnable_mask = runnable_.mask(),
          .current = cur.id,
          .current_runnable = cur_runnable,
          .reason = reason,
          .last_step_spun = spun,
          .last_step_read_only = read_only_,
          .last_step_gates = step_gates_,
          .step = stats_.steps,
          .clock = clock_};
}

inline Fiber* Simulator::record_pick(FiberId f, Fiber* cur, bool cur_runnable, Reason reason) {
  Fiber* next = &fibers_.of(f);
  schedule_.push_back(f);
  if (next != cur) {
    ++stats_.context_switches;
    clock_ += config_.switch_cost;
    if (cur_runnable) {
      if (reason != Reason::yield) ++stats_.preemptions;
      cur->ready_seq = ++ready_counter_;
    }
  }
  return next;
}

}  // namespace interleave
