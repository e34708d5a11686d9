#include "report/explore_part.h"

#include <nlohmann/json.hpp>

#include "sim/schedule.h"
#include "traces/printable.h"
#include "traces/result_json.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

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

std::string bound_name(const std::optional<std::uint32_t>& b) {
  return b ? "--preemption-bound " + std::to_string(*b) : "no preemption bound";
}

std::string params_name(const std::vector<std::pair<std::string, std::int64_t>>& params) {
  std::string s;
  for (const auto& [name, value] : params) {
    s += (s.empty() ? "" : ",") + name + "=" + std::to_string(value);
  }
  return s.empty() ? "no parameters" : s;
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
  j["granularity"] = s.granularity;
  j["preemption_bound"] = s.preemption_bound ? Json(*s.preemption_bound) : Json(nullptr);
  j["fair"] = s.fair;
  j["split_depth"] = s.split_depth;
  j["max_steps"] = s.max_steps;
  j["step_cost"] = s.step_cost;
  j["step_cost_ns"] = s.step_cost_ns;
  j["shard"] = {{"index", r.shard.index}, {"count", r.shard.count}};
  j["jobs"] = part.jobs;
  j["checkpoint"] = part.checkpoint;
  j["stopped_by"] =
      r.stopped_by == StopReason::none ? Json(nullptr) : Json(std::string(to_string(r.stopped_by)));
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

std::string search_difference(const SearchIdentity& a, const SearchIdentity& b) {
  auto q = [](const std::string& s) { return "'" + printable(s) + "'"; };
  if (a.program != b.program) return "program " + q(a.program) + " vs " + q(b.program);
  if (a.version != b.version) return "interleave version " + a.version + " vs " + b.version;
  if (a.scenario != b.scenario) return "scenario " + q(a.scenario) + " vs " + q(b.scenario);
  if (a.params != b.params)
    return "parameters " + params_name(a.params) + " vs " + params_name(b.params);
  if (a.reduction != b.reduction) return "reduction " + q(a.reduction) + " vs " + q(b.reduction);
  if (a.granularity != b.granularity) {
    return "--granularity " + q(a.granularity) + " vs " + q(b.granularity);
  }
  if (a.preemption_bound != b.preemption_bound) {
    return bound_name(a.preemption_bound) + " vs " + bound_name(b.preemption_bound);
  }
  if (a.fair != b.fair)
    return std::string("fairness ") + (a.fair ? "on" : "off") + " vs " + (b.fair ? "on" : "off");
  if (a.split_depth != b.split_depth) {
    return "--split-depth " + std::to_string(a.split_depth) + " vs " +
           std::to_string(b.split_depth);
  }
  if (a.max_steps != b.max_steps) {
    return "--max-steps " + std::to_string(a.max_steps) + " vs " + std::to_string(b.max_steps);
  }
  if (a.step_cost_ns != b.step_cost_ns)
    return "--step-cost " + q(a.step_cost) + " vs " + q(b.step_cost);
  return "";
}

}  // namespace interleave
