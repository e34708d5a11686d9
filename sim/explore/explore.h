#pragma once
// explore_scenario(): the exhaustive search of a scenario's schedules (DESIGN §2).

#include <functional>

#include "../config.h"
#include "../scenario.h"
#include "explore_options.h"
#include "explore_result.h"

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

}  // namespace interleave
