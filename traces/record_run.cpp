#include "traces/record_run.h"

#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

namespace interleave {

Trace record_trace(const TraceRequest& request) {
  const std::function<void(Simulator&)> body = [&](Simulator& sim) {
    request.scenario.body(sim, request.params);
  };
  return repeated_trace(ScheduledRun{request.scenario.name, request.params.values(), body,
                                     request.config, request.policy, request.schedule},
                        run_end(request.expected));
}

}  // namespace interleave
