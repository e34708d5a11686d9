#include "sim/vector_clock.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>

using namespace interleave;

namespace {
constexpr FiberId kClockMain{0};
constexpr FiberId kClockA{1};
constexpr FiberId kClockB{2};

// clock_of(steps) is the clock whose entry for fiber f is steps[f].
VectorClock clock_of(std::initializer_list<std::uint32_t> steps) {
  VectorClock c;
  std::uint32_t f = 0;
  for (std::uint32_t s : steps) c.set(FiberId{f++}, s);
  return c;
}
}  // namespace

TEST_CASE("a new vector clock knows no step of any fiber", "[sim][vector_clock]") {
  const VectorClock c;
  CHECK(c.size() == 0);
  CHECK(c[kClockMain] == 0);
  CHECK(c[FiberId{63}] == 0);
  CHECK_FALSE(c.covers(kClockA, 1));
  CHECK(c.covers(kClockA, 0));
}

TEST_CASE("a vector clock grows with the fibers it holds entries for", "[sim][vector_clock]") {
  VectorClock c;
  c.set(kClockA, 3);
  CHECK(c.size() == 2);
  CHECK(c[kClockMain] == 0);
  CHECK(c[kClockA] == 3);
  c.tick(FiberId{5});
  CHECK(c.size() == 6);
  CHECK(c[FiberId{5}] == 1);
  CHECK(c[FiberId{4}] == 0);
  CHECK(c[FiberId{100}] == 0);
  c.tick(kClockA);
  CHECK(c[kClockA] == 4);
  CHECK(c.covers(kClockA, 4));
  CHECK_FALSE(c.covers(kClockA, 5));
}

TEST_CASE("joining vector clocks keeps the greater entry of each fiber", "[sim][vector_clock]") {
  VectorClock c = clock_of({2, 0, 5});
  c.join(clock_of({1, 4}));
  CHECK(c == clock_of({2, 4, 5}));
  c.join(clock_of({0, 0, 0, 7}));
  CHECK(c.size() == 4);
  CHECK(c == clock_of({2, 4, 5, 7}));
  c.join(VectorClock{});
  CHECK(c == clock_of({2, 4, 5, 7}));
}

TEST_CASE("vector clocks of different sizes compare as if padded with zeros",
          "[sim][vector_clock]") {
  CHECK(clock_of({1, 2}) == clock_of({1, 2, 0, 0}));
  CHECK_FALSE(clock_of({1, 2}) == clock_of({1, 2, 0, 1}));
  CHECK(VectorClock{} == clock_of({0, 0}));
  CHECK(clock_of({1, 2, 0, 1}).covers(clock_of({1, 2})));
  CHECK_FALSE(clock_of({1, 2}).covers(clock_of({1, 2, 0, 1})));
}

TEST_CASE("a step happens before another when the other's clock knows more of everything",
          "[sim][vector_clock]") {
  // main steps twice and spawns a, whose first step knows main's two; b ran on its own.
  const VectorClock main_spawn = clock_of({2});
  const VectorClock a_first = clock_of({2, 1});
  const VectorClock b_first = clock_of({0, 0, 1});
  CHECK(happens_before(main_spawn, a_first));
  CHECK_FALSE(happens_before(a_first, main_spawn));
  CHECK_FALSE(happens_before(a_first, a_first));
  CHECK(concurrent(a_first, b_first));
  CHECK(concurrent(main_spawn, b_first));
  CHECK_FALSE(concurrent(main_spawn, a_first));
  CHECK_FALSE(concurrent(a_first, a_first));
  VectorClock b_after_join = b_first;
  b_after_join.join(a_first);
  b_after_join.tick(kClockB);
  CHECK(happens_before(a_first, b_after_join));
  CHECK(happens_before(b_first, b_after_join));
  CHECK(b_after_join.covers(kClockA, 1));
  CHECK_FALSE(b_after_join.covers(kClockA, 2));
}

TEST_CASE("a cleared vector clock knows nothing again", "[sim][vector_clock]") {
  VectorClock c = clock_of({3, 1});
  c.clear();
  CHECK(c.size() == 0);
  CHECK(c == VectorClock{});
}
