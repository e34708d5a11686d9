#include "cli/trace_output.h"

#include <stdexcept>

#include "cli/usage_error.h"
#include "sim/policies/replay.h"
#include "traces/recorder.h"
#include "traces/trace_json.h"

namespace interleave {

Trace record_trace(const TraceRequest& request) {
  Simulator sim(request.config);
  ReplayPolicy replay(std::vector<FiberId>(request.schedule.begin(), request.schedule.end()));
  TraceRecorder recorder(request.scenario.name, request.params.values(), request.policy,
                         request.config);
  replay.begin_run();
  const RunResult again = sim.run(
      replay, [&] { request.scenario.body(sim, request.params); }, &recorder);
  if (replay.diverged() || !(again.outcome == request.expected.outcome) ||
      again.results != request.expected.results || !(again.stats == request.expected.stats)) {
    throw std::runtime_error(
        "the scenario did not repeat its run when re-executed for its trace (" +
        (replay.diverged() ? replay.error() : std::string("a different outcome")) +
        "); it is probably not deterministic");
  }
  return recorder.take(sim.schedule());
}

void write_trace_or_throw(const Trace& trace, const std::string& path) {
  try {
    write_trace_file(trace, path);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
}

}  // namespace interleave
