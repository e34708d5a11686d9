#include "sim/policies/random.h"

namespace interleave {

bool RandomPolicy::begin_run() {
  rng_ = Rng(seed_);
  return true;
}

Decision RandomPolicy::pick(const SchedulingPoint& point) {
  if (point.reason() == Reason::start) rng_ = Rng(seed_);
  const auto runnable = point.runnable();
  if (runnable.size() == 1) return Decision::pick(runnable[0]);
  return Decision::pick(runnable[rng_.below(runnable.size())]);
}

PolicyInfo RandomPolicy::info() const {
  return PolicyInfo{"random", {{"seed", static_cast<std::int64_t>(seed_)}}};
}

}  // namespace interleave
