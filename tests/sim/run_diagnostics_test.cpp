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
