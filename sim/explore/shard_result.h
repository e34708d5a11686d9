#pragma once
// ShardResult: what one shard of a search found, subtree by subtree, so that the shards of a
// search can be merged into exactly the result one process would have found (docs/scale-out.md).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "explore_result.h"

namespace interleave {

// The most shards a search is split into (so that a list of them stays small).
inline constexpr std::uint32_t kMaxShards = 1'000'000;

// Which part of a search a shard explores: of every bound level's fixed split into subtrees (the
// one --jobs uses), the subtrees index, index + count, index + 2 count, ...
struct ShardId {
  std::uint32_t index = 0;  // invariant: index < count
  std::uint32_t count = 1;
};

// What the search of one subtree found.
struct SubtreeResult {
  std::uint64_t index = 0;             // the subtree's place in its level's split, in DFS order
  std::uint64_t runs = 0;              // complete runs
  std::uint64_t sleep_blocked = 0;     // runs cut by sleep sets
  std::uint64_t bound_pruned = 0;      // points where the preemption bound cut choices
  std::uint64_t max_depth = 0;         // the most steps a run took
  std::vector<OutcomeClass> outcomes;  // in order of first appearance in DFS order
  std::optional<std::size_t> first_failure;  // index into outcomes of the first failing run
  std::optional<std::uint64_t> runs_to_first_failure;  // runs here up to and including it
};

// One bound level as a shard saw it: the split every shard makes, and its own subtrees.
struct LevelShare {
  std::uint64_t subtrees = 0;           // subtrees of the split at this level (of every shard)
  std::uint64_t split_pruned = 0;       // points where the bound cut choices above the split
  std::vector<SubtreeResult> searched;  // this shard's subtrees; invariant: ascending index
};

// The result of one shard: bound levels 0, 1, ... (one level without a bound).
struct ShardResult {
  ShardId shard;
  std::vector<LevelShare> levels;
  // The last level cut nothing in the split or in this shard's subtrees, so every higher level
  // would search exactly the same runs here: the shard stopped, and it stands for them too.
  bool saturated = false;
  StopReason stopped_by = StopReason::none;  // none: every subtree of the shard was searched
  double seconds = 0;                        // real time the shard took
};

// What explore_shard() is given to resume a shard from a checkpoint and to save its progress.
// Progress is kept subtree by subtree: a subtree searched to its end is kept, one cut short is
// searched again from its start, so no run is counted twice.
struct ShardProgress {
  // Subtrees already searched to their end (a checkpoint's), taken as they are, not searched
  // again; its levels must be split as this search splits them. Null: start from nothing.
  const ShardResult* resume = nullptr;
  // save(so_far) is called from the calling thread about every `every` while the search runs,
  // with every subtree searched to its end so far (stopped_by: interrupted, as it is not done).
  // Empty: nothing is saved.
  std::function<void(const ShardResult&)> save;
  std::chrono::milliseconds every{5000};
};

// first_failure_of(r) is the outcome of r's first failing run (lowest level, then DFS order), or
// null when none failed. That run is its outcome's first in r, so the outcome's witness is it.
inline const OutcomeClass* first_failure_of(const ShardResult& r) {
  for (const LevelShare& level : r.levels) {
    for (const SubtreeResult& s : level.searched) {
      if (s.first_failure) return &s.outcomes[*s.first_failure];
    }
  }
  return nullptr;
}

}  // namespace interleave
