#include <catch2/catch.hpp>

#include "sim/atomic.h"
#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "sim/thread.h"

using namespace interleave;
using namespace std::chrono_literals;

TEST_CASE("when every runnable fiber yields, the clock skips to the next timer as spinning",
          "[sim][spinning]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Atomic<bool> flag(sim, "flag", false);
    Thread sleeper(sim, "sleeper", [&] {
      sim.sleep(1s);
      flag.store(true);
    });
    Thread spinner(sim, "spinner", [&] {
      while (!flag.load()) sim.yield();
    });
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(r.stats.steps < 100);  // not a million executed steps
  CHECK(r.stats.clock >= Nanos(1s));
  CHECK(r.stats.spin_steps >= 999'000);  // but about a second's worth of spinning counted
  CHECK(r.stats.spin_steps <= 1'000'000);
}

TEST_CASE("a fiber that spins without yielding does not make the clock skip", "[sim][spinning]") {
  RunConfig config;
  config.max_steps = 5000;
  Simulator sim(config);
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Atomic<bool> flag(sim, "flag", false);
    Thread sleeper(sim, "sleeper", [&] {
      sim.sleep(1s);
      flag.store(true);
    });
    Thread spinner(sim, "spinner", [&] {
      while (!flag.load()) {
      }
    });
  });
  CHECK(r.outcome.status == Status::livelock);
}

TEST_CASE("yielding with no timer pending is still a livelock", "[sim][spinning]") {
  RunConfig config;
  config.max_steps = 5000;
  Simulator sim(config);
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    for (;;) sim.yield();
  });
  CHECK(r.outcome.status == Status::livelock);
}
