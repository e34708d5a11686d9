#include "cli/option_checks.h"

#include <optional>
#include <utility>

#include "cli/duration.h"
#include "cli/usage_error.h"
#include "traces/output_file.h"
#include "traces/trace_json.h"

namespace interleave {

ScenarioChoice choose_scenario(const Program& program, const std::string& name,
                               const std::vector<std::string>& assignments) {
  const Scenario& scenario = program.find_or_throw(name);
  std::string error;
  std::optional<Params> params = scenario.resolve(assignments, error);
  if (!params) throw UsageError(error);
  return ScenarioChoice{scenario, std::move(*params)};
}

RunConfig run_config(std::uint64_t max_steps, const std::string& step_cost,
                     const std::string& granularity) {
  RunConfig config;
  config.max_steps = max_steps;
  config.step_cost = step_cost_flag(step_cost);
  const std::optional<Granularity> g = parse_granularity(granularity);
  if (!g) {
    throw UsageError("--granularity: expected atomic or primitive, found '" + granularity + "'");
  }
  config.granularity = *g;
  return config;
}

void check_output_or_throw(const std::string& path) {
  const std::string problem = output_problem(path);
  if (!problem.empty()) throw UsageError(problem);
}

Trace read_trace_or_throw(const std::string& path) {
  TraceReadResult read = read_trace_file(path);
  if (!read.ok()) throw UsageError(path + ": " + read.error);
  return std::move(*read.trace);
}

}  // namespace interleave
