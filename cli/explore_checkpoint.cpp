#include "cli/explore_checkpoint.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/duration.h"
#include "cli/explore_report.h"
#include "cli/explore_shard.h"
#include "cli/interrupts.h"
#include "cli/option_checks.h"
#include "cli/program.h"
#include "cli/usage_error.h"
#include "report/explore_part.h"
#include "report/explore_summary.h"
#include "sim/explore/explore.h"
#include "sim/explore/shard_merge.h"
#include "traces/output_file.h"
#include "traces/printable.h"

namespace interleave {

namespace {

// read_checkpoint(path, search) is the checkpoint at path, or nullopt when there is no file
// there; a file that is not a checkpoint of this very search is a UsageError.
std::optional<ExplorePart> read_checkpoint(const std::string& path, const SearchIdentity& search) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError("cannot read checkpoint " + printable(path) + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  PartReadResult r = read_explore_part(text.str());
  if (!r.ok()) {
    throw UsageError("checkpoint " + printable(path) + " is not a valid checkpoint: " + r.error);
  }
  if (!r.part->checkpoint || r.part->result.shard.count != 1) {
    throw UsageError("checkpoint " + printable(path) +
                     " is a shard's part, not a checkpoint of `explore --checkpoint`");
  }
  const std::string diff = search_difference(r.part->search, search);
  if (!diff.empty()) {
    throw UsageError("checkpoint " + printable(path) + " is of another search (" + diff +
                     "); remove it or give another --checkpoint file");
  }
  return std::move(*r.part);
}

std::uint64_t runs_in(const ShardResult& r) {
  std::uint64_t runs = 0;
  for (const LevelShare& level : r.levels) {
    for (const SubtreeResult& s : level.searched) runs += s.runs;
  }
  return runs;
}

}  // namespace

int run_explore_checkpointed(const ExploreCommandOptions& o, const Program& program,
                             const Scenario& scenario, const Params& params, ExploreOptions options,
                             const RunConfig& config, std::ostream& out, std::ostream& err) {
  const char* refused = o.max_runs != 0           ? "--max-runs"
                        : !o.time_budget.empty()  ? "--time-budget"
                        : o.stop_at_first_failure ? "--stop-at-first-failure"
                        : !o.shard.empty()        ? "--shard"
                                                  : nullptr;
  if (refused != nullptr) {
    throw UsageError(std::string(refused) +
                     " cannot be used with --checkpoint: a checkpointed search runs to its end");
  }
  check_output_or_throw(o.checkpoint);
  if (!o.trace_failure.empty()) check_output_or_throw(o.trace_failure);
  const auto every = std::chrono::ceil<std::chrono::milliseconds>(duration_flag(
      "--checkpoint-every", o.checkpoint_every, Nanos{1'000'000}, Nanos{3'600'000'000'000}));

  ExplorePart part;
  part.search = search_identity(program, scenario, params, options, config, o.step_cost);
  part.jobs = options.jobs;
  part.checkpoint = true;
  const std::optional<ExplorePart> resumed = read_checkpoint(o.checkpoint, part.search);

  std::string save_error;  // the first checkpoint that could not be written
  ShardProgress progress;
  if (resumed) progress.resume = &resumed->result;
  progress.every = every;
  progress.save = [&](const ShardResult& so_far) {
    ExplorePart snapshot = part;
    snapshot.result = so_far;
    try {
      write_output_file(explore_part_json(snapshot), o.checkpoint);
    } catch (const OutputError& e) {
      if (save_error.empty()) save_error = e.what();
    }
  };
  {
    // Ctrl-C or SIGTERM stops the search; what it searched whole is saved below.
    const InterruptScope interrupts;
    options.interrupt = &interrupt_requested();
    try {
      part.result = explore_shard(scenario, params, config, options, ShardId{}, progress);
    } catch (const std::invalid_argument& e) {
      throw UsageError("checkpoint " + printable(o.checkpoint) + " does not fit the search: " +
                       e.what() + "; remove it to search from the start");
    } catch (const std::runtime_error& e) {
      throw UsageError(scenario.name + " cannot be searched: " + e.what());
    }
  }
  try {
    write_output_file(explore_part_json(part), o.checkpoint);
  } catch (const OutputError& e) {
    throw UsageError(e.what());
  }
  if (!save_error.empty()) throw UsageError(save_error);
  if (part.result.stopped_by != StopReason::none) {
    err << program.name << ": " << scenario.name << ": interrupted; " << runs_in(part.result)
        << " runs of the subtrees searched to their end are saved in " << printable(o.checkpoint)
        << ": run the same command again to go on\n";
    return 128 + interrupt_signal();
  }

  ExploreSummary summary;
  const std::vector<ShardResult> whole = {part.result};
  summary.result = merge_shards(whole, options.preemption_bound, 1);
  set_search(summary, scenario, params, options, config);
  return report_search(
      o, program, scenario, params, summary,
      [&](const OutcomeClass& failure) {
        return record_failure(program, scenario, params, config, options.preemption_bound, failure);
      },
      out);
}

}  // namespace interleave
