#include "cli/merge_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/explore_report.h"
#include "cli/option_checks.h"
#include "cli/program.h"
#include "cli/usage_error.h"
#include "report/explore_part.h"
#include "sim/explore/shard_merge.h"
#include "sim/version.h"
#include "traces/printable.h"
#include "traces/trace_json.h"

namespace interleave {

namespace {

// A part file and what it holds.
struct NamedPart {
  std::string path;
  ExplorePart part;
};

NamedPart read_part_or_throw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError("cannot read part " + printable(path) + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw UsageError("cannot read part " + printable(path));
  PartReadResult r = read_explore_part(text.str());
  if (!r.ok()) throw UsageError("part " + printable(path) + " is not a valid part: " + r.error);
  return NamedPart{.path = path, .part = std::move(*r.part)};
}

std::string params_name(const std::vector<std::pair<std::string, std::int64_t>>& params) {
  std::string s;
  for (const auto& [name, value] : params) {
    s += (s.empty() ? "" : ",") + name + "=" + std::to_string(value);
  }
  return s.empty() ? "no parameters" : s;
}

std::string shard_name(const ShardId& s) {
  return std::to_string(s.index) + "/" + std::to_string(s.count);
}

// check_one_search(parts, program): every part is a shard of one search, by this program and
// version, split into as many shards, each given once.
void check_one_search(const std::vector<NamedPart>& parts, const Program& program) {
  const NamedPart& first = parts.front();
  const SearchIdentity& id = first.part.search;
  if (id.program != program.name || id.version != version()) {
    throw UsageError("part " + printable(first.path) + " was written by " + printable(id.program) +
                     " " + id.version + "; this is " + program.name + " " + std::string(version()) +
                     ", which merges only its own parts");
  }
  for (const NamedPart& p : parts) {
    const std::string diff = search_difference(id, p.part.search);
    if (!diff.empty()) {
      throw UsageError("parts " + printable(first.path) + " and " + printable(p.path) +
                       " are of different searches (" + diff + ")");
    }
    if (p.part.result.shard.count != first.part.result.shard.count) {
      throw UsageError("parts " + printable(first.path) + " and " + printable(p.path) +
                       " split the search differently (shard " +
                       shard_name(first.part.result.shard) + " vs shard " +
                       shard_name(p.part.result.shard) + ")");
    }
  }
  std::map<std::uint32_t, const NamedPart*> seen;
  for (const NamedPart& p : parts) {
    const auto [it, added] = seen.emplace(p.part.result.shard.index, &p);
    if (!added) {
      throw UsageError("parts " + printable(it->second->path) + " and " + printable(p.path) +
                       " are both shard " + shard_name(p.part.result.shard));
    }
  }
}

// missing_shards(parts) lists the shard indexes no part holds, ascending.
std::vector<std::uint32_t> missing_shards(const std::vector<NamedPart>& parts) {
  const std::uint32_t count = parts.front().part.result.shard.count;
  std::vector<bool> present(count, false);
  for (const NamedPart& p : parts) present[p.part.result.shard.index] = true;
  std::vector<std::uint32_t> missing;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (!present[i]) missing.push_back(i);
  }
  return missing;
}

std::string list_shards(const std::vector<std::uint32_t>& shards, std::uint32_t count) {
  constexpr std::size_t kListed = 10;
  const std::size_t listed = std::min(shards.size(), kListed);
  std::string s;
  for (std::size_t i = 0; i < listed; ++i) {
    const bool last = i + 1 == listed && shards.size() <= kListed;
    s += (i == 0 ? ""
          : last ? " and "
                 : ", ") +
         std::to_string(shards[i]) + "/" + std::to_string(count);
  }
  if (shards.size() > kListed) s += " and " + std::to_string(shards.size() - kListed) + " more";
  return s;
}

}  // namespace

int run_merge(const MergeOptions& o, const Program& program, std::ostream& out,
              std::ostream& /*err*/) {
  std::vector<NamedPart> parts;
  for (const std::string& path : o.parts) parts.push_back(read_part_or_throw(path));
  if (parts.empty()) throw UsageError("no part given");
  for (const NamedPart& p : parts) {
    if (p.part.result.stopped_by != StopReason::none) {
      throw UsageError("part " + printable(p.path) +
                       " is not finished: it is the checkpoint of a " +
                       "search that was stopped; run that search again to finish it");
    }
  }
  check_one_search(parts, program);
  const SearchIdentity& id = parts.front().part.search;
  const std::uint32_t count = parts.front().part.result.shard.count;
  const std::vector<std::uint32_t> missing = missing_shards(parts);
  if (!missing.empty() && !o.allow_missing) {
    throw UsageError(std::string(missing.size() == 1 ? "shard " : "shards ") +
                     list_shards(missing, count) + " of '" + printable(id.scenario) + "'" +
                     (missing.size() == 1 ? " is" : " are") + " missing (no part given for " +
                     (missing.size() == 1 ? "it" : "them") +
                     "); --allow-missing merges the others into a result marked incomplete");
  }

  // The search again as `explore` would have been told it, for the report's command lines.
  ExploreCommandOptions eo;
  eo.scenario = id.scenario;
  for (const auto& [name, value] : id.params)
    eo.params.push_back(name + "=" + std::to_string(value));
  eo.reduction = id.reduction;
  eo.granularity = id.granularity;
  eo.bounded = id.preemption_bound.has_value();
  eo.preemption_bound = id.preemption_bound.value_or(0);
  eo.no_fairness = !id.fair;
  eo.split_depth = id.split_depth;
  eo.max_steps = id.max_steps;
  eo.step_cost = id.step_cost;
  eo.trace_failure = o.trace_failure;
  eo.json = o.json;
  const ScenarioChoice choice = choose_scenario(program, eo.scenario, eo.params);
  if (choice.params.values() != id.params) {
    throw UsageError("part " + printable(parts.front().path) + " gives " + printable(id.scenario) +
                     " the parameters " + params_name(id.params) + ", but the scenario has " +
                     params_name(choice.params.values()));
  }
  const RunConfig config = run_config(id.max_steps, id.step_cost, id.granularity);
  if (config.step_cost.count() != id.step_cost_ns) {
    throw UsageError("part " + printable(parts.front().path) + ": step cost " +
                     printable(id.step_cost) + " is not " + std::to_string(id.step_cost_ns) +
                     " ns");
  }
  if (!o.trace_failure.empty()) check_output_or_throw(o.trace_failure);

  std::vector<ShardResult> results;
  results.reserve(parts.size());
  for (const NamedPart& p : parts) results.push_back(p.part.result);
  ExploreSummary summary;
  try {
    summary.result = merge_shards(results, id.preemption_bound, count);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("the parts do not merge: ") + e.what());
  }
  summary.scenario = id.scenario;
  summary.params = id.params;
  summary.reduction = id.reduction;
  summary.granularity = id.granularity;
  summary.preemption_bound = id.preemption_bound;
  summary.fair = id.fair;
  summary.jobs = static_cast<unsigned>(parts.size());
  if (!missing.empty()) {
    summary.missing_shards = missing;
    summary.shards = count;
  }
  // The first failure's trace is the one its shard recorded: that shard's first failing run is
  // the merged search's first failing run.
  const auto failure_trace = [&](const OutcomeClass& failure) {
    for (const NamedPart& p : parts) {
      const OutcomeClass* mine = first_failure_of(p.part.result);
      if (mine == nullptr || mine->witness != failure.witness) continue;
      TraceReadResult trace = read_trace(p.part.failure_trace);
      if (!trace.ok()) {
        throw UsageError("part " + printable(p.path) +
                         " holds no valid failure trace: " + trace.error);
      }
      return std::move(*trace.trace);
    }
    throw UsageError("no part holds the trace of the first failure");
  };
  return report_search(eo, program, choice.scenario, choice.params, summary, failure_trace, out);
}

}  // namespace interleave
