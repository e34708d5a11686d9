#pragma once
// Recording the trace of a run that already happened: it is re-executed (deterministically)
// along its schedule with a recorder attached (repeated_trace() in rerun.h).

#include <span>

#include "../sim/config.h"
#include "../sim/policy.h"
#include "../sim/scenario.h"
#include "../sim/simulator.h"
#include "rerun.h"
#include "trace.h"

namespace interleave {

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
