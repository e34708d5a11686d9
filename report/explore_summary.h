#pragma once
// ExploreSummary: what `interleave explore --json` prints, one JSON object per invocation.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../sim/explore/explore_result.h"

namespace interleave {

// The machine-readable report of `interleave explore`.
struct ExploreSummary {
  std::string scenario;
  std::vector<std::pair<std::string, std::int64_t>> params;  // every parameter, declared order
  std::string reduction;                                     // "none", "sleep" or "dpor"
  std::string granularity = "atomic";                        // "atomic" or "primitive"
  std::optional<std::uint32_t> preemption_bound;             // as requested
  bool fair = true;
  unsigned jobs = 1;
  ExploreResult result;
  std::string stopped_by;  // "max_runs", "time_budget", "first_failure", "interrupted", or empty
                           // when complete
  std::vector<std::string> witnesses;  // per outcome: its witness as a schedule string
  std::vector<std::string> reproduce;  // per outcome: the command that reproduces its witness
  std::string trace;                   // the first failure's trace file, or empty
  std::string replay;                  // the command that replays that trace, or empty
  // A merge of shards without some of them (stopped_by "missing_shards"): their indexes,
  // ascending, and the number of shards of the search.
  std::vector<std::uint32_t> missing_shards;
  std::uint32_t shards = 0;
};

// explore_summary_json(s) renders s as one JSON object followed by a newline; keys in fixed
// order. runs_per_second is runs / seconds (0 when no time was measured).
std::string explore_summary_json(const ExploreSummary& s);

}  // namespace interleave
