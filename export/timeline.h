#pragma once
// Timeline: what every fiber of a trace was doing during each step and during each jump of the
// clock between steps, derived from the events alone. The chrome, svg and html exports draw it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "../traces/trace.h"

namespace interleave {

// What a fiber is doing during one slot of the timeline.
enum class LaneState : std::uint8_t {
  unborn,    // not spawned yet
  running,   // performing the slot's step
  spinning,  // performing a spinning step, or runnable after one while the clock skips ahead
  runnable,  // ready and waiting for the CPU
  blocked,   // waiting in wait or join
  sleeping,  // waiting in sleep
  exited,    // its body returned
};

// to_string() names a state as the exports show it ("running", "not started", ...).
std::string_view to_string(LaneState state);

// A stretch of virtual time: one step, or the clock's jump after a step.
struct TimelineSlot {
  std::size_t event = 0;  // the step this slot is, or the step it follows when gap
  bool gap = false;       // true: the clock jumped after `event` (timers, a context switch)
  Nanos begin{0};
  Nanos end{0};  // invariant: begin <= end
};

// How a blocked or new fiber became runnable.
enum class WakeKind : std::uint8_t {
  wake,   // a step of another fiber woke it (wake, exit waking a joiner, ...)
  spawn,  // it was spawned
  timer,  // its sleep or timed wait ran out
};

// A fiber made runnable: by which step, by whom, and how.
struct Wakeup {
  std::size_t event = 0;         // the waking step; for a timer, the first step after it fired
  std::optional<FiberId> waker;  // the fiber of that step; none for a timer
  FiberId woken{0};
  WakeKind kind = WakeKind::wake;
};

// A run of consecutive identical steps of one fiber (same operation, object and values, same
// runnable set, nothing woken, no notes, no clock jump); count == 1 for an ordinary step.
struct StepRun {
  std::size_t first = 0;  // the first event of the run
  std::size_t count = 1;  // invariant: count >= 1
};

// The states of every fiber over the whole trace.
struct Timeline {
  std::size_t fiber_count = 0;
  std::vector<TimelineSlot> slots;     // in time order; every event has one step slot
  std::vector<std::size_t> step_slot;  // step_slot[e] is the slot of event e
  std::vector<LaneState> states;       // invariant: size() == slots.size() * fiber_count
  std::vector<bool> spins;             // spins[e]: event e was a spinning step
  std::vector<Wakeup> wakeups;         // in step order
  std::vector<StepRun> runs;           // cover the events in order, each at least one step

  // state(slot, fiber) is what fiber did during slot.
  LaneState state(std::size_t slot, std::size_t fiber) const {
    return states[slot * fiber_count + fiber];
  }
};

// build_timeline(trace, min_repeat) derives the timeline; runs of identical steps shorter than
// min_repeat are split into single steps. A step spins when it yields, when its test-and-set
// finds the flag set, or when it loads the object its fiber's next step loads again (polling).
// A fiber is blocked from the step after which it leaves the runnable set until it is made
// runnable again; sleeping when the step that blocked it was a sleep.
Timeline build_timeline(const Trace& trace, std::size_t min_repeat = 8);

// read_object(e) is the object whose value e.read is (the compared word for wait).
ObjectId read_object(const TraceEvent& e);

}  // namespace interleave
