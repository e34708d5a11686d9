#pragma once
// Helpers shared by the policy tests: run a scenario under a policy and log what the policy was
// shown at every step; int_result() comes from tests/support/seeded_runs.h.

#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/observer.h"
#include "sim/policy.h"
#include "sim/scenario.h"
#include "sim/simulator.h"
#include "tests/support/seeded_runs.h"

namespace interleave::testing {

// run_scenario(sim, policy, scenario, observer) is one run of scenario with default params.
inline RunResult run_scenario(Simulator& sim, Policy& policy, const Scenario& scenario,
                              Observer* observer = nullptr) {
  policy.begin_run();
  return sim.run(
      policy, [&] { scenario.body(sim, Params{}); }, observer);
}

// StepLog records, for every step, its fiber, its clock and the runnable set before it.
class StepLog final : public Observer {
 public:
  void on_run_start() override {
    fibers.clear();
    clocks.clear();
    runnable.clear();
  }
  void on_step(const StepEvent& e) override {
    fibers.push_back(e.fiber);
    clocks.push_back(e.clock);
    runnable.emplace_back(e.runnable.begin(), e.runnable.end());
  }

  std::vector<FiberId> fibers;                 // the fiber of every step
  std::vector<Nanos> clocks;                   // the clock at every step's scheduling point
  std::vector<std::vector<FiberId>> runnable;  // the runnable set at every scheduling point
};

}  // namespace interleave::testing
