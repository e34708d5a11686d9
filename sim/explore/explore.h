#pragma once
// explore_scenario(): the exhaustive search of a scenario's schedules (DESIGN §2).

#include <functional>

#include "../config.h"
#include "../scenario.h"
#include "explore_options.h"
#include "explore_result.h"
#include "shard_result.h"

namespace interleave {

class Simulator;

// explore_scenario(body, config, options) runs body from scratch once per explored schedule,
// tracing off, and reports what the schedules led to. config.max_steps is replaced by
// options.max_steps. Throws std::runtime_error when the body is not deterministic (a replayed
// prefix stops fitting) or a run spawns more than 64 fibers.
ExploreResult explore_scenario(const std::function<void(Simulator&)>& body, const RunConfig& config,
                               const ExploreOptions& options);

// explore_scenario(scenario, params, config, options) searches scenario with params.
ExploreResult explore_scenario(const Scenario& scenario, const Params& params,
                               const RunConfig& config, const ExploreOptions& options);

// explore_shard(body, config, options, shard, progress) searches only shard's subtrees of
// every bound level's fixed split (the one options.jobs shares out), for merge_shards(). Without
// a stop it searches every level up to the bound, or up to one that cut nothing in the split or
// in its subtrees (ShardResult::saturated). A stopped shard reports the subtrees it searched to
// their end. progress resumes from a checkpoint and saves one (ShardProgress). Throws like
// explore_scenario(), and std::invalid_argument when shard.index is not below shard.count or
// progress.resume does not fit the search.
ShardResult explore_shard(const std::function<void(Simulator&)>& body, const RunConfig& config,
                          const ExploreOptions& options, ShardId shard,
                          const ShardProgress& progress = {});

// explore_shard(scenario, params, config, options, shard, progress) searches shard of scenario
// with params.
ShardResult explore_shard(const Scenario& scenario, const Params& params, const RunConfig& config,
                          const ExploreOptions& options, ShardId shard,
                          const ShardProgress& progress = {});

}  // namespace interleave
