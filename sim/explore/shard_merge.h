#pragma once
// merge_shards(): the shards of a search (explore_shard()) merged into the result of the whole
// search, exactly as explore_scenario() would have found it.

#include <cstdint>
#include <optional>
#include <span>

#include "explore_result.h"
#include "shard_result.h"

namespace interleave {

// merge_shards(parts, preemption_bound, count) is the result of the search whose shards 0 to
// count - 1 the parts are (any order): with every shard given, equal to explore_scenario() of
// that search but for seconds (here the sum of the parts'). A missing shard leaves its subtrees
// out, and the result is incomplete (StopReason::missing_shards). Throws std::invalid_argument
// when two parts are the same shard, a shard's index is not below count, a part stopped early
// or lacks a level, or the parts split a level differently (they are not of one search).
ExploreResult merge_shards(std::span<const ShardResult> parts,
                           std::optional<std::uint32_t> preemption_bound, std::uint32_t count);

}  // namespace interleave
