#pragma once
// `interleave explore --checkpoint FILE`: a search that saves its progress every few seconds and,
// run again after a crash (kill -9 included), resumes from it (docs/scale-out.md).

#include <ostream>

#include "cli/explore_command.h"
#include "sim/config.h"
#include "sim/explore/explore_options.h"
#include "sim/scenario.h"

namespace interleave {

struct Program;

// run_explore_checkpointed(o, program, scenario, params, options, config, out, err) searches as
// `explore` does, keeping its progress in the file o.checkpoint: every subtree of the fixed split
// searched to its end is saved there (atomically) about every o.checkpoint_every, and a file left
// by an earlier run of the same search is resumed from (a subtree cut short is searched again, so
// no run is counted twice). The report is the one `explore` prints. A checkpoint of another
// search, program or version is refused (UsageError); SIGINT or SIGTERM saves the checkpoint and
// returns 128 + the signal.
int run_explore_checkpointed(const ExploreCommandOptions& o, const Program& program,
                             const Scenario& scenario, const Params& params, ExploreOptions options,
                             const RunConfig& config, std::ostream& out, std::ostream& err);

}  // namespace interleave
