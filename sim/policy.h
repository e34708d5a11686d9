#pragma once
// The policy interface: at each scheduling point a policy is shown a read-only view and
// picks which runnable fiber performs the next step. A policy only decides.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ids.h"
#include "op.h"
#include "outcome.h"

namespace interleave {

class Simulator;

// Why there is a scheduling point: what the current fiber did in its last step.
enum class Reason : std::uint8_t {
  start,   // the first point of a run; no fiber has run yet
  spawn,   // the current fiber just spawned a fiber
  access,  // the current fiber just performed a memory or queue operation
  yield,   // the current fiber just yielded: it is spinning (see also last_step_spun)
  block,   // the current fiber just blocked (wait, join, sleep); it is not runnable
  exit,    // the current fiber just exited
};

// to_string() names a reason as traces print it.
std::string_view to_string(Reason reason);

// The read-only view a policy decides on. Valid only during the pick() call.
class SchedulingPoint {
 public:
  // What the simulator knows at the point, field by field (the accessors below describe each).
  struct Facts {
    const Op* pending = nullptr;        // the simulator's pending operations, by fiber
    std::span<const FiberId> runnable;  // invariant: ascending, unique, non-empty
    std::uint64_t runnable_mask = 0;    // invariant: the ids below 64 of runnable
    FiberId current{0};
    bool current_runnable = false;
    Reason reason = Reason::start;
    bool last_step_spun = false;
    bool last_step_read_only = false;
    std::uint16_t last_step_gates = 0xFFFF;  // see last_step_gates()
    std::uint64_t step = 0;
    Nanos clock{0};
  };

  // SchedulingPoint(sim, facts) is the view of sim at a point; the simulator builds it.
  SchedulingPoint(const Simulator& sim, const Facts& facts) : sim_(&sim), f_(facts) {}

  // runnable() lists the fibers that may perform the next step: ascending ids, never empty.
  std::span<const FiberId> runnable() const { return f_.runnable; }
  // runnable_mask() is runnable() as a bit mask (bit f for fiber f); fibers from id 64 up are
  // not in it.
  std::uint64_t runnable_mask() const { return f_.runnable_mask; }
  // current() is the fiber that performed the last step (fiber 0 at the start).
  FiberId current() const { return f_.current; }
  // current_runnable() tells whether picking another fiber would preempt the current one.
  bool current_runnable() const { return f_.current_runnable; }
  // reason() tells what the current fiber did last.
  Reason reason() const { return f_.reason; }
  // last_step_spun() tells whether the current fiber's last step was spinning: a yield, a
  // test-and-set that found the flag set, or a step marked with Simulator::count_spin() (such as
  // a spin lock's load that found it held). Fair searches use it.
  bool last_step_spun() const { return f_.last_step_spun; }
  // last_step_read_only() tells whether the last step, though of a writing kind, only read its
  // object (a compare-exchange or test-and-set that failed). Partial-order reduction uses it.
  bool last_step_read_only() const { return f_.last_step_read_only; }
  // last_step_gates() tells, when the last step was a primitive's call (or its resume), which
  // gates of its primitive were open when it began (bit g: gate g of its object; bit 8 + g: gate
  // g of its word); all bits are set for any other step. Partial-order reduction uses it.
  std::uint16_t last_step_gates() const { return f_.last_step_gates; }
  // step() is the index of the step about to be decided (0-based).
  std::uint64_t step() const { return f_.step; }
  // clock() is the virtual time now.
  Nanos clock() const { return f_.clock; }
  // pending(f) is the operation runnable fiber f performs if picked.
  Op pending(FiberId f) const { return f_.pending[index(f)]; }
  // ready_since(f) orders runnable fibers by when they last became ready (lower = earlier).
  std::uint64_t ready_since(FiberId f) const;
  // last_step_plain() lists the plain state (Simulator::touch_plain) that the last step's code
  // changed; last_step_plain_overflowed() says it changed more than that list holds.
  std::span<const ObjectId> last_step_plain() const;
  bool last_step_plain_overflowed() const;
  // is_runnable(f) tells whether f is in runnable().
  bool is_runnable(FiberId f) const;

 private:
  const Simulator* sim_;
  Facts f_;
};

// A policy's answer: a runnable fiber, or giving the run up with a reason. Sixteen bytes, so
// that pick() returns it in registers (it is on the path of every step).
struct Decision {
  FiberId fiber{0};
  bool give_up = false;
  const char* why = nullptr;  // when give_up: why, NUL-terminated; must outlive the run

  // pick(f) runs fiber f next.
  static Decision pick(FiberId f) { return Decision{f, false, nullptr}; }
  // stop(why) ends the run with status cut and message why (a literal or policy-owned storage).
  static Decision stop(const char* why) { return Decision{FiberId{0}, true, why}; }
  // stop(why) ends the run with the message held by why, which must outlive the run.
  static Decision stop(const std::string& why) { return Decision{FiberId{0}, true, why.c_str()}; }
};

// A policy's name and settings, as traces and reproduce lines record them.
struct PolicyInfo {
  std::string name;                                          // "fifo", "random", ...
  std::vector<std::pair<std::string, std::int64_t>> params;  // e.g. {"seed", 7}, {"depth", 3}
};

// What a policy promises about its picks, so that the simulator decides those points without
// calling pick(). A policy without hints decides the same schedules, only more slowly.
struct PolicyHints {
  // keeps_stepping_fiber: pick() keeps the current fiber whenever its last step was an access or
  // a spawn (not a yield, spin, block or exit) and no timer is due (fifo never preempts).
  bool keeps_stepping_fiber = false;
  // planned: what pick() would choose at the run's first points (entry k: the point before step
  // k), as a search replaying its path knows; the simulator takes an entry when its fiber is
  // runnable and its id below 64, and asks pick() otherwise. Entry k must stay readable, and
  // unchanged, until step k is decided.
  std::span<const FiberId> planned;
};

// The interface every scheduling policy implements; one object may serve many runs.
class Policy {
 public:
  virtual ~Policy() = default;
  // begin_run() prepares for the next run; false means there is nothing left to run.
  virtual bool begin_run() { return true; }
  // pick(point) chooses the fiber that performs the next step.
  virtual Decision pick(const SchedulingPoint& point) = 0;
  // end_run(outcome) tells the policy how the run it decided ended.
  virtual void end_run(const Outcome& /*outcome*/) {}
  // info() names the policy and its settings.
  virtual PolicyInfo info() const = 0;
  // hints() is what the policy promises so that the simulator may decide some points without
  // calling pick() (see PolicyHints). Read at the start of each run, after begin_run().
  virtual PolicyHints hints() const { return {}; }
};

}  // namespace interleave
