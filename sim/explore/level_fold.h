#pragma once
// LevelFold: the results of a search's bound levels, lowest first, folded into the result of the
// whole search; and PartResult, what a part of one level found. Internal to the explorer: both
// explore_scenario() and merge_shards() build their result through it, so that they agree.

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "explore_result.h"
#include "outcome_table.h"
#include "shard_result.h"

namespace interleave {

// What a part of the search found: one subtree, or (merged in DFS order) one bound level.
struct PartResult {
  std::uint64_t runs = 0;
  std::uint64_t sleep_blocked = 0;
  std::uint64_t bound_pruned = 0;
  std::uint64_t max_depth = 0;
  OutcomeTable outcomes;
  std::optional<std::size_t> first_failure;            // index into outcomes
  std::optional<std::uint64_t> runs_to_first_failure;  // runs of this part up to that failure
  bool whole = false;  // a subtree searched to its end (not cut short by a stop)
};

// part_result(s) is a shard's subtree result in the form levels are merged in (whole). Throws
// std::invalid_argument when s lists an outcome twice or its first failure is not an outcome.
PartResult part_result(const SubtreeResult& s);

// subtree_result(index, r) is r, the result of subtree index, as a shard reports it (a copy).
SubtreeResult subtree_result(std::uint64_t index, const PartResult& r);

// merge_level(level_result, results): the subtrees' results added to level_result, in the order
// given (DFS order).
PartResult merge_level(PartResult level_result, const std::vector<PartResult>& results);

// Folds the results of bound levels 0, 1, ... into the result of the search, as one process finds
// it.
class LevelFold {
 public:
  // LevelFold(bound) folds the levels of a search with that preemption bound (nullopt: one level).
  explicit LevelFold(std::optional<std::uint32_t> bound) : bound_(bound) {}

  // add(level, r, stopped) takes level's result (levels in order from 0); returns whether the
  // next level must be searched: not when the search stopped or when the bound cut nothing.
  bool add(std::uint32_t level, PartResult r, bool stopped);
  // finish(reason, seconds) is the search's result; each outcome's witness from the lowest level
  // it appeared at. Call it once.
  ExploreResult finish(StopReason reason, double seconds);

 private:
  std::optional<std::uint32_t> bound_;
  ExploreResult result_;
  OutcomeTable earliest_;  // every outcome's witness from the lowest bound it appeared at
  std::optional<std::pair<Status, Results>> first_failure_;
  std::uint64_t runs_before_ = 0;  // complete runs of the levels added before the last one
};

}  // namespace interleave
