#include "cli/explore_shard.h"

#include <cstdio>
#include <stdexcept>
#include <string>

#include "cli/explore_report.h"
#include "cli/interrupts.h"
#include "cli/number.h"
#include "cli/option_checks.h"
#include "cli/program.h"
#include "cli/usage_error.h"
#include "report/explore_part.h"
#include "sim/explore/explore.h"
#include "sim/version.h"
#include "traces/output_file.h"
#include "traces/trace_json.h"

namespace interleave {

ShardId parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  const std::string usage = "--shard takes I/N, shard I (from 0) of N, e.g. 3/8";
  if (slash == std::string::npos) throw UsageError("--shard '" + text + "': " + usage);
  const std::string index = text.substr(0, slash);
  const std::string count = text.substr(slash + 1);
  std::string problem = integer_problem(count, {1, kMaxShards});
  if (!problem.empty()) throw UsageError("--shard '" + text + "': N " + problem + "; " + usage);
  const std::uint64_t n = std::stoull(count);
  problem = integer_problem(index, {0, n - 1});
  if (!problem.empty()) throw UsageError("--shard '" + text + "': I " + problem + "; " + usage);
  return ShardId{.index = static_cast<std::uint32_t>(std::stoull(index)),
                 .count = static_cast<std::uint32_t>(n)};
}

SearchIdentity search_identity(const Program& program, const Scenario& scenario,
                               const Params& params, const ExploreOptions& options,
                               const RunConfig& config, const std::string& step_cost) {
  return SearchIdentity{.program = program.name,
                        .version = std::string(version()),
                        .scenario = scenario.name,
                        .params = params.values(),
                        .reduction = std::string(to_string(options.reduction)),
                        .granularity = std::string(to_string(config.granularity)),
                        .preemption_bound = options.preemption_bound,
                        .fair = options.fair,
                        .split_depth = options.split_depth,
                        .max_steps = options.max_steps,
                        .step_cost_ns = config.step_cost.count(),
                        .step_cost = step_cost};
}

int run_explore_shard(const ExploreCommandOptions& o, const Program& program,
                      const Scenario& scenario, const Params& params, ExploreOptions options,
                      const RunConfig& config, std::ostream& out, std::ostream& err) {
  const ShardId shard = parse_shard(o.shard);
  // A shard searches the whole of its part: a part cut short could not be merged into the
  // one-machine result, and its failure trace goes into the part.
  const char* refused = o.max_runs != 0            ? "--max-runs"
                        : !o.time_budget.empty()   ? "--time-budget"
                        : o.stop_at_first_failure  ? "--stop-at-first-failure"
                        : !o.trace_failure.empty() ? "--trace-failure"
                        : o.json                   ? "--json"
                                                   : nullptr;
  if (refused != nullptr) {
    throw UsageError(std::string(refused) +
                     " cannot be used with --shard: a shard searches its whole part and writes it "
                     "to --out; give such options to `" +
                     program.name + " merge`, or search without --shard");
  }
  if (o.out.empty()) throw UsageError("--shard needs --out FILE, the part file to write");
  check_output_or_throw(o.out);

  ExplorePart part;
  part.search = search_identity(program, scenario, params, options, config, o.step_cost);
  part.jobs = options.jobs;
  {
    // Ctrl-C or SIGTERM stops the shard; a part cut short is not written.
    const InterruptScope interrupts;
    options.interrupt = &interrupt_requested();
    try {
      part.result = explore_shard(scenario, params, config, options, shard);
    } catch (const std::runtime_error& e) {
      throw UsageError(scenario.name + " cannot be searched: " + e.what());
    }
  }
  const std::string name =
      "shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count);
  if (part.result.stopped_by != StopReason::none) {
    err << program.name << ": " << name << " of " << scenario.name
        << " was interrupted; no part written (run it again)\n";
    return 128 + interrupt_signal();
  }
  if (const OutcomeClass* failure = first_failure_of(part.result)) {
    part.failure_trace = to_json(
        record_failure(program, scenario, params, config, options.preemption_bound, *failure));
  }
  try {
    write_output_file(explore_part_json(part), o.out);
  } catch (const OutputError& e) {
    throw UsageError(e.what());
  }
  if (o.out != "-") {
    std::uint64_t runs = 0;
    for (const SubtreeResult& s : part.result.levels.back().searched) runs += s.runs;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", part.result.seconds);
    out << name << " of " << scenario.name << " under " << part.search.reduction << ": " << runs
        << (runs == 1 ? " run" : " runs") << " (" << part.result.levels.back().searched.size()
        << " of " << part.result.levels.back().subtrees << " subtrees"
        << (part.result.levels.size() > 1 ? " at the last bound level" : "") << "), "
        << (part.failure_trace.empty() ? "no failure" : "a failure") << ", in " << seconds
        << " s; written to " << o.out << "\n";
  }
  return 0;
}

}  // namespace interleave
