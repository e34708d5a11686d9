#include "traces/trace_replay.h"

#include <algorithm>
#include <sstream>
#include <utility>

#include "traces/rerun.h"
#include "traces/result_text.h"

namespace interleave {
namespace {

// describe(t, e) is one step in words: "t3 load total (read 3)".
std::string describe(const Trace& t, const TraceEvent& e) {
  std::ostringstream s;
  s << (index(e.fiber) < t.fibers.size() ? t.fibers[index(e.fiber)].name : "fiber ?") << " "
    << to_string(e.op);
  if (e.object != kNoObject && index(e.object) < t.objects.size()) {
    s << " " << t.objects[index(e.object)].name;
  }
  if (e.other && index(*e.other) < t.fibers.size()) s << " " << t.fibers[index(*e.other)].name;
  if (e.read) s << " (read " << *e.read << ")";
  if (e.written) s << " (wrote " << *e.written << ")";
  return s.str();
}

bool same_step(const TraceEvent& a, const TraceEvent& b) {
  return a.fiber == b.fiber && a.op == b.op && a.object == b.object && a.word == b.word &&
         a.other == b.other && a.read == b.read && a.written == b.written && a.woken == b.woken &&
         a.runnable == b.runnable && a.clock == b.clock;
}

// results_difference(recorded, again) names the first result that differs, with both values.
std::string results_difference(const Results& recorded, const Results& again) {
  auto find = [](const Results& r, const std::string& name) -> const ResultValue* {
    for (const auto& [n, v] : r) {
      if (n == name) return &v;
    }
    return nullptr;
  };
  for (const auto& [name, value] : recorded) {
    const ResultValue* other = find(again, name);
    if (other == nullptr) {
      return "the trace recorded result " + name + " = " + format_value(value) +
             ", the run did not report " + name;
    }
    if (!(*other == value)) {
      return "result " + name + " is " + format_value(value) + " in the trace, " +
             format_value(*other) + " in the run";
    }
  }
  for (const auto& [name, value] : again) {
    if (find(recorded, name) == nullptr) {
      return "the run reported result " + name + " = " + format_value(value) +
             ", which the trace does not have";
    }
  }
  return "the results are reported in another order: the trace has " + format_results(recorded) +
         ", the run " + format_results(again);
}

// first_difference(recorded, again, left_schedule, result) is the divergence line, or empty;
// left_schedule is how the run left the trace's schedule (empty when it did not).
std::string first_difference(const Trace& recorded, const Trace& again,
                             const std::string& left_schedule, const RunResult& result) {
  std::ostringstream out;
  // The fibers and objects must be the same ones, by name and kind.
  for (std::size_t i = 0; i < std::min(recorded.fibers.size(), again.fibers.size()); ++i) {
    if (!(recorded.fibers[i] == again.fibers[i])) {
      out << "replay diverged: the trace's fiber " << i << " is '" << recorded.fibers[i].name
          << "', the run's is '" << again.fibers[i].name << "'";
      return out.str();
    }
  }
  for (std::size_t i = 0; i < std::min(recorded.objects.size(), again.objects.size()); ++i) {
    if (!(recorded.objects[i] == again.objects[i])) {
      out << "replay diverged: the trace's object " << i << " is " << recorded.objects[i].kind
          << " '" << recorded.objects[i].name << "', the run's is " << again.objects[i].kind << " '"
          << again.objects[i].name << "'";
      return out.str();
    }
  }

  // The first step that differs, comparing what the trace recorded with what happened.
  const std::size_t common = std::min(recorded.events.size(), again.events.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (!same_step(recorded.events[i], again.events[i])) {
      out << "replay diverged at step " << i << ": the trace recorded "
          << describe(recorded, recorded.events[i]) << ", the run did "
          << describe(again, again.events[i]);
      return out.str();
    }
  }
  if (!left_schedule.empty() || recorded.events.size() != again.events.size()) {
    out << "replay diverged at step " << common << ": "
        << (!left_schedule.empty() ? left_schedule
                                   : "the trace has " + std::to_string(recorded.events.size()) +
                                         " steps, the run " + std::to_string(again.events.size()));
    return out.str();
  }
  if (!(result.outcome == recorded.outcome)) {
    out << "replay diverged at the end: the trace recorded " << to_string(recorded.outcome.status)
        << " (" << recorded.outcome.message << "), the run ended "
        << to_string(result.outcome.status) << " (" << result.outcome.message << ")";
    return out.str();
  }
  if (result.results != recorded.results) {
    out << "replay diverged at the end: " << results_difference(recorded.results, result.results);
    return out.str();
  }
  return {};
}

}  // namespace

ReplayReport replay_trace(const Trace& recorded, const std::function<void(Simulator&)>& body) {
  Rerun again = rerun(ScheduledRun{recorded.scenario, recorded.params, body, recorded.config,
                                   recorded.policy, recorded.schedule});
  ReplayReport report;
  report.result = std::move(again.result);
  report.again = std::move(again.trace);
  report.divergence = first_difference(recorded, report.again, again.left_schedule, report.result);
  return report;
}

}  // namespace interleave
