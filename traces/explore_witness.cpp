#include "traces/explore_witness.h"

#include <stdexcept>

#include "traces/record_run.h"

namespace interleave {

PolicyInfo explore_policy_info(std::optional<std::uint32_t> preemption_bound) {
  PolicyInfo info;
  info.name = "explore";
  if (preemption_bound) info.params.emplace_back("preemption_bound", *preemption_bound);
  return info;
}

Trace record_witness(std::string_view scenario,
                     const std::vector<std::pair<std::string, std::int64_t>>& params,
                     const std::function<void(Simulator&)>& body, const RunConfig& config,
                     const PolicyInfo& policy, const OutcomeClass& outcome) {
  RecordedRun again =
      record_run(ScheduledRun{scenario, params, body, config, policy, outcome.witness});
  const Outcome& ended = again.result.outcome;
  if (ended.status != outcome.status || ended.message != outcome.message ||
      again.result.results != outcome.results) {
    throw std::runtime_error(
        "the scenario did not repeat the search's run when re-executed for its trace (it ended " +
        std::string(to_string(ended.status)) + (ended.message.empty() ? "" : ": " + ended.message) +
        "); it is probably not deterministic");
  }
  return std::move(again.trace);
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
