#include "sim/policies/pct.h"

#include <algorithm>

namespace interleave {

PctPolicy::PctPolicy(std::uint64_t seed, int depth, std::uint64_t steps)
    : seed_(seed),
      depth_(std::max(depth, 1)),
      steps_(steps == 0 ? kDefaultSteps : steps),
      rng_(seed) {
  reset();
}

bool PctPolicy::begin_run() {
  reset();
  return true;
}

void PctPolicy::reset() {
  rng_ = Rng(seed_);
  change_points_.clear();
  const std::uint64_t count =
      std::min<std::uint64_t>(static_cast<std::uint64_t>(depth_ - 1), steps_);
  while (change_points_.size() < count) {
    const std::uint64_t s = rng_.below(steps_);
    if (std::find(change_points_.begin(), change_points_.end(), s) == change_points_.end()) {
      change_points_.push_back(s);
    }
  }
  ranked_.clear();
  priority_.clear();
  yielded_at_.clear();
}

void PctPolicy::see(FiberId f) {
  if (index(f) >= priority_.size()) priority_.resize(index(f) + 1, 0);
  const auto rank = static_cast<std::ptrdiff_t>(rng_.below(ranked_.size() + 1));
  ranked_.insert(ranked_.begin() + rank, f);
  renumber(static_cast<std::size_t>(rank));
}

void PctPolicy::renumber(std::size_t from) {
  for (std::size_t j = from; j < ranked_.size(); ++j) {
    priority_[index(ranked_[j])] = static_cast<std::uint64_t>(depth_) + j;
  }
}

Decision PctPolicy::pick(const SchedulingPoint& point) {
  // The first point of a run: start afresh even if begin_run() was not called.
  if (point.reason() == Reason::start) reset();
  for (FiberId f : point.runnable()) {
    if (index(f) >= priority_.size() || priority_[index(f)] == 0) see(f);
  }
  const FiberId cur = point.current();
  if (index(cur) >= yielded_at_.size()) yielded_at_.resize(index(cur) + 1, 0);
  yielded_at_[index(cur)] = point.reason() == Reason::yield ? point.step() + 1 : 0;
  bool changed = false;
  for (std::size_t i = 0; i < change_points_.size(); ++i) {
    if (change_points_[i] != point.step()) continue;
    auto it = std::find(ranked_.begin(), ranked_.end(), cur);
    if (it != ranked_.end())
      renumber(static_cast<std::size_t>(ranked_.erase(it) - ranked_.begin()));
    priority_[index(cur)] = i + 1;
    changed = true;
  }
  if (!changed && point.current_runnable() && point.reason() != Reason::yield) {
    return Decision::pick(cur);
  }
  const bool skip_current = point.reason() == Reason::yield && point.runnable().size() > 1;
  // After a yield, prefer the highest-priority fiber whose own last step was not a yield: two
  // spinners must not hand the CPU back and forth above the fiber they wait for.
  FiberId best = point.runnable()[0];
  std::uint64_t best_priority = 0;
  for (FiberId f : point.runnable()) {
    if (skip_current && f == cur) continue;
    if (skip_current && yielded_at(f) != 0) continue;
    if (priority_[index(f)] > best_priority) {
      best = f;
      best_priority = priority_[index(f)];
    }
  }
  if (best_priority > 0) return Decision::pick(best);
  if (!skip_current) return Decision::pick(point.runnable()[0]);
  // Every other runnable fiber spins too: the one that yielded longest ago goes next, so each
  // spinner gets its turn (the one a ticket lock serves next is a spinner as well).
  std::uint64_t oldest = 0;
  for (FiberId f : point.runnable()) {
    if (f == cur) continue;
    if (oldest == 0 || yielded_at(f) < oldest) {
      best = f;
      oldest = yielded_at(f);
    }
  }
  return Decision::pick(best);
}

std::uint64_t PctPolicy::yielded_at(FiberId f) const {
  return index(f) < yielded_at_.size() ? yielded_at_[index(f)] : 0;
}

PolicyInfo PctPolicy::info() const {
  return PolicyInfo{"pct",
                    {{"seed", static_cast<std::int64_t>(seed_)},
                     {"depth", depth_},
                     {"steps", static_cast<std::int64_t>(steps_)}}};
}

}  // namespace interleave
