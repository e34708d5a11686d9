#include "cli/replay_command.h"

#include <optional>

#include "cli/exit_codes.h"
#include "cli/option_checks.h"
#include "cli/program.h"
#include "cli/usage_error.h"
#include "export/export_text.h"
#include "sim/simulator.h"
#include "traces/trace_replay.h"

namespace interleave {

namespace {

// unknown_scenario(path, recorded, program) is the refusal of a trace whose scenario program does
// not know: it says which program recorded the trace, and how to replay it there.
UsageError unknown_scenario(const std::string& path, const Trace& recorded,
                            const Program& program) {
  std::string msg =
      path + ": trace.scenario.name: unknown scenario '" + recorded.scenario + "': it is not ";
  msg += program.stock ? "built into interleave" : "registered in " + program.name;
  if (!recorded.program.empty() && recorded.program != program.name) {
    msg += "; the trace was recorded by " + recorded.program + ": replay it with `" +
           recorded.program + " replay " + path + "`";
  } else if (recorded.program.empty() && !program.stock) {
    msg += "; `" + program.name +
           " list` shows the ones it knows (a trace of a built-in scenario "
           "replays with `interleave replay " +
           path + "`)";
  } else {
    msg +=
        "; replay it with the program that registers it (a program calling "
        "interleave::cli_main): `PROGRAM replay " +
        path + "`";
  }
  return UsageError(msg);
}

}  // namespace

int run_replay(const ReplayOptions& o, const Program& program, std::ostream& out) {
  const Trace recorded = read_trace_or_throw(o.trace);

  const Scenario* scenario = program.scenarios->find(recorded.scenario);
  if (scenario == nullptr) throw unknown_scenario(o.trace, recorded, program);
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

  const ReplayReport report =
      replay_trace(recorded, [&](Simulator& sim) { scenario->body(sim, *params); });
  if (o.show) out << export_text(report.again) << "\n";
  if (!report.matches()) {
    out << report.divergence << "\n";
    return kExitDiverged;
  }
  const RunResult& result = report.result;
  out << "replay matches the trace: " << report.again.events.size() << " steps of "
      << scenario->name << ", every step the same, ending " << to_string(result.outcome.status);
  if (!result.outcome.message.empty()) out << ": " << result.outcome.message;
  out << "\n";
  return kExitOk;
}

}  // namespace interleave
