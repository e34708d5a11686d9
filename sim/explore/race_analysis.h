#pragma once
// RaceAnalysis: the race detection of source-DPOR. While a run goes along the search's path it
// keeps the happens-before facts of its steps (program order, spawn, the joined exit, the wake of
// a resume); after the run it finds each race (two dependent steps of different fibers that
// happen before each other through no other step) and adds a backtrack point that reverses it.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "../policy.h"
#include "../vector_clock.h"
#include "search_node.h"

namespace interleave {

class RaceAnalysis {
 public:
  // RaceAnalysis(root, bounded) analyses paths whose steps before root are a task's given prefix
  // (never branched from); bounded: the search has a preemption bound, so a race is also reversed
  // at every earlier point where a switch is free (bounded partial-order reduction).
  explicit RaceAnalysis(std::size_t root = 0, bool bounded = false)
      : root_(root), bounded_(bounded) {}

  // begin_run() forgets the happens-before facts of the last run; call it before a run's first
  // point. The clocks of the steps a run repeats stay valid.
  void begin_run();
  // note_wakes(point, runnable, path) attributes each fiber that point finds runnable with a
  // resume pending, woken since the last point, to the step of path (the steps before point)
  // that woke it: a wake on its queue, or the exit of the fiber it joins.
  void note_wakes(const SchedulingPoint& point, FiberSet runnable,
                  std::span<const SearchNode> path);
  // record_step(path, d) fills in the happens-before facts of step d, in which path[d].chosen
  // takes path[d].op: its footprint, its position in its fiber, its fiber's previous step and
  // its sources. Steps are recorded in order, each after the note_wakes of its point.
  void record_step(std::span<SearchNode> path, std::size_t d);
  // add_backtracks(path, from) finds, for every step from `from` on, the earlier steps it races
  // with, and adds to the point of each a fiber that reverses the race. The clocks of the steps
  // before from must be those of an earlier call on the same steps.
  void add_backtracks(std::span<SearchNode> path, std::size_t from);
  // add_backtracks_of_pending(path, finished) treats a run cut short (failed, or at the step
  // limit): the next step of each fiber that started, has not exited and is not in finished is
  // taken to conflict with every step, and its races are reversed too. path is left as it was.
  void add_backtracks_of_pending(std::vector<SearchNode>& path, FiberSet finished);

 private:
  void races_of(std::span<SearchNode> path, std::size_t j);
  void add_backtrack(std::span<SearchNode> path, std::size_t i, std::size_t j);
  static void add_one_of(SearchNode& node, FiberSet initials, FiberId prefer);
  void make_clocks(std::size_t steps);

  std::size_t root_;  // invariant: the steps before root_ are frozen (a task's prefix)
  bool bounded_;
  std::vector<VectorClock> clocks_;  // the clock of each step of the path, and one more for a
                                     // pending step; invariant: never shrinks, each holds room
                                     // for kMaxSearchFibers entries (a run allocates nothing)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> races_;  // (i, j) of the step in work
  std::vector<std::uint32_t> enablers_;  // steps before a gated call that its fiber waited out

  // Per-run facts, rebuilt by every run as it goes along the path.
  FiberSet resume_noted_ = 0;   // fibers whose pending resume has been attributed
  FiberSet prev_runnable_ = 0;  // the runnable fibers at the last point
  std::array<std::int32_t, kMaxSearchFibers> last_step_{};   // per fiber: its last step, or -1
  std::array<std::int32_t, kMaxSearchFibers> spawned_at_{};  // per fiber: the spawn step, or -1
  std::array<std::int32_t, kMaxSearchFibers> exited_at_{};   // per fiber: its exit step, or -1
  std::array<std::int32_t, kMaxSearchFibers> woken_at_{};    // per fiber: the waking step, or -1
  std::array<std::uint32_t, kMaxSearchFibers> steps_of_{};   // per fiber: steps so far
};

}  // namespace interleave
