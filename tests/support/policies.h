#pragma once
// Test helper: the seeded policies the primitive and scenario tests run under.
// TEMPORARY stand-in until branch `policies` is merged: a uniform random pick with Rng.

#include <cstdint>

#include "sim/policy.h"
#include "sim/rng.h"

namespace interleave::testing {

// A stand-in for RandomPolicy: at every point, a uniformly random runnable fiber.
class StandInRandomPolicy final : public Policy {
 public:
  explicit StandInRandomPolicy(std::uint64_t seed) : rng_(seed), seed_(seed) {}
  Decision pick(const SchedulingPoint& point) override {
    const auto runnable = point.runnable();
    return Decision::pick(runnable[rng_.below(runnable.size())]);
  }
  PolicyInfo info() const override {
    return PolicyInfo{"stand-in-random", {{"seed", static_cast<std::int64_t>(seed_)}}};
  }

 private:
  Rng rng_;
  std::uint64_t seed_;
};

// random_policy(seed) is the random policy with that seed.
inline StandInRandomPolicy random_policy(std::uint64_t seed) {
  return StandInRandomPolicy(seed);
}

}  // namespace interleave::testing
