#include "cli/replay_command.h"

#include <optional>

#include "cli/exit_codes.h"
#include "cli/scenario_lookup.h"
#include "cli/usage_error.h"
#include "scenarios/catalog.h"
#include "sim/simulator.h"
#include "traces/export_text.h"
#include "traces/trace_json.h"
#include "traces/trace_replay.h"

namespace interleave {

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
