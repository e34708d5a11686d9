#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"

using namespace interleave;
using Catch::Matchers::StartsWith;

namespace {

// limited_outcome(body) is how body ends under fifo with a step limit of 3000.
Outcome limited_outcome(const std::function<void(Simulator&)>& body) {
  RunConfig config;
  config.max_steps = 3000;
  Simulator sim(config);
  FifoPolicy fifo;
  fifo.begin_run();
  return sim.run(fifo, [&] { body(sim); }).outcome;
}

}  // namespace

TEST_CASE("a run that reaches the step limit while working says it may just be longer",
          "[sim][outcome]") {
  const Outcome o = limited_outcome([](Simulator& sim) {
    Shared<int> x(sim, "x", 0);
    for (int i = 0; i < 10'000; ++i) x.store(i);
  });
  CHECK(o.status == Status::livelock);
  CHECK_THAT(o.message,
             StartsWith("step limit of 3000 reached while no fiber spun (the run may just be "
                        "longer: raise the step limit); kept running in the last 1000 steps: "
                        "main (1000 steps)"));
}

TEST_CASE("a run that spins into the step limit is called a livelock plainly", "[sim][outcome]") {
  const Outcome o = limited_outcome([](Simulator& sim) {
    for (;;) sim.yield();
  });
  CHECK(o.status == Status::livelock);
  CHECK(o.message ==
        "step limit of 3000 reached; kept running in the last 1000 steps: main (1000 steps)");
}
