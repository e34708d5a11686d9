#pragma once
// Recording the trace of a run that already happened: it is re-executed (deterministically)
// along its schedule with a recorder attached.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../sim/config.h"
#include "../sim/policy.h"
#include "../sim/scenario.h"
#include "../sim/simulator.h"
#include "trace.h"

namespace interleave {

// A schedule to re-execute with a recorder: the program, its settings and the decisions.
struct ScheduledRun {
  std::string_view scenario;                                        // the name the trace carries
  const std::vector<std::pair<std::string, std::int64_t>>& params;  // recorded as given
  const std::function<void(Simulator&)>& body;                      // the program, as fiber 0
  RunConfig config;
  PolicyInfo policy;                  // the policy that chose the schedule (recorded as is)
  std::span<const FiberId> schedule;  // the fiber of every step
};

// A re-executed run and its trace.
struct RecordedRun {
  RunResult result;
  Trace trace;
};

// record_run(run) re-executes run.body along run.schedule with a TraceRecorder attached;
// throws std::runtime_error when the run leaves the schedule (the body is not deterministic).
RecordedRun record_run(const ScheduledRun& run);

// The run to record: what was run, how, the schedule it took and how it ended.
struct TraceRequest {
  const Scenario& scenario;
  const Params& params;
  RunConfig config;
  PolicyInfo policy;                  // the policy that chose the schedule (recorded as is)
  std::span<const FiberId> schedule;  // the fiber of every step
  const RunResult& expected;          // how the run ended
};

// record_trace(request) re-runs the scenario along request.schedule with a recorder; throws
// std::runtime_error when the re-run differs (the scenario is not deterministic).
Trace record_trace(const TraceRequest& request);

}  // namespace interleave
