#pragma once
// Test helper: run a scenario once with a TraceRecorder attached and keep both the run's
// result and its trace.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/config.h"
#include "sim/policy.h"
#include "sim/scenario.h"
#include "sim/simulator.h"
#include "traces/recorder.h"
#include "traces/trace.h"

namespace interleave::testing {

// A recorded run: what run() returned, the simulator's schedule, and the trace.
struct Recorded {
  RunResult result;
  std::vector<FiberId> schedule;
  Trace trace;
};

// record(scenario, policy, params, config) runs scenario once from scratch under policy with
// a recorder attached.
inline Recorded record(const Scenario& scenario, Policy& policy, const Params& params = Params{},
                       RunConfig config = {}) {
  Simulator sim(config);
  TraceRecorder recorder(scenario.name, params.values(), policy.info(), config);
  policy.begin_run();
  Recorded r;
  r.result = sim.run(
      policy, [&] { scenario.body(sim, params); }, &recorder);
  r.schedule.assign(sim.schedule().begin(), sim.schedule().end());
  r.trace = recorder.take(sim.schedule());
  return r;
}

// default_params(scenario) is every parameter of scenario at its default value.
inline Params default_params(const Scenario& scenario) {
  std::string error;
  std::optional<Params> params = scenario.resolve({}, error);
  if (!params) throw std::logic_error(error);
  return *params;
}

}  // namespace interleave::testing
