#pragma once
// The one project RNG: SplitMix64 with a documented bounded-integer mapping.

#include <cstdint>

namespace interleave {

// SplitMix64 (Steele, Lea, Flood 2014). The same seed gives the same sequence on every
// compiler, library and machine, which <random>'s distributions do not promise.
class Rng {
 public:
  // Rng(seed) starts the sequence determined by seed.
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  // next() returns the next 64-bit value of the sequence.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // below(n) returns a uniform integer in [0, n) for n > 0: Lemire's multiply-and-shift
  // with rejection of the biased low products, so every value is exactly equally likely.
  std::uint64_t below(std::uint64_t n) {
    __uint128_t m = static_cast<__uint128_t>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<__uint128_t>(next()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

 private:
  std::uint64_t state_;  // the SplitMix64 counter; advanced by a fixed odd constant per draw
};

}  // namespace interleave
