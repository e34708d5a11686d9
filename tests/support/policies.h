#pragma once
// Test helper: factories of the seeded policies the primitive and scenario tests run under,
// in the form first_not_ok() and friends take (a seed in, a fresh policy out).

#include <cstdint>

#include "sim/policies/pct.h"
#include "sim/policies/random.h"

namespace interleave::testing {

// random_policy(seed) is the uniform random policy with that seed.
inline RandomPolicy random_policy(std::uint64_t seed) {
  return RandomPolicy(seed);
}

// pct_policy(depth, steps) makes PCT policies of that depth and step estimate, one per seed.
inline auto pct_policy(int depth, std::uint64_t steps) {
  return [depth, steps](std::uint64_t seed) { return PctPolicy(seed, depth, steps); };
}

}  // namespace interleave::testing
