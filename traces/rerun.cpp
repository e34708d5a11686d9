#include "traces/rerun.h"

#include <stdexcept>
#include <string>
#include <utility>

#include "sim/policies/replay.h"
#include "traces/recorder.h"
#include "traces/result_text.h"

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

namespace {

// ending(status, message) is how a run ended, in words: "failed: lost update", "ok".
std::string ending(Status status, const std::string& message) {
  return std::string(to_string(status)) + (message.empty() ? "" : ": " + message);
}

// stats_difference(again, before) names the first count that differs between two runs' stats.
std::string stats_difference(const Stats& again, const Stats& before) {
  const std::pair<const char*, std::pair<std::uint64_t, std::uint64_t>> counts[] = {
      {"context switches", {again.context_switches, before.context_switches}},
      {"preemptions", {again.preemptions, before.preemptions}},
      {"spin steps", {again.spin_steps, before.spin_steps}},
      {"blocks", {again.blocks, before.blocks}},
  };
  for (const auto& [name, values] : counts) {
    if (values.first != values.second) {
      return std::to_string(values.first) + " " + name + " where the first run had " +
             std::to_string(values.second);
    }
  }
  return "its clock ended at " + std::to_string(again.clock.count()) +
         " ns where the first run's ended at " + std::to_string(before.clock.count()) + " ns";
}

// difference(again, before) names the first way the re-executed run ended differently, or is
// empty when it ended as before in every field before knows.
std::string difference(const RunResult& again, const RunEnd& before) {
  const Outcome& ended = again.outcome;
  if (ended.status != before.status || ended.message != before.message) {
    return "it ended " + ending(ended.status, ended.message) + " where the first run ended " +
           ending(before.status, before.message);
  }
  if (again.results != before.results) {
    return "it reported " + format_results(again.results) + " where the first run reported " +
           format_results(before.results);
  }
  if (before.step && ended.step != *before.step) {
    return "it ended after " + std::to_string(ended.step) +
           " steps where the first run ended after " + std::to_string(*before.step);
  }
  if (before.stats && !(again.stats == *before.stats)) {
    return "it ended " + ending(ended.status, ended.message) + " with " +
           stats_difference(again.stats, *before.stats);
  }
  return {};
}

}  // namespace

std::string not_repeated(const Rerun& again, const RunEnd& before) {
  std::string why =
      again.left_schedule.empty() ? difference(again.result, before) : again.left_schedule;
  if (why.empty()) return {};
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
