#include "export/export_chrome.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "export/step_text.h"
#include "export/timeline.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kPid = 1;

double micros(Nanos t) {
  return static_cast<double>(t.count()) / 1000.0;
}

// An event of the output, kept with its time so that all of them can be put in time order.
struct Item {
  Nanos ts{0};
  Json json;
};

Json names(const Trace& t, const std::vector<FiberId>& fibers) {
  Json a = Json::array();
  for (FiberId f : fibers) a.push_back(fiber_label(t, f));
  return a;
}

Json metadata(const char* name, std::uint32_t tid, Json args) {
  return Json{{"name", name}, {"ph", "M"},  {"ts", 0},
              {"pid", kPid},  {"tid", tid}, {"args", std::move(args)}};
}

// Merges each fiber's consecutive slots in one state into one span.
void add_spans(const Timeline& tl, std::vector<Item>& out) {
  for (std::size_t f = 0; f < tl.fiber_count; ++f) {
    std::size_t s = 0;
    while (s < tl.slots.size()) {
      const LaneState state = tl.state(s, f);
      std::size_t e = s;
      while (e + 1 < tl.slots.size() && tl.state(e + 1, f) == state) ++e;
      if (state != LaneState::unborn && state != LaneState::exited) {
        const Nanos begin = tl.slots[s].begin;
        const Nanos end = tl.slots[e].end;
        Json args = {{"first_step", tl.slots[s].event}, {"last_step", tl.slots[e].event}};
        if (state == LaneState::running || state == LaneState::spinning) {
          std::size_t steps = 0;
          for (std::size_t k = s; k <= e; ++k) steps += tl.slots[k].gap ? 0 : 1;
          args["steps"] = steps;
        }
        out.push_back(Item{begin, Json{{"name", std::string(to_string(state))},
                                       {"cat", "state"},
                                       {"ph", "X"},
                                       {"ts", micros(begin)},
                                       {"dur", micros(end - begin)},
                                       {"pid", kPid},
                                       {"tid", f},
                                       {"args", std::move(args)}}});
      }
      s = e + 1;
    }
  }
}

// One instant per run of steps: what the step did, on the fiber's track.
void add_instants(const Trace& t, const Timeline& tl, std::vector<Item>& out) {
  for (const StepRun& run : tl.runs) {
    const TraceEvent& e = t.events[run.first];
    std::string name(op_name(e));
    const std::string target = step_target(t, e);
    if (!target.empty()) name += " " + target;
    Json args;
    args["step"] = e.step;
    args["op"] = std::string(op_name(e));
    if (e.object != kNoObject) args["object"] = object_label(t, e.object);
    if (e.word != kNoObject) args["word"] = object_label(t, e.word);
    if (e.other) args["other"] = fiber_label(t, *e.other);
    if (e.read) args["read"] = *e.read;
    if (e.written) args["written"] = *e.written;
    if (!e.woken.empty()) args["woken"] = names(t, e.woken);
    args["notes"] = e.notes;
    args["spinning"] = static_cast<bool>(tl.spins[run.first]);
    args["reason"] = std::string(to_string(e.reason));
    args["runnable"] = names(t, e.runnable);
    args["clock"] = time_label(e.clock);
    if (run.count > 1) {
      args["repeat"] = run.count;
      args["last_step"] = t.events[run.first + run.count - 1].step;
    }
    out.push_back(Item{e.clock, Json{{"name", name},
                                     {"cat", "step"},
                                     {"ph", "i"},
                                     {"s", "t"},
                                     {"ts", micros(e.clock)},
                                     {"pid", kPid},
                                     {"tid", index(e.fiber)},
                                     {"args", std::move(args)}}});
  }
}

// A flow arrow from each waking step to the woken fiber's next step.
void add_flows(const Trace& t, const Timeline& tl, std::vector<Item>& out) {
  auto middle = [&](std::size_t event) {
    const TimelineSlot& s = tl.slots[tl.step_slot[event]];
    return s.begin + (s.end - s.begin) / 2;
  };
  std::vector<std::vector<const Wakeup*>> pending(tl.fiber_count);
  std::size_t next_wakeup = 0;
  std::uint64_t id = 0;
  for (std::size_t j = 0; j < t.events.size(); ++j) {
    const std::size_t f = index(t.events[j].fiber);
    if (f < pending.size()) {
      for (const Wakeup* w : pending[f]) {
        const std::string name = w->kind == WakeKind::spawn ? "spawn" : "wake";
        const std::uint32_t from = index(*w->waker);
        ++id;
        const Nanos ts_from = middle(w->event);
        const Nanos ts_to = middle(j);
        out.push_back(Item{ts_from, Json{{"name", name},
                                         {"cat", "wakeup"},
                                         {"ph", "s"},
                                         {"id", id},
                                         {"ts", micros(ts_from)},
                                         {"pid", kPid},
                                         {"tid", from}}});
        out.push_back(Item{ts_to, Json{{"name", name},
                                       {"cat", "wakeup"},
                                       {"ph", "f"},
                                       {"bp", "e"},
                                       {"id", id},
                                       {"ts", micros(ts_to)},
                                       {"pid", kPid},
                                       {"tid", f}}});
      }
      pending[f].clear();
    }
    // Wake-ups made by step j take effect after it.
    while (next_wakeup < tl.wakeups.size() && tl.wakeups[next_wakeup].event == j) {
      const Wakeup& w = tl.wakeups[next_wakeup++];
      if (w.kind != WakeKind::timer && w.waker && index(w.woken) < pending.size()) {
        pending[index(w.woken)].push_back(&w);
      }
    }
  }
}

// dump(j) is compact JSON; bytes that are not UTF-8 (a name given by a program) become U+FFFD.
std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string export_chrome(const Trace& t) {
  const Timeline tl = build_timeline(t);
  Json events = Json::array();
  std::string title = "interleave: " + t.scenario + " under " + t.policy.name;
  events.push_back(metadata("process_name", 0, Json{{"name", title}}));
  for (const TraceFiber& f : t.fibers) {
    events.push_back(metadata("thread_name", index(f.id), Json{{"name", f.name}}));
    events.push_back(metadata("thread_sort_index", index(f.id), Json{{"sort_index", index(f.id)}}));
  }

  std::vector<Item> items;
  add_spans(tl, items);
  add_instants(t, tl, items);
  add_flows(t, tl, items);
  const Nanos end = tl.slots.empty() ? Nanos{0} : tl.slots.back().end;
  if (t.outcome.status != Status::ok) {
    std::string name(to_string(t.outcome.status));
    if (!t.outcome.message.empty()) name += ": " + t.outcome.message;
    items.push_back(Item{end, Json{{"name", name},
                                   {"cat", "outcome"},
                                   {"ph", "i"},
                                   {"s", "g"},
                                   {"ts", micros(end)},
                                   {"pid", kPid},
                                   {"tid", 0},
                                   {"args", {{"step", t.outcome.step}}}}});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.ts < b.ts; });
  for (Item& item : items) events.push_back(std::move(item.json));

  Json params = Json::object();
  for (const auto& [name, value] : t.params) params[name] = value;
  Json policy_params = Json::object();
  for (const auto& [name, value] : t.policy.params) policy_params[name] = value;
  std::string out = "{\"traceEvents\": [";
  for (std::size_t i = 0; i < events.size(); ++i) {
    out += i == 0 ? "\n  " : ",\n  ";
    out += dump(events[i]);
  }
  out += "\n ],\n \"displayTimeUnit\": \"ns\",\n \"otherData\": ";
  out += dump(Json{{"generator", "interleave export --format chrome"},
                   {"scenario", t.scenario},
                   {"params", params},
                   {"policy", t.policy.name},
                   {"policy_params", policy_params},
                   {"status", std::string(to_string(t.outcome.status))},
                   {"message", t.outcome.message},
                   {"steps", t.stats.steps},
                   {"virtual_time", time_label(t.stats.clock)}});
  out += "\n}\n";
  return out;
}

}  // namespace interleave
