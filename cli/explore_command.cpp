#include "cli/explore_command.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <optional>
#include <stdexcept>

#include "cli/duration.h"
#include "cli/explore_checkpoint.h"
#include "cli/explore_report.h"
#include "cli/explore_shard.h"
#include "cli/interrupts.h"
#include "cli/option_checks.h"
#include "cli/program.h"
#include "cli/usage_error.h"
#include "report/explore_summary.h"
#include "sim/explore/explore.h"
#include "traces/explore_witness.h"

namespace interleave {

namespace {

// The progress line rewritten on a terminal's stderr: "\r", clear to the end of the line, text.
class ProgressLine {
 public:
  explicit ProgressLine(std::ostream& err) : err_(err) {}
  void show(const ExploreProgress& p) {
    const double rate = p.seconds > 0 ? static_cast<double>(p.runs) / p.seconds : 0;
    err_ << "\r\033[K"
         << "explore: " << p.runs << " runs, " << std::llround(rate) << " runs/s, depth "
         << p.max_depth << ", " << p.failures << (p.failures == 1 ? " failure" : " failures");
    if (bounded_) err_ << ", preemption bound " << p.bound_level;
    err_ << std::flush;
    shown_ = true;
  }
  void clear() {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }
  void set_bounded(bool bounded) { bounded_ = bounded; }

 private:
  std::ostream& err_;
  bool shown_ = false;
  bool bounded_ = false;
};

}  // namespace

int run_explore(const ExploreCommandOptions& o, const Program& program, std::ostream& out,
                std::ostream& err) {
  const ScenarioChoice choice = choose_scenario(program, o.scenario, o.params);
  const Scenario& scenario = choice.scenario;
  const Params& params = choice.params;

  ExploreOptions options;
  const std::optional<Reduction> reduction = parse_reduction(o.reduction);
  if (!reduction) {
    throw UsageError("unknown reduction '" + o.reduction + "'; known: none, sleep, dpor");
  }
  options.reduction = *reduction;
  if (o.bounded) options.preemption_bound = o.preemption_bound;
  options.fair = !o.no_fairness;
  options.stop_at_first_failure = o.stop_at_first_failure;
  options.max_runs = o.max_runs;
  options.max_steps = o.max_steps;  // 1 to 4,000,000,000: checked by the parser (cli/app.cpp)
  options.jobs = static_cast<unsigned>(o.jobs);  // 1 to 1024: checked by the parser
  options.split_depth = o.split_depth;
  if (!o.time_budget.empty()) {
    // At most a year: a deadline further away than the clock can count would be in the past.
    const Nanos budget = duration_flag("--time-budget", o.time_budget, Nanos{1},
                                       Nanos{std::int64_t{365} * 24 * 3600 * 1'000'000'000});
    // Round up: a budget below a millisecond still gets one.
    options.time_budget = std::chrono::ceil<std::chrono::milliseconds>(budget);
  }

  const RunConfig config = run_config(o.max_steps, o.step_cost, o.granularity);

  if (o.shard.empty() && !o.out.empty()) {
    throw UsageError("--out writes a shard's part file: give --shard I/N with it");
  }
  if (o.checkpoint.empty() && o.checkpoint_every != ExploreCommandOptions{}.checkpoint_every) {
    throw UsageError(
        "--checkpoint-every says how often --checkpoint saves: give --checkpoint FILE");
  }
  if (!o.checkpoint.empty()) {
    return run_explore_checkpointed(o, program, scenario, params, options, config, out, err);
  }
  if (!o.shard.empty()) {
    return run_explore_shard(o, program, scenario, params, options, config, out, err);
  }

  // The failure's trace is written after the search: a path given that it cannot go to is
  // refused first. (The default one is not: a search that finds nothing writes nothing, also
  // in a folder that cannot be written.)
  if (!o.trace_failure.empty()) check_output_or_throw(o.trace_failure);

  ProgressLine progress(err);
  progress.set_bounded(o.bounded);
  if (isatty(STDERR_FILENO) == 1) {
    options.progress = [&progress](const ExploreProgress& p) { progress.show(p); };
  }

  ExploreSummary summary;
  {
    // Ctrl-C or SIGTERM stops the search; what it found so far is reported below.
    const InterruptScope interrupts;
    options.interrupt = &interrupt_requested();
    try {
      summary.result = explore_scenario(scenario, params, config, options);
    } catch (const std::runtime_error& e) {
      progress.clear();
      throw UsageError(scenario.name + " cannot be searched: " + e.what());
    }
  }
  progress.clear();

  set_search(summary, scenario, params, options, config);
  const int code = report_search(
      o, program, scenario, params, summary,
      [&](const OutcomeClass& failure) {
        return record_failure(program, scenario, params, config, options.preemption_bound, failure);
      },
      out);
  if (summary.result.stopped_by == StopReason::interrupted) return 128 + interrupt_signal();
  return code;
}

}  // namespace interleave
