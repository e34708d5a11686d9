#include "sim/explore/shard_merge.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/explore/level_fold.h"

namespace interleave {

namespace {

// level_of(part, level) is part's share of level: a saturated part stands for the levels above
// its last one.
const LevelShare& level_of(const ShardResult& part, std::uint32_t level) {
  if (level < part.levels.size()) return part.levels[level];
  if (!part.saturated || part.levels.empty()) {
    throw std::invalid_argument("shard " + std::to_string(part.shard.index) +
                                " has no result for " + "bound level " + std::to_string(level));
  }
  return part.levels.back();
}

}  // namespace

ExploreResult merge_shards(std::span<const ShardResult> parts,
                           std::optional<std::uint32_t> preemption_bound, std::uint32_t count) {
  std::set<std::uint32_t> present;
  double seconds = 0;
  for (const ShardResult& part : parts) {
    const std::string name = "shard " + std::to_string(part.shard.index);
    if (part.shard.count != count || part.shard.index >= count) {
      throw std::invalid_argument(name + " is not one of " + std::to_string(count) + " shards");
    }
    if (!present.insert(part.shard.index).second) {
      throw std::invalid_argument(name + " is given twice");
    }
    if (part.stopped_by != StopReason::none) throw std::invalid_argument(name + " stopped early");
    seconds += part.seconds;
  }
  const bool missing = present.size() < count;

  LevelFold fold(preemption_bound);
  const std::uint32_t last_level = preemption_bound.value_or(0);
  for (std::uint32_t level = 0; level <= last_level && !parts.empty(); ++level) {
    const LevelShare& first = level_of(parts.front(), level);
    // Every shard's subtrees at this level, in DFS order (by index); nothing is allocated per
    // subtree of the split, whose size a part gives.
    std::vector<const SubtreeResult*> subtrees;
    for (const ShardResult& part : parts) {
      const LevelShare& share = level_of(part, level);
      if (share.subtrees != first.subtrees || share.split_pruned != first.split_pruned) {
        throw std::invalid_argument("shards " + std::to_string(parts.front().shard.index) +
                                    " and " + std::to_string(part.shard.index) +
                                    " split bound level " + std::to_string(level) +
                                    " differently: they are not shards of one search");
      }
      // The shard's subtrees are index, index + count, ...: all of them, in order.
      std::uint64_t expected = part.shard.index;
      for (const SubtreeResult& s : share.searched) {
        if (s.index != expected || expected >= first.subtrees) {
          throw std::invalid_argument("shard " + std::to_string(part.shard.index) +
                                      " holds subtree " + std::to_string(s.index) + " where " +
                                      std::to_string(expected) + " belongs");
        }
        subtrees.push_back(&s);
        expected += count;
      }
      if (expected < first.subtrees) {
        throw std::invalid_argument("shard " + std::to_string(part.shard.index) +
                                    " lacks subtree " + std::to_string(expected) +
                                    " of bound level " + std::to_string(level));
      }
    }
    std::sort(subtrees.begin(), subtrees.end(),
              [](const SubtreeResult* a, const SubtreeResult* b) { return a->index < b->index; });
    std::vector<PartResult> results;
    results.reserve(subtrees.size());
    for (const SubtreeResult* s : subtrees) results.push_back(part_result(*s));
    PartResult r;
    r.bound_pruned = first.split_pruned;
    if (!fold.add(level, merge_level(std::move(r), results), false)) break;
  }
  return fold.finish(missing ? StopReason::missing_shards : StopReason::none, seconds);
}

}  // namespace interleave
