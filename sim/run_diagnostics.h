#pragma once
// Run diagnostics: the texts that say why a run could not go on (a deadlock, the step limit)
// and what the clock skipped, built from plain facts so that each is tested on its own. Internal
// to sim/; the Simulator gathers the facts.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ids.h"
#include "op.h"

namespace interleave {

// SpinWindow: the last steps before the step limit, where a livelock shows itself by spinning.
struct SpinWindow {
  std::uint64_t start = 0;  // the step at which the window opens
  std::uint64_t spins = 0;  // spinning steps from start on

  // open(max_steps) starts a run's window: its last 1,000 steps before max_steps.
  void open(std::uint64_t max_steps) {
    start = max_steps > 1000 ? max_steps - 1000 : 0;
    spins = 0;
  }
  // count(step) records that the step of this index spun.
  void count(std::uint64_t step) {
    if (step >= start) ++spins;
  }
};

// step_limit_message(max_steps, window, schedule, fiber_names) says that the run reached its
// step limit and which fibers kept running in the window: schedule holds the fiber of each step
// performed, fiber_names the name of each fiber by id (every fiber of schedule has one).
std::string step_limit_message(std::uint64_t max_steps, const SpinWindow& window,
                               std::span<const FiberId> schedule,
                               std::span<const std::string_view> fiber_names);

// A blocked fiber, as a deadlock report names it.
struct BlockedFiber {
  FiberId id{0};                 // the fiber
  std::string_view name;         // the fiber's name
  OpKind in = OpKind::wait;      // wait, join or sleep
  std::string_view object_kind;  // when in wait: the kind of the object waited on
  std::string_view target;       // when in wait: the object's name; in join: the fiber joined
  // When in wait on the queue of a primitive (WaitTarget): the primitive's kind and name, named
  // instead of the queue, and the name of the fiber that holds it, if one does.
  std::string_view primitive_kind;
  std::string_view primitive;
  std::string_view held_by;
  std::vector<std::string> holds;  // the primitives it holds, as "mutex 'fork 0'"
  FiberId waits_on = kNoFiber;     // whose progress it waits for: the holder, or the fiber joined
};

// deadlock_message(blocked) says that no fiber can run, what each blocked fiber holds and waits
// for, in the order given, and the first cycle of waits (a fiber waits on the holder of what it
// waits for, or on the fiber it joins), from its lowest fiber: "the waits form a cycle:
// philosopher 0 -> philosopher 1 -> philosopher 0". Empty when blocked is.
std::string deadlock_message(std::span<const BlockedFiber> blocked);

// wait_cycle(blocked) is the first cycle of waits among blocked, as indices into it, starting at
// its lowest fiber id; empty when the waits form none.
std::vector<std::size_t> wait_cycle(std::span<const BlockedFiber> blocked);

// idle_skip_note(skipped, spins) is the trace note of a skip to the next timer while every
// runnable fiber spun.
std::string idle_skip_note(Nanos skipped, std::uint64_t spins);

}  // namespace interleave
