// Blocking, waking and timers in the Simulator: the steps that block (sleep, join, wait), the one
// that wakes, and what makes a blocked fiber runnable again.
#include <algorithm>

#include "sim/decision_path.h"
#include "sim/simulator.h"

namespace interleave {

void Simulator::sleep(Nanos d) {
  if (teardown_) return;
  begin_step(KernelKey{},
             Op{OpKind::sleep, Call::none, kNoGate, kNoObject, kNoObject, current_->id});
  Fiber* self = current_;
  self->blocked_in = OpKind::sleep;
  self->waiting_on = kNoObject;
  const Nanos deadline = clock_ + std::max(d, Nanos{0});
  timers_.push(Timer{deadline, index(self->id), ++self->timer_gen});
  block_step();
}

void Simulator::join(KernelKey key, FiberId target) {
  if (teardown_) return;
  begin_step(key, Op{OpKind::join, Call::none, kNoGate, kNoObject, kNoObject, target});
  Fiber& t = fibers_.checked(target);
  if (t.state == FiberState::exited) {
    complete_step();
    return;
  }
  Fiber* self = current_;
  self->blocked_in = OpKind::join;
  self->joining = target;
  fibers_.push_waiter(t.joiners, *self);
  block_step();
}

WaitResult Simulator::wait(KernelKey, ObjectId queue, bool matches, std::int64_t read,
                           std::optional<Nanos> timeout) {
  if (teardown_) return WaitResult::not_blocked;
  if (!matches) {
    complete_step(read);
    return WaitResult::not_blocked;
  }
  Fiber* self = current_;
  self->blocked_in = OpKind::wait;
  self->waiting_on = queue;
  self->wake = WakeReason::none;
  fibers_.push_waiter(objects_[index(queue)].waiters, *self);
  ++self->timer_gen;
  if (timeout) {
    timers_.push(Timer{clock_ + std::max(*timeout, Nanos{0}), index(self->id), self->timer_gen});
  }
  block_step(read);
  return self->wake == WakeReason::timed_out ? WaitResult::timed_out : WaitResult::woken;
}

std::uint32_t Simulator::wake(KernelKey, ObjectId queue, bool all, FiberId* first) {
  if (teardown_) return 0;
  WaiterList& list = objects_[index(queue)].waiters;
  std::uint32_t n = 0;
  while (Fiber* f = fibers_.oldest(list)) {
    unlink(*f);
    ++f->timer_gen;  // cancels its timeout
    f->wake = WakeReason::woken;
    make_runnable(*f, OpKind::wait, queue);
    if (n == 0 && first != nullptr) *first = f->id;
    ++n;
    if (!all) break;
  }
  complete_step();
  return n;
}

void Simulator::block_step(std::optional<std::int64_t> read) {
  Fiber* self = current_;
  if (!self->absorbing) [[likely]] {
    complete_step(read);
    block_current();
    complete_step();
    return;
  }
  self->absorbing = false;
  if (self->call_open) end_call_step(self);  // the call's step ends where it blocks
  block_current();
  note_call_gates(self->call_op);            // the resume step goes on with the call
  self->absorbing = self->call_open = true;  // the resume step, open until the call ends
}

void Simulator::block_current() {
  Fiber* self = current_;
  self->state = FiberState::blocked;
  remove_runnable(*self);
  ++stats_.blocks;
  close_quiet();  // the point after a block is a full one
  Fiber* next = decide(Reason::block);
  // A timer may wake this very fiber at once (nothing else could run): then no switch.
  if (next != self) switch_away(self, next);
  // Back here: picked for the resume step, or resumed to be unwound after the run ended.
  unwind_if_abandoned(self->blocked_in);
}

void Simulator::make_runnable(Fiber& f, OpKind resume_from, ObjectId object) {
  f.state = FiberState::runnable;
  f.ready_seq = ++ready_counter_;
  if (f.call_depth > 0) {
    // Blocked inside a call: its resume goes on with the call, on the call's objects.
    pending_[index(f.id)] =
        Op{OpKind::resume, Call::none, kNoGate, f.call_op.object, f.call_op.word, f.id};
  } else {
    pending_[index(f.id)] =
        Op{OpKind::resume, Call::none, kNoGate,
           object,         kNoObject,  resume_from == OpKind::join ? f.joining : f.id};
  }
  runnable_.add(f.id);
  if (tracing()) woken_.push_back(f.id);
}

void Simulator::unlink(Fiber& f) {
  if (!f.linked) return;
  WaiterList& list = f.blocked_in == OpKind::join ? fibers_.of(f.joining).joiners
                                                  : objects_[index(f.waiting_on)].waiters;
  fibers_.remove_waiter(list, f);
}

void Simulator::fire_due_timers() {
  while (!timers_.empty() && timers_.front().deadline <= clock_) {
    const Timer t = timers_.pop();
    Fiber& f = fibers_[t.fiber];
    if (f.timer_gen != t.gen || f.state != FiberState::blocked) continue;  // cancelled
    if (f.blocked_in == OpKind::call) {
      // A timed call that waited for its gate: runnable, to give up (it stays listed until
      // picked; its pending op is the call).
      f.gate_timed_out = true;
      f.state = FiberState::runnable;
      f.ready_seq = ++ready_counter_;
      runnable_.add(f.id);
      if (tracing()) woken_.push_back(f.id);
      continue;
    }
    const OpKind in = f.blocked_in;
    const ObjectId obj = f.waiting_on;
    unlink(f);
    f.wake = WakeReason::timed_out;
    make_runnable(f, in, in == OpKind::wait ? obj : kNoObject);
  }
}

bool Simulator::advance_to_next_timer() {
  while (!timers_.empty()) {
    const Timer& t = timers_.front();
    const Fiber& f = fibers_[t.fiber];
    if (f.timer_gen == t.gen && f.state == FiberState::blocked) {
      clock_ = std::max(clock_, t.deadline);
      fire_due_timers();
      return !runnable_.empty();
    }
    timers_.pop();
  }
  return false;
}

void Simulator::end_without_runnable() {
  std::vector<BlockedFiber> blocked;
  for (std::uint32_t i = 0; i < fibers_.count(); ++i) {
    const Fiber& f = fibers_[i];
    if (f.state != FiberState::blocked) continue;
    BlockedFiber b;
    b.id = f.id;
    b.name = fiber_name(f.id);
    b.in = f.blocked_in;
    if (f.blocked_in == OpKind::join) {
      b.target = fiber_name(f.joining);
      b.waits_on = f.joining;
    }
    if (f.blocked_in == OpKind::wait || f.blocked_in == OpKind::call) {
      // A call waiting for its gate is reported as a wait on the primitive's queue.
      const ObjectId waited =
          f.blocked_in == OpKind::call && f.gate.queue != kNoObject ? f.gate.queue : f.waiting_on;
      const ObjectRecord& queue = objects_[index(waited)];
      b.in = OpKind::wait;
      b.object_kind = queue.kind;
      b.target = object_name(waited);
      b.primitive_kind = queue.target.kind;
      b.primitive = queue.target.name;
      if (queue.target.holder != nullptr && queue.target.holder->has_value() &&
          **queue.target.holder != f.id) {
        b.waits_on = **queue.target.holder;
        b.held_by = fiber_name(b.waits_on);
      }
    }
    // What it holds: every primitive of this run whose holder it is.
    for (const ObjectRecord& o : objects_) {
      if (o.target.holder != nullptr && *o.target.holder == f.id) {
        b.holds.push_back(std::string(o.target.kind) + " '" + std::string(o.target.name) + "'");
      }
    }
    blocked.push_back(std::move(b));
  }
  if (blocked.empty()) {
    finish(Status::ok, {});
  } else {
    finish(Status::deadlock, deadlock_message(blocked));
  }
}

}  // namespace interleave
