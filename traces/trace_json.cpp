#include "traces/trace_json.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "sim/schedule.h"
#include "traces/output_file.h"
#include "traces/result_json.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

// dump(j) is j on one line. Strings that are not valid UTF-8 (a fiber name made of raw bytes)
// get U+FFFD instead of throwing; reading and writing again then gives the same bytes.
std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json fiber_list(const std::vector<FiberId>& fibers) {
  Json a = Json::array();
  for (FiberId f : fibers) a.push_back(index(f));
  return a;
}

Json object_id(ObjectId o) {
  return o == kNoObject ? Json(-1) : Json(index(o));
}

Json event_json(const TraceEvent& e) {
  Json j;
  j["step"] = e.step;
  j["clock_ns"] = e.clock.count();
  j["fiber"] = index(e.fiber);
  j["op"] = std::string(to_string(e.op));
  if (e.op == OpKind::call) j["call"] = std::string(to_string(e.call));
  j["object"] = object_id(e.object);
  if (e.word != kNoObject) j["word"] = index(e.word);
  if (e.other) j["other"] = index(*e.other);
  if (e.read) j["read"] = *e.read;
  if (e.written) j["written"] = *e.written;
  if (!e.woken.empty()) j["woken"] = fiber_list(e.woken);
  j["runnable"] = fiber_list(e.runnable);
  j["reason"] = std::string(to_string(e.reason));
  if (!e.notes.empty()) j["notes"] = e.notes;
  return j;
}

Json int_map(const std::vector<std::pair<std::string, std::int64_t>>& values) {
  Json j = Json::object();
  for (const auto& [name, value] : values) j[name] = value;
  return j;
}

// Writes the top-level members of a trace, one space deep; arrays of records get one record
// per line, two spaces deep.
class TopLevel {
 public:
  explicit TopLevel(std::string& out) : out_(out) { out_ += "{\n"; }

  // field(key, value) writes one member on one line.
  void field(const char* key, const Json& value) {
    open(key);
    out_ += dump(value);
  }
  // list(key, items) writes an array member with one item per line.
  template <class T, class F>
  void list(const char* key, const std::vector<T>& items, F to_json_item) {
    open(key);
    if (items.empty()) {
      out_ += "[]";
      return;
    }
    out_ += "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out_ += i == 0 ? "\n  " : ",\n  ";
      out_ += dump(to_json_item(items[i]));
    }
    out_ += "\n ]";
  }
  // close() ends the object.
  void close() { out_ += "\n}\n"; }

 private:
  void open(const char* key) {
    out_ += first_ ? " " : ",\n ";
    first_ = false;
    out_ += dump(Json(key));
    out_ += ": ";
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace

std::string to_json(const Trace& t) {
  std::string out;
  out.reserve(1024 + 160 * t.events.size());
  TopLevel top(out);
  top.field("format", std::string(Trace::kFormat));
  top.field("version", t.version());
  Json scenario{{"name", t.scenario}, {"params", int_map(t.params)}};
  if (!t.program.empty()) scenario["program"] = t.program;
  top.field("scenario", scenario);
  top.field("policy", Json{{"name", t.policy.name}, {"params", int_map(t.policy.params)}});
  Json config{{"step_cost_ns", t.config.step_cost.count()},
              {"switch_cost_ns", t.config.switch_cost.count()},
              {"max_steps", t.config.max_steps},
              {"stack_size", t.config.stack_size}};
  if (t.version() >= 2) config["granularity"] = std::string(to_string(t.config.granularity));
  top.field("config", config);
  top.list("fibers", t.fibers, [](const TraceFiber& f) {
    return Json{{"id", index(f.id)}, {"name", f.name}, {"parent", index(f.parent)}};
  });
  top.list("objects", t.objects, [](const TraceObject& o) {
    return Json{{"id", index(o.id)}, {"kind", o.kind}, {"name", o.name}};
  });
  top.field("schedule", format_schedule(t.schedule));
  top.list("events", t.events, event_json);
  top.field("outcome", Json{{"status", std::string(to_string(t.outcome.status))},
                            {"message", t.outcome.message},
                            {"step", t.outcome.step}});
  top.field("results", results_to_json(t.results));
  top.field("stats", stats_to_json(t.stats));
  top.close();
  return out;
}

void write_trace_file(const Trace& trace, const std::string& path) {
  write_output_file(to_json(trace), path);
}

}  // namespace interleave
