#include "traces/trace_member_reader.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/schedule.h"

namespace interleave {
namespace {

// The largest stack size a trace may ask for (1 GiB); a replay maps stacks of this size.
constexpr std::uint64_t kMaxStackSize = std::uint64_t{1} << 30;

}  // namespace

bool TraceMemberReader::root(const Json& j, const JsonPath& path) {
  if (!j.is_object()) return c_.fail(path, "expected a JSON object, found " + found(j));
  return header(j, path) &&
         c_.object(j, path,
                   {"format", "version", "scenario", "policy", "config", "fibers", "objects",
                    "schedule", "events", "outcome", "results", "stats"});
}

bool TraceMemberReader::after_events(const Json& root, const JsonPath& path) {
  return outcome(root["outcome"], path.member("outcome")) &&
         results(root["results"], path.member("results")) &&
         stats(root["stats"], path.member("stats")) && totals(path);
}

// before_events(root, path) reads the members the events refer to.
bool TraceMemberReader::before_events(const Json& root, const JsonPath& path) {
  return scenario(root["scenario"], path.member("scenario")) &&
         policy(root["policy"], path.member("policy")) &&
         config(root["config"], path.member("config")) &&
         fibers(root["fibers"], path.member("fibers")) &&
         objects(root["objects"], path.member("objects")) &&
         schedule(root["schedule"], path.member("schedule"));
}

// header() checks format and version first, so a file of another kind or version is named
// as such rather than by its first unexpected field.
bool TraceMemberReader::header(const Json& root, const JsonPath& path) {
  const JsonPath fp = path.member("format");
  if (!root.contains("format")) return c_.fail(fp, "missing (this is not an interleave trace)");
  const Json& format = root["format"];
  if (!format.is_string() || format.get<std::string>() != Trace::kFormat) {
    return c_.fail(fp, "expected \"" + std::string(Trace::kFormat) + "\", found " + found(format));
  }
  const JsonPath vp = path.member("version");
  if (!root.contains("version")) return c_.fail(vp, "missing");
  const Json& version = root["version"];
  if (!version.is_number_integer()) {
    return c_.fail(vp, "expected an integer, found " + found(version));
  }
  if (version < Json(Trace::kOldestVersion) || version > Json(Trace::kVersion)) {
    return c_.fail(vp, "version " + version.dump() +
                           " is not supported (this interleave reads versions " +
                           std::to_string(Trace::kOldestVersion) + " to " +
                           std::to_string(Trace::kVersion) + ")");
  }
  c_.set_version(version.get<int>());
  return true;
}

bool TraceMemberReader::scenario(const Json& j, const JsonPath& p) {
  if (!c_.object(j, p, {"name", "params"}, {"program"}) ||
      !c_.string(j["name"], p.member("name"), t_.scenario) ||
      !c_.int_map(j["params"], p.member("params"), t_.params)) {
    return false;
  }
  if (!j.contains("program")) return true;
  const JsonPath pp = p.member("program");
  if (!c_.string(j["program"], pp, t_.program)) return false;
  if (t_.program.empty()) return c_.fail(pp, "empty (a trace of interleave itself has none)");
  return true;
}

bool TraceMemberReader::policy(const Json& j, const JsonPath& p) {
  return c_.object(j, p, {"name", "params"}) &&
         c_.string(j["name"], p.member("name"), t_.policy.name) &&
         c_.int_map(j["params"], p.member("params"), t_.policy.params);
}

bool TraceMemberReader::config(const Json& j, const JsonPath& p) {
  std::uint64_t stack = 0;
  const bool v2 = c_.version() >= 2;
  const bool ok =
      (v2 ? c_.object(j, p, {"step_cost_ns", "switch_cost_ns", "max_steps", "stack_size"},
                      {"granularity"})
          : c_.object(j, p, {"step_cost_ns", "switch_cost_ns", "max_steps", "stack_size"})) &&
      c_.nanos(j["step_cost_ns"], p.member("step_cost_ns"), t_.config.step_cost) &&
      c_.nanos(j["switch_cost_ns"], p.member("switch_cost_ns"), t_.config.switch_cost) &&
      c_.u64(j["max_steps"], p.member("max_steps"), t_.config.max_steps) &&
      c_.u64(j["stack_size"], p.member("stack_size"), stack);
  if (!ok) return false;
  if (stack < 1 || stack > kMaxStackSize) {
    return c_.fail(p.member("stack_size"), std::to_string(stack) + " is not between 1 and " +
                                               std::to_string(kMaxStackSize) + " bytes");
  }
  t_.config.stack_size = static_cast<std::size_t>(stack);
  if (j.contains("granularity")) {
    std::string name;
    if (!c_.string(j["granularity"], p.member("granularity"), name)) return false;
    const std::optional<Granularity> g = parse_granularity(name);
    if (!g) {
      return c_.fail(p.member("granularity"),
                     "expected \"atomic\" or \"primitive\", found " + found(j["granularity"]));
    }
    t_.config.granularity = *g;
  }
  return true;
}

bool TraceMemberReader::fibers(const Json& j, const JsonPath& p) {
  if (!j.is_array()) return c_.fail(p, "expected an array, found " + found(j));
  if (j.empty()) return c_.fail(p, "empty (every run has its main fiber, 0)");
  if (j.size() >= index(kNoFiber)) return c_.fail(p, "too many fibers");
  t_.fibers.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    const JsonPath e = p.at(i);
    const Json& f = j[i];
    std::uint64_t id = 0;
    TraceFiber out;
    if (!c_.object(f, e, {"id", "name", "parent"}) || !c_.u64(f["id"], e.member("id"), id)) {
      return false;
    }
    if (id != i) {
      return c_.fail(e.member("id"), "expected " + std::to_string(i) + ", found " +
                                         std::to_string(id) + " (fibers are listed by id, from 0)");
    }
    out.id = FiberId{static_cast<std::uint32_t>(i)};
    // A fiber's parent spawned it, so it is an earlier fiber; main is its own parent.
    if (!c_.string(f["name"], e.member("name"), out.name) ||
        !c_.fiber(f["parent"], e.member("parent"), j.size(), out.parent)) {
      return false;
    }
    if (i == 0 ? index(out.parent) != 0 : index(out.parent) >= i) {
      return c_.fail(e.member("parent"), i == 0 ? "main's parent must be itself, fiber 0"
                                                : "fiber " + std::to_string(index(out.parent)) +
                                                      " did not exist before fiber " +
                                                      std::to_string(i));
    }
    t_.fibers.push_back(std::move(out));
  }
  return true;
}

bool TraceMemberReader::objects(const Json& j, const JsonPath& p) {
  if (!j.is_array()) return c_.fail(p, "expected an array, found " + found(j));
  if (j.size() >= index(kNoObject)) return c_.fail(p, "too many objects");
  t_.objects.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    const JsonPath e = p.at(i);
    const Json& o = j[i];
    std::uint64_t id = 0;
    TraceObject out;
    if (!c_.object(o, e, {"id", "kind", "name"}) || !c_.u64(o["id"], e.member("id"), id)) {
      return false;
    }
    if (id != i) {
      return c_.fail(e.member("id"), "expected " + std::to_string(i) + ", found " +
                                         std::to_string(id) +
                                         " (objects are listed by id, from 0)");
    }
    out.id = ObjectId{static_cast<std::uint32_t>(i)};
    if (!c_.string(o["kind"], e.member("kind"), out.kind) ||
        !c_.string(o["name"], e.member("name"), out.name)) {
      return false;
    }
    t_.objects.push_back(std::move(out));
  }
  return true;
}

bool TraceMemberReader::schedule(const Json& j, const JsonPath& p) {
  std::string text;
  if (!c_.string(j, p, text)) return false;
  if (!text.empty()) {  // a run that performed no step has an empty schedule
    std::string error;
    std::optional<std::vector<FiberId>> s = parse_schedule(text, error);
    if (!s) return c_.fail(p, printable(error));
    t_.schedule = std::move(*s);
  }
  for (std::size_t i = 0; i < t_.schedule.size(); ++i) {
    if (index(t_.schedule[i]) >= t_.fibers.size()) {
      return c_.fail(p, "fiber " + std::to_string(index(t_.schedule[i])) + " at step " +
                            std::to_string(i) + " is not in fibers (which has " +
                            std::to_string(t_.fibers.size()) + ")");
    }
  }
  return true;
}

bool TraceMemberReader::events(const Json& j, const JsonPath& p) {
  if (!j.is_array()) return c_.fail(p, "expected an array, found " + found(j));
  if (!event_count(j.size(), p)) return false;
  t_.events.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!event(j[i], p.at(i), i)) return false;
  }
  return true;
}

// event_count(n, p) checks that n events fit the schedule: one decision per event, and one
// more when a run ended inside its last decided step.
bool TraceMemberReader::event_count(std::size_t n, const JsonPath& p) {
  const std::size_t decided = t_.schedule.size();
  if (decided < n || decided > n + 1) {
    return c_.fail(p, std::to_string(n) + " events, but the schedule has " +
                          std::to_string(decided) + " steps");
  }
  return true;
}

bool TraceMemberReader::event(const Json& j, const JsonPath& p, std::size_t i) {
  const std::size_t nf = t_.fibers.size();
  const std::size_t no = t_.objects.size();
  const bool v2 = c_.version() >= 2;
  if (!(v2 ? c_.object(j, p, {"step", "clock_ns", "fiber", "op", "object", "runnable", "reason"},
                       {"word", "other", "read", "written", "woken", "notes", "call"})
           : c_.object(j, p, {"step", "clock_ns", "fiber", "op", "object", "runnable", "reason"},
                       {"word", "other", "read", "written", "woken", "notes"}))) {
    return false;
  }
  TraceEvent e;
  if (!c_.u64(j["step"], p.member("step"), e.step)) return false;
  if (e.step != i) {
    return c_.fail(p.member("step"), "expected " + std::to_string(i) + ", found " +
                                         std::to_string(e.step) +
                                         " (steps are numbered from 0, in order)");
  }
  if (!c_.nanos(j["clock_ns"], p.member("clock_ns"), e.clock)) return false;
  if (i > 0 && e.clock < t_.events.back().clock) {
    return c_.fail(p.member("clock_ns"), std::to_string(e.clock.count()) +
                                             " is earlier than the previous step's " +
                                             std::to_string(t_.events.back().clock.count()));
  }
  if (!c_.fiber(j["fiber"], p.member("fiber"), nf, e.fiber)) return false;
  // events[i].fiber may differ from schedule[i]: an edited schedule is replay's business
  // (it reports the first divergent step), not a malformed file.
  std::string name;
  if (!c_.string(j["op"], p.member("op"), name)) return false;
  const std::optional<OpKind> op = op_from_string(name);
  if (!op) return c_.fail(p.member("op"), "unknown operation " + found(j["op"]));
  e.op = *op;
  if (e.op == OpKind::call) {
    // A call names its operation and its primitive; nothing else has a call.
    if (!j.contains("call"))
      return c_.fail(p.member("call"), "missing (a call names its operation)");
    if (!c_.string(j["call"], p.member("call"), name)) return false;
    const std::optional<Call> call = call_from_string(name);
    if (!call) return c_.fail(p.member("call"), "unknown call " + found(j["call"]));
    e.call = *call;
  } else if (j.contains("call")) {
    return c_.fail(p.member("call"), "only a step whose op is \"call\" has a call");
  }
  if (!c_.object_ref(j["object"], p.member("object"), no, true, e.object)) return false;
  if (e.op == OpKind::call && e.object == kNoObject) {
    return c_.fail(p.member("object"), "-1 (a call names its primitive)");
  }
  if (j.contains("word") && !c_.object_ref(j["word"], p.member("word"), no, false, e.word)) {
    return false;
  }
  if (j.contains("other")) {
    FiberId other{0};
    if (!c_.fiber(j["other"], p.member("other"), nf, other)) return false;
    e.other = other;
  } else if (e.op == OpKind::spawn || e.op == OpKind::join) {
    return c_.fail(p.member("other"),
                   std::string("missing (a ") + name + " names the other fiber)");
  }
  std::int64_t v = 0;
  if (j.contains("read")) {
    if (!c_.i64(j["read"], p.member("read"), v)) return false;
    e.read = v;
  }
  if (j.contains("written")) {
    if (!c_.i64(j["written"], p.member("written"), v)) return false;
    e.written = v;
  }
  if (j.contains("woken") && !c_.fiber_list(j["woken"], p.member("woken"), nf, e.woken)) {
    return false;
  }
  if (!runnable(j["runnable"], p.member("runnable"), e)) return false;
  if (!c_.string(j["reason"], p.member("reason"), name)) return false;
  const std::optional<Reason> reason = reason_from_string(name);
  if (!reason) return c_.fail(p.member("reason"), "unknown reason " + found(j["reason"]));
  e.reason = *reason;
  if (j.contains("notes") && !c_.strings(j["notes"], p.member("notes"), e.notes)) return false;
  t_.events.push_back(std::move(e));
  return true;
}

// runnable() reads the runnable set: ascending, unique, and holding the fiber that ran.
bool TraceMemberReader::runnable(const Json& j, const JsonPath& p, TraceEvent& e) {
  if (!c_.fiber_list(j, p, t_.fibers.size(), e.runnable)) return false;
  if (e.runnable.empty()) return c_.fail(p, "empty (a step needs a runnable fiber)");
  for (std::size_t k = 1; k < e.runnable.size(); ++k) {
    if (e.runnable[k - 1] >= e.runnable[k]) {
      return c_.fail(p.at(k), "fiber ids must be ascending and unique");
    }
  }
  if (!std::binary_search(e.runnable.begin(), e.runnable.end(), e.fiber)) {
    return c_.fail(
        p, "fiber " + std::to_string(index(e.fiber)) + ", which performed the step, is not in it");
  }
  return true;
}

bool TraceMemberReader::outcome(const Json& j, const JsonPath& p) {
  std::string status;
  if (!c_.object(j, p, {"status", "message", "step"}) ||
      !c_.string(j["status"], p.member("status"), status)) {
    return false;
  }
  const std::optional<Status> s = status_from_string(status);
  if (!s) return c_.fail(p.member("status"), "unknown status " + found(j["status"]));
  t_.outcome.status = *s;
  return c_.string(j["message"], p.member("message"), t_.outcome.message) &&
         c_.u64(j["step"], p.member("step"), t_.outcome.step);
}

bool TraceMemberReader::results(const Json& j, const JsonPath& p) {
  if (!j.is_object()) return c_.fail(p, "expected an object, found " + found(j));
  for (const auto& item : j.items()) {
    ResultValue v;
    if (!c_.result_value(item.value(), p.member(item.key()), v)) return false;
    t_.results.emplace_back(item.key(), std::move(v));
  }
  return true;
}

bool TraceMemberReader::stats(const Json& j, const JsonPath& p) {
  Stats& s = t_.stats;
  return c_.object(
             j, p,
             {"steps", "context_switches", "preemptions", "spin_steps", "blocks", "clock_ns"}) &&
         c_.u64(j["steps"], p.member("steps"), s.steps) &&
         c_.u64(j["context_switches"], p.member("context_switches"), s.context_switches) &&
         c_.u64(j["preemptions"], p.member("preemptions"), s.preemptions) &&
         c_.u64(j["spin_steps"], p.member("spin_steps"), s.spin_steps) &&
         c_.u64(j["blocks"], p.member("blocks"), s.blocks) &&
         c_.nanos(j["clock_ns"], p.member("clock_ns"), s.clock);
}

// totals() checks that the counts agree: one event per step, and the run ended at its
// last step.
bool TraceMemberReader::totals(const JsonPath& p) {
  if (t_.stats.steps != t_.events.size()) {
    return c_.fail(p.member("stats").member("steps"),
                   std::to_string(t_.stats.steps) + ", but there are " +
                       std::to_string(t_.events.size()) + " events");
  }
  if (t_.outcome.step != t_.stats.steps) {
    return c_.fail(
        p.member("outcome").member("step"),
        std::to_string(t_.outcome.step) + ", but stats.steps is " + std::to_string(t_.stats.steps));
  }
  if (!t_.events.empty() && t_.stats.clock < t_.events.back().clock) {
    return c_.fail(p.member("stats").member("clock_ns"),
                   std::to_string(t_.stats.clock.count()) + " is earlier than the last step's " +
                       std::to_string(t_.events.back().clock.count()));
  }
  return true;
}

}  // namespace interleave
