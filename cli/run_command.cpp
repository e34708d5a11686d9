#include "cli/run_command.h"

#include <functional>
#include <optional>
#include <sstream>

#include "cli/duration.h"
#include "cli/exit_codes.h"
#include "cli/program.h"
#include "cli/result_format.h"
#include "cli/trace_output.h"
#include "cli/usage_error.h"
#include "sim/policies/policy_factory.h"
#include "sim/policies/replay.h"
#include "sim/run_until_failure.h"
#include "sim/schedule.h"
#include "sim/simulator.h"
#include "traces/export_text.h"
#include "traces/run_summary.h"

namespace interleave {

namespace {

using Reported = SeededRun;

std::string reproduce_line(const RunOptions& o, const Program& program, const Scenario& scenario,
                           const Params& params, const Reported& r) {
  std::ostringstream s;
  s << program.name << " run " << scenario.name;
  for (std::size_t i = 0; i < params.values().size(); ++i) {
    const auto& [name, value] = params.values()[i];
    if (value != scenario.params[i].default_value) s << " --param " << name << "=" << value;
  }
  if (!o.schedule.empty()) {
    s << " --schedule " << o.schedule;
  } else {
    s << " --policy " << o.policy;
    if (r.seed) s << " --seed " << *r.seed;
    if (o.policy == "rr") s << " --quantum " << o.quantum;
    if (o.policy == "pct") {
      s << " --depth " << o.depth;
      if (o.pct_steps != 0) s << " --pct-steps " << o.pct_steps;
    }
  }
  if (o.max_steps != RunOptions{}.max_steps) s << " --max-steps " << o.max_steps;
  if (o.step_cost != RunOptions{}.step_cost) s << " --step-cost " << o.step_cost;
  return s.str();
}

int exit_code_for(Status status) {
  switch (status) {
    case Status::ok:
      return kExitOk;
    case Status::cut:
      return kExitUsage;
    default:
      return kExitFailed;
  }
}

}  // namespace

int run_run(const RunOptions& o, const Program& program, std::ostream& out, std::ostream& err) {
  const Scenario& scenario = program.find_or_throw(o.scenario);
  std::string error;
  const std::optional<Params> params = scenario.resolve(o.params, error);
  if (!params) throw UsageError(error);

  RunConfig config;
  config.max_steps = o.max_steps;
  const auto step_cost = parse_duration(o.step_cost);
  if (!step_cost) throw UsageError("--step-cost '" + o.step_cost + "' is not a duration like 1us");
  config.step_cost = *step_cost;

  const bool replaying = !o.schedule.empty();
  std::vector<FiberId> decisions;
  if (replaying) {
    if (o.policy_given) throw UsageError("--schedule replays a schedule; drop --policy");
    if (o.runs != 1) throw UsageError("--schedule replays one run; drop --runs");
    auto parsed = parse_schedule(o.schedule, error);
    if (!parsed) throw UsageError("--schedule: " + error);
    decisions = std::move(*parsed);
  }
  PolicySpec spec;
  spec.name = o.policy;
  spec.seed = o.seed;
  spec.depth = o.depth;
  spec.steps = o.pct_steps;
  const auto quantum = parse_duration(o.quantum);
  if (!quantum || quantum->count() == 0) {
    throw UsageError("--quantum '" + o.quantum + "' is not a positive duration like 10ms");
  }
  spec.quantum = *quantum;
  if (!replaying && !make_policy(spec, error)) throw UsageError(error);
  const bool seeded = o.policy == "random" || o.policy == "pct";
  if (o.runs > 1 && !seeded && !replaying) {
    throw UsageError("--runs needs a seeded policy (random or pct); " + o.policy +
                     " gives the same run every time");
  }

  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, *params); };
  Reported reported;
  if (replaying) {
    Simulator sim(config);
    ReplayPolicy replay(decisions);
    replay.begin_run();
    reported.result = sim.run(replay, [&] { body(sim); });
    reported.schedule.assign(sim.schedule().begin(), sim.schedule().end());
    reported.policy = replay.info();
    reported.runs = 1;
    if (replay.diverged()) {
      throw UsageError("--schedule does not fit this scenario: " + replay.error());
    }
  } else {
    reported = run_until_failure(body, config, spec, o.runs);
  }

  RunSummary summary;
  summary.scenario = scenario.name;
  summary.params = params->values();
  summary.policy = reported.policy;
  summary.seed = reported.seed;
  summary.outcome = reported.result.outcome;
  summary.results = reported.result.results;
  summary.stats = reported.result.stats;
  summary.schedule = format_schedule(reported.schedule);
  summary.reproduce = reproduce_line(o, program, scenario, *params, reported);
  summary.runs = reported.runs;

  std::string shown;
  if (!o.trace.empty() || o.show) {
    Trace trace;
    try {
      trace = record_trace(TraceRequest{scenario, *params, config, reported.policy,
                                        reported.schedule, reported.result});
    } catch (const std::runtime_error& e) {
      throw UsageError(scenario.name + ": " + e.what());
    }
    trace.program = program.recorder();
    if (!o.trace.empty()) {
      write_trace_or_throw(trace, o.trace);
      summary.trace = o.trace;
    }
    if (o.show) shown = export_text(trace);
  }

  if (o.json) {
    out << run_summary_json(summary);
  } else {
    if (!shown.empty()) out << shown << "\n";
    print_summary(summary, out);
  }
  (void)err;
  return exit_code_for(summary.outcome.status);
}

}  // namespace interleave
