#include "sim/run_diagnostics.h"

#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

using namespace interleave;

TEST_CASE("the step limit message counts each fiber's steps in the window", "[sim][parts]") {
  SpinWindow window;
  window.open(1004);  // the window is the last 1,000 steps: it opens at step 4
  CHECK(window.start == 4);
  window.count(2);  // before the window: not counted
  window.count(5);
  CHECK(window.spins == 1);
  std::vector<FiberId> schedule(1004, FiberId{1});
  for (std::size_t k = 0; k < 10; ++k) schedule[k] = FiberId{2};  // steps 4..9 are t2's too
  const std::vector<std::string_view> names{"main", "t1", "t2"};
  CHECK(step_limit_message(1004, window, schedule, names) ==
        "step limit of 1004 reached; kept running in the last 1000 steps: t1 (994 steps), "
        "t2 (6 steps)");
}

TEST_CASE("the step limit message says when no fiber spun", "[sim][parts]") {
  SpinWindow window;
  window.open(3);
  CHECK(window.start == 0);
  const std::vector<FiberId> schedule{FiberId{0}, FiberId{0}, FiberId{0}};
  const std::vector<std::string_view> names{"main"};
  CHECK(step_limit_message(3, window, schedule, names) ==
        "step limit of 3 reached while no fiber spun (the run may just be longer: raise the step "
        "limit); kept running in the last 3 steps: main (3 steps)");
}

TEST_CASE("the deadlock message names what each blocked fiber waits for", "[sim][parts]") {
  std::vector<BlockedFiber> blocked(3);
  blocked[0].name = "t1";
  blocked[0].in = OpKind::wait;
  blocked[0].object_kind = "wait_queue";
  blocked[0].target = "fork 1.queue";
  blocked[1].name = "main";
  blocked[1].in = OpKind::join;
  blocked[1].target = "t1";
  blocked[2].name = "t2";
  blocked[2].in = OpKind::sleep;
  CHECK(deadlock_message(blocked) ==
        "no fiber can run: t1 waits on wait_queue 'fork 1.queue'; main waits to join t1; t2 is "
        "blocked");
  CHECK(deadlock_message({}).empty());
}

TEST_CASE("the idle skip note gives the skipped time in microseconds and the spin steps",
          "[sim][parts]") {
  CHECK(idle_skip_note(std::chrono::microseconds(1500), 150) ==
        "every runnable fiber is spinning: the clock skips 1500 us (150 spin steps) to the next "
        "timer");
}

TEST_CASE("the deadlock message names primitives, their holders and the cycle of waits",
          "[sim][parts]") {
  std::vector<BlockedFiber> blocked(4);
  blocked[0].id = FiberId{0};
  blocked[0].name = "main";
  blocked[0].in = OpKind::join;
  blocked[0].target = "p0";
  blocked[0].waits_on = FiberId{1};
  for (std::uint32_t i = 1; i <= 3; ++i) {
    BlockedFiber& b = blocked[i];
    b.id = FiberId{i};
    b.in = OpKind::wait;
    b.object_kind = "wait_queue";
    b.primitive_kind = "mutex";
  }
  blocked[1].name = "p0";
  blocked[1].holds = {"mutex 'fork 0'"};
  blocked[1].primitive = "fork 1";
  blocked[1].held_by = "p1";
  blocked[1].waits_on = FiberId{2};
  blocked[2].name = "p1";
  blocked[2].holds = {"mutex 'fork 1'", "mutex 'salt'"};
  blocked[2].primitive = "fork 0";
  blocked[2].held_by = "p0";
  blocked[2].waits_on = FiberId{1};
  blocked[3].name = "p2";
  blocked[3].primitive = "pepper";  // held by nobody: no edge
  CHECK(wait_cycle(blocked) == std::vector<std::size_t>{1, 2});
  CHECK(deadlock_message(blocked) ==
        "no fiber can run: main waits to join p0; p0 holds mutex 'fork 0' and waits for mutex "
        "'fork 1', held by p1; p1 holds mutex 'fork 1', mutex 'salt' and waits for mutex 'fork 0', "
        "held by p0; p2 waits for mutex 'pepper'; the waits form a cycle: p0 -> p1 -> p0");
}

TEST_CASE("a wait cycle starts at its lowest fiber whichever fiber the walk starts from",
          "[sim][parts]") {
  std::vector<BlockedFiber> blocked(3);
  for (std::uint32_t i = 0; i < 3; ++i) {
    blocked[i].id = FiberId{2 - i};                  // listed 2, 1, 0
    blocked[i].waits_on = FiberId{(2 - i + 1) % 3};  // 2 -> 0, 1 -> 2, 0 -> 1
  }
  CHECK(wait_cycle(blocked) == std::vector<std::size_t>{2, 1, 0});  // fibers 0 -> 1 -> 2
  blocked[0].waits_on = kNoFiber;                                   // break it
  CHECK(wait_cycle(blocked).empty());
}
