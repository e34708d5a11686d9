#include "traces/record_run.h"

#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

namespace interleave {

RecordedRun record_run(const ScheduledRun& run) {
  Rerun again = rerun(run);
  // Only the schedule is checked: the caller says nothing of how the run ended.
  if (!again.left_schedule.empty()) {
    throw std::runtime_error(not_repeated(again, run_end(again.result)));
  }
  return RecordedRun{std::move(again.result), std::move(again.trace)};
}

Trace record_trace(const TraceRequest& request) {
  const std::function<void(Simulator&)> body = [&](Simulator& sim) {
    request.scenario.body(sim, request.params);
  };
  return repeated_trace(ScheduledRun{request.scenario.name, request.params.values(), body,
                                     request.config, request.policy, request.schedule},
                        run_end(request.expected));
}

}  // namespace interleave
