// The decision path of the Simulator: every scheduling point goes through decide(). Only the
// quickest case, a point where the policy's hints keep the stepping fiber, is taken inline by
// begin_step() (simulator.h) before it calls step_point(); the rest of the quiet path (decide,
// choose, facts, record_pick) is inline in decision_path.h, so a point that asks the policy makes
// one call besides pick().
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/decision_path.h"
#include "sim/simulator.h"

namespace interleave {

void Simulator::step_point(Fiber* self, OpKind kind) {
  Fiber* next = decide(last_reason_);
  if (next == self) [[likely]]
    return;
  switch_away(self, next);
  unwind_if_abandoned(kind);
}

[[gnu::noinline]] Fiber* Simulator::decide_at_full_point(Reason reason) {
  if (!prepare_point(reason)) return nullptr;
  Fiber* cur = current_;
  const bool cur_runnable = cur->state == FiberState::runnable;
  if (tracing()) {
    point_runnable_.assign(runnable_.ids().begin(), runnable_.ids().end());
    point_reason_ = reason;
  }
  Fiber* next = choose(cur, cur_runnable, reason, spun_);
  spun_ = false;
  open_quiet();
  return next;
}

bool Simulator::prepare_point(Reason reason) {
  if (ended_) return false;
  current_->yielded = spun_;  // see Fiber::yielded
  if (timers_.next_deadline() <= clock_) fire_due_timers();
  if (runnable_.empty() && !advance_to_next_timer()) {
    end_without_runnable();
    return false;
  }
  if ((reason == Reason::yield || spun_) && !timers_.empty()) skip_idle_spinning();
  if (stats_.steps >= config_.max_steps) [[unlikely]] {
    end_at_step_limit();
    return false;
  }
  return true;
}

Fiber* Simulator::commit(const Decision& d, Fiber* cur, bool cur_runnable, Reason reason) {
  if (d.give_up) {
    finish(Status::cut, std::string(d.why != nullptr ? d.why : "the policy gave the run up"));
    return nullptr;
  }
  if (index(d.fiber) >= fibers_.count() || fibers_.of(d.fiber).state != FiberState::runnable) {
    finish(Status::cut,
           "the policy picked fiber " + std::to_string(index(d.fiber)) + ", which is not runnable");
    return nullptr;
  }
  return record_pick(d.fiber, cur, cur_runnable, reason);
}

void Simulator::skip_idle_spinning() {
  for (FiberId f : runnable_.ids()) {
    if (!fibers_.of(f).yielded) return;
  }
  // Every runnable fiber is waiting for another one's progress, and only a timer can bring it:
  // the CPU would spin until then. Skip to the timer and count the skipped time as spinning.
  const Nanos before = clock_;
  advance_to_next_timer();
  const Nanos skipped = clock_ - before;
  if (skipped <= Nanos{0}) return;
  const std::uint64_t spins =
      config_.step_cost > Nanos{0} ? static_cast<std::uint64_t>(skipped / config_.step_cost) : 0;
  stats_.spin_steps += spins;
  note([&] { return idle_skip_note(skipped, spins); });
}

void Simulator::end_at_step_limit() {
  std::vector<std::string_view> names;
  for (std::uint32_t i = 0; i < fibers_.count(); ++i) names.push_back(fiber_name(FiberId{i}));
  const std::span<const FiberId> performed = std::span<const FiberId>(schedule_).first(
      std::min<std::size_t>(stats_.steps, schedule_.size()));
  finish(Status::livelock, step_limit_message(config_.max_steps, window_, performed, names));
}

}  // namespace interleave
