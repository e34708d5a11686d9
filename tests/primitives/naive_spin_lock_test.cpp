#include "primitives/naive_spin_lock.h"

#include <catch2/catch.hpp>
#include <vector>

#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/occupancy.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

// Two fibers take the naive lock once each around a plain read-modify-write.
void counter_under_naive_lock(Simulator& sim) {
  NaiveSpinLock lock(sim, "lock");
  Shared<int> counter(sim, "counter", 0);
  Occupancy section;
  {
    std::vector<Thread> ts;
    for (int t = 0; t < 2; ++t) {
      ts.emplace_back(sim, [&] {
        lock.lock();
        section.enter(sim);
        const int v = counter.load();
        counter.store(v + 1);
        section.leave();
        lock.unlock();
      });
    }
  }
}

}  // namespace

TEST_CASE("naive spin lock holds when nobody is preempted (fifo)", "[primitives][naive]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] { counter_under_naive_lock(sim); });
  CHECK(r.outcome.status == Status::ok);
}

TEST_CASE("naive spin lock lets two fibers in under some random schedule", "[primitives][naive]") {
  const auto found = first_seed(random_policy, 1, 1000, counter_under_naive_lock,
                                [](const RunResult& r) { return r.outcome.status != Status::ok; });
  REQUIRE(found);
  INFO(describe(found));
  CHECK(found->result.outcome.status == Status::failed);
  CHECK(found->result.outcome.message.find("already inside") != std::string::npos);
}

TEST_CASE("naive spin lock lets two fibers in under some PCT schedule", "[primitives][naive]") {
  // A high-priority spinner that never yields starves the holder (a livelock, as under fifo);
  // a small step limit keeps those runs short.
  RunConfig config;
  config.max_steps = 10'000;
  const auto found = first_seed(
      pct_policy(3, 30), 1, 1000, counter_under_naive_lock,
      [](const RunResult& r) { return r.outcome.status == Status::failed; }, config);
  REQUIRE(found);
  INFO(describe(found));
  CHECK(found->result.outcome.message.find("already inside") != std::string::npos);
}

TEST_CASE("naive spin lock counts the loads that found it held", "[primitives][naive]") {
  std::uint64_t spins = 0;
  const auto found = first_seed(
      random_policy, 1, 100,
      [&](Simulator& sim) {
        NaiveSpinLock lock(sim, "l");
        lock.lock();
        Thread other(sim, "other", [&] {
          lock.lock();
          lock.unlock();
        });
        sim.yield();
        lock.unlock();
        other.join();
        spins = lock.spins();
      },
      [&](const RunResult& r) { return r.outcome.status == Status::ok && spins > 0; });
  CHECK(found);
}

TEST_CASE("naive spin lock under fifo spins forever behind a holder that yields",
          "[primitives][naive]") {
  RunConfig config;
  config.max_steps = 10'000;
  Simulator sim(config);
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    NaiveSpinLock lock(sim, "l");
    lock.lock();
    Thread other(sim, "other", [&] {
      lock.lock();
      lock.unlock();
    });
    sim.yield();  // fifo runs `other`, which spins without ever yielding back
    lock.unlock();
  });
  CHECK(r.outcome.status == Status::livelock);
  CHECK(r.outcome.message.find("other") != std::string::npos);
}
