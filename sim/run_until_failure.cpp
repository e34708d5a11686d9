#include "sim/run_until_failure.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include "sim/policies/fifo.h"
#include "sim/simulator.h"

namespace interleave {

std::uint64_t pct_step_estimate(const std::function<void(Simulator&)>& body,
                                const RunConfig& config) {
  Simulator sim(config);
  FifoPolicy fifo;
  fifo.begin_run();
  return std::max<std::uint64_t>(1, sim.run(fifo, [&] { body(sim); }).stats.steps);
}

SeededRun run_until_failure(const std::function<void(Simulator&)>& body, const RunConfig& config,
                            PolicySpec spec, std::uint64_t runs) {
  if (runs == 0) throw std::invalid_argument("a seed loop needs at least one run");
  std::string error;
  if (!make_policy(spec, error)) throw std::invalid_argument(error);
  const bool seeded = spec.name == "random" || spec.name == "pct";
  if (!seeded) runs = 1;
  if (spec.name == "pct" && spec.steps == 0) spec.steps = pct_step_estimate(body, config);

  Simulator sim(config);
  SeededRun reported;
  const std::uint64_t first = spec.seed;
  for (std::uint64_t i = 0; i < runs; ++i) {
    spec.seed = first + i;
    std::unique_ptr<Policy> policy = make_policy(spec, error);
    policy->begin_run();
    reported.result = sim.run(*policy, [&] { body(sim); });
    reported.schedule.assign(sim.schedule().begin(), sim.schedule().end());
    reported.seed = seeded ? std::optional<std::uint64_t>(spec.seed) : std::nullopt;
    reported.policy = policy->info();
    reported.runs = i + 1;
    if (reported.result.outcome.status != Status::ok) break;
  }
  return reported;
}

}  // namespace interleave
