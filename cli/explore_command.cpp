#include "cli/explore_command.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "cli/duration.h"
#include "cli/exit_codes.h"
#include "cli/interrupts.h"
#include "cli/option_checks.h"
#include "cli/program.h"
#include "cli/result_format.h"
#include "cli/run_command.h"
#include "cli/trace_output.h"
#include "cli/usage_error.h"
#include "report/explore_summary.h"
#include "sim/explore/explore.h"
#include "sim/schedule.h"
#include "traces/explore_witness.h"

namespace interleave {

namespace {

// The command line that reproduces one run of the search: `interleave run` along its witness.
std::string reproduce_line(const ExploreCommandOptions& o, const Program& program,
                           const Scenario& scenario, const Params& params,
                           const OutcomeClass& outcome) {
  std::ostringstream s;
  s << program.name << " run " << scenario.name;
  for (std::size_t i = 0; i < params.values().size(); ++i) {
    const auto& [name, value] = params.values()[i];
    if (value != scenario.params[i].default_value) s << " --param " << name << "=" << value;
  }
  s << " --schedule " << format_schedule(outcome.witness);
  // Only a livelock depends on the step limit: it is where the run stopped.
  if (outcome.status == Status::livelock) s << " --max-steps " << o.max_steps;
  if (o.step_cost != ExploreCommandOptions{}.step_cost) s << " --step-cost " << o.step_cost;
  // The witness is a schedule of this granularity; run's default is atomic.
  if (o.granularity != RunOptions{}.granularity) s << " --granularity " << o.granularity;
  return s.str();
}

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

// shell_word(text) is text quoted for a POSIX shell when it holds anything but safe characters.
std::string shell_word(const std::string& text) {
  bool safe = !text.empty();
  for (char c : text) {
    safe = safe && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '/' || c == ',' || c == '=' ||
                    c == ':' || c == '+');
  }
  if (safe) return text;
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The header's verdict: "complete", "complete up to 2 preemptions", "stopped after ...".
std::string search_state(const ExploreSummary& s) {
  const ExploreResult& r = s.result;
  if (r.complete) {
    if (!s.preemption_bound) return "complete";
    const std::uint32_t level = r.bound.value_or(*s.preemption_bound);
    if (r.bound_unneeded) {
      return "complete (no bound needed: at " + plural(level, "preemption", "preemptions") +
             " the bound cut nothing)";
    }
    return "complete up to " + plural(level, "preemption", "preemptions");
  }
  std::string state = s.stopped_by == "max_runs"
                          ? "stopped after " + plural(r.runs, "run", "runs") + " (--max-runs)"
                      : s.stopped_by == "first_failure"
                          ? "stopped at the first failure, found in run " +
                                std::to_string(r.runs_to_first_failure.value_or(0))
                      : s.stopped_by == "interrupted"
                          ? "interrupted after " + plural(r.runs, "run", "runs")
                          : "time budget reached after " + plural(r.runs, "run", "runs");
  if (r.bound) state += ", searching up to " + plural(*r.bound, "preemption", "preemptions");
  return state;
}

// The outcomes the text report lists one by one; --json lists every one.
constexpr std::size_t kListedOutcomes = 20;

void print_witness(const ExploreSummary& s, std::size_t i, std::ostream& out) {
  const OutcomeClass& o = s.result.outcomes[i];
  const std::string& witness = s.witnesses[i];
  if (witness.size() <= 160) {
    out << "    witness:   " << witness << " ("
        << plural(o.preemptions, "preemption", "preemptions") << ")\n";
    out << "    reproduce: " << s.reproduce[i] << "\n";
  } else {
    out << "    witness:   " << plural(o.witness.size(), "step", "steps") << ", "
        << plural(o.preemptions, "preemption", "preemptions") << " (the schedule is in --json)\n";
  }
}

void print_report(const ExploreSummary& s, std::ostream& out) {
  const ExploreResult& r = s.result;
  out << "explore " << s.scenario << " under " << s.reduction << ": " << search_state(s) << "\n";
  out << "steps:       " << s.granularity
      << (s.granularity == "primitive" ? " (an operation of a built-in primitive is one step)"
                                       : " (every atomic operation is a step)")
      << "\n";
  out << "runs:        " << r.runs << " explored, " << r.sleep_blocked << " cut by sleep sets";
  if (s.preemption_bound) {
    out << ", " << r.bound_pruned << " scheduling points pruned by the preemption bound";
  }
  out << "\n";
  out << "max depth:   " << plural(r.max_depth, "step", "steps") << "\n";
  out << "outcomes:    " << r.outcomes.size() << " distinct, "
      << plural(r.failures(), "failing run", "failing runs") << "\n";
  for (std::size_t i = 0; i < r.outcomes.size() && i < kListedOutcomes; ++i) {
    const OutcomeClass& o = r.outcomes[i];
    out << "  " << to_string(o.status) << ": " << format_results(o.results) << "  ("
        << plural(o.count, "run", "runs") << ")\n";
    if (!o.message.empty()) out << "    message:   " << o.message << "\n";
    print_witness(s, i, out);
  }
  if (r.outcomes.size() > kListedOutcomes) {
    out << "  ... and " << r.outcomes.size() - kListedOutcomes
        << " more distinct outcomes (--json lists every one)\n";
  }
  if (r.first_failure) {
    const OutcomeClass& f = r.outcomes[*r.first_failure];
    out << "first failure: " << to_string(f.status) << ": " << format_results(f.results) << "\n";
    if (!f.message.empty()) out << "    message:   " << f.message << "\n";
    print_witness(s, *r.first_failure, out);
    out << "    trace:     " << s.trace << "\n";
    out << "    replay:    " << s.replay << "\n";
  } else {
    out << (r.complete ? "no schedule fails\n" : "no failure found so far\n");
  }
  const double rate = r.seconds > 0 ? static_cast<double>(r.runs) / r.seconds : 0;
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f", r.seconds);
  out << plural(r.runs, "run", "runs") << " in " << seconds << " s (" << std::llround(rate)
      << " runs/s)\n";
}

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
  if (!o.time_budget.empty()) {
    // At most a year: a deadline further away than the clock can count would be in the past.
    const Nanos budget = duration_flag("--time-budget", o.time_budget, Nanos{1},
                                       Nanos{std::int64_t{365} * 24 * 3600 * 1'000'000'000});
    // Round up: a budget below a millisecond still gets one.
    options.time_budget = std::chrono::ceil<std::chrono::milliseconds>(budget);
  }

  const RunConfig config = run_config(o.max_steps, o.step_cost, o.granularity);

  ProgressLine progress(err);
  progress.set_bounded(o.bounded);
  if (isatty(STDERR_FILENO) == 1) {
    options.progress = [&progress](const ExploreProgress& p) { progress.show(p); };
  }

  // The failure's trace is written after the search: a path given that it cannot go to is
  // refused first. (The default one is not: a search that finds nothing writes nothing, also
  // in a folder that cannot be written.)
  const std::string trace_path =
      o.trace_failure.empty() ? failure_trace_path(scenario.name) : o.trace_failure;
  if (!o.trace_failure.empty()) check_output_or_throw(trace_path);

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

  const ExploreResult& r = summary.result;
  summary.scenario = scenario.name;
  summary.params = params.values();
  summary.reduction = std::string(to_string(options.reduction));
  summary.granularity = std::string(to_string(config.granularity));
  summary.preemption_bound = options.preemption_bound;
  summary.fair = options.fair;
  summary.jobs = options.jobs;
  if (r.stopped_by == StopReason::max_runs) summary.stopped_by = "max_runs";
  if (r.stopped_by == StopReason::time_budget) summary.stopped_by = "time_budget";
  if (r.stopped_by == StopReason::first_failure) summary.stopped_by = "first_failure";
  if (r.stopped_by == StopReason::interrupted) summary.stopped_by = "interrupted";
  for (const OutcomeClass& outcome : r.outcomes) {
    summary.witnesses.push_back(format_schedule(outcome.witness));
    summary.reproduce.push_back(reproduce_line(o, program, scenario, params, outcome));
  }

  if (r.first_failure) {
    const OutcomeClass& failure = r.outcomes[*r.first_failure];
    const std::function<void(Simulator&)> body = [&](Simulator& sim) {
      scenario.body(sim, params);
    };
    Trace trace;
    try {
      trace = record_witness(scenario.name, params.values(), body, config,
                             explore_policy_info(options.preemption_bound), failure);
    } catch (const std::runtime_error& e) {
      throw UsageError(scenario.name + ": " + e.what());
    }
    trace.program = program.recorder();
    summary.trace = trace_path;
    write_trace_or_throw(trace, summary.trace, out);
    summary.replay = program.name + " replay " + shell_word(summary.trace);
  }

  if (o.json) {
    out << explore_summary_json(summary);
  } else {
    print_report(summary, out);
  }
  if (r.stopped_by == StopReason::interrupted) return 128 + interrupt_signal();
  return r.failed() ? kExitFailed : kExitOk;
}

}  // namespace interleave
