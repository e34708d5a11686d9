// Reading a part file back (report/explore_part.h): parse, then check every member's type and
// range and the counts against each other; the first problem ends the reading with one line
// naming its JSON path.

#include <nlohmann/json.hpp>

#include "report/explore_part.h"
#include "sim/schedule.h"
#include "traces/json_checker.h"
#include "traces/trace.h"
#include "traces/trace_json.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

// stop_reasons[] are the reasons a part may name in stopped_by, with their names (to_string).
constexpr std::pair<StopReason, std::string_view> kStopReasons[] = {
    {StopReason::max_runs, to_string(StopReason::max_runs)},
    {StopReason::time_budget, to_string(StopReason::time_budget)},
    {StopReason::first_failure, to_string(StopReason::first_failure)},
    {StopReason::interrupted, to_string(StopReason::interrupted)}};

// Reads a part member by member; the first problem ends the reading, and error() names it.
class PartReader {
 public:
  bool read(const Json& j, ExplorePart& part) {
    const JsonPath p{nullptr, "part"};
    if (!j.is_object()) return c_.fail(p, "expected an object, found " + found(j));
    std::string format;
    if (!j.contains("format") || !c_.string(j["format"], p.member("format"), format)) {
      return c_.error().empty() ? c_.fail(p, "this is not a part file (no \"format\" member)")
                                : false;
    }
    if (format != kPartFormat) {
      return c_.fail(p.member("format"), "this is not a part file: its format is " +
                                             found(j["format"]) + ", expected \"" +
                                             std::string(kPartFormat) + "\"");
    }
    std::uint64_t version = 0;
    if (!j.contains("version") || !c_.u64(j["version"], p.member("version"), version)) {
      return c_.error().empty() ? c_.fail(p, "missing member \"version\"") : false;
    }
    if (version != kPartVersion) {
      return c_.fail(p.member("version"), "version " + std::to_string(version) +
                                              " is not supported (this program reads version " +
                                              std::to_string(kPartVersion) + ")");
    }
    if (!c_.object(j, p,
                   {"format",        "version",    "program",     "interleave_version", "scenario",
                    "params",        "reduction",  "granularity", "preemption_bound",   "fair",
                    "split_depth",   "max_steps",  "step_cost",   "step_cost_ns",       "shard",
                    "jobs",          "checkpoint", "stopped_by",  "saturated",          "runs",
                    "sleep_blocked", "seconds",    "levels",      "failure_trace"})) {
      return false;
    }
    SearchIdentity& s = part.search;
    std::uint64_t jobs = 0;
    if (!c_.string(j["program"], p.member("program"), s.program) ||
        !c_.string(j["interleave_version"], p.member("interleave_version"), s.version) ||
        !c_.string(j["scenario"], p.member("scenario"), s.scenario) ||
        !c_.int_map(j["params"], p.member("params"), s.params) ||
        !c_.string(j["reduction"], p.member("reduction"), s.reduction) ||
        !c_.string(j["granularity"], p.member("granularity"), s.granularity) ||
        !bound(j["preemption_bound"], p.member("preemption_bound"), s.preemption_bound) ||
        !boolean(j["fair"], p.member("fair"), s.fair) ||
        !u32(j["split_depth"], p.member("split_depth"), s.split_depth) ||
        !c_.u64(j["max_steps"], p.member("max_steps"), s.max_steps) ||
        !c_.string(j["step_cost"], p.member("step_cost"), s.step_cost) ||
        !c_.i64(j["step_cost_ns"], p.member("step_cost_ns"), s.step_cost_ns) ||
        !shard(j["shard"], p.member("shard"), part.result.shard) ||
        !c_.u64(j["jobs"], p.member("jobs"), jobs) ||
        !boolean(j["checkpoint"], p.member("checkpoint"), part.checkpoint) ||
        !stopped_by(j["stopped_by"], p.member("stopped_by"), part.result.stopped_by) ||
        !boolean(j["saturated"], p.member("saturated"), part.result.saturated) ||
        !seconds(j["seconds"], p.member("seconds"), part.result.seconds) ||
        !levels(j["levels"], p.member("levels"), part.result, part.checkpoint) ||
        !totals(j, p, part.result) ||
        !failure_trace(j["failure_trace"], p.member("failure_trace"), part)) {
      return false;
    }
    if (s.reduction != "none" && s.reduction != "sleep" && s.reduction != "dpor") {
      return c_.fail(p.member("reduction"), "unknown reduction " + found(j["reduction"]));
    }
    if (s.granularity != "atomic" && s.granularity != "primitive") {
      return c_.fail(p.member("granularity"), "unknown granularity " + found(j["granularity"]));
    }
    if (s.split_depth == 0 || s.split_depth > 64) {
      return c_.fail(p.member("split_depth"), "expected 1 to 64");
    }
    if (jobs == 0 || jobs > 1024) return c_.fail(p.member("jobs"), "expected 1 to 1024");
    part.jobs = static_cast<unsigned>(jobs);
    return true;
  }

  const std::string& error() const { return c_.error(); }

 private:
  bool boolean(const Json& j, const JsonPath& p, bool& out) {
    if (!j.is_boolean()) return c_.fail(p, "expected true or false, found " + found(j));
    out = j.get<bool>();
    return true;
  }

  bool u32(const Json& j, const JsonPath& p, std::uint32_t& out) {
    std::uint64_t v = 0;
    if (!c_.u64(j, p, v)) return false;
    if (v > UINT32_MAX) return c_.fail(p, "too large: " + found(j));
    out = static_cast<std::uint32_t>(v);
    return true;
  }

  bool bound(const Json& j, const JsonPath& p, std::optional<std::uint32_t>& out) {
    if (j.is_null()) return true;
    std::uint32_t v = 0;
    if (!u32(j, p, v)) return false;
    out = v;
    return true;
  }

  bool optional_u64(const Json& j, const JsonPath& p, std::optional<std::uint64_t>& out) {
    if (j.is_null()) return true;
    std::uint64_t v = 0;
    if (!c_.u64(j, p, v)) return false;
    out = v;
    return true;
  }

  bool seconds(const Json& j, const JsonPath& p, double& out) {
    if (!j.is_number() || j.get<double>() < 0) {
      return c_.fail(p, "expected a non-negative number, found " + found(j));
    }
    out = j.get<double>();
    return true;
  }

  bool shard(const Json& j, const JsonPath& p, ShardId& out) {
    if (!c_.object(j, p, {"index", "count"}) || !u32(j["index"], p.member("index"), out.index) ||
        !u32(j["count"], p.member("count"), out.count)) {
      return false;
    }
    if (out.count == 0 || out.count > kMaxShards) {
      return c_.fail(p.member("count"), "expected 1 to " + std::to_string(kMaxShards) + " shards");
    }
    if (out.index >= out.count) {
      return c_.fail(p.member("index"), "shard " + std::to_string(out.index) +
                                            " is not below the shard count " +
                                            std::to_string(out.count));
    }
    return true;
  }

  bool stopped_by(const Json& j, const JsonPath& p, StopReason& out) {
    if (j.is_null()) return true;
    std::string name;
    if (!c_.string(j, p, name)) return false;
    for (const auto& [reason, reason_name] : kStopReasons) {
      if (name == reason_name) {
        out = reason;
        return true;
      }
    }
    return c_.fail(p, "unknown reason " + found(j));
  }

  bool levels(const Json& j, const JsonPath& p, ShardResult& r, bool checkpoint) {
    if (!j.is_array()) return c_.fail(p, "expected an array, found " + found(j));
    if (j.empty()) return c_.fail(p, "a part has at least one level");
    for (std::size_t i = 0; i < j.size(); ++i) {
      LevelShare& share = r.levels.emplace_back();
      if (!level(j[i], p.at(i), r.shard, checkpoint, share)) return false;
    }
    return true;
  }

  bool level(const Json& j, const JsonPath& p, ShardId shard, bool checkpoint, LevelShare& share) {
    if (!c_.object(j, p, {"subtrees", "split_pruned", "searched"}) ||
        !c_.u64(j["subtrees"], p.member("subtrees"), share.subtrees) ||
        !c_.u64(j["split_pruned"], p.member("split_pruned"), share.split_pruned)) {
      return false;
    }
    const Json& searched = j["searched"];
    const JsonPath sp = p.member("searched");
    if (!searched.is_array()) return c_.fail(sp, "expected an array, found " + found(searched));
    // The shard's subtrees are index, index + count, ...: exactly those, in that order (in a
    // checkpoint, some of them, in that order).
    const std::uint64_t own =
        share.subtrees > shard.index ? (share.subtrees - shard.index - 1) / shard.count + 1 : 0;
    if (checkpoint ? searched.size() > own : searched.size() != own) {
      return c_.fail(sp, "shard " + std::to_string(shard.index) + " of " +
                             std::to_string(shard.count) + " has " + std::to_string(own) +
                             " of the level's " + std::to_string(share.subtrees) +
                             " subtrees, but " + std::to_string(searched.size()) + " are listed");
    }
    std::uint64_t next = shard.index;
    for (std::size_t i = 0; i < searched.size(); ++i) {
      SubtreeResult& s = share.searched.emplace_back();
      if (!subtree(searched[i], sp.at(i), s)) return false;
      const bool fits = checkpoint ? s.index >= next && s.index < share.subtrees &&
                                         (s.index - shard.index) % shard.count == 0
                                   : s.index == next;
      if (!fits) {
        return c_.fail(sp.at(i).member("index"),
                       "subtree " + std::to_string(s.index) + " is not the shard's next one");
      }
      next = s.index + shard.count;
    }
    return true;
  }

  bool subtree(const Json& j, const JsonPath& p, SubtreeResult& s) {
    std::optional<std::uint64_t> first_failure;
    if (!c_.object(j, p,
                   {"index", "runs", "sleep_blocked", "bound_pruned", "max_depth", "first_failure",
                    "runs_to_first_failure", "outcomes"}) ||
        !c_.u64(j["index"], p.member("index"), s.index) ||
        !c_.u64(j["runs"], p.member("runs"), s.runs) ||
        !c_.u64(j["sleep_blocked"], p.member("sleep_blocked"), s.sleep_blocked) ||
        !c_.u64(j["bound_pruned"], p.member("bound_pruned"), s.bound_pruned) ||
        !c_.u64(j["max_depth"], p.member("max_depth"), s.max_depth) ||
        !optional_u64(j["first_failure"], p.member("first_failure"), first_failure) ||
        !optional_u64(j["runs_to_first_failure"], p.member("runs_to_first_failure"),
                      s.runs_to_first_failure)) {
      return false;
    }
    const Json& outcomes = j["outcomes"];
    const JsonPath op = p.member("outcomes");
    if (!outcomes.is_array()) return c_.fail(op, "expected an array, found " + found(outcomes));
    std::uint64_t counted = 0;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      OutcomeClass& o = s.outcomes.emplace_back();
      if (!outcome(outcomes[i], op.at(i), o)) return false;
      counted += o.count;
    }
    if (counted != s.runs) {
      return c_.fail(p.member("runs"), "the outcomes count " + std::to_string(counted) +
                                           " runs, not " + std::to_string(s.runs));
    }
    if (first_failure.has_value() != s.runs_to_first_failure.has_value()) {
      return c_.fail(p.member("runs_to_first_failure"),
                     "given exactly when first_failure is given");
    }
    if (first_failure) {
      if (*first_failure >= s.outcomes.size() || !is_failure(s.outcomes[*first_failure].status)) {
        return c_.fail(p.member("first_failure"), "not the index of a failing outcome");
      }
      if (*s.runs_to_first_failure == 0 || *s.runs_to_first_failure > s.runs) {
        return c_.fail(p.member("runs_to_first_failure"), "not between 1 and runs");
      }
      s.first_failure = static_cast<std::size_t>(*first_failure);
    }
    return true;
  }

  bool outcome(const Json& j, const JsonPath& p, OutcomeClass& o) {
    std::string status;
    std::string witness;
    if (!c_.object(j, p, {"status", "message", "results", "count", "witness", "preemptions"}) ||
        !c_.string(j["status"], p.member("status"), status) ||
        !c_.string(j["message"], p.member("message"), o.message) ||
        !results(j["results"], p.member("results"), o.results) ||
        !c_.u64(j["count"], p.member("count"), o.count) ||
        !c_.string(j["witness"], p.member("witness"), witness) ||
        !u32(j["preemptions"], p.member("preemptions"), o.preemptions)) {
      return false;
    }
    const std::optional<Status> s = status_from_string(status);
    if (!s) return c_.fail(p.member("status"), "unknown status " + found(j["status"]));
    o.status = *s;
    if (o.count == 0) return c_.fail(p.member("count"), "an outcome has at least one run");
    std::string problem;
    std::optional<std::vector<FiberId>> schedule = parse_schedule(witness, problem);
    if (!schedule) return c_.fail(p.member("witness"), problem);
    o.witness = std::move(*schedule);
    return true;
  }

  bool results(const Json& j, const JsonPath& p, Results& out) {
    if (!j.is_object()) return c_.fail(p, "expected an object, found " + found(j));
    for (const auto& item : j.items()) {
      ResultValue v;
      if (!c_.result_value(item.value(), p.member(item.key()), v)) return false;
      out.emplace_back(item.key(), std::move(v));
    }
    return true;
  }

  // totals(j, p, r): the part's runs and sleep_blocked are its levels' sums.
  bool totals(const Json& j, const JsonPath& p, const ShardResult& r) {
    std::uint64_t runs = 0;
    std::uint64_t blocked = 0;
    if (!c_.u64(j["runs"], p.member("runs"), runs) ||
        !c_.u64(j["sleep_blocked"], p.member("sleep_blocked"), blocked)) {
      return false;
    }
    std::uint64_t sum_runs = 0;
    std::uint64_t sum_blocked = 0;
    for (const LevelShare& l : r.levels) {
      for (const SubtreeResult& s : l.searched) {
        sum_runs += s.runs;
        sum_blocked += s.sleep_blocked;
      }
    }
    if (runs != sum_runs) return c_.fail(p.member("runs"), "not the sum of the levels' runs");
    if (blocked != sum_blocked) {
      return c_.fail(p.member("sleep_blocked"), "not the sum of the levels' sleep_blocked");
    }
    return true;
  }

  bool failure_trace(const Json& j, const JsonPath& p, ExplorePart& part) {
    if (j.is_null()) return true;
    if (!c_.string(j, p, part.failure_trace)) return false;
    const TraceReadResult trace = read_trace(part.failure_trace);
    if (!trace.ok()) return c_.fail(p, "not a valid trace: " + trace.error);
    return true;
  }

  JsonChecker c_;
};

}  // namespace

PartReadResult read_explore_part(std::string_view text) {
  PartReadResult out;
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) {
    out.error = "not JSON (a part file is one JSON object)";
    return out;
  }
  ExplorePart part;
  PartReader reader;
  if (!reader.read(j, part)) {
    out.error = reader.error();
    return out;
  }
  out.part = std::move(part);
  return out;
}

}  // namespace interleave
