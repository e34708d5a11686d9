#include "primitives/bounded_semaphore.h"

#include <catch2/catch.hpp>
#include <vector>

#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/occupancy.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

// Four fibers pass through a section a BoundedSemaphore(2) guards, releasing correctly.
void bounded_two(Simulator& sim) {
  BoundedSemaphore sem(sim, "b", 2);
  Occupancy section;
  section.allowed = 2;
  {
    std::vector<Thread> ts;
    for (int t = 0; t < 4; ++t) {
      ts.emplace_back(sim, [&] {
        sem.acquire();
        section.enter(sim);
        sim.yield();
        section.leave();
        sem.release();
      });
    }
  }
}

}  // namespace

TEST_CASE("bounded semaphore admits at most its count under 1000 random schedules",
          "[primitives][bounded_semaphore]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, bounded_two);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("bounded semaphore admits at most its count under 1000 PCT schedules",
          "[primitives][bounded_semaphore]") {
  const auto bad = first_not_ok(pct_policy(3, 100), 1, 1000, bounded_two);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("releasing a bounded semaphore past its initial value fails the run",
          "[primitives][bounded_semaphore]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    BoundedSemaphore sem(sim, "b", 2);
    sem.acquire();
    sem.release();
    Thread extra(sim, "extra", [&] { sem.release(); });
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message ==
        "extra released bounded semaphore b too many times: its value would be 3, above its "
        "initial value 2");
}

TEST_CASE("a plain semaphore accepts the same extra release", "[primitives][bounded_semaphore]") {
  Simulator sim;
  FifoPolicy fifo;
  std::int32_t value = 0;
  auto r = sim.run(fifo, [&] {
    Semaphore sem(sim, "s", 2);
    sem.release();
    value = sem.value();
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(value == 3);
}
