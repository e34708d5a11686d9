#include "report/explore_summary.h"

#include <nlohmann/json.hpp>

#include "traces/result_json.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

Json optional_json(const std::optional<std::uint32_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json string_or_null(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

}  // namespace

std::string explore_summary_json(const ExploreSummary& s) {
  const ExploreResult& r = s.result;
  Json j;
  j["scenario"] = s.scenario;
  Json params = Json::object();
  for (const auto& [name, value] : s.params) params[name] = value;
  j["params"] = params;
  j["reduction"] = s.reduction;
  j["granularity"] = s.granularity;
  j["preemption_bound"] = optional_json(s.preemption_bound);
  j["fair"] = s.fair;
  j["jobs"] = s.jobs;
  j["complete"] = r.complete;
  j["stopped_by"] = string_or_null(s.stopped_by);
  if (!s.missing_shards.empty()) {
    j["missing_shards"] = s.missing_shards;
    j["shards"] = s.shards;
  }
  j["bound_searched"] = optional_json(r.bound);
  j["bound_needed"] = s.preemption_bound ? nlohmann::ordered_json(!r.bound_unneeded)
                                         : nlohmann::ordered_json(nullptr);
  j["runs"] = r.runs;
  j["sleep_blocked"] = r.sleep_blocked;
  j["bound_pruned"] = r.bound_pruned;
  j["max_depth"] = r.max_depth;
  j["failures"] = r.failures();
  j["runs_to_first_failure"] =
      r.runs_to_first_failure ? Json(*r.runs_to_first_failure) : Json(nullptr);
  Json outcomes = Json::array();
  for (std::size_t i = 0; i < r.outcomes.size(); ++i) {
    const OutcomeClass& o = r.outcomes[i];
    outcomes.push_back({{"status", std::string(to_string(o.status))},
                        {"message", o.message},
                        {"results", results_to_json(o.results)},
                        {"count", o.count},
                        {"witness", i < s.witnesses.size() ? s.witnesses[i] : std::string()},
                        {"preemptions", o.preemptions},
                        {"reproduce", i < s.reproduce.size() ? s.reproduce[i] : std::string()}});
  }
  j["outcomes"] = outcomes;
  if (r.first_failure && *r.first_failure < r.outcomes.size()) {
    const OutcomeClass& f = r.outcomes[*r.first_failure];
    j["first_failure"] = {{"outcome", *r.first_failure},
                          {"status", std::string(to_string(f.status))},
                          {"message", f.message},
                          {"preemptions", f.preemptions},
                          {"trace", string_or_null(s.trace)},
                          {"replay", string_or_null(s.replay)}};
  } else {
    j["first_failure"] = nullptr;
  }
  j["trace"] = string_or_null(s.trace);
  j["seconds"] = r.seconds;
  j["runs_per_second"] = r.seconds > 0 ? static_cast<double>(r.runs) / r.seconds : 0.0;
  return j.dump() + "\n";
}

}  // namespace interleave
