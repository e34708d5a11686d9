#include "sim/simulator.h"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "sim/decision_path.h"

namespace interleave {

namespace {

// Keeps traces identical across build folders and machines: only the file's own name.
std::string_view file_name(const char* path) {
  std::string_view p(path);
  auto slash = p.find_last_of('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

}  // namespace

std::uint64_t SchedulingPoint::ready_since(FiberId f) const {
  return sim_->fibers_.of(f).ready_seq;
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
  for (std::size_t i = 0; i < fibers_.capacity(); ++i) {
    Fiber& f = fibers_[i];
    if (f.cont) {
      current_ = &f;
      switcher_.transfer(nullptr, f.cont);
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

ObjectId Simulator::register_object(KernelKey, std::string_view kind, std::string_view name) {
  if (!running_) throw std::logic_error("objects must be created inside a run");
  ObjectId id{static_cast<std::uint32_t>(objects_.size())};
  objects_.push_back(ObjectRecord{kind, names_.add(name), WaiterList{}, WaitTarget{}});
  if (tracing()) observer_->on_object(id, kind, name);
  return id;
}

Fiber& Simulator::prepare_run(Policy& policy, Observer* observer) {
  if (running_) throw std::logic_error("run() called during a run");
  if (!kTracingBuilt && observer != nullptr) {
    throw std::logic_error("this build of interleave has no tracing (INTERLEAVE_TRACING=OFF)");
  }
  policy_ = &policy;
  hints_ = policy.hints();
  observer_ = observer;
  fibers_.start_run();
  runnable_.clear();
  timers_.clear();
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
  window_.open(config_.max_steps);
  last_reason_ = Reason::start;
  spun_ = false;
  consume_step_hints();
  plain_states_ = 0;
  ended_ = false;
  limit_error_.clear();
  set_teardown(false);
  running_ = true;
  close_quiet();  // the first point, the start, is a full one
  if (tracing()) observer_->on_run_start();
  return new_fiber("main", FiberId{0});
}

Fiber& Simulator::new_fiber(std::string_view name, FiberId parent) {
  Fiber& f = fibers_.add();
  if (pending_.size() < fibers_.capacity()) pending_.resize(fibers_.capacity());
  f.parent = parent;
  f.name = name.empty() ? names_.add_numbered('t', index(f.id)) : names_.add(name);
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
  f.call_depth = 0;
  f.absorbing = f.call_open = false;
  f.gate = CallGate{};
  f.gate_timed_out = f.gate_waited = false;
  runnable_.add_newest(f.id);  // ids grow, so the set stays ascending
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
  switcher_.transfer(parent, child.cont);
  // The child ran up to its first scheduling point and handed control back.
  current_ = parent;
  if (parent != nullptr) {
    // (A child whose first operation is a call waiting for its gate is not runnable yet.)
    if (tracing() && child.state == FiberState::runnable) woken_.push_back(child.id);
    complete_step();
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
  Fiber& main = fibers_[0];
  current_ = nullptr;
  try {
    start_fiber(main);
    current_ = &main;
    if (!ended_) {
      Fiber* next = decide(Reason::start);
      if (next != nullptr) {
        current_ = next;
        switcher_.transfer(nullptr, next->cont);
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
  switcher_.arrive(std::move(from));
  while (!closing_) {
    Fiber* next = run_body(self);
    // Park: hand the CPU on and wait here until a fiber is spawned with this id again.
    self.parked = true;
    switch_away(&self, next);
  }
  return switcher_.leave(self);
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
  begin_step(KernelKey{}, Op{OpKind::exit, Call::none, kNoGate, kNoObject, kNoObject, self.id});
  self.state = FiberState::exited;
  remove_runnable(self);
  while (Fiber* j = fibers_.oldest(self.joiners)) {
    unlink(*j);
    j->wake = WakeReason::woken;
    make_runnable(*j, OpKind::join, kNoObject);
  }
  complete_step();
  close_quiet();  // the point after an exit is a full one
  return decide(Reason::exit);
}

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
  if (current_->absorbing) return;  // an atomic step inside a call: part of the call's step
  // Eager start: the new fiber ran its local code up to this first operation; hand control
  // back to whoever started it. It is resumed here once picked for this operation.
  Fiber* self = current_;
  pending_[index(self->id)] = op;
  self->starting = false;
  Fiber* starter = starter_;
  current_ = starter;
  switch_away(self, starter);
  unwind_if_abandoned(op.kind);
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

void Simulator::finish(Status status, std::string message) {
  if (ended_) return;
  ended_ = true;
  outcome_.status = status;
  outcome_.message = std::move(message);
}

void Simulator::unwind_all() {
  set_teardown(true);
  for (std::uint32_t i = fibers_.count(); i-- > 0;) {
    Fiber& f = fibers_[i];
    if (f.cont && !f.parked) {
      // Resume it where it stopped; it throws FiberUnwind at its next operation that cannot
      // complete, its destructors run, and it returns here.
      current_ = &f;
      teardown_ops_ = 0;
      switcher_.transfer(nullptr, f.cont);
    }
    f.body.reset();
    unlink(f);
  }
  set_teardown(false);
}

void Simulator::yield() {
  if (teardown_) return;
  begin_step(KernelKey{}, Op{OpKind::yield});
  count_spin();
  complete_step();
  last_reason_ = Reason::yield;
}

void Simulator::check(bool cond, std::string_view message, std::source_location where) {
  if (cond || teardown_) return;
  fail(std::string(message) + " (check at " + std::string(file_name(where.file_name())) + ":" +
       std::to_string(where.line()) + ")");
}

void Simulator::fail(std::string_view message) {
  if (teardown_ || !running_) return;
  if (current_->call_open) {  // the call that failed is the run's last step
    current_->absorbing = current_->call_open = false;
    complete_step();
  }
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
    // Inside a call whose step is still open the note belongs to that step, the next one recorded.
    const std::uint64_t step =
        current_->call_open ? stats_.steps : (stats_.steps == 0 ? 0 : stats_.steps - 1);
    observer_->on_note(current_->id, step, text);
  }
}

std::uint8_t Simulator::add_gate(KernelKey, ObjectId object, const CallGate& gate) {
  ObjectRecord& o = objects_.at(index(object));
  if (o.gate_count == o.gates.size()) throw std::logic_error("a primitive has at most 4 gates");
  o.gates[o.gate_count] = gate;
  return o.gate_count++;
}

std::uint8_t Simulator::gate_mask(ObjectId object) const {
  if (object == kNoObject) return 0;
  const ObjectRecord& o = objects_[index(object)];
  std::uint8_t mask = 0;
  for (std::uint8_t g = 0; g < o.gate_count; ++g) {
    if (o.gates[g].open(o.gates[g].primitive)) mask = static_cast<std::uint8_t>(mask | (1U << g));
  }
  return mask;
}

bool Simulator::begin_call(KernelKey key, Op op, std::optional<Nanos> timeout) {
  Fiber* self = current_;
  if (self->call_depth++ > 0 || teardown_) return false;  // nested: part of the outer call
  self->call_op = op;
  CallGate gate;
  if (op.gate == kNoGate) {
    begin_step(key, op);  // the call's scheduling point
  } else {
    gate = objects_[index(op.object)].gates[op.gate];
    self->gate = gate;
    wait_for_gate(self, timeout);
  }
  note_call_gates(op);
  self->absorbing = self->call_open = true;
  // Timed out: the call gives up, unless the gate opened at the very end.
  return gate.open != nullptr && self->gate_timed_out && !gate.open(gate.primitive);
}

void Simulator::wait_for_gate(Fiber* self, std::optional<Nanos> timeout) {
  // Listed with its primitive until picked: a call on the primitive may close the gate again
  // while the fiber waits at its scheduling point (regate() then blocks it).
  self->blocked_in = OpKind::call;
  self->waiting_on = self->call_op.object;
  self->gate_timed_out = false;
  self->gate_waited = false;
  self->gate_deadline = timeout ? clock_ + std::max(*timeout, Nanos{0}) : Nanos::max();
  fibers_.push_waiter(objects_[index(self->waiting_on)].waiters, *self);
  pending_[index(self->id)] = self->call_op;
  ++self->timer_gen;
  if (self->gate.open(self->gate.primitive)) {
    begin_step(KernelKey{}, self->call_op);  // open: an ordinary scheduling point
  } else {
    self->gate_waited = true;
    if (timeout) timers_.push(Timer{self->gate_deadline, index(self->id), self->timer_gen});
    self->state = FiberState::blocked;
    remove_runnable(*self);
    ++stats_.blocks;
    if (self->starting) {
      // Eager start (see begin_special_step): hand control back to whoever started it.
      self->starting = false;
      Fiber* starter = starter_;
      current_ = starter;
      switch_away(self, starter);
    } else {
      close_quiet();
      Fiber* next = decide(Reason::block);
      if (next != self) switch_away(self, next);
    }
    unwind_if_abandoned(OpKind::call);
  }
  unlink(*self);  // picked for the call's step
}

void Simulator::regate(ObjectId object) {
  if (object == kNoObject) return;
  for (std::int32_t i = objects_[index(object)].waiters.head; i >= 0;) {
    Fiber& f = fibers_[static_cast<std::uint32_t>(i)];
    i = f.next_waiter;
    if (f.blocked_in != OpKind::call) continue;  // a waiter of another kind (none today)
    const bool open = f.gate_timed_out || f.gate.open(f.gate.primitive);
    if (open && f.state == FiberState::blocked) {
      f.state = FiberState::runnable;
      f.ready_seq = ++ready_counter_;
      runnable_.add(f.id);
      if (tracing()) woken_.push_back(f.id);
    } else if (!open && f.state == FiberState::runnable) {
      if (clock_ >= f.gate_deadline) {  // its timer came while it was runnable
        f.gate_timed_out = true;
        continue;
      }
      f.state = FiberState::blocked;
      f.gate_waited = true;
      ++stats_.blocks;
      remove_runnable(f);
      if (f.gate_deadline != Nanos::max()) {
        timers_.push(Timer{f.gate_deadline, index(f.id), ++f.timer_gen});
      }
    }
  }
}

void Simulator::end_call_step(Fiber* self) {
  self->call_open = false;
  complete_step();
  regate(self->call_op.object);
  regate(self->call_op.word);
}

void Simulator::end_call(KernelKey) {
  Fiber* self = current_;
  if (self->call_depth == 0 || --self->call_depth > 0) return;
  self->absorbing = false;
  if (self->call_open && !teardown_) end_call_step(self);
  self->call_open = false;
}

void Simulator::pause_call(KernelKey) {
  Fiber* self = current_;
  if (!self->absorbing) return;
  self->absorbing = false;
  if (self->call_open) end_call_step(self);
}

void Simulator::resume_call(KernelKey key) {
  Fiber* self = current_;
  if (self->call_depth == 0 || self->absorbing || teardown_) return;
  begin_step(key, self->call_op);  // the rest of the call is a step of its own
  note_call_gates(self->call_op);
  self->absorbing = self->call_open = true;
}

}  // namespace interleave
