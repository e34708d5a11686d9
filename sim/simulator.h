#pragma once
// Simulator: the one central object. It owns the fibers, the virtual clock, the wait queues
// and the step loop, and runs one scenario from scratch under one policy per run().
// Scenarios, primitives and the objects of sim/ reach it through an explicit reference.

#include <array>
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <source_location>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config.h"
#include "fiber.h"
#include "fiber_switcher.h"
#include "fiber_table.h"
#include "ids.h"
#include "kernel_key.h"
#include "name_table.h"
#include "observer.h"
#include "op.h"
#include "outcome.h"
#include "policy.h"
#include "resource_limit.h"
#include "run_diagnostics.h"
#include "runnable_set.h"
#include "stack_pool.h"
#include "timer_queue.h"
#include "unwinding.h"
#include "wait_target.h"

namespace interleave {

// What run() returns: the verdict, the scenario's reported results, and the costs.
struct RunResult {
  Outcome outcome;  // how the run ended
  Results results;  // what the scenario reported, in report order
  Stats stats;      // what the run cost
};

// How a wait ended: the word did not match (no block), a wake, or the timeout.
enum class WaitResult : std::uint8_t { not_blocked, woken, timed_out };

class Simulator {
 public:
  // Simulator(config) prepares an empty simulator; stacks are mapped lazily and reused.
  explicit Simulator(RunConfig config = {});
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;
  ~Simulator();

  // run(policy, body, observer) executes body as fiber 0 ("main") from a fresh state under
  // policy and returns when the run ends; abandoned fibers are unwound before it returns.
  // The caller calls policy.begin_run() before; run() calls policy.end_run() at the end.
  // The result lives in the simulator until the next run (copy it to keep it): reusing its
  // storage is what lets a run after warm-up allocate nothing.
  template <class F>
  const RunResult& run(Policy& policy, F&& body, Observer* observer = nullptr) {
    Fiber& main = prepare_run(policy, observer);
    main.body.assign(std::forward<F>(body));
    return execute();
  }

  // config() is the configuration runs use; set_config() changes it between runs.
  const RunConfig& config() const { return config_; }
  void set_config(const RunConfig& config);

  // schedule() is the decision list of the last (or current) run: the fiber of every step.
  std::span<const FiberId> schedule() const { return schedule_; }

  // ---- For scenario code (inside a run) ----

  // now() is the virtual time; reading it is not a step.
  Nanos now() const { return clock_; }
  // yield() is a step that offers the CPU to other fibers; it counts as spinning. A yielding
  // fiber waits for another fiber's progress: when every runnable fiber's last step was a yield
  // (or another spinning step, see count_spin), none can progress before a timer fires, so the
  // clock skips to the next timer and the skipped time counts as spin steps (the CPU would have
  // spun that long).
  void yield();
  // sleep(d) is a step that blocks the calling fiber until the clock reaches now + d.
  void sleep(Nanos d);
  // check(cond, message) ends the run as failed, naming message and the caller's file:line.
  void check(bool cond, std::string_view message,
             std::source_location where = std::source_location::current());
  // fail(message) ends the run as failed with message; it does not return inside a run.
  void fail(std::string_view message);
  // report(name, value) records a result of the run (replacing an earlier one of that name).
  void report(std::string_view name, ResultValue value);
  // current_fiber() is the fiber running now.
  FiberId current_fiber() const { return current_->id; }
  // fiber_name(f) and object_name(o) are the names given at spawn and registration.
  std::string_view fiber_name(FiberId f) const { return names_.get(fibers_.checked(f).name); }
  std::string_view object_name(ObjectId o) const { return names_.get(objects_.at(index(o)).name); }
  // fiber_count() is the number of fibers spawned in this run, main included.
  std::uint32_t fiber_count() const { return fibers_.count(); }
  // tracing() tells whether an observer is attached; build note texts only when it is.
  bool tracing() const { return kTracingBuilt && observer_ != nullptr; }
  // note(text) attaches a primitive-level event ("acquired m") to the last step.
  void note(std::string_view text);
  // note(make) is note(make()) when a trace is recorded; make() builds the text only then, so
  // an untraced run pays nothing for it: sim.note([&] { return name + " acquired"; }).
  template <class F>
  requires std::invocable<F&>
  void note(F&& make) {
    if (tracing()) note(std::string_view(make()));
  }
  // count_spin() marks the step in progress (or the one just completed) as spinning: a failed
  // test-and-set, or a spin lock's load that found the lock held. Like a yield, a spinning step
  // waits for another fiber's progress; fair searches and idle skipping treat it so.
  void count_spin() {
    if (current_->absorbing) return;  // inside a call: its step is the call's
    ++stats_.spin_steps;
    window_.count(stats_.steps);
    spun_ = true;
    current_->yielded = true;
    quiet_until_ = keep_until_ = 0;  // the next point is not quiet
  }
  // plain_state() names state that fibers share through plain code, such as the list of who is
  // inside a critical section that a scenario keeps to check mutual exclusion. It is no object
  // of the trace and touching it is no step; see touch_plain().
  ObjectId plain_state() { return ObjectId{index(kFirstPlainState) + 1 + plain_states_++}; }
  // touch_plain(state) records that the plain code running now changes state. That code belongs
  // to the step just performed, so an exhaustive search orders that step against every other
  // step that touches state, as if it wrote an object. report() touches the results this way.
  void touch_plain(ObjectId state) {
    if (plain_touched_ < kMaxPlainTouches) {
      plain_touched_list_[plain_touched_] = state;
    }
    ++plain_touched_;
  }
  // kMaxPlainTouches is how many plain-state touches of one step a scheduling point lists.
  static constexpr std::uint32_t kMaxPlainTouches = 4;

  // ---- Kernel interface: only Shared, Atomic, WaitQueue and Thread hold a KernelKey ----

  // register_object(key, kind, name) gives a new object its id; kind must be a string literal.
  ObjectId register_object(KernelKey, std::string_view kind, std::string_view name);
  // set_wait_target(key, queue, target) names what the fibers blocked on queue wait for, for
  // the rest of this run (an empty target forgets it); nothing outside a run.
  void set_wait_target(KernelKey, ObjectId queue, const WaitTarget& target) {
    if (running_ && index(queue) < objects_.size()) objects_[index(queue)].target = target;
  }
  // begin_step(key, op) is the scheduling point before op; it returns when the calling fiber has
  // been picked to perform op, which it then performs without interruption.
  void begin_step(KernelKey, Op op) {
    Fiber* self = current_;
    if (teardown_ || self->starting || self->absorbing) [[unlikely]] {
      begin_special_step(op);
      return;
    }
    // decide()'s first case, taken before the op is stored: at a point kept quietly nobody
    // reads the op (see pending_).
    if (kept_quietly()) [[likely]] {
      keep(self);
      return;
    }
    pending_[index(self->id)] = op;
    step_point(self, op.kind);
  }
  // end_step(key, read, written) completes the step begun by begin_step. It records an access;
  // yield() and spawn() name their own reason after it.
  void end_step(KernelKey, std::optional<std::int64_t> read = {},
                std::optional<std::int64_t> written = {}) {
    complete_step(read, written);
  }
  // read_only(key) marks the step in progress as one that left its object's value unchanged
  // although its kind may write (a failed compare-exchange or test-and-set, a store of the same
  // value).
  void read_only(KernelKey) {
    if (!current_->absorbing) read_only_ = true;
  }
  // begin_call(key, op, timeout) starts a built-in primitive's operation (op.kind is call)
  // under primitive granularity: its scheduling point, then the atomic steps up to end_call() are
  // part of this one step, except where it blocks (the step ends there, and its resume is a step
  // that goes on to the end). While its gate (op.gate, see add_gate) is closed the fiber is not
  // runnable (no step) and waits, at most timeout; returns true when that timeout passed (the call
  // then gives up). A call inside a call is part of the outer one. Use PrimitiveCall, not this.
  bool begin_call(KernelKey key, Op op, std::optional<Nanos> timeout = std::nullopt);
  // add_gate(key, object, gate) gives the primitive object a gate for its calls (Op::gate names
  // it by the index returned); at most four per object.
  std::uint8_t add_gate(KernelKey key, ObjectId object, const CallGate& gate);
  // gate_waited() tells whether the running fiber's last gated call found its gate closed (it
  // blocked until a call on the primitive opened it, or until its timeout).
  bool gate_waited() const { return current_->gate_waited; }
  // end_call(key) ends the call begun last; the outermost one completes its open step.
  void end_call(KernelKey key);
  // pause_call(key) lets the user code that a call runs (a barrier's action) take steps of its
  // own: the call's open step completes; resume_call(key) then makes the rest of the call a step.
  // Use PrimitiveCall::pause and resume.
  void pause_call(KernelKey key);
  void resume_call(KernelKey key);
  // spawn(key, name, body) is a step that creates a runnable fiber; returns its id.
  template <class F>
  FiberId spawn(KernelKey key, std::string_view name, F&& body) {
    if (teardown_) return kNoFiber;
    begin_step(key, Op{OpKind::spawn, Call::none, kNoGate, kNoObject, kNoObject,
                       FiberId{fibers_.count()}});
    Fiber& child = new_fiber(name, current_->id);
    child.body.assign(std::forward<F>(body));
    start_fiber(child);
    return child.id;
  }
  // join(key, f) is a step that blocks until fiber f has exited.
  void join(KernelKey key, FiberId f);
  // wait(key, queue, matches, read, timeout) is the step of WaitQueue::wait_if after its
  // begin_step: it blocks on queue when matches, until woken or the timeout passes.
  WaitResult wait(KernelKey key, ObjectId queue, bool matches, std::int64_t read,
                  std::optional<Nanos> timeout);
  // wake(key, queue, all, first) is the step of wake_one/wake_all after its begin_step; returns
  // how many fibers it made runnable (oldest waiter first) and, when first is given and some
  // fiber was woken, stores the first one there.
  std::uint32_t wake(KernelKey key, ObjectId queue, bool all, FiberId* first = nullptr);

 private:
  friend class SchedulingPoint;  // reads the per-fiber facts below

  // What the simulator knows of an object of this run.
  struct ObjectRecord {
    std::string_view kind;  // a string literal
    NameRef name;
    WaiterList waiters;  // for wait queues: the blocked fibers, oldest first
    WaitTarget target;   // for wait queues of a primitive: the primitive (set_wait_target)
    // For a primitive's own object (primitive granularity): its gates, by index (add_gate).
    std::array<CallGate, 4> gates{};
    std::uint8_t gate_count = 0;
  };
  // gate_mask(object) is bit g set for each gate g of object that is open now (0 for none).
  std::uint8_t gate_mask(ObjectId object) const;
  // note_call_gates(op) records the gates of op's primitives as its step begins (step_gates_).
  void note_call_gates(const Op& op) {
    step_gates_ = static_cast<std::uint16_t>(gate_mask(op.object) | (gate_mask(op.word) << 8));
  }

  // ---- The run: sim/simulator.cpp ----
  // prepare_run(policy, observer) resets the run's state and returns main's record.
  Fiber& prepare_run(Policy& policy, Observer* observer);
  // execute() starts main, runs until the run ends, unwinds what is left and returns the result.
  const RunResult& execute();
  // new_fiber(name, parent) is the record of a new runnable fiber of this run.
  Fiber& new_fiber(std::string_view name, FiberId parent);
  // start_fiber(child) runs child eagerly up to its first operation (its context made once).
  void start_fiber(Fiber& child);
  // fiber_loop(self, from) is the code of every fiber context: run a body, park, repeat until
  // the simulator closes.
  boost::context::fiber fiber_loop(Fiber& self, boost::context::fiber&& from);
  // run_body(self) runs self's body and its exit step; returns the fiber that runs next (null:
  // the host).
  Fiber* run_body(Fiber& self);
  // complete_step(read, written) is end_step(): the step's costs, and its event when traced.
  void complete_step(std::optional<std::int64_t> read = {},
                     std::optional<std::int64_t> written = {}) {
    if (step_hooks_) [[unlikely]] {
      if (teardown_ || current_->absorbing) return;  // an atomic step inside a call is no step
      if (tracing()) {
        observe_step(read, written);
        woken_.clear();
      }
    }
    ++stats_.steps;
    clock_ += config_.step_cost;
    last_reason_ = Reason::access;
  }
  // observe_step(read, written) hands the step's StepEvent to the observer.
  void observe_step(std::optional<std::int64_t> read, std::optional<std::int64_t> written);
  // begin_special_step(op) is begin_step() for a fiber that is unwound or not yet started.
  void begin_special_step(Op op);
  // switch_away(self, next) hands the CPU from self to next (null: the host).
  void switch_away(Fiber* self, Fiber* next) {
    if (next == nullptr) {
      switcher_.to_host(self);
    } else {
      current_ = next;
      switcher_.transfer(self, next->cont);
    }
  }
  // unwind_if_abandoned(kind): a fiber resumed after its run ended, in the middle of an
  // operation of this kind, throws FiberUnwind unless the operation completes while unwinding.
  void unwind_if_abandoned(OpKind kind);
  // finish(status, message) decides the outcome, unless it is decided already.
  void finish(Status status, std::string message);
  // no_stack_for(child, why) ends the run when child's stack cannot be mapped: run() then throws
  // ResourceLimit (at once when child is main). Does not return.
  [[noreturn]] void no_stack_for(Fiber& child, const char* why);
  // unwind_all() resumes every fiber left suspended to unwind it (see sim/unwinding.h).
  void unwind_all();
  // set_teardown(on) starts or ends the unwinding of abandoned fibers, keeping step_hooks_ true.
  void set_teardown(bool on) {
    teardown_ = on;
    step_hooks_ = on || tracing() || config_.granularity == Granularity::primitive;
  }

  // ---- The decision path: sim/decide.cpp ----
  // step_point(self, kind) is the scheduling point before self's op of this kind (stored in
  // pending_) when begin_step() did not keep self quietly: it returns when self has been picked.
  void step_point(Fiber* self, OpKind kind);
  // decide(reason) is the one scheduling point, after the current fiber's step of this reason:
  // it returns the fiber that performs the next step, or null when the run ended. Its fast path
  // comes first: at a quiet point (see quiet_until_) only the plan or the policy's pick is
  // needed; every other point goes through prepare_point() first. A point kept quietly never
  // gets here: begin_step() takes that case (keep()) before it stores the op.
  Fiber* decide(Reason reason);
  // quiet_point() tells whether the scheduling point before the current fiber's next step needs
  // nothing but the policy's pick: no timer is due, the fiber did not spin, yield, block or exit,
  // the step limit is not reached and no trace is recorded (see quiet_until_).
  bool quiet_point() const {
    return clock_ < timers_.next_deadline() && stats_.steps < quiet_until_;
  }
  // kept_quietly() is quiet_point() under a policy that keeps the stepping fiber there.
  bool kept_quietly() const {
    return clock_ < timers_.next_deadline() && stats_.steps < keep_until_;
  }
  // keep(cur) records the decision to keep cur, which the policy promised (PolicyHints).
  Fiber* keep(Fiber* cur) {
    consume_step_hints();
    schedule_.push_back(cur->id);
    return cur;
  }
  // decide_at_full_point(reason) is decide() at a point that is not quiet: prepare_point(), then
  // choose(); it opens the quiet points again.
  Fiber* decide_at_full_point(Reason reason);
  // prepare_point(reason) does what a point that is not quiet needs before a fiber is chosen:
  // fires due timers, skips idle spinning, ends the run without runnable fibers or at the step
  // limit. Returns false when the run ended.
  bool prepare_point(Reason reason);
  // choose(cur, cur_runnable, reason, spun) decides among the runnable fibers after cur's step:
  // the policy's planned entry (PolicyHints) when it names a runnable fiber, else its pick. The
  // last step's hints are consumed once the policy has seen them.
  Fiber* choose(Fiber* cur, bool cur_runnable, Reason reason, bool spun);
  // plan_applies() tells whether this point has a planned entry naming a runnable fiber (one
  // below id 64: the policy is asked about the others).
  bool plan_applies() const {
    return stats_.steps < hints_.planned.size() &&
           runnable_.contains_low(hints_.planned[stats_.steps]);
  }
  // facts(cur, cur_runnable, reason, spun) is what a SchedulingPoint shows now, after cur's step.
  SchedulingPoint::Facts facts(const Fiber& cur, bool cur_runnable, Reason reason, bool spun) const;
  // commit(d, cur, cur_runnable, reason) checks and records the policy's decision d.
  Fiber* commit(const Decision& d, Fiber* cur, bool cur_runnable, Reason reason);
  // record_pick(f, cur, cur_runnable, reason) records the decision of runnable fiber f at a
  // point after cur's step of this reason: the schedule, and a switch's cost and counts.
  Fiber* record_pick(FiberId f, Fiber* cur, bool cur_runnable, Reason reason);
  // consume_step_hints() clears the last step's hints (read_only, touch_plain) once a point has
  // shown them to the policy.
  void consume_step_hints() {
    read_only_ = false;
    plain_touched_ = 0;
    step_gates_ = 0xFFFF;
  }
  // open_quiet() makes the next points quiet again (see quiet_until_); close_quiet() makes the
  // next one go through prepare_point().
  void open_quiet() {
    quiet_until_ = tracing() ? 0 : config_.max_steps;
    keep_until_ = hints_.keeps_stepping_fiber ? quiet_until_ : 0;
  }
  void close_quiet() { quiet_until_ = keep_until_ = 0; }
  // skip_idle_spinning(): when every runnable fiber's last step was a yield or spun, advance the
  // clock to the next timer (firing it) and count the skipped time as spin steps.
  void skip_idle_spinning();
  // end_at_step_limit() ends the run as a livelock at the step limit, naming who kept running.
  void end_at_step_limit();

  // ---- Blocking, waking and timers: sim/blocking.cpp ----
  // regate(object) brings the fibers waiting for a gate of object up to date after a call on it:
  // runnable where the gate is open (or timed out), blocked where it is closed.
  void regate(ObjectId object);
  // end_call_step(self) completes the open step of self's call and regates its objects.
  void end_call_step(Fiber* self);
  // wait_for_gate(self, timeout) blocks self until its gate opens (or timeout passes) and it is
  // picked; returns with self picked for the call's step.
  void wait_for_gate(Fiber* self, std::optional<Nanos> timeout);
  // block_step(read) completes the step that blocks (reading read), blocks the running fiber and
  // performs its resume step. Inside a call, the call's open step ends where it blocks and the
  // resume step stays open for the rest of the call.
  void block_step(std::optional<std::int64_t> read = {});
  // block_current() blocks the running fiber and decides who runs instead; returns when the
  // fiber is picked for its resume step (or resumed to be unwound).
  void block_current();
  // make_runnable(f, resume_from, object) wakes f: its next op is the resume of that wait.
  void make_runnable(Fiber& f, OpKind resume_from, ObjectId object);
  // remove_runnable(f) takes f out of the runnable set.
  void remove_runnable(Fiber& f) { runnable_.remove(f.id); }
  // unlink(f) takes f out of the waiter list it is linked in, if any.
  void unlink(Fiber& f);
  // fire_due_timers() wakes every fiber whose live timer is due now.
  void fire_due_timers();
  // advance_to_next_timer() moves the clock to the earliest live timer and fires it; false
  // when there is none (or no fiber became runnable).
  bool advance_to_next_timer();
  // end_without_runnable() ends the run when nothing can run: ok, or a deadlock naming waits.
  void end_without_runnable();

  // plain_touched() lists the plain state touched since the last scheduling point; more than
  // kMaxPlainTouches touches make it empty and plain_overflowed() true.
  std::span<const ObjectId> plain_touched() const {
    return {plain_touched_list_, plain_touched_ <= kMaxPlainTouches ? plain_touched_ : 0};
  }
  // plain_overflowed() tells whether the last step touched more plain state than is listed.
  bool plain_overflowed() const { return plain_touched_ > kMaxPlainTouches; }

  RunConfig config_;
  StackPool pool_;
  FiberTable fibers_;
  // By fiber; invariant: same size as fibers_.capacity(), and at every point that is not kept
  // quietly, for each runnable fiber the op it performs if picked (a point kept quietly does not
  // store it: only points that ask the policy and the trace read it, and a fiber stores its op at
  // each such point before it can be switched away).
  std::vector<Op> pending_;
  RunnableSet runnable_;
  TimerQueue timers_;
  std::vector<ObjectRecord> objects_;    // this run's objects, by ObjectId
  NameTable names_;                      // fiber and object names of this run
  std::vector<FiberId> schedule_;        // invariant: one entry per decided step
  std::vector<FiberId> woken_;           // fibers made runnable by the step in progress
  std::vector<FiberId> point_runnable_;  // runnable set at the last point (only when tracing)
  Results results_;
  RunResult result_;  // what the last run() returned; its storage is reused by the next
  Stats stats_;
  Outcome outcome_;
  Policy* policy_ = nullptr;
  PolicyHints hints_;  // this run's policy's hints, read at the start of the run
  Observer* observer_ = nullptr;
  Fiber* current_ = nullptr;  // the fiber in control (the last one, while the host runs)
  Fiber* starter_ = nullptr;  // who eagerly started the fiber now starting; null = host
  FiberSwitcher switcher_;
  Nanos clock_{0};
  std::uint64_t ready_counter_ = 0;
  std::uint64_t teardown_ops_ = 0;  // operations the unwinding fiber performed without throwing
  // The points before stats_.steps reaches quiet_until_ are quiet unless a timer is due.
  // Invariant at every begin_step: quiet_until_ is config_.max_steps when no trace is recorded and
  // the last step neither spun nor yielded (spun_ is false, last_reason_ is not yield), else 0;
  // keep_until_ is quiet_until_ when the policy keeps the stepping fiber (hints_), else 0.
  // count_spin() and the points of a block, an exit or the start close them (close_quiet());
  // decide_at_full_point() opens them again (open_quiet()).
  std::uint64_t quiet_until_ = 0;
  std::uint64_t keep_until_ = 0;
  Reason last_reason_ = Reason::start;
  Reason point_reason_ = Reason::start;
  bool spun_ = false;               // the step in progress (or the last one) was spinning
  std::uint32_t plain_states_ = 0;  // plain states named in this run
  ObjectId plain_touched_list_[kMaxPlainTouches] = {};  // the first touches of plain_touched_
  std::uint32_t plain_touched_ = 0;    // plain-state touches since the last scheduling point
  bool read_only_ = false;             // the step in progress (or the last one) wrote nothing
  std::uint16_t step_gates_ = 0xFFFF;  // the gates open when the call in progress (or the last
                                       // step, a call) began; all set for other steps
  bool running_ = false;               // inside execute()
  bool ended_ = false;                 // the outcome is decided
  bool teardown_ = false;              // abandoned fibers are being unwound (sim/unwinding.h)
  bool step_hooks_ = false;  // invariant: teardown_ || tracing() || primitive granularity;
                             // end_step has more to do
  bool closing_ = false;     // the simulator is being destroyed: parked fibers end
  // Cold: after the fields of the step path, so that those keep their cache lines.
  SpinWindow window_;        // the livelock window before the step limit
  std::string limit_error_;  // set by no_stack_for(); run() throws it as ResourceLimit
};

}  // namespace interleave
