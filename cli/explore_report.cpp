#include "cli/explore_report.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/exit_codes.h"
#include "cli/program.h"
#include "cli/result_format.h"
#include "cli/run_command.h"
#include "cli/trace_output.h"
#include "cli/usage_error.h"
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
  if (s.stopped_by == "missing_shards") {
    std::string missing;
    for (std::size_t i = 0; i < s.missing_shards.size(); ++i) {
      missing += (i == 0                             ? ""
                  : i + 1 == s.missing_shards.size() ? " and "
                                                     : ", ") +
                 std::to_string(s.missing_shards[i]) + "/" + std::to_string(s.shards);
    }
    std::string state = "INCOMPLETE, merged without " +
                        std::string(s.missing_shards.size() == 1 ? "shard " : "shards ") + missing +
                        " (the counts are of the other shards only)";
    if (r.bound) state += ", searching up to " + plural(*r.bound, "preemption", "preemptions");
    return state;
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

Trace record_failure(const Program& program, const Scenario& scenario, const Params& params,
                     const RunConfig& config, std::optional<std::uint32_t> preemption_bound,
                     const OutcomeClass& failure) {
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, params); };
  Trace trace;
  try {
    trace = record_witness(scenario.name, params.values(), body, config,
                           explore_policy_info(preemption_bound), failure);
  } catch (const std::runtime_error& e) {
    throw UsageError(scenario.name + ": " + e.what());
  }
  trace.program = program.recorder();
  return trace;
}

void set_search(ExploreSummary& summary, const Scenario& scenario, const Params& params,
                const ExploreOptions& options, const RunConfig& config) {
  summary.scenario = scenario.name;
  summary.params = params.values();
  summary.reduction = std::string(to_string(options.reduction));
  summary.granularity = std::string(to_string(config.granularity));
  summary.preemption_bound = options.preemption_bound;
  summary.fair = options.fair;
  summary.jobs = options.jobs;
}

int report_search(const ExploreCommandOptions& o, const Program& program, const Scenario& scenario,
                  const Params& params, ExploreSummary& summary,
                  const std::function<Trace(const OutcomeClass&)>& failure_trace,
                  std::ostream& out) {
  const ExploreResult& r = summary.result;
  summary.stopped_by = std::string(to_string(r.stopped_by));
  for (const OutcomeClass& outcome : r.outcomes) {
    summary.witnesses.push_back(format_schedule(outcome.witness));
    summary.reproduce.push_back(reproduce_line(o, program, scenario, params, outcome));
  }
  if (r.first_failure) {
    const Trace trace = failure_trace(r.outcomes[*r.first_failure]);
    summary.trace = o.trace_failure.empty() ? failure_trace_path(scenario.name) : o.trace_failure;
    write_trace_or_throw(trace, summary.trace, out);
    summary.replay = program.name + " replay " + shell_word(summary.trace);
  }
  if (o.json) {
    out << explore_summary_json(summary);
  } else {
    print_report(summary, out);
  }
  return r.failed() ? kExitFailed : kExitOk;
}

}  // namespace interleave
