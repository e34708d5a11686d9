#pragma once
// Test helper: the trace of one real run of a scenario under a policy, as the CLI records it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/config.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
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

// fifo_trace(scenario, config) is the recorded trace of one run under fifo, default parameters.
inline Trace fifo_trace(const Scenario& scenario, RunConfig config = {}) {
  FifoPolicy fifo;
  return recorded_trace(scenario, fifo, {}, config);
}

// random_trace(scenario, seed) is the recorded trace of one run under random with seed.
inline Trace random_trace(const Scenario& scenario, std::uint64_t seed) {
  RandomPolicy random(seed);
  return recorded_trace(scenario, random);
}

}  // namespace interleave::testing
