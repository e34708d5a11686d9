#include "cli/run_command.h"

#include <functional>
#include <optional>
#include <sstream>

#include "cli/duration.h"
#include "cli/exit_codes.h"
#include "cli/option_checks.h"
#include "cli/program.h"
#include "cli/result_format.h"
#include "cli/trace_output.h"
#include "cli/usage_error.h"
#include "export/export_text.h"
#include "report/run_summary.h"
#include "sim/policies/policy_factory.h"
#include "sim/policies/replay.h"
#include "sim/run_until_failure.h"
#include "sim/schedule.h"
#include "sim/simulator.h"
#include "traces/record_run.h"

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
  if (o.granularity != RunOptions{}.granularity) s << " --granularity " << o.granularity;
  return s.str();
}

// refuse_unused_flags(o, replaying, seeded) refuses a flag that would do nothing here, as a user
// who gives one expects it to matter.
void refuse_unused_flags(const RunOptions& o, bool replaying, bool seeded) {
  const std::string why = replaying ? "--schedule replays a schedule" : "--policy is " + o.policy;
  auto refuse = [&](const char* flag, const char* applies) {
    throw UsageError(std::string(flag) + " does nothing here: " + why + ", and " + flag +
                     " applies to " + applies + "; drop it");
  };
  if (o.seed_given && (replaying || !seeded)) refuse("--seed", "random and pct");
  if (o.quantum_given && (replaying || o.policy != "rr")) refuse("--quantum", "rr");
  if (o.depth_given && (replaying || o.policy != "pct")) refuse("--depth", "pct");
  if (o.pct_steps_given && (replaying || o.policy != "pct")) refuse("--pct-steps", "pct");
  if (o.show && o.json)
    throw UsageError("--show prints swimlanes beside the summary; with --json, drop it");
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
  const ScenarioChoice choice = choose_scenario(program, o.scenario, o.params);
  const Scenario& scenario = choice.scenario;
  const Params& params = choice.params;

  if (!o.trace.empty()) check_output_or_throw(o.trace);  // before the run, not after it

  const RunConfig config = run_config(o.max_steps, o.step_cost, o.granularity);

  std::string error;
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
  spec.quantum = duration_flag("--quantum", o.quantum, Nanos{1}, Nanos{3'600'000'000'000});
  if (!replaying && !make_policy(spec, error)) throw UsageError(error);
  const bool seeded = o.policy == "random" || o.policy == "pct";
  refuse_unused_flags(o, replaying, seeded);
  if (o.runs > 1 && o.seed > UINT64_MAX - (o.runs - 1)) {
    throw UsageError("--seed " + std::to_string(o.seed) + " with --runs " + std::to_string(o.runs) +
                     " would go past the greatest seed, 18446744073709551615; start at " +
                     std::to_string(UINT64_MAX - (o.runs - 1)) + " or below");
  }
  if (o.runs > 1 && !seeded && !replaying) {
    throw UsageError("--runs needs a seeded policy (random or pct); " + o.policy +
                     " gives the same run every time");
  }

  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, params); };
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
  summary.params = params.values();
  summary.policy = reported.policy;
  summary.seed = reported.seed;
  summary.outcome = reported.result.outcome;
  summary.results = reported.result.results;
  summary.stats = reported.result.stats;
  summary.schedule = format_schedule(reported.schedule);
  summary.reproduce = reproduce_line(o, program, scenario, params, reported);
  summary.runs = reported.runs;

  std::string shown;
  if (!o.trace.empty() || o.show) {
    Trace trace;
    try {
      trace = record_trace(TraceRequest{scenario, params, config, reported.policy,
                                        reported.schedule, reported.result});
    } catch (const std::runtime_error& e) {
      throw UsageError(scenario.name + ": " + e.what());
    }
    trace.program = program.recorder();
    if (!o.trace.empty()) {
      write_trace_or_throw(trace, o.trace, out);
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
