#pragma once
// SearchNode: one scheduling point on the path of a depth-first search, and the step taken there.

#include <bit>
#include <cstdint>

#include "../ids.h"
#include "../op.h"
#include "dependence.h"

namespace interleave {

// A set of fibers as a bit mask: bit f is fiber f. A search handles at most 64 fibers per run.
using FiberSet = std::uint64_t;

// The largest number of fibers a searched run may have.
inline constexpr std::uint32_t kMaxSearchFibers = 64;

// bit(f) is the set holding only f.
constexpr FiberSet bit(FiberId f) {
  return FiberSet{1} << index(f);
}

// lowest(set) is the fiber of lowest id in set, which must not be empty.
constexpr FiberId lowest(FiberSet set) {
  return FiberId{static_cast<std::uint32_t>(std::countr_zero(set))};
}

// One scheduling point of the current path. Invariants: done ⊆ backtrack ⊆ candidates (except
// that backtrack may name a candidate that is asleep); chosen ∈ candidates.
struct SearchNode {
  FiberSet candidates = 0;  // runnable fibers that fairness and the preemption bound allow here
  FiberSet sleep = 0;       // fibers asleep on entry: exploring them here would repeat a trace
  FiberSet backtrack = 0;   // fibers to explore here
  FiberSet done = 0;        // fibers explored here in earlier runs
  FiberId chosen{0};        // the fiber that takes the step at this point in the current run
  Op op;                    // the step the chosen fiber takes
  Footprint footprint;      // what that step touched, as races see it
  std::uint16_t gates_before = 0xFFFF;  // for a call (or its resume): bit g of the low byte is
                                        // gate g of op.object open when the step began, of the
                                        // high byte gate g of op.word; all set for other steps
  FiberSet waiting = 0;       // fibers waiting for progress here (fairness), as the run found them
  FiberSet reading = 0;       // fibers that took a step since their last spin (fairness)
  FiberSet stale = 0;         // those of them that saw state change after such a step (fairness)
  FiberSet kept_running = 0;  // fibers explored here whose step left them runnable and not
                              // spinning: switching away from them right after costs a preemption
  FiberId current{0};         // the fiber that took the step before this point
  bool free_switch = true;    // picking a fiber other than current here is no preemption (current
                              // is not runnable, or its last step spun)
  std::uint32_t preemptions = 0;      // preemptions on the path before this point
  std::uint32_t pos = 0;              // the step is the pos-th step of its fiber (1-based)
  std::int32_t prev_same = -1;        // index of the chosen fiber's previous step, or -1
  std::int32_t source[2] = {-1, -1};  // steps that happen before this one without being
                                      // its fiber's: the spawn, the wake or the joined exit
  bool frozen = false;  // part of a task's given prefix: never branched from in this task
};

}  // namespace interleave
