#include "sim/simulator.h"

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace interleave {

namespace {

// Keeps traces identical across build folders and machines: only the file's own name.
std::string_view file_name(const char* path) {
  std::string_view p(path);
  auto slash = p.find_last_of('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

bool timer_later(const auto& a, const auto& b) {
  if (a.deadline != b.deadline) return a.deadline > b.deadline;
  return a.fiber > b.fiber;
}

}  // namespace

std::uint64_t SchedulingPoint::ready_since(FiberId f) const {
  return sim_->ready_seq_of(f);
}
std::span<const ObjectId> SchedulingPoint::last_step_plain() const {
  return sim_->plain_touched();
}
bool SchedulingPoint::last_step_plain_overflowed() const {
  return sim_->plain_overflowed();
}
bool SchedulingPoint::is_runnable(FiberId f) const {
  return std::binary_search(f_.runnable.begin(), f_.runnable.end(), f);
}

Simulator::Simulator(RunConfig config) : config_(config), pool_(config.stack_size) {
  install_overflow_handler();
}

Simulator::~Simulator() {
  // Every context is parked between runs (a context left in a body is unwound first). Resumed with
  // closing_ set, each leaves its loop and ends, which gives its stack back to the pool.
  unwind_all();
  closing_ = true;
  for (auto& f : fibers_) {
    if (f->cont) {
      current_ = f.get();
      transfer(nullptr, f->cont);
    }
  }
}

void Simulator::set_config(const RunConfig& config) {
  if (running_) throw std::logic_error("set_config() called during a run");
  if (config.stack_size != config_.stack_size) {
    throw std::logic_error("the stack size of a simulator is fixed at construction");
  }
  config_ = config;
}

std::uint32_t Simulator::store_name(std::string_view name) {
  auto offset = static_cast<std::uint32_t>(names_.size());
  names_.append(name);
  return offset;
}

std::string_view Simulator::fiber_name(FiberId f) const {
  const Fiber& r = *fibers_.at(index(f));
  return std::string_view(names_).substr(r.name_offset, r.name_length);
}

std::string_view Simulator::object_name(ObjectId o) const {
  const ObjectRecord& r = objects_.at(index(o));
  return std::string_view(names_).substr(r.name_offset, r.name_length);
}

ObjectId Simulator::register_object(std::string_view kind, std::string_view name) {
  if (!running_) throw std::logic_error("objects must be created inside a run");
  ObjectId id{static_cast<std::uint32_t>(objects_.size())};
  ObjectRecord rec;
  rec.kind = kind;
  rec.name_offset = store_name(name);
  rec.name_length = static_cast<std::uint32_t>(name.size());
  objects_.push_back(rec);
  if (tracing()) observer_->on_object(id, kind, name);
  return id;
}

Fiber& Simulator::prepare_run(Policy& policy, Observer* observer) {
  if (running_) throw std::logic_error("run() called during a run");
  if (!kTracingBuilt && observer != nullptr) {
    throw std::logic_error("this build of interleave has no tracing (INTERLEAVE_TRACING=OFF)");
  }
  policy_ = &policy;
  policy_keeps_ = policy.keeps_stepping_fiber();
  plan_ = policy.planned();
  observer_ = observer;
  fiber_count_ = 0;
  runnable_.clear();
  runnable_mask_ = 0;
  timers_.clear();
  next_deadline_ = Nanos::max();
  objects_.clear();
  names_.clear();
  schedule_.clear();
  woken_.clear();
  point_runnable_.clear();
  results_.clear();
  stats_ = Stats{};
  outcome_.status = Status::ok;
  outcome_.message.clear();  // keeps its storage
  outcome_.step = 0;
  clock_ = Nanos{0};
  ready_counter_ = 0;
  window_start_ = config_.max_steps > 1000 ? config_.max_steps - 1000 : 0;
  window_spins_ = 0;
  last_reason_ = Reason::start;
  spun_ = false;
  consume_step_hints();
  plain_states_ = 0;
  ended_ = false;
  limit_error_.clear();
  set_teardown(false);
  running_ = true;
  open_quiet();
  if (tracing()) observer_->on_run_start();
  return new_fiber("main", FiberId{0});
}

Fiber& Simulator::new_fiber(std::string_view name, FiberId parent) {
  if (fiber_count_ == fibers_.size()) {
    fibers_.push_back(std::make_unique<Fiber>());
    pending_.resize(fibers_.size());
  }
  Fiber& f = *fibers_[fiber_count_];
  f.id = FiberId{fiber_count_++};
  f.parent = parent;
  if (name.empty()) {
    // "t<id>", written by hand: snprintf would cost more than the rest of a spawn.
    char buf[16];
    char* end = buf + sizeof buf;
    char* p = end;
    std::uint32_t id = index(f.id);
    do {
      *--p = static_cast<char>('0' + id % 10);
      id /= 10;
    } while (id != 0);
    *--p = 't';
    const auto n = static_cast<std::size_t>(end - p);
    f.name_offset = store_name(std::string_view(p, n));
    f.name_length = static_cast<std::uint32_t>(n);
  } else {
    f.name_offset = store_name(name);
    f.name_length = static_cast<std::uint32_t>(name.size());
  }
  f.state = FiberState::runnable;
  f.starting = false;
  pending_[index(f.id)] = Op{};
  f.ready_seq = ++ready_counter_;
  f.linked = false;
  f.next_waiter = f.prev_waiter = -1;
  f.wake = WakeReason::none;
  ++f.timer_gen;
  f.joiners = WaiterList{};
  f.yielded = false;
  runnable_.push_back(f.id);  // ids grow, so the set stays ascending
  runnable_mask_ |= low_bit(f.id);
  if (tracing()) observer_->on_fiber(f.id, fiber_name(f.id), parent);
  return f;
}

void Simulator::start_fiber(Fiber& child) {
  if (child.cont) {
    label_stack(*child.stack_owner, fiber_name(child.id), index(child.id));  // parked: reuse it
  } else {
    try {
      child.cont = boost::context::fiber(
          std::allocator_arg,
          PooledStack(pool_, fiber_name(child.id), index(child.id), &child.stack_owner),
          [this, &child](boost::context::fiber&& from) {
            return fiber_loop(child, std::move(from));
          });
    } catch (const std::exception& e) {
      no_stack_for(child, e.what());
    }
  }
  child.parked = false;
  Fiber* parent = current_;
  child.starting = true;
  starter_ = parent;
  current_ = &child;
  transfer(parent, child.cont);
  // The child ran up to its first scheduling point and handed control back.
  current_ = parent;
  if (parent != nullptr) {
    if (tracing()) woken_.push_back(child.id);
    end_step();
    last_reason_ = Reason::spawn;
  }
}

void Simulator::no_stack_for(Fiber& child, const char* why) {
  std::string message = "cannot create fiber '" + std::string(fiber_name(child.id)) + "' (fiber " +
                        std::to_string(index(child.id) + 1) + " of this run): its stack (" +
                        std::to_string(config_.stack_size / 1024) +
                        " KiB) could not be mapped: " + why + "; " +
                        StackPool::mapping_limit_text();
  child.body.reset();
  child.state = FiberState::exited;
  remove_runnable(child);
  Fiber* parent = current_;
  if (parent == nullptr) throw ResourceLimit(message);  // main itself: nothing runs yet
  limit_error_ = message;
  finish(Status::cut, std::move(message));
  switch_away(parent, nullptr);
  throw FiberUnwind{};  // resumed only to be unwound
}

const RunResult& Simulator::execute() {
  Fiber& main = *fibers_[0];
  current_ = nullptr;
  try {
    start_fiber(main);
    current_ = &main;
    if (!ended_) {
      Fiber* next = decide_next(Reason::start);
      if (next != nullptr) {
        current_ = next;
        transfer(nullptr, next->cont);
      }
    }
  } catch (...) {
    // The policy threw at the first point (or no stack could be mapped): leave no fiber in a body.
    ended_ = true;
    unwind_all();
    running_ = false;
    throw;
  }
  unwind_all();
  running_ = false;
  if (!limit_error_.empty()) {
    policy_->end_run(outcome_);
    throw ResourceLimit(std::exchange(limit_error_, std::string()));
  }
  outcome_.step = stats_.steps;
  stats_.clock = clock_;
  if (tracing()) observer_->on_run_end(outcome_, results_, stats_);
  policy_->end_run(outcome_);
  // Assignment, not construction: the strings and vectors of the last result keep their storage.
  result_.outcome = outcome_;
  result_.results = results_;
  result_.stats = stats_;
  return result_;
}

boost::context::fiber Simulator::fiber_loop(Fiber& self, boost::context::fiber&& from) {
  store_continuation(std::move(from));
  while (!closing_) {
    Fiber* next = run_body(self);
    // Park: hand the CPU on and wait here until a fiber is spawned with this id again.
    self.parked = true;
    switch_away(&self, next);
  }
  switching_from_ = &self;
  return std::move(host_);
}

Fiber* Simulator::run_body(Fiber& self) {
  std::string error;
  bool threw = false;
  try {
    self.body();
  } catch (const FiberUnwind&) {
    // Unwound after its run ended: the stack is clean now.
  } catch (const std::exception& e) {
    threw = true;
    error = e.what();
  } catch (...) {
    threw = true;
    error = "an exception that is not a std::exception";
  }
  if (threw && !teardown_) {
    try {
      fail("fiber '" + std::string(fiber_name(self.id)) + "' threw: " + error);
    } catch (const FiberUnwind&) {
      // Resumed after the run ended: nothing is left to unwind on this stack.
    }
  }
  if (teardown_) {
    // The run ended while this fiber was suspended; it has now been unwound (or finished).
    self.body.reset();
    self.state = FiberState::exited;
    return nullptr;
  }
  self.body.reset();
  begin_step(Op{OpKind::exit, kNoObject, kNoObject, self.id});
  self.state = FiberState::exited;
  remove_runnable(self);
  while (self.joiners.head != -1) {
    Fiber& j = *fibers_[static_cast<std::size_t>(self.joiners.head)];
    unlink(j);
    j.wake = WakeReason::woken;
    make_runnable(j, OpKind::join, kNoObject);
  }
  end_step();
  return decide_next(Reason::exit);
}

void Simulator::store_continuation(boost::context::fiber&& c) {
  if (switching_from_ != nullptr) {
    switching_from_->cont = std::move(c);
  } else {
    host_ = std::move(c);
  }
}

void Simulator::transfer(Fiber* from, boost::context::fiber& to) {
  switching_from_ = from;
  boost::context::fiber c = std::move(to).resume();
  store_continuation(std::move(c));
}

void Simulator::switch_away(Fiber* self, Fiber* next) {
  if (next == nullptr) {
    transfer(self, host_);
  } else {
    current_ = next;
    transfer(self, next->cont);
  }
}

namespace {

// Operations that destructors perform (~Thread joins, ~lock_guard unlocks): while unwinding
// they complete instead of throwing, since throwing out of a destructor would terminate.
bool completes_while_unwinding(OpKind kind) {
  switch (kind) {
    case OpKind::store:
    case OpKind::clear:
    case OpKind::exchange:
    case OpKind::fetch_add:
    case OpKind::wake:
    case OpKind::join:
    case OpKind::exit:
      return true;
    default:
      return false;
  }
}

// After this many completed operations an unwinding fiber is thrown out regardless (it is
// looping on release-like operations, so it is not inside a destructor).
constexpr std::uint64_t kUnwindBudget = 100'000;

}  // namespace

void Simulator::unwind_if_abandoned(OpKind kind) {
  if (teardown_ && !completes_while_unwinding(kind) && std::uncaught_exceptions() == 0) {
    throw FiberUnwind{};
  }
}

void Simulator::begin_special_step(Op op) {
  if (teardown_) {
    if ((!completes_while_unwinding(op.kind) || ++teardown_ops_ > kUnwindBudget) &&
        std::uncaught_exceptions() == 0) {
      throw FiberUnwind{};
    }
    return;
  }
  // Eager start: the new fiber ran its local code up to this first operation; hand control
  // back to whoever started it. It is resumed here once picked for this operation.
  Fiber* self = current_;
  pending_[index(self->id)] = op;
  self->starting = false;
  Fiber* starter = starter_;
  current_ = starter;
  if (starter == nullptr) {
    transfer(self, host_);
  } else {
    transfer(self, starter->cont);
  }
  unwind_if_abandoned(op.kind);
}

void Simulator::step_point(Fiber* self, OpKind kind) {
  Fiber* next = quiet_point() ? pick_quietly() : decide_next(last_reason_);
  if (next == self) [[likely]]
    return;
  switch_away(self, next);
  unwind_if_abandoned(kind);
}

void Simulator::observe_step(std::optional<std::int64_t> read,
                             std::optional<std::int64_t> written) {
  const Fiber* self = current_;
  StepEvent e;
  e.step = stats_.steps;
  e.clock = clock_;
  e.fiber = self->id;
  e.op = pending_[index(self->id)];
  e.reason = point_reason_;
  e.read = read;
  e.written = written;
  e.woken = woken_;
  e.runnable = point_runnable_;
  observer_->on_step(e);
}

Fiber* Simulator::decide_next(Reason reason) {
  if (ended_) return nullptr;
  current_->yielded = spun_;  // see Fiber::yielded
  if (next_deadline_ <= clock_) fire_due_timers();
  if (runnable_.empty() && !advance_to_next_timer()) {
    end_without_runnable();
    return nullptr;
  }
  if ((reason == Reason::yield || spun_) && !timers_.empty()) skip_idle_spinning();
  if (stats_.steps >= config_.max_steps) [[unlikely]] {
    // Without a spinning step in the window, the fibers were working, not waiting in a loop for
    // each other: the run may simply be longer than the limit.
    std::string msg = "step limit of " + std::to_string(config_.max_steps) + " reached";
    if (window_spins_ == 0) {
      msg += " while no fiber spun (the run may just be longer: raise the step limit)";
    }
    msg += "; kept running in the last " + std::to_string(config_.max_steps - window_start_) +
           " steps:";
    // schedule_[k] is the fiber of step k: count each fiber's steps in the window.
    std::vector<std::uint64_t> in_window(fiber_count_, 0);
    for (std::uint64_t k = window_start_; k < stats_.steps && k < schedule_.size(); ++k) {
      ++in_window[index(schedule_[k])];
    }
    bool first = true;
    for (std::uint32_t i = 0; i < fiber_count_; ++i) {
      if (in_window[i] > 0) {
        msg += first ? " " : ", ";
        msg +=
            std::string(fiber_name(FiberId{i})) + " (" + std::to_string(in_window[i]) + " steps)";
        first = false;
      }
    }
    finish(Status::livelock, std::move(msg));
    return nullptr;
  }
  Fiber* cur = current_;
  const bool cur_runnable = cur->state == FiberState::runnable;
  if (tracing()) {
    point_runnable_.assign(runnable_.begin(), runnable_.end());
    point_reason_ = reason;
  }
  if (plan_applies()) {
    spun_ = false;
    consume_step_hints();
    open_quiet();
    return record_pick(plan_[stats_.steps], cur, cur_runnable, reason);
  }
  const SchedulingPoint point(*this, facts(*cur, cur_runnable, reason, spun_));
  const Decision d = policy_->pick(point);
  spun_ = false;
  consume_step_hints();
  open_quiet();
  return commit(d, cur, cur_runnable, reason);
}

Fiber* Simulator::commit(const Decision& d, Fiber* cur, bool cur_runnable, Reason reason) {
  if (d.give_up) {
    finish(Status::cut, std::string(d.why != nullptr ? d.why : "the policy gave the run up"));
    return nullptr;
  }
  if (!runnable_now(d.fiber)) {
    finish(Status::cut,
           "the policy picked fiber " + std::to_string(index(d.fiber)) + ", which is not runnable");
    return nullptr;
  }
  return record_pick(d.fiber, cur, cur_runnable, reason);
}

void Simulator::make_runnable(Fiber& f, OpKind resume_from, ObjectId object) {
  f.state = FiberState::runnable;
  f.ready_seq = ++ready_counter_;
  pending_[index(f.id)] =
      Op{OpKind::resume, object, kNoObject, resume_from == OpKind::join ? f.joining : f.id};
  auto it = std::lower_bound(runnable_.begin(), runnable_.end(), f.id);
  runnable_.insert(it, f.id);
  runnable_mask_ |= low_bit(f.id);
  if (tracing()) woken_.push_back(f.id);
}

void Simulator::remove_runnable(Fiber& f) {
  auto it = std::lower_bound(runnable_.begin(), runnable_.end(), f.id);
  if (it != runnable_.end() && *it == f.id) runnable_.erase(it);
  runnable_mask_ &= ~low_bit(f.id);
}

WaiterList& Simulator::list_of(const Fiber& f) {
  return f.blocked_in == OpKind::join ? fibers_[index(f.joining)]->joiners
                                      : objects_[index(f.waiting_on)].waiters;
}

void Simulator::link(WaiterList& list, Fiber& f) {
  f.linked = true;
  f.next_waiter = -1;
  f.prev_waiter = list.tail;
  const auto me = static_cast<std::int32_t>(index(f.id));
  if (list.tail != -1) {
    fibers_[static_cast<std::size_t>(list.tail)]->next_waiter = me;
  } else {
    list.head = me;
  }
  list.tail = me;
}

void Simulator::unlink(Fiber& f) {
  if (!f.linked) return;
  WaiterList* list = &list_of(f);
  if (f.prev_waiter != -1) {
    fibers_[static_cast<std::size_t>(f.prev_waiter)]->next_waiter = f.next_waiter;
  } else {
    list->head = f.next_waiter;
  }
  if (f.next_waiter != -1) {
    fibers_[static_cast<std::size_t>(f.next_waiter)]->prev_waiter = f.prev_waiter;
  } else {
    list->tail = f.prev_waiter;
  }
  f.linked = false;
  f.next_waiter = f.prev_waiter = -1;
}

void Simulator::block_current() {
  Fiber* self = current_;
  self->state = FiberState::blocked;
  remove_runnable(*self);
  ++stats_.blocks;
  Fiber* next = decide_next(Reason::block);
  // A timer may wake this very fiber at once (nothing else could run): then no switch.
  if (next != self) switch_away(self, next);
  // Back here: picked for the resume step, or resumed to be unwound after the run ended.
  unwind_if_abandoned(self->blocked_in);
}

void Simulator::fire_due_timers() {
  while (!timers_.empty() && timers_.front().deadline <= clock_) {
    const Timer t = pop_timer();
    Fiber& f = *fibers_[t.fiber];
    if (f.timer_gen != t.gen || f.state != FiberState::blocked) continue;  // cancelled
    const OpKind in = f.blocked_in;
    const ObjectId obj = f.waiting_on;
    unlink(f);
    f.wake = WakeReason::timed_out;
    make_runnable(f, in, in == OpKind::wait ? obj : kNoObject);
  }
}

void Simulator::skip_idle_spinning() {
  for (FiberId f : runnable_) {
    if (!fibers_[index(f)]->yielded) return;
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
  if (tracing()) {
    note("every runnable fiber is spinning: the clock skips " +
         std::to_string(skipped.count() / 1000) + " us (" + std::to_string(spins) +
         " spin steps) to the next timer");
  }
}

void Simulator::push_timer(Timer t) {
  timers_.push_back(t);
  std::push_heap(timers_.begin(), timers_.end(),
                 [](const Timer& a, const Timer& b) { return timer_later(a, b); });
  next_deadline_ = timers_.front().deadline;
}

Simulator::Timer Simulator::pop_timer() {
  std::pop_heap(timers_.begin(), timers_.end(),
                [](const Timer& a, const Timer& b) { return timer_later(a, b); });
  const Timer t = timers_.back();
  timers_.pop_back();
  next_deadline_ = timers_.empty() ? Nanos::max() : timers_.front().deadline;
  return t;
}

bool Simulator::advance_to_next_timer() {
  while (!timers_.empty()) {
    const Timer& t = timers_.front();
    const Fiber& f = *fibers_[t.fiber];
    if (f.timer_gen == t.gen && f.state == FiberState::blocked) {
      clock_ = std::max(clock_, t.deadline);
      fire_due_timers();
      return !runnable_.empty();
    }
    pop_timer();
  }
  return false;
}

std::string Simulator::describe_wait(const Fiber& f) const {
  std::string who(fiber_name(f.id));
  switch (f.blocked_in) {
    case OpKind::join:
      return who + " waits to join " + std::string(fiber_name(f.joining));
    case OpKind::wait: {
      const ObjectRecord& o = objects_[index(f.waiting_on)];
      return who + " waits on " + std::string(o.kind) + " '" +
             std::string(object_name(f.waiting_on)) + "'";
    }
    default:
      return who + " is blocked";
  }
}

void Simulator::end_without_runnable() {
  std::string msg;
  for (std::uint32_t i = 0; i < fiber_count_; ++i) {
    const Fiber& f = *fibers_[i];
    if (f.state != FiberState::blocked) continue;
    msg += msg.empty() ? "no fiber can run: " : "; ";
    msg += describe_wait(f);
  }
  if (msg.empty()) {
    finish(Status::ok, {});
  } else {
    finish(Status::deadlock, std::move(msg));
  }
}

void Simulator::finish(Status status, std::string message) {
  if (ended_) return;
  ended_ = true;
  outcome_.status = status;
  outcome_.message = std::move(message);
}

void Simulator::unwind_all() {
  set_teardown(true);
  for (std::uint32_t i = fiber_count_; i-- > 0;) {
    Fiber& f = *fibers_[i];
    if (f.cont && !f.parked) {
      // Resume it where it stopped; it throws FiberUnwind at its next operation that cannot
      // complete, its destructors run, and it returns here.
      current_ = &f;
      teardown_ops_ = 0;
      transfer(nullptr, f.cont);
    }
    f.body.reset();
    unlink(f);
  }
  set_teardown(false);
}

void Simulator::yield() {
  if (teardown_) return;
  begin_step(Op{OpKind::yield});
  count_spin();
  end_step();
  last_reason_ = Reason::yield;
}

void Simulator::sleep(Nanos d) {
  if (teardown_) return;
  begin_step(Op{OpKind::sleep, kNoObject, kNoObject, current_->id});
  Fiber* self = current_;
  self->blocked_in = OpKind::sleep;
  self->waiting_on = kNoObject;
  const Nanos deadline = clock_ + std::max(d, Nanos{0});
  push_timer(Timer{deadline, index(self->id), ++self->timer_gen});
  end_step();
  block_current();
  end_step();
}

void Simulator::join(FiberId target) {
  if (teardown_) return;
  begin_step(Op{OpKind::join, kNoObject, kNoObject, target});
  Fiber& t = *fibers_.at(index(target));
  if (t.state == FiberState::exited) {
    end_step();
    return;
  }
  Fiber* self = current_;
  self->blocked_in = OpKind::join;
  self->joining = target;
  link(t.joiners, *self);
  end_step();
  block_current();
  end_step();
}

WaitResult Simulator::wait(ObjectId queue, bool matches, std::int64_t read,
                           std::optional<Nanos> timeout) {
  if (teardown_) return WaitResult::not_blocked;
  if (!matches) {
    end_step(read);
    return WaitResult::not_blocked;
  }
  Fiber* self = current_;
  self->blocked_in = OpKind::wait;
  self->waiting_on = queue;
  self->wake = WakeReason::none;
  link(objects_[index(queue)].waiters, *self);
  ++self->timer_gen;
  if (timeout) {
    push_timer(Timer{clock_ + std::max(*timeout, Nanos{0}), index(self->id), self->timer_gen});
  }
  end_step(read);
  block_current();
  end_step();
  return self->wake == WakeReason::timed_out ? WaitResult::timed_out : WaitResult::woken;
}

std::uint32_t Simulator::wake(ObjectId queue, bool all, FiberId* first) {
  if (teardown_) return 0;
  WaiterList& list = objects_[index(queue)].waiters;
  std::uint32_t n = 0;
  while (list.head != -1) {
    Fiber& f = *fibers_[static_cast<std::size_t>(list.head)];
    unlink(f);
    ++f.timer_gen;  // cancels its timeout
    f.wake = WakeReason::woken;
    make_runnable(f, OpKind::wait, queue);
    if (n == 0 && first != nullptr) *first = f.id;
    ++n;
    if (!all) break;
  }
  end_step();
  return n;
}

void Simulator::check(bool cond, std::string_view message, std::source_location where) {
  if (cond || teardown_) return;
  fail(std::string(message) + " (check at " + std::string(file_name(where.file_name())) + ":" +
       std::to_string(where.line()) + ")");
}

void Simulator::fail(std::string_view message) {
  if (teardown_ || !running_) return;
  finish(Status::failed, std::string(message));
  switch_away(current_, nullptr);
  // Resumed only to be unwound: the code after a failure must not run.
  throw FiberUnwind{};
}

void Simulator::report(std::string_view name, ResultValue value) {
  // A run cut short (a failure, the step limit) left fibers midway: a result reported while they
  // are unwound would depend on how far each had got, not on what the run did, so the run's
  // results are what it reported before it ended. After a deadlock every fiber waits where it
  // must, and what main reports while it is unwound (it returns from its join) still counts.
  if (teardown_ && (outcome_.status == Status::failed || outcome_.status == Status::livelock)) {
    return;
  }
  touch_plain(kFirstPlainState);  // the results are plain state shared by every fiber
  for (auto& [n, v] : results_) {
    if (n == name) {
      v = std::move(value);
      return;
    }
  }
  results_.emplace_back(std::string(name), std::move(value));
}

void Simulator::note(std::string_view text) {
  if (tracing() && !teardown_) {
    observer_->on_note(current_->id, stats_.steps == 0 ? 0 : stats_.steps - 1, text);
  }
}

}  // namespace interleave
