#pragma once
// ExplorePart: the file `interleave explore --shard I/N --out FILE` writes, one shard's partial
// result, and what `interleave merge` reads back (docs/scale-out.md gives the format).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../sim/explore/shard_result.h"

namespace interleave {

// What makes two parts shards of one search: parts merge only when these are all equal.
struct SearchIdentity {
  std::string program;  // the program that searched ("interleave", or a user's program)
  std::string version;  // the interleave library's version (version())
  std::string scenario;
  std::vector<std::pair<std::string, std::int64_t>> params;  // every parameter, declared order
  std::string reduction;                                     // "none", "sleep" or "dpor"
  std::string granularity = "atomic";                        // "atomic" or "primitive"
  std::optional<std::uint32_t> preemption_bound;             // as requested
  bool fair = true;
  std::uint32_t split_depth = 2;  // where the search is split into subtrees (ExploreOptions)
  std::uint64_t max_steps = 0;
  std::int64_t step_cost_ns = 0;
  std::string step_cost;  // as given on the command line (the reproduce lines repeat it)

  friend bool operator==(const SearchIdentity&, const SearchIdentity&) = default;
};

// search_difference(a, b) names the first setting in which a and b differ, as "scenario
// 'article/race' vs 'article/lock'"; empty when they are one search.
std::string search_difference(const SearchIdentity& a, const SearchIdentity& b);

// One shard's partial result, with what a merge needs besides the counts.
struct ExplorePart {
  SearchIdentity search;
  ShardResult result;
  unsigned jobs = 1;  // worker threads the shard used (does not change the result)
  // A checkpoint of `explore --checkpoint` (stopped_by "interrupted" while it is not done): its
  // levels may list only some of the shard's subtrees, those searched to their end so far.
  bool checkpoint = false;
  // The trace of the shard's first failing run (version-1 trace JSON), or empty when none of its
  // runs failed. Its witness is the first run of its outcome in the shard's DFS order.
  std::string failure_trace;
};

// explore_part_json(part) renders part as one JSON object followed by a newline; keys in fixed
// order, so the same part always gives the same bytes but for "seconds".
std::string explore_part_json(const ExplorePart& part);

// What reading a part gives: the part, or one line saying what is wrong and where.
struct PartReadResult {
  std::optional<ExplorePart> part;  // set when the text is a valid part
  std::string error;                // otherwise "part.levels[0].searched[3].runs: PROBLEM"

  // ok() tells whether the text was read.
  bool ok() const { return part.has_value(); }
};

// read_explore_part(text) parses and checks a part: every member's type and range, the shard
// (index below count), subtrees within their level and in order (all of the shard's, but in a
// checkpoint), outcomes and witnesses, the
// failure trace (a valid trace). It never throws and never crashes, whatever the bytes.
PartReadResult read_explore_part(std::string_view text);

// kPartFormat is the part file's "format" member, kPartVersion its "version".
inline constexpr std::string_view kPartFormat = "interleave-explore-part";
inline constexpr std::uint64_t kPartVersion = 1;

}  // namespace interleave
