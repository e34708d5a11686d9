#include <catch2/catch.hpp>

#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "sim/wait_queue.h"

using namespace interleave;
using namespace std::chrono_literals;

TEST_CASE("a fiber preempted before a sleep is unwound, not put to sleep, when the run fails",
          "[sim][unwind]") {
  bool ran_past_sleep = false;
  {
    Simulator sim;
    FifoPolicy fifo;
    auto r = sim.run(fifo, [&] {
      Thread sleeper(sim, "sleeper", [&] {
        sim.yield();    // fifo switches to the failer here
        sim.sleep(1s);  // pending when the run ends
        ran_past_sleep = true;
      });
      Thread failer(sim, "failer", [&] { sim.fail("stop"); });
    });
    CHECK(r.outcome.status == Status::failed);
  }  // destroying the simulator must find no suspended fiber left
  CHECK_FALSE(ran_past_sleep);
}

TEST_CASE("a fiber blocked in a wait is unwound when the run fails", "[sim][unwind]") {
  bool ran_past_wait = false;
  {
    Simulator sim;
    FifoPolicy fifo;
    auto r = sim.run(fifo, [&] {
      Atomic<int> word(sim, "word", 0);
      WaitQueue queue(sim, "queue");
      Thread waiter(sim, "waiter", [&] {
        queue.wait_if(word, 0);
        ran_past_wait = true;
      });
      Thread failer(sim, "failer", [&] { sim.fail("stop"); });
    });
    CHECK(r.outcome.status == Status::failed);
  }
  CHECK_FALSE(ran_past_wait);
}
