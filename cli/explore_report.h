#pragma once
// The report of a search, as `interleave explore` and `interleave merge` print it: the text
// report or --json, the first failure's trace written beside it, and the exit code.

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>

#include "cli/explore_command.h"
#include "report/explore_summary.h"
#include "sim/config.h"
#include "sim/explore/explore_options.h"
#include "sim/scenario.h"
#include "traces/trace.h"

namespace interleave {

struct Program;

// report_search(o, program, scenario, params, summary, failure_trace, out) completes summary
// (witnesses, reproduce lines, and the first failure's trace, which failure_trace(outcome) gives
// and which is written to o.trace_failure or the default path), then prints it as o.json asks.
// summary.result and the search's settings must be set. Returns 1 when a run failed, else 0.
int report_search(const ExploreCommandOptions& o, const Program& program, const Scenario& scenario,
                  const Params& params, ExploreSummary& summary,
                  const std::function<Trace(const OutcomeClass&)>& failure_trace,
                  std::ostream& out);

// set_search(summary, scenario, params, options, config) fills in how the search was made: the
// scenario and its parameters, the reduction, granularity, bound, fairness and workers.
void set_search(ExploreSummary& summary, const Scenario& scenario, const Params& params,
                const ExploreOptions& options, const RunConfig& config);

// record_failure(program, scenario, params, config, bound, failure) is the trace of failure's
// witness, re-executed with a recorder; a re-run that ends otherwise (the scenario is not
// deterministic) throws UsageError.
Trace record_failure(const Program& program, const Scenario& scenario, const Params& params,
                     const RunConfig& config, std::optional<std::uint32_t> preemption_bound,
                     const OutcomeClass& failure);

}  // namespace interleave
