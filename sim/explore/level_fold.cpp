#include "sim/explore/level_fold.h"

#include <algorithm>

namespace interleave {

PartResult merge_level(PartResult level_result, const std::vector<PartResult>& results) {
  for (const PartResult& r : results) {
    if (!level_result.first_failure && r.first_failure) {
      level_result.runs_to_first_failure = level_result.runs + *r.runs_to_first_failure;
    }
    level_result.runs += r.runs;
    level_result.sleep_blocked += r.sleep_blocked;
    level_result.bound_pruned += r.bound_pruned;
    level_result.max_depth = std::max(level_result.max_depth, r.max_depth);
    const std::vector<std::size_t> where = level_result.outcomes.merge(r.outcomes.classes());
    if (!level_result.first_failure && r.first_failure) {
      level_result.first_failure = where[*r.first_failure];
    }
  }
  return level_result;
}

bool LevelFold::add(std::uint32_t level, PartResult r, bool stopped) {
  for (const OutcomeClass& c : r.outcomes.classes()) {
    if (!earliest_.find(c.status, c.results)) earliest_.push(c);
  }
  if (!first_failure_ && r.first_failure) {
    const OutcomeClass& f = r.outcomes.classes()[*r.first_failure];
    first_failure_.emplace(f.status, f.results);
    result_.runs_to_first_failure = runs_before_ + *r.runs_to_first_failure;
  }
  runs_before_ += r.runs;
  result_.runs = r.runs;
  result_.sleep_blocked = r.sleep_blocked;
  result_.bound_pruned = r.bound_pruned;
  result_.max_depth = std::max(result_.max_depth, r.max_depth);
  result_.outcomes = r.outcomes.take();
  if (bound_) result_.bound = level;
  if (stopped) return false;
  if (bound_ && r.bound_pruned == 0) {
    // No choice was cut: a higher bound would search exactly the same runs again.
    result_.bound_unneeded = true;
    return false;
  }
  return true;
}

ExploreResult LevelFold::finish(StopReason reason, double seconds) {
  ExploreResult result = std::move(result_);
  // Witnesses come from the lowest bound at which each outcome appeared (fewest preemptions).
  for (OutcomeClass& c : result.outcomes) {
    const auto i = earliest_.find(c.status, c.results);
    c.witness = earliest_.classes()[*i].witness;
    c.message = earliest_.classes()[*i].message;
    c.preemptions = earliest_.classes()[*i].preemptions;
  }
  if (first_failure_) {
    for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
      const OutcomeClass& c = result.outcomes[i];
      if (c.status == first_failure_->first && c.results == first_failure_->second) {
        result.first_failure = i;
      }
    }
  }
  result.stopped_by = reason;
  result.complete = reason == StopReason::none;
  result.seconds = seconds;
  return result;
}

}  // namespace interleave
