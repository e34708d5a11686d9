#include "sim/rng.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

using namespace interleave;

namespace {

// reference_splitmix64(state) is SplitMix64 written from its definition (Steele, Lea, Flood,
// "Fast splittable pseudorandom number generators", 2014): add the golden gamma, then mix.
std::uint64_t reference_splitmix64(std::uint64_t& state) {
  state = state + 0x9e3779b97f4a7c15u;
  std::uint64_t z = state;
  z = (z ^ (z >> 30u)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27u)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31u);
}

}  // namespace

TEST_CASE("Rng reproduces the SplitMix64 reference sequence for seed 0", "[rng]") {
  // The published first output of SplitMix64 from state 0.
  Rng rng(0);
  std::uint64_t state = 0;
  const std::uint64_t first = rng.next();
  CHECK(first == reference_splitmix64(state));
  CHECK(first == 0xe220a8397b1dcdafu);
  for (int i = 0; i < 16; ++i) CHECK(rng.next() == reference_splitmix64(state));
}

TEST_CASE("Rng gives the same sequence for the same seed and another for another seed", "[rng]") {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 8; ++i) {
    const std::uint64_t x = a.next();
    CHECK(x == b.next());
    if (x != c.next()) differs = true;
  }
  CHECK(differs);
}

TEST_CASE("Rng::below stays in range and hits every value of a small bound", "[rng]") {
  Rng rng(7);
  for (std::uint64_t n : {1u, 2u, 3u, 5u, 7u}) {
    std::vector<int> hits(n, 0);
    for (int i = 0; i < 500; ++i) {
      const std::uint64_t v = rng.below(n);
      REQUIRE(v < n);
      ++hits[v];
    }
    for (std::uint64_t v = 0; v < n; ++v) {
      INFO("n = " << n << ", value " << v);
      CHECK(hits[v] > 0);
    }
  }
  const std::uint64_t huge = (std::uint64_t{1} << 63) + 12345;
  for (int i = 0; i < 1000; ++i) CHECK(rng.below(huge) < huge);
}

TEST_CASE("Rng::below is the high word of next() * n unless the low word is rejected", "[rng]") {
  // Lemire's mapping: m = x * n as a 128-bit product; x is rejected when the low word of m is
  // below 2^64 mod n. Checked against the raw sequence of a twin generator.
  for (std::uint64_t n : {3u, 10u, 1000u, 0x7fffffffu}) {
    Rng mapped(99), raw(99);
    for (int i = 0; i < 200; ++i) {
      const std::uint64_t threshold = (0 - n) % n;
      std::uint64_t expected = 0;
      while (true) {
        const __uint128_t m = static_cast<__uint128_t>(raw.next()) * n;
        if (static_cast<std::uint64_t>(m) >= threshold) {
          expected = static_cast<std::uint64_t>(m >> 64);
          break;
        }
      }
      REQUIRE(mapped.below(n) == expected);
    }
  }
}
