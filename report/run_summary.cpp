#include "report/run_summary.h"

#include <nlohmann/json.hpp>

#include "traces/result_json.h"

namespace interleave {

std::string run_summary_json(const RunSummary& s) {
  nlohmann::ordered_json j;
  j["scenario"] = s.scenario;
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  for (const auto& [name, value] : s.params) params[name] = value;
  j["params"] = params;
  j["policy"] = s.policy.name;
  nlohmann::ordered_json policy_params = nlohmann::ordered_json::object();
  for (const auto& [name, value] : s.policy.params) policy_params[name] = value;
  j["policy_params"] = policy_params;
  j["seed"] = s.seed ? nlohmann::ordered_json(*s.seed) : nlohmann::ordered_json(nullptr);
  j["outcome"] = {{"status", std::string(to_string(s.outcome.status))},
                  {"message", s.outcome.message},
                  {"step", s.outcome.step}};
  j["results"] = results_to_json(s.results);
  j["stats"] = stats_to_json(s.stats);
  j["schedule"] = s.schedule;
  j["runs"] = s.runs;
  j["trace"] = s.trace.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.trace);
  j["reproduce"] = s.reproduce;
  return j.dump() + "\n";
}

}  // namespace interleave
