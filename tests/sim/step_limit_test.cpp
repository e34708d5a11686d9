#include <catch2/catch.hpp>
#include <string>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

using namespace interleave;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

TEST_CASE("a run that reaches the step limit while working says it may just be longer",
          "[sim][outcome]") {
  RunConfig config;
  config.max_steps = 3000;
  Simulator sim(config);
  FifoPolicy fifo;
  fifo.begin_run();
  const RunResult& r = sim.run(fifo, [&] {
    Shared<int> x(sim, "x", 0);
    for (int i = 0; i < 10'000; ++i) x.store(i);
  });
  CHECK(r.outcome.status == Status::livelock);
  CHECK_THAT(r.outcome.message,
             StartsWith("step limit of 3000 reached while no fiber spun (the run may just be "
                        "longer: raise the step limit); kept running in the last 1000 steps: "
                        "main (1000 steps)"));
}

TEST_CASE("a run that spins into the step limit is called a livelock plainly", "[sim][outcome]") {
  RunConfig config;
  config.max_steps = 3000;
  Simulator sim(config);
  FifoPolicy fifo;
  fifo.begin_run();
  const RunResult& r = sim.run(fifo, [&] {
    for (;;) sim.yield();
  });
  CHECK(r.outcome.status == Status::livelock);
  CHECK(r.outcome.message ==
        "step limit of 3000 reached; kept running in the last 1000 steps: main (1000 steps)");
}
