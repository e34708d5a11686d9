#include "cli/replay_command.h"

#include <CLI/CLI.hpp>
#include <optional>
#include <sstream>

#include "cli/exit_codes.h"
#include "cli/scenario_lookup.h"
#include "cli/usage_error.h"
#include "scenarios/catalog.h"
#include "sim/policies/replay.h"
#include "sim/simulator.h"
#include "traces/export_text.h"
#include "traces/recorder.h"
#include "traces/trace_json.h"

namespace interleave {

CLI::App& add_replay_command(CLI::App& app, ReplayOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "replay", "Re-execute a trace's run and verify every step (exit 3 on the first divergence)");
  cmd->add_option("trace", o.trace, "Trace file written by `interleave run --trace`")->required();
  cmd->add_flag("--show", o.show, "Also print the replayed run as swimlanes");
  return *cmd;
}

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

}  // namespace

int run_replay(const ReplayOptions& o, std::ostream& out) {
  TraceReadResult read = read_trace_file(o.trace);
  if (!read.ok()) throw UsageError(o.trace + ": " + read.error);
  const Trace& recorded = *read.trace;

  const Scenario* scenario = builtin_scenarios().find(recorded.scenario);
  if (scenario == nullptr) {
    throw UsageError(o.trace + ": trace.scenario.name: unknown scenario '" + recorded.scenario +
                     "' (`interleave list` shows the built-in ones)");
  }
  std::vector<std::string> assignments;
  for (const auto& [name, value] : recorded.params) {
    assignments.push_back(name + "=" + std::to_string(value));
  }
  std::string error;
  const std::optional<Params> params = scenario->resolve(assignments, error);
  if (!params) throw UsageError(o.trace + ": trace.scenario.params: " + error);
  if (params->values().size() != recorded.params.size()) {
    throw UsageError(o.trace + ": trace.scenario.params: scenario " + scenario->name + " takes " +
                     std::to_string(params->values().size()) + " parameters, the trace names " +
                     std::to_string(recorded.params.size()));
  }

  Simulator sim(recorded.config);
  ReplayPolicy replay(recorded.schedule);
  TraceRecorder recorder(scenario->name, params->values(), recorded.policy, recorded.config);
  replay.begin_run();
  const RunResult result = sim.run(
      replay, [&] { scenario->body(sim, *params); }, &recorder);
  const Trace again = recorder.take(sim.schedule());

  if (o.show) out << export_text(again) << "\n";

  // The fibers and objects must be the same ones, by name and kind.
  for (std::size_t i = 0; i < std::min(recorded.fibers.size(), again.fibers.size()); ++i) {
    if (!(recorded.fibers[i] == again.fibers[i])) {
      out << "replay diverged: the trace's fiber " << i << " is '" << recorded.fibers[i].name
          << "', the run's is '" << again.fibers[i].name << "'\n";
      return kExitDiverged;
    }
  }
  for (std::size_t i = 0; i < std::min(recorded.objects.size(), again.objects.size()); ++i) {
    if (!(recorded.objects[i] == again.objects[i])) {
      out << "replay diverged: the trace's object " << i << " is " << recorded.objects[i].kind
          << " '" << recorded.objects[i].name << "', the run's is " << again.objects[i].kind << " '"
          << again.objects[i].name << "'\n";
      return kExitDiverged;
    }
  }

  // The first step that differs, comparing what the trace recorded with what happened.
  const std::size_t common = std::min(recorded.events.size(), again.events.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (!same_step(recorded.events[i], again.events[i])) {
      out << "replay diverged at step " << i << ": the trace recorded "
          << describe(recorded, recorded.events[i]) << ", the run did "
          << describe(again, again.events[i]) << "\n";
      return kExitDiverged;
    }
  }
  if (replay.diverged() || recorded.events.size() != again.events.size()) {
    out << "replay diverged at step " << common << ": "
        << (replay.diverged() ? replay.error()
                              : "the trace has " + std::to_string(recorded.events.size()) +
                                    " steps, the run " + std::to_string(again.events.size()))
        << "\n";
    return kExitDiverged;
  }
  if (!(result.outcome == recorded.outcome) || result.results != recorded.results) {
    out << "replay diverged at the end: the trace recorded " << to_string(recorded.outcome.status)
        << " (" << recorded.outcome.message << "), the run ended "
        << to_string(result.outcome.status) << " (" << result.outcome.message << ")\n";
    return kExitDiverged;
  }
  out << "replay matches the trace: " << again.events.size() << " steps of " << scenario->name
      << ", every step the same, ending " << to_string(result.outcome.status);
  if (!result.outcome.message.empty()) out << ": " << result.outcome.message;
  out << "\n";
  return kExitOk;
}

}  // namespace interleave
