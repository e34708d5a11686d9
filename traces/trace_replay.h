#pragma once
// Replaying a trace: re-executing its run along its schedule and verifying every step.

#include <functional>
#include <string>

#include "../sim/simulator.h"
#include "trace.h"

namespace interleave {

// What a replay found: the replayed run, its own trace, and the first difference if any.
struct ReplayReport {
  RunResult result;        // how the replayed run ended
  Trace again;             // the trace of the replayed run
  std::string divergence;  // "replay diverged at step 12: ..." (one line); empty when it matched

  // matches() tells whether every fiber, object, step, the outcome and the results matched.
  bool matches() const { return divergence.empty(); }
};

// replay_trace(recorded, body) re-executes body (the trace's program, given its parameters) as
// fiber 0 along recorded.schedule with recorded.config, records it, and compares it with
// recorded: fibers and objects by name and kind, then every step, then the outcome and results.
ReplayReport replay_trace(const Trace& recorded, const std::function<void(Simulator&)>& body);

}  // namespace interleave
