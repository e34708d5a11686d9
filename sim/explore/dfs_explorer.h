#pragma once
// DfsExplorer: the policy of an exhaustive search. It follows a path of scheduling points,
// run after run, each run re-executing the scenario from scratch; after each run it finds the
// deepest point with a choice left and diverges there next time (stateless DFS).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "../policy.h"
#include "race_analysis.h"
#include "reduction.h"
#include "search_node.h"

namespace interleave {

// What a search may choose: the reduction, a preemption bound, fairness for spin loops.
struct SearchRules {
  Reduction reduction = Reduction::dpor;
  std::optional<std::uint32_t> preemption_bound;  // at most this many preemptions per run
  bool fair = true;  // a fiber whose last step spun waits until another fiber makes a step
};

// A subtree of the search: the decisions that lead to its root and the fibers asleep there.
struct SearchTask {
  std::vector<FiberId> prefix;  // the fiber of every step before the root point
  FiberSet sleep = 0;           // fibers asleep at the root point
};

// How the last run ended, as far as the search is concerned.
enum class SearchRunKind : std::uint8_t {
  complete,       // the scenario ran to an outcome: count it
  sleep_blocked,  // every allowed choice was asleep: an equivalent run was explored already
  split,          // frontier mode: the run reached the split level and was handed out as a task
};

class DfsExplorer final : public Policy {
 public:
  // DfsExplorer(rules, task) explores every schedule below task's root, under rules.
  DfsExplorer(const SearchRules& rules, SearchTask task);

  // split_at(level, out): frontier mode. Instead of searching, each run stops at the first
  // point that is the level-th choice on its path (points above it are expanded in full) and
  // appends that subtree to out; a run that ends earlier is appended whole. The subtrees, searched
  // in order, cover what this explorer would search, so a search can be shared out to workers.
  void split_at(std::uint32_t level, std::vector<SearchTask>* out);

  // begin_run() prepares the next run along the path; false when the subtree is exhausted.
  bool begin_run() override;
  // pick() replays the path, then extends it with a new point.
  Decision pick(const SchedulingPoint& point) override;
  // end_run() detects races (dpor), then moves the path to the next choice.
  void end_run(const Outcome& outcome) override;
  // info() is {"explore", {}}.
  PolicyInfo info() const override;
  // hints() plans the path up to the point where the next run diverges, when the search needs
  // to see only the points from there on (no dpor, no frontier mode); otherwise none.
  PolicyHints hints() const override;

  // last_run() says how the last run ended for the search.
  SearchRunKind last_run() const { return kind_; }
  // last_preemptions() is the number of preemptions in the last run's schedule.
  std::uint32_t last_preemptions() const { return run_preemptions_; }
  // bound_pruned() counts new points at which the preemption bound removed a choice.
  std::uint64_t bound_pruned() const { return bound_pruned_; }
  // error() is set when a run did not fit the search (the scenario is not deterministic, or it
  // spawned more than 64 fibers); the search must stop then.
  const std::string& error() const { return error_; }

 private:
  Decision fail_run(std::string message);
  SearchNode* enter_point(const SchedulingPoint& point, FiberSet runnable, bool spinning);
  // enter_point's cases; those on the path of every point are inlined into it (defined in the
  // .cpp, used only there).
  inline SearchNode* enter_replayed(const SchedulingPoint& point, FiberSet runnable);
  inline SearchNode& open_point(const SchedulingPoint& point, FiberSet runnable, bool spinning);
  bool enter_prefix(SearchNode& node, std::size_t d, FiberSet runnable);
  inline bool enter_new(SearchNode& node, std::size_t d, FiberId current);
  FiberSet next_sleep(const SchedulingPoint& point, const SearchNode& node,
                      FiberSet runnable) const;
  static FiberSet bounded_sleepers(const SearchNode& node);
  void emit_task(std::size_t length, FiberSet sleep);
  bool advance();

  SearchRules rules_;
  SearchTask task_;
  std::size_t root_ = 0;           // invariant: path_[0..root_) replay task_.prefix (frozen)
  std::vector<SearchNode> path_;   // the points of the current path, one per step
  std::vector<FiberId> chosen_;    // invariant: chosen_[k] == path_[k].chosen, same size
  std::size_t diverge_ = 0;        // the first point whose step differs from the last run
  RaceAnalysis races_;             // dpor: happens-before facts, races and their backtrack points
  std::uint32_t split_level_ = 0;  // frontier mode when > 0
  std::vector<SearchTask>* tasks_ = nullptr;
  std::uint64_t bound_pruned_ = 0;
  bool exhausted_ = false;
  std::string error_;

  // Per-run state, rebuilt by every run as it replays the path (under dpor, races_ keeps the
  // happens-before facts, and the nodes their footprints and sources).
  SearchRunKind kind_ = SearchRunKind::complete;
  FiberSet blocked_sleep_ = 0;  // the sleep set of the point where the run was blocked
  FiberSet sleep_next_ = 0;     // sleep set of the next new point
  std::uint32_t preemptions_next_ = 0;
  std::uint32_t run_preemptions_ = 0;
  std::uint32_t branches_ = 0;  // points with two or more choices passed in this run
  FiberSet waiting_ = 0;        // fibers that spun and have seen no fiber make progress since
  FiberSet reading_ = 0;  // fibers that took a step that is not spinning since their last spin
  FiberSet stale_ = 0;    // of reading_, those that state changed for after such a step
};

}  // namespace interleave
