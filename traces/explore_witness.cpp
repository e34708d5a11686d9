#include "traces/explore_witness.h"

#include "traces/rerun.h"

namespace interleave {

PolicyInfo explore_policy_info(std::optional<std::uint32_t> preemption_bound) {
  PolicyInfo info;
  info.name = "explore";
  if (preemption_bound) info.params.emplace_back("preemption_bound", *preemption_bound);
  return info;
}

RunEnd run_end(const OutcomeClass& outcome) {
  return RunEnd{outcome.status, outcome.message, outcome.results, std::nullopt, std::nullopt};
}

Trace record_witness(std::string_view scenario,
                     const std::vector<std::pair<std::string, std::int64_t>>& params,
                     const std::function<void(Simulator&)>& body, const RunConfig& config,
                     const PolicyInfo& policy, const OutcomeClass& outcome) {
  return repeated_trace(ScheduledRun{scenario, params, body, config, policy, outcome.witness},
                        run_end(outcome));
}

std::string failure_trace_path(std::string_view scenario) {
  std::string name;
  for (char c : scenario) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    name += safe ? c : '-';
  }
  if (name.empty() || name.front() == '.' || name.front() == '-') name.insert(0, "scenario");
  return name + ".failure.json";
}

}  // namespace interleave
