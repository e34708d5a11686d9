#pragma once
// The trace of a search's witness: the schedule an exhaustive search reported for an outcome,
// re-executed with tracing on (DESIGN §5: searching runs with tracing off).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../sim/config.h"
#include "../sim/explore/explore_result.h"
#include "../sim/policy.h"
#include "../sim/simulator.h"
#include "rerun.h"
#include "trace.h"

namespace interleave {

// explore_policy_info(bound) is how a trace names the search that chose its schedule:
// {"explore", {}} or, with a preemption bound, {"explore", {{"preemption_bound", bound}}}.
PolicyInfo explore_policy_info(std::optional<std::uint32_t> preemption_bound);

// run_end(outcome) is what a search's outcome class says of how its witness ended: status,
// message and results (no step count, no stats).
RunEnd run_end(const OutcomeClass& outcome);

// record_witness(scenario, params, body, config, policy, outcome) re-executes body along
// outcome.witness with a recorder and returns its trace; throws std::runtime_error (not_repeated()
// in rerun.h) when the re-run does not end as the search saw it (same status, message and
// results), which means the body is not deterministic.
Trace record_witness(std::string_view scenario,
                     const std::vector<std::pair<std::string, std::int64_t>>& params,
                     const std::function<void(Simulator&)>& body, const RunConfig& config,
                     const PolicyInfo& policy, const OutcomeClass& outcome);

// failure_trace_path(scenario) is the default file a search's failure is written to:
// the scenario's name with '/' and other characters unsafe in a file name turned into '-',
// then ".failure.json" ("article/race" gives "article-race.failure.json").
std::string failure_trace_path(std::string_view scenario);

}  // namespace interleave
