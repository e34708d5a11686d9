#include "traces/record_run.h"

#include <stdexcept>

#include "sim/policies/replay.h"
#include "traces/recorder.h"

namespace interleave {

RecordedRun record_run(const ScheduledRun& run) {
  Simulator sim(run.config);
  ReplayPolicy replay(std::vector<FiberId>(run.schedule.begin(), run.schedule.end()));
  TraceRecorder recorder(std::string(run.scenario), run.params, run.policy, run.config);
  replay.begin_run();
  RecordedRun recorded;
  recorded.result = sim.run(
      replay, [&] { run.body(sim); }, &recorder);
  if (replay.diverged()) {
    throw std::runtime_error(
        "the scenario did not repeat its run when re-executed for its trace (" + replay.error() +
        "); it is probably not deterministic");
  }
  recorded.trace = recorder.take(sim.schedule());
  return recorded;
}

Trace record_trace(const TraceRequest& request) {
  const std::function<void(Simulator&)> body = [&](Simulator& sim) {
    request.scenario.body(sim, request.params);
  };
  RecordedRun again = record_run(ScheduledRun{request.scenario.name, request.params.values(), body,
                                              request.config, request.policy, request.schedule});
  if (!(again.result.outcome == request.expected.outcome) ||
      again.result.results != request.expected.results ||
      !(again.result.stats == request.expected.stats)) {
    throw std::runtime_error(
        "the scenario did not repeat its run when re-executed for its trace (a different "
        "outcome); it is probably not deterministic");
  }
  return std::move(again.trace);
}

}  // namespace interleave
