#pragma once
// The seed loop of `interleave run --runs N`, for any program: run a body under a policy with
// seed, seed+1, ... until a run does not end ok, and PCT's step estimate.

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "config.h"
#include "ids.h"
#include "outcome.h"
#include "policies/policy_factory.h"
#include "policy.h"
#include "simulator.h"

namespace interleave {

// The run a seed loop reports: the first that did not end ok, or the last one.
struct SeededRun {
  RunResult result;
  std::vector<FiberId> schedule;      // the fiber of every step, for ReplayPolicy or --schedule
  std::optional<std::uint64_t> seed;  // its seed, for the seeded policies (random, pct)
  PolicyInfo policy;                  // the policy as a trace names it, seed included
  std::uint64_t runs = 0;             // runs executed, the reported one included
};

// pct_step_estimate(body, config) is the step estimate k that PCT places its priority change
// points by: the steps of one fifo run of body, at least 1 (what `interleave run --policy pct`
// uses when --pct-steps is not given).
std::uint64_t pct_step_estimate(const std::function<void(Simulator&)>& body,
                                const RunConfig& config);

// run_until_failure(body, config, spec, runs) runs body as fiber 0 under the policy spec names,
// with seeds spec.seed, spec.seed + 1, ... up to runs runs, and stops at the first run that
// does not end ok. fifo and rr do not depend on the seed and run once. A pct spec with steps 0
// gets pct_step_estimate(). Throws std::invalid_argument when spec names no policy or has a bad
// setting, and when runs is 0.
SeededRun run_until_failure(const std::function<void(Simulator&)>& body, const RunConfig& config,
                            PolicySpec spec, std::uint64_t runs);

}  // namespace interleave
