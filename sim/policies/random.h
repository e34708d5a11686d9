#pragma once
// RandomPolicy: at every scheduling point, a uniformly random runnable fiber.

#include <cstdint>

#include "../policy.h"
#include "../rng.h"

namespace interleave {

// Seeded uniform random scheduling. Every run restarts the generator from the seed, so a run
// is a function of the seed alone (the reproduce line needs nothing else).
class RandomPolicy final : public Policy {
 public:
  // RandomPolicy(seed) schedules with the sequence of Rng(seed).
  explicit RandomPolicy(std::uint64_t seed) : seed_(seed), rng_(seed) {}

  // begin_run() restarts the generator from the seed.
  bool begin_run() override;
  // pick() draws one of the runnable fibers with Rng::below(count); no draw when only one is.
  Decision pick(const SchedulingPoint& point) override;
  // info() is {"random", {{"seed", seed}}} (the seed's bits, read as signed).
  PolicyInfo info() const override;

  // seed() is the seed every run starts from; set_seed() changes it for the next run.
  std::uint64_t seed() const { return seed_; }
  void set_seed(std::uint64_t seed) { seed_ = seed; }

 private:
  std::uint64_t seed_;
  Rng rng_;  // restarted from seed_ at the start of every run
};

}  // namespace interleave
