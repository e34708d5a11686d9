#pragma once
// Fiber: the simulator's record of one simulated thread. Internal to sim/; records are
// reused across runs, so a run after warm-up allocates none.

#include <boost/context/fiber.hpp>
#include <cstdint>

#include "call_gate.h"
#include "ids.h"
#include "name_table.h"
#include "op.h"
#include "stack_pool.h"
#include "task.h"

namespace interleave {

// Where a fiber is in its life.
enum class FiberState : std::uint8_t { runnable, blocked, exited };

// What a blocked fiber's wait ended with.
enum class WakeReason : std::uint8_t { none, woken, timed_out };

// A first-in first-out list of waiting fibers, linked through Fiber::next_waiter/prev_waiter.
struct WaiterList {
  std::int32_t head = -1;  // invariant: -1 iff empty; index of the oldest waiter
  std::int32_t tail = -1;  // invariant: -1 iff empty; index of the newest waiter
};

// One simulated thread.
struct Fiber {
  FiberId id{0};
  FiberId parent{0};
  NameRef name;  // in the simulator's NameTable
  FiberState state = FiberState::runnable;
  bool starting = false;  // true until its first scheduling point (eager start, see simulator)
  std::uint64_t ready_seq = 0;  // when it last became ready; fifo order among runnable fibers
  // The fiber's context lives as long as the simulator: when its body ends it parks, and the next
  // fiber spawned with this id runs on it (no stack or context is made per run).
  boost::context::fiber cont;  // invariant: non-empty iff the context is suspended: parked, or
                               // started and not yet exited
  bool parked = false;         // invariant: parked ⇒ cont is non-empty and body is empty
  StackOwner* stack_owner = nullptr;  // the label of its stack, for overflow reports
  Task body;                          // the fiber's code; destroyed when it exits or is unwound

  // Blocking: what a blocked fiber waits on, for wakeups and deadlock reports.
  OpKind blocked_in = OpKind::wait;  // wait, join or sleep; meaningful when blocked
  ObjectId waiting_on = kNoObject;   // the wait queue, when blocked in wait
  FiberId joining{0};                // the fiber waited for, when blocked in join
  bool linked = false;               // in the waiters of waiting_on (wait) or of joining (join)
  std::int32_t next_waiter = -1;
  std::int32_t prev_waiter = -1;
  WakeReason wake = WakeReason::none;  // how its last wait ended
  std::uint64_t timer_gen = 0;         // bumped to cancel its pending timer
  WaiterList joiners;                  // fibers blocked joining this one
  // Its last step was a yield or spun: it waits for others. Invariant: exact for every runnable
  // fiber but the running one, whose flag is brought up to date at its next point that asks the
  // policy (a kept step leaves it alone).
  bool yielded = false;

  // Primitive granularity (Simulator::begin_call): the built-in primitive's operation in progress.
  // Invariant: absorbing ⇒ call_depth > 0; call_open ⇒ absorbing. Reset for every new fiber.
  std::uint8_t call_depth = 0;  // nested calls in progress; only the outermost one is a step
  bool absorbing = false;       // its atomic steps are part of the call: no scheduling points
  bool call_open = false;       // the step in progress is the call's (or its resume's), not yet
                                // completed: it completes at the call's end or where it blocks
  Op call_op;                   // the outermost call in progress
  // A gated call (CallGate) waiting for its gate: linked in its primitive's list from begin_call
  // until it is picked, blocked while the gate is closed and runnable while it is open.
  CallGate gate;
  Nanos gate_deadline = Nanos::max();  // when a timed call stops waiting for its gate
  bool gate_timed_out = false;         // the deadline passed: runnable, the gate no longer asked
  bool gate_waited = false;            // its last gated call found the gate closed
};

}  // namespace interleave
