#include "check/run_check.h"

#include <sstream>
#include <stdexcept>

#include "check/failure_folder.h"
#include "sim/schedule.h"
#include "traces/rerun.h"
#include "traces/result_text.h"

namespace interleave {
namespace {

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What was run, for the first line of the verdict: "run NAME under pct (depth 3), seeds 1 to 1000".
std::string headline(const std::string& name, const RunCheckOptions& o, std::uint64_t runs) {
  std::ostringstream s;
  s << "run " << name << " under " << o.policy;
  if (o.policy == "pct") s << " (depth " << o.depth << ")";
  if (o.policy == "random" || o.policy == "pct") {
    if (runs == 1) {
      s << ", seed " << o.seed;
    } else {
      s << ", seeds " << o.seed << " to " << o.seed + (runs - 1);
    }
  }
  return s.str();
}

RunCheck check(const std::string& name,
               const std::vector<std::pair<std::string, std::int64_t>>& params,
               const std::function<void(Simulator&)>& body, const RunCheckOptions& o,
               const CheckSettings& settings, bool builtin) {
  PolicySpec spec;
  spec.name = o.policy;
  spec.seed = o.seed;
  spec.depth = o.depth;
  spec.steps = o.pct_steps;
  spec.quantum = o.quantum;
  RunConfig config = settings.config;
  config.granularity = settings.granularity.value_or(Granularity::atomic);
  SeededRun reported = run_until_failure(body, config, spec, o.runs);
  const RunResult& r = reported.result;
  const bool seeded = reported.seed.has_value();
  std::ostringstream text;
  text << headline(name, o, seeded ? o.runs : 1) << ": ";
  if (r.outcome.status == Status::ok) {
    text << plural(reported.runs, "run", "runs") << ", none failed";
    return RunCheck(std::move(reported), text.str(), {});
  }

  if (seeded) {
    text << "seed " << *reported.seed << " " << to_string(r.outcome.status) << " (run "
         << reported.runs << ")\n";
  } else {
    text << "the run " << to_string(r.outcome.status) << "\n";
  }
  text << "  " << to_string(r.outcome.status) << ":";
  if (!r.outcome.message.empty()) text << " " << r.outcome.message;
  text << "\n";
  if (!r.results.empty()) text << "  results:     " << format_results(r.results) << "\n";
  text << "  schedule:    " << format_schedule(reported.schedule) << "\n";

  const std::string written = write_failure(
      name, settings, builtin,
      [&] {
        return repeated_trace(
            ScheduledRun{name, params, body, config, reported.policy, reported.schedule},
            run_end(r));
      },
      text);
  std::string shown = text.str();
  shown.pop_back();  // the verdict's last line ends without a newline
  return RunCheck(std::move(reported), std::move(shown), written);
}

}  // namespace

RunCheck run(const Scenario& scenario, const RunCheckOptions& options,
             const CheckSettings& settings) {
  return run(scenario, Params{}, options, settings);  // completed with every default
}

RunCheck run(const Scenario& scenario, const Params& params, const RunCheckOptions& options,
             const CheckSettings& settings) {
  std::string error;
  const std::optional<Params> all = scenario.complete(params, error);
  if (!all) throw std::invalid_argument(scenario.name + ": " + error);
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, *all); };
  return check(scenario.name, all->values(), body, options, settings, is_builtin(scenario));
}

RunCheck run(const std::string& name, const std::function<void(Simulator&)>& body,
             const RunCheckOptions& options, const CheckSettings& settings) {
  return check(name, {}, body, options, settings, false);
}

}  // namespace interleave
