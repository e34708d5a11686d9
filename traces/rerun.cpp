#include "traces/rerun.h"

#include <stdexcept>

#include "sim/policies/replay.h"
#include "traces/recorder.h"

namespace interleave {

Rerun rerun(const ScheduledRun& run, Recording recording) {
  Simulator sim(run.config);
  ReplayPolicy replay(std::vector<FiberId>(run.schedule.begin(), run.schedule.end()));
  replay.begin_run();
  Rerun again;
  if (recording == Recording::on) {
    TraceRecorder recorder(std::string(run.scenario), run.params, run.policy, run.config);
    again.result = sim.run(
        replay, [&] { run.body(sim); }, &recorder);
    again.trace = recorder.take(sim.schedule());
  } else {
    again.result = sim.run(replay, [&] { run.body(sim); });
  }
  again.left_schedule = replay.error();
  return again;
}

RunEnd run_end(const RunResult& result) {
  return RunEnd{result.outcome.status, result.outcome.message, result.results, result.outcome.step,
                result.stats};
}

RunEnd run_end(const OutcomeClass& outcome) {
  return RunEnd{outcome.status, outcome.message, outcome.results, std::nullopt, std::nullopt};
}

std::string not_repeated(const Rerun& again, const RunEnd& before) {
  const Outcome& ended = again.result.outcome;
  std::string why;
  if (!again.left_schedule.empty()) {
    why = again.left_schedule;
  } else if (ended.status != before.status || ended.message != before.message ||
             (before.step && ended.step != *before.step) ||
             again.result.results != before.results ||
             (before.stats && !(again.result.stats == *before.stats))) {
    why = "it ended " + std::string(to_string(ended.status)) +
          (ended.message.empty() ? "" : ": " + ended.message);
  } else {
    return {};
  }
  return "the scenario did not repeat its run when re-executed for its trace (" + why +
         "); it is probably not deterministic";
}

Trace repeated_trace(const ScheduledRun& run, const RunEnd& before) {
  Rerun again = rerun(run);
  const std::string problem = not_repeated(again, before);
  if (!problem.empty()) throw std::runtime_error(problem);
  return std::move(again.trace);
}

}  // namespace interleave
