#pragma once
// Recording the trace of a run that already happened: it is re-executed (deterministically)
// with a recorder attached, and the re-run must end exactly as the original did.

#include <span>
#include <string>

#include "sim/config.h"
#include "sim/scenario.h"
#include "sim/simulator.h"
#include "traces/trace.h"

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

// write_trace_or_throw(trace, path) writes the file safely; a path that cannot be written is
// a UsageError.
void write_trace_or_throw(const Trace& trace, const std::string& path);

}  // namespace interleave
