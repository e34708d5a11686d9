#include "report/explore_part.h"

#include <nlohmann/json.hpp>

#include "sim/schedule.h"
#include "traces/result_json.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

std::string_view stop_name(StopReason r) {
  switch (r) {
    case StopReason::none:
      return "";
    case StopReason::max_runs:
      return "max_runs";
    case StopReason::time_budget:
      return "time_budget";
    case StopReason::first_failure:
      return "first_failure";
    case StopReason::interrupted:
      return "interrupted";
    case StopReason::missing_shards:
      return "missing_shards";
  }
  return "";
}

Json outcome_json(const OutcomeClass& o) {
  return {{"status", std::string(to_string(o.status))}, {"message", o.message},
          {"results", results_to_json(o.results)},      {"count", o.count},
          {"witness", format_schedule(o.witness)},      {"preemptions", o.preemptions}};
}

Json subtree_json(const SubtreeResult& s) {
  Json outcomes = Json::array();
  for (const OutcomeClass& o : s.outcomes) outcomes.push_back(outcome_json(o));
  return {{"index", s.index},
          {"runs", s.runs},
          {"sleep_blocked", s.sleep_blocked},
          {"bound_pruned", s.bound_pruned},
          {"max_depth", s.max_depth},
          {"first_failure", s.first_failure ? Json(*s.first_failure) : Json(nullptr)},
          {"runs_to_first_failure",
           s.runs_to_first_failure ? Json(*s.runs_to_first_failure) : Json(nullptr)},
          {"outcomes", outcomes}};
}

}  // namespace

std::string explore_part_json(const ExplorePart& part) {
  const SearchIdentity& s = part.search;
  const ShardResult& r = part.result;
  Json j;
  j["format"] = std::string(kPartFormat);
  j["version"] = kPartVersion;
  j["program"] = s.program;
  j["interleave_version"] = s.version;
  j["scenario"] = s.scenario;
  Json params = Json::object();
  for (const auto& [name, value] : s.params) params[name] = value;
  j["params"] = params;
  j["reduction"] = s.reduction;
  j["preemption_bound"] = s.preemption_bound ? Json(*s.preemption_bound) : Json(nullptr);
  j["fair"] = s.fair;
  j["split_depth"] = s.split_depth;
  j["max_steps"] = s.max_steps;
  j["step_cost"] = s.step_cost;
  j["step_cost_ns"] = s.step_cost_ns;
  j["shard"] = {{"index", r.shard.index}, {"count", r.shard.count}};
  j["jobs"] = part.jobs;
  j["stopped_by"] =
      r.stopped_by == StopReason::none ? Json(nullptr) : Json(std::string(stop_name(r.stopped_by)));
  j["saturated"] = r.saturated;
  std::uint64_t runs = 0;
  std::uint64_t blocked = 0;
  Json levels = Json::array();
  for (const LevelShare& l : r.levels) {
    Json searched = Json::array();
    for (const SubtreeResult& t : l.searched) {
      runs += t.runs;
      blocked += t.sleep_blocked;
      searched.push_back(subtree_json(t));
    }
    levels.push_back(
        {{"subtrees", l.subtrees}, {"split_pruned", l.split_pruned}, {"searched", searched}});
  }
  j["runs"] = runs;
  j["sleep_blocked"] = blocked;
  j["seconds"] = r.seconds;
  j["levels"] = levels;
  j["failure_trace"] = part.failure_trace.empty() ? Json(nullptr) : Json(part.failure_trace);
  return j.dump() + "\n";
}

}  // namespace interleave
