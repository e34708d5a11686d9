#pragma once
// The checks of the command line that several commands share: the scenario and its parameters,
// the run's limits, an output path, a trace to read. Each refuses bad input with a UsageError.

#include <cstdint>
#include <string>
#include <vector>

#include "../sim/config.h"
#include "../sim/scenario.h"
#include "../traces/trace.h"
#include "program.h"

namespace interleave {

// A scenario named on the command line, with its parameters resolved.
struct ScenarioChoice {
  const Scenario& scenario;
  Params params;  // every parameter of scenario, given or its default
};

// choose_scenario(program, name, assignments) is program's scenario called name with the
// NAME=VALUE assignments of --param; an unknown name or a bad parameter throws UsageError.
ScenarioChoice choose_scenario(const Program& program, const std::string& name,
                               const std::vector<std::string>& assignments);

// run_config(max_steps, step_cost, granularity) is the RunConfig of --max-steps (checked by the
// parser), --step-cost (a duration from 0 to 1s, else UsageError) and --granularity (atomic or
// primitive, else UsageError).
RunConfig run_config(std::uint64_t max_steps, const std::string& step_cost,
                     const std::string& granularity);

// check_output_or_throw(path) throws UsageError when path could not be written, so that a
// command refuses it before its work, not after.
void check_output_or_throw(const std::string& path);

// read_trace_or_throw(path) is the trace in the file at path; an unreadable or malformed file
// throws UsageError naming path and the problem.
Trace read_trace_or_throw(const std::string& path);

}  // namespace interleave
