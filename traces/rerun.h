#pragma once
// Re-executing a run that already happened: its program is run again along its schedule (a run
// is deterministic), with a recorder attached when its trace is wanted, and the one check that
// the run was repeated, with the one message that says the scenario is not deterministic.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../sim/config.h"
#include "../sim/outcome.h"
#include "../sim/policy.h"
#include "../sim/simulator.h"
#include "trace.h"

namespace interleave {

// A schedule to re-execute: the program, its settings and the decisions. It refers to the
// caller's params and body, which must outlive the rerun() it is given to.
struct ScheduledRun {
  std::string_view scenario;                                        // the name the trace carries
  const std::vector<std::pair<std::string, std::int64_t>>& params;  // recorded as given
  const std::function<void(Simulator&)>& body;                      // the program, as fiber 0
  RunConfig config;
  PolicyInfo policy;                  // the policy that chose the schedule (recorded as is)
  std::span<const FiberId> schedule;  // the fiber of every step
};

// Whether a re-executed run is recorded (Rerun::trace), or only run.
enum class Recording : std::uint8_t { on, off };

// A re-executed run: how it ended, its trace, and how it left its schedule.
struct Rerun {
  RunResult result;           // how the re-executed run ended
  Trace trace;                // the run's trace when it was recorded; empty otherwise
  std::string left_schedule;  // how the run left its schedule (ReplayPolicy::error()); empty
                              // when it followed the schedule to its end
};

// rerun(run, recording) re-executes run.body as fiber 0 along run.schedule under run.config,
// with a TraceRecorder attached unless recording is off. It does not judge the run: left_schedule
// says whether it followed the schedule, and not_repeated() whether it ended as before.
Rerun rerun(const ScheduledRun& run, Recording recording = Recording::on);

// How a run ended the first time, as far as the one who asks for it again knows: a search's
// outcome class has no step count and no stats (run_end() in explore_witness.h), a run's result
// has everything.
struct RunEnd {
  Status status = Status::ok;         // the outcome's status
  std::string message;                // the outcome's message
  Results results;                    // what the run reported
  std::optional<std::uint64_t> step;  // Outcome::step, when known
  std::optional<Stats> stats;         // when known
};

// run_end(result) is everything result says of its end.
RunEnd run_end(const RunResult& result);

// not_repeated(again, before) is empty when again followed its schedule and ended as before, in
// every field before knows; otherwise the one message "the scenario did not repeat its run when
// re-executed for its trace (WHY); it is probably not deterministic", where WHY is how the run
// left its schedule or the first field that differs, with both values ("it reported total = 4
// where the first run reported total = 3").
std::string not_repeated(const Rerun& again, const RunEnd& before);

// repeated_trace(run, before) is the trace of rerun(run); throws std::runtime_error with
// not_repeated()'s message when the run was not repeated.
Trace repeated_trace(const ScheduledRun& run, const RunEnd& before);

}  // namespace interleave
