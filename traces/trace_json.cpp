#include "traces/trace_json.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "sim/schedule.h"
#include "traces/result_json.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

Json fiber_list(const std::vector<FiberId>& fibers) {
  Json a = Json::array();
  for (FiberId f : fibers) a.push_back(index(f));
  return a;
}

Json event_json(const TraceEvent& e) {
  Json j;
  j["step"] = e.step;
  j["clock_ns"] = e.clock.count();
  j["fiber"] = index(e.fiber);
  j["op"] = std::string(to_string(e.op));
  if (e.object != kNoObject) j["object"] = index(e.object);
  if (e.word != kNoObject) j["word"] = index(e.word);
  if (e.other) j["other"] = index(*e.other);
  if (e.read) j["read"] = *e.read;
  if (e.written) j["written"] = *e.written;
  if (!e.woken.empty()) j["woken"] = fiber_list(e.woken);
  j["reason"] = std::string(to_string(e.reason));
  j["runnable"] = fiber_list(e.runnable);
  if (!e.notes.empty()) j["notes"] = e.notes;
  return j;
}

}  // namespace

std::string to_json(const Trace& t) {
  std::string out = "{\n";
  auto field = [&](const char* key, const Json& value, bool last = false) {
    out += " ";
    out += Json(key).dump();
    out += ": ";
    out += value.dump();
    out += last ? "\n" : ",\n";
  };
  field("format", std::string(Trace::kFormat));
  field("version", Trace::kVersion);
  Json params = Json::object();
  for (const auto& [name, value] : t.params) params[name] = value;
  field("scenario", Json{{"name", t.scenario}, {"params", params}});
  Json policy_params = Json::object();
  for (const auto& [name, value] : t.policy.params) policy_params[name] = value;
  field("policy", Json{{"name", t.policy.name}, {"params", policy_params}});
  field("config", Json{{"step_cost_ns", t.config.step_cost.count()},
                       {"switch_cost_ns", t.config.switch_cost.count()},
                       {"max_steps", t.config.max_steps},
                       {"stack_size", t.config.stack_size}});
  Json fibers = Json::array();
  for (const TraceFiber& f : t.fibers) {
    fibers.push_back({{"id", index(f.id)}, {"name", f.name}, {"parent", index(f.parent)}});
  }
  field("fibers", fibers);
  Json objects = Json::array();
  for (const TraceObject& o : t.objects) {
    objects.push_back({{"id", index(o.id)}, {"kind", o.kind}, {"name", o.name}});
  }
  field("objects", objects);
  field("schedule", format_schedule(t.schedule));
  out += " \"events\": [";
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    out += i == 0 ? "\n  " : ",\n  ";
    out += event_json(t.events[i]).dump();
  }
  out += t.events.empty() ? "],\n" : "\n ],\n";
  field("outcome", Json{{"status", std::string(to_string(t.outcome.status))},
                        {"message", t.outcome.message},
                        {"step", t.outcome.step}});
  field("results", results_to_json(t.results));
  field("stats", stats_to_json(t.stats), true);
  out += "}\n";
  return out;
}

void write_trace_file(const Trace& trace, const std::string& path) {
  const std::string text = to_json(trace);
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) {
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const bool flushed = std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!written || !flushed || !closed) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(err));
  }
}

}  // namespace interleave
