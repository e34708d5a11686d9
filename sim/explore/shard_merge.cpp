#include "sim/explore/shard_merge.h"

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

// part_result(s) is the subtree's result in the form the levels are merged in.
PartResult part_result(const SubtreeResult& s) {
  PartResult r;
  r.runs = s.runs;
  r.sleep_blocked = s.sleep_blocked;
  r.bound_pruned = s.bound_pruned;
  r.max_depth = s.max_depth;
  r.outcomes.merge(s.outcomes);
  if (r.outcomes.classes().size() != s.outcomes.size()) {
    throw std::invalid_argument("subtree " + std::to_string(s.index) + " lists an outcome twice");
  }
  if (s.first_failure && *s.first_failure >= s.outcomes.size()) {
    throw std::invalid_argument("a subtree's first failure is not one of its outcomes");
  }
  r.first_failure = s.first_failure;
  r.runs_to_first_failure = s.runs_to_first_failure;
  return r;
}

}  // namespace

ExploreResult merge_shards(std::span<const ShardResult> parts,
                           std::optional<std::uint32_t> preemption_bound, std::uint32_t count) {
  std::vector<bool> present(count, false);
  double seconds = 0;
  for (const ShardResult& part : parts) {
    const std::string name = "shard " + std::to_string(part.shard.index);
    if (part.shard.count != count || part.shard.index >= count) {
      throw std::invalid_argument(name + " is not one of " + std::to_string(count) + " shards");
    }
    if (present[part.shard.index]) throw std::invalid_argument(name + " is given twice");
    present[part.shard.index] = true;
    if (part.stopped_by != StopReason::none) throw std::invalid_argument(name + " stopped early");
    seconds += part.seconds;
  }
  bool missing = false;
  for (bool p : present) missing = missing || !p;

  LevelFold fold(preemption_bound);
  const std::uint32_t last_level = preemption_bound.value_or(0);
  for (std::uint32_t level = 0; level <= last_level && !parts.empty(); ++level) {
    const LevelShare& first = level_of(parts.front(), level);
    std::vector<PartResult> subtrees(first.subtrees);
    std::vector<bool> seen(first.subtrees, false);
    for (const ShardResult& part : parts) {
      const LevelShare& share = level_of(part, level);
      if (share.subtrees != first.subtrees || share.split_pruned != first.split_pruned) {
        throw std::invalid_argument("shards " + std::to_string(parts.front().shard.index) +
                                    " and " + std::to_string(part.shard.index) +
                                    " split bound level " + std::to_string(level) +
                                    " differently: they are not shards of one search");
      }
      for (const SubtreeResult& s : share.searched) {
        if (s.index >= first.subtrees || s.index % count != part.shard.index || seen[s.index]) {
          throw std::invalid_argument("shard " + std::to_string(part.shard.index) +
                                      " holds subtree " + std::to_string(s.index) +
                                      ", which is not its own");
        }
        seen[s.index] = true;
        subtrees[s.index] = part_result(s);
      }
    }
    for (std::size_t t = 0; t < seen.size(); ++t) {
      if (present[t % count] && !seen[t]) {
        throw std::invalid_argument("shard " + std::to_string(t % count) + " lacks subtree " +
                                    std::to_string(t) + " of bound level " + std::to_string(level));
      }
    }
    PartResult r;
    r.bound_pruned = first.split_pruned;
    if (!fold.add(level, merge_level(std::move(r), subtrees), false)) break;
  }
  return fold.finish(missing ? StopReason::missing_shards : StopReason::none, seconds);
}

}  // namespace interleave
