#pragma once
// ExploreResult: what an exhaustive search found: counts, distinct outcomes, the first failure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../ids.h"
#include "../outcome.h"

namespace interleave {

// One distinct outcome (status plus reported results) and how often it happened.
struct OutcomeClass {
  Status status = Status::ok;
  Results results;
  std::string message;            // the message of the witness run
  std::uint64_t count = 0;        // complete runs that ended this way
  std::vector<FiberId> witness;   // the schedule of the first such run in DFS order
  std::uint32_t preemptions = 0;  // preemptions in the witness
};

// What stopped a search before it was complete.
// missing_shards: a merge of shards (merge_shards()) was not given all of them.
enum class StopReason : std::uint8_t {
  none,
  max_runs,
  time_budget,
  first_failure,
  interrupted,
  missing_shards
};

// to_string(r) is how --json and part files name what stopped a search ("max_runs", ...); empty
// for none.
constexpr std::string_view to_string(StopReason r) {
  switch (r) {
    case StopReason::none:
      return "";
    case StopReason::max_runs:
      return "max_runs";
    case StopReason::time_budget:
      return "time_budget";
    case StopReason::first_failure:
      return "first_failure";
    case StopReason::interrupted:
      return "interrupted";
    case StopReason::missing_shards:
      return "missing_shards";
  }
  return "";
}

// The report of a search. Runs are complete runs; a run cut by a sleep set is counted apart.
struct ExploreResult {
  std::uint64_t runs = 0;           // complete runs explored (each ended ok or in a verdict)
  std::uint64_t sleep_blocked = 0;  // runs cut because every choice was asleep (redundant)
  std::uint64_t bound_pruned = 0;   // scheduling points where the preemption bound cut choices
  std::uint64_t max_depth = 0;      // the most steps a run took
  bool complete = false;            // false when something in StopReason stopped the search
  StopReason stopped_by = StopReason::none;  // what did
  std::optional<std::uint32_t> bound;        // the preemption bound searched last, if any
  // With a bound: the last level searched pruned no choice, so every schedule has at most that
  // many preemptions and the search covered them all; the levels above it are not searched.
  bool bound_unneeded = false;
  std::vector<OutcomeClass> outcomes;        // in order of first appearance in DFS order
  std::optional<std::size_t> first_failure;  // index into outcomes of the first failure found
                                             // (lowest bound level first, then DFS order)
  // Complete runs explored up to and including the first failing run, over every bound level
  // searched (in DFS order, the same for every number of workers); unset when none failed.
  std::optional<std::uint64_t> runs_to_first_failure;
  double seconds = 0;  // real time the search took

  // failed() tells whether some run failed, deadlocked or livelocked.
  bool failed() const { return first_failure.has_value(); }
  // failures() counts the runs that did.
  std::uint64_t failures() const;
};

// is_failure(status) tells whether a run that ended with status found a bug.
constexpr bool is_failure(Status status) {
  return status == Status::failed || status == Status::deadlock || status == Status::livelock;
}

}  // namespace interleave
