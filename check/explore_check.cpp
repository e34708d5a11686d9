#include "check/explore_check.h"

#include <sstream>
#include <stdexcept>

#include "check/failure_folder.h"
#include "sim/explore/explore.h"
#include "sim/schedule.h"
#include "traces/explore_witness.h"
#include "traces/result_text.h"

namespace interleave {
namespace {

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What a search was, for the first line of the verdict: "explore NAME under dpor".
std::string headline(const std::string& name, const ExploreOptions& options,
                     const ExploreResult& r) {
  std::ostringstream s;
  s << "explore " << name << " under " << to_string(options.reduction);
  if (options.preemption_bound) {
    s << " (preemption bound " << r.bound.value_or(*options.preemption_bound) << ")";
  }
  return s.str();
}

ExploreCheck check(const std::string& name,
                   const std::vector<std::pair<std::string, std::int64_t>>& params,
                   const std::function<void(Simulator&)>& body, const ExploreOptions& options,
                   const CheckSettings& settings, bool builtin) {
  RunConfig config = settings.config;
  config.max_steps = options.max_steps;
  config.granularity = settings.granularity.value_or(Granularity::primitive);
  ExploreResult result = explore_scenario(body, config, options);
  std::ostringstream text;
  text << headline(name, options, result)
       << (result.complete ? ", complete: " : ", stopped early: ");
  if (!result.failed()) {
    text << plural(result.runs, "run", "runs") << ", "
         << plural(result.outcomes.size(), "distinct outcome", "distinct outcomes")
         << ", no run failed";
    return ExploreCheck(std::move(result), text.str(), {});
  }

  const OutcomeClass& failure = result.outcomes[*result.first_failure];
  text << result.failures() << " of " << plural(result.runs, "run", "runs") << " failed\n";
  text << "  first:       " << to_string(failure.status);
  if (!failure.message.empty()) text << ": " << failure.message;
  text << "\n";
  if (!failure.results.empty())
    text << "  results:     " << format_results(failure.results) << "\n";
  text << "  preemptions: " << failure.preemptions << "\n";
  text << "  schedule:    " << format_schedule(failure.witness) << "\n";

  const std::string written = write_failure(
      name, settings, builtin,
      [&] {
        return record_witness(name, params, body, config,
                              explore_policy_info(options.preemption_bound), failure);
      },
      text);
  std::string shown = text.str();
  shown.pop_back();  // the verdict's last line ends without a newline
  return ExploreCheck(std::move(result), std::move(shown), written);
}

}  // namespace

ExploreCheck explore(const Scenario& scenario, const ExploreOptions& options,
                     const CheckSettings& settings) {
  return explore(scenario, Params{}, options, settings);  // completed with every default
}

ExploreCheck explore(const Scenario& scenario, const Params& params, const ExploreOptions& options,
                     const CheckSettings& settings) {
  std::string error;
  const std::optional<Params> all = scenario.complete(params, error);
  if (!all) throw std::invalid_argument(scenario.name + ": " + error);
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, *all); };
  return check(scenario.name, all->values(), body, options, settings, is_builtin(scenario));
}

ExploreCheck explore(const std::string& name, const std::function<void(Simulator&)>& body,
                     const ExploreOptions& options, const CheckSettings& settings) {
  return check(name, {}, body, options, settings, false);
}

}  // namespace interleave
