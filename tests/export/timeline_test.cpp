#include "export/timeline.h"

#include <catch2/catch.hpp>

#include "scenarios/article/lock.h"
#include "scenarios/article/naive_spinlock.h"
#include "scenarios/article/race.h"
#include "scenarios/article/semaphore_server.h"
#include "scenarios/article/spinlock.h"
#include "sim/policies/fifo.h"
#include "sim/policies/random.h"
#include "tests/support/recorded_trace.h"

using namespace interleave;
using interleave::testing::fifo_trace;
using interleave::testing::random_trace;

namespace {

constexpr std::size_t kMain = 0;
constexpr std::size_t kT0 = 1;
constexpr std::size_t kT3 = 4;

}  // namespace

TEST_CASE("in the race, main is blocked in its join until t0's exit wakes it",
          "[traces][timeline]") {
  const Trace t = fifo_trace(article_race());
  const Timeline tl = build_timeline(t);
  REQUIRE(t.events[5].op == OpKind::join);
  REQUIRE(t.events[8].op == OpKind::exit);
  CHECK(tl.state(tl.step_slot[5], kMain) == LaneState::running);
  for (std::size_t e = 6; e <= 8; ++e)
    CHECK(tl.state(tl.step_slot[e], kMain) == LaneState::blocked);
  CHECK(tl.state(tl.step_slot[9], kMain) == LaneState::runnable);
  CHECK(tl.state(tl.step_slot[0], kT0) == LaneState::unborn);
  CHECK(tl.state(tl.step_slot[1], kT0) == LaneState::runnable);
  CHECK(tl.state(tl.step_slot[9], kT0) == LaneState::exited);
}

TEST_CASE("in the race, t3 sleeps through the clock's jump and its timer wakes it",
          "[traces][timeline]") {
  const Trace t = fifo_trace(article_race());
  const Timeline tl = build_timeline(t);
  const std::size_t gap = tl.step_slot[23] + 1;
  REQUIRE(tl.slots[gap].gap);
  CHECK(tl.slots[gap].end - tl.slots[gap].begin > std::chrono::milliseconds(1999));
  CHECK(tl.state(gap, kT3) == LaneState::sleeping);
  CHECK(tl.state(gap, kMain) == LaneState::blocked);
  CHECK(tl.state(tl.step_slot[24], kT3) == LaneState::running);
  bool timer = false;
  for (const Wakeup& w : tl.wakeups) {
    if (w.kind == WakeKind::timer) {
      timer = true;
      CHECK(w.woken == FiberId{kT3});
      CHECK(w.event == 24);
      CHECK_FALSE(w.waker);
    }
  }
  CHECK(timer);
}

TEST_CASE("wake-ups name the step and the fiber that woke", "[traces][timeline]") {
  const Trace t = fifo_trace(article_race());
  const Timeline tl = build_timeline(t);
  std::size_t spawns = 0;
  std::size_t wakes = 0;
  for (const Wakeup& w : tl.wakeups) {
    if (w.kind == WakeKind::spawn) {
      ++spawns;
      CHECK(*w.waker == FiberId{0});
      CHECK(t.events[w.event].op == OpKind::spawn);
    }
    if (w.kind == WakeKind::wake) {
      ++wakes;
      CHECK(w.woken == FiberId{0});
      CHECK(t.events[w.event].op == OpKind::exit);
      CHECK(*w.waker == t.events[w.event].fiber);
    }
  }
  CHECK(spawns == 5);
  CHECK(wakes == 2);  // t0 ends main's first join, t3 its fourth
}

TEST_CASE("failed test-and-sets and yields spin, and the spinner keeps spinning through the jump",
          "[traces][timeline]") {
  const Trace t = fifo_trace(article_spinlock());
  const Timeline tl = build_timeline(t);
  std::size_t spins = 0;
  for (std::size_t e = 0; e < t.events.size(); ++e) {
    const TraceEvent& ev = t.events[e];
    const bool expected = ev.op == OpKind::yield || (ev.op == OpKind::test_and_set && ev.read == 1);
    CHECK(tl.spins[e] == expected);
    spins += tl.spins[e];
    if (tl.spins[e]) CHECK(tl.state(tl.step_slot[e], index(ev.fiber)) == LaneState::spinning);
  }
  CHECK(spins == 4);
  bool spun_through_gap = false;
  for (std::size_t s = 0; s < tl.slots.size(); ++s) {
    if (tl.slots[s].gap && tl.state(s, 5) == LaneState::spinning) spun_through_gap = true;
  }
  CHECK(spun_through_gap);
}

TEST_CASE("the naive spin lock's repeated loads are one spinning run", "[traces][timeline]") {
  RunConfig config;
  config.max_steps = 3000;
  const Trace t = fifo_trace(article_naive_spinlock(), config);
  const Timeline tl = build_timeline(t);
  std::size_t covered = 0;
  StepRun longest;
  for (const StepRun& r : tl.runs) {
    CHECK(r.first == covered);
    covered += r.count;
    if (r.count > longest.count) longest = r;
  }
  CHECK(longest.count > 2900);
  for (std::size_t e = longest.first; e < longest.first + longest.count; ++e) {
    CHECK(t.events[e].op == OpKind::load);
    CHECK(tl.spins[e]);
  }
  CHECK(covered == t.events.size());
  // Without a minimum every identical step stands alone only when asked.
  CHECK(build_timeline(t, 1'000'000).runs.size() == t.events.size());
}

TEST_CASE("slots follow each other in time and exactly the step's fiber runs in each step slot",
          "[traces][timeline]") {
  for (const Trace& t : {fifo_trace(article_semaphore_server()), random_trace(article_lock(), 2),
                         random_trace(article_spinlock(), 3), random_trace(article_race(), 4)}) {
    INFO(t.scenario << " under " << t.policy.name);
    const Timeline tl = build_timeline(t);
    REQUIRE(tl.states.size() == tl.slots.size() * t.fibers.size());
    for (std::size_t s = 0; s + 1 < tl.slots.size(); ++s) {
      CHECK(tl.slots[s].begin <= tl.slots[s].end);
      CHECK(tl.slots[s].end == tl.slots[s + 1].begin);
    }
    for (std::size_t e = 0; e < t.events.size(); ++e) {
      const std::size_t s = tl.step_slot[e];
      for (std::size_t f = 0; f < t.fibers.size(); ++f) {
        const LaneState st = tl.state(s, f);
        const bool on_cpu = st == LaneState::running || st == LaneState::spinning;
        CHECK(on_cpu == (f == index(t.events[e].fiber)));
      }
    }
    // Nobody comes back after exiting or goes back to not started.
    for (std::size_t f = 0; f < t.fibers.size(); ++f) {
      bool born = false;
      bool exited = false;
      for (std::size_t s = 0; s < tl.slots.size(); ++s) {
        const LaneState st = tl.state(s, f);
        if (born) CHECK(st != LaneState::unborn);
        if (exited) CHECK(st == LaneState::exited);
        born = born || st != LaneState::unborn;
        exited = exited || st == LaneState::exited;
      }
    }
  }
}
