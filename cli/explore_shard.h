#pragma once
// `interleave explore --shard I/N --out FILE`: one shard of a search, written as a part file for
// `interleave merge` (docs/scale-out.md).

#include <cstdint>
#include <ostream>
#include <string>

#include "cli/explore_command.h"
#include "report/explore_part.h"
#include "sim/config.h"
#include "sim/explore/explore_options.h"
#include "sim/explore/shard_result.h"
#include "sim/scenario.h"

namespace interleave {

struct Program;

// parse_shard(text) is the shard "I/N" names (0 <= I < N <= 1,000,000); otherwise UsageError.
ShardId parse_shard(const std::string& text);

// search_identity(program, scenario, params, options, config, step_cost) is what a part or a
// checkpoint records of the search it belongs to (step_cost as given on the command line).
SearchIdentity search_identity(const Program& program, const Scenario& scenario,
                               const Params& params, const ExploreOptions& options,
                               const RunConfig& config, const std::string& step_cost);

// run_explore_shard(o, program, scenario, params, options, config, out, err) searches shard
// o.shard of the search options describe and writes its part to o.out atomically; prints one
// line saying what it wrote. Returns 0 when the part was written, whether or not a run failed
// (the merge gives the verdict; an engine takes any other code for a task to retry); a search
// stopped by a signal writes nothing and returns 128 + the signal. Bad input throws UsageError.
int run_explore_shard(const ExploreCommandOptions& o, const Program& program,
                      const Scenario& scenario, const Params& params, ExploreOptions options,
                      const RunConfig& config, std::ostream& out, std::ostream& err);

}  // namespace interleave
