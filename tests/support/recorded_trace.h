#pragma once
// Test helper: the trace of one real run of a scenario under a policy, as the CLI records it.

#include <string>
#include <utility>
#include <vector>

#include "sim/config.h"
#include "sim/policy.h"
#include "sim/scenario.h"
#include "sim/simulator.h"
#include "traces/recorder.h"
#include "traces/trace.h"

namespace interleave::testing {

// recorded_trace(scenario, policy, params, config) runs the scenario once under policy with a
// TraceRecorder attached and returns the recorded trace.
inline Trace recorded_trace(const Scenario& scenario, Policy& policy,
                            std::vector<std::pair<std::string, std::int64_t>> params = {},
                            RunConfig config = {}) {
  if (params.empty()) {
    for (const ParamSpec& p : scenario.params) params.emplace_back(p.name, p.default_value);
  }
  const Params values(params);
  Simulator sim(config);
  TraceRecorder recorder(scenario.name, params, policy.info(), config);
  policy.begin_run();
  sim.run(
      policy, [&] { scenario.body(sim, values); }, &recorder);
  return recorder.take(sim.schedule());
}

}  // namespace interleave::testing
