#include "sim/explore/level_fold.h"

#include <algorithm>
#include <stdexcept>
#include <string>

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

PartResult part_result(const SubtreeResult& s) {
  PartResult r;
  r.runs = s.runs;
  r.sleep_blocked = s.sleep_blocked;
  r.bound_pruned = s.bound_pruned;
  r.max_depth = s.max_depth;
  r.outcomes.merge(s.outcomes);
  if (r.outcomes.classes().size() != s.outcomes.size()) {
    throw std::invalid_argument("subtree " + std::to_string(s.index) + " lists an outcome twice");
  }
  if (s.first_failure && *s.first_failure >= s.outcomes.size()) {
    throw std::invalid_argument("a subtree's first failure is not one of its outcomes");
  }
  r.first_failure = s.first_failure;
  r.runs_to_first_failure = s.runs_to_first_failure;
  r.whole = true;
  return r;
}

SubtreeResult subtree_result(std::uint64_t index, const PartResult& r) {
  return SubtreeResult{.index = index,
                       .runs = r.runs,
                       .sleep_blocked = r.sleep_blocked,
                       .bound_pruned = r.bound_pruned,
                       .max_depth = r.max_depth,
                       .outcomes = r.outcomes.classes(),
                       .first_failure = r.first_failure,
                       .runs_to_first_failure = r.runs_to_first_failure};
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
