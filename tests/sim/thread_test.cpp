#include "sim/thread.h"

#include <catch2/catch.hpp>
#include <memory>

#include "sim/atomic.h"
#include "sim/explore/explore.h"
#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "sim/wait_queue.h"

using namespace interleave;

namespace {

// The state a detached thread shares with main, held on the heap so that either may end first.
struct Mailbox {
  explicit Mailbox(Simulator& sim) : done(sim, "done", 0), delivered(sim, "delivered") {}
  Atomic<int> done;
  WaitQueue delivered;
};

// main detaches a worker that delivers, waits until it has, checks, and returns.
void detached_worker(Simulator& sim) {
  auto box = std::make_shared<Mailbox>(sim);
  Thread worker(sim, "worker", [box] {
    box->done.store(1);
    box->delivered.wake_all();
  });
  worker.detach();
  sim.check(!worker.joinable(), "a detached thread is not joinable");
  while (box->done.load() == 0) box->delivered.wait_if(box->done, 0);
  sim.report("done", std::int64_t{box->done.load()});
}

}  // namespace

TEST_CASE("a detached thread is not joined and runs to its end", "[sim][thread]") {
  Simulator sim(RunConfig{});
  FifoPolicy fifo;
  fifo.begin_run();
  const RunResult& r = sim.run(fifo, [&] { detached_worker(sim); });
  CHECK(r.outcome.status == Status::ok);
  CHECK(std::get<std::int64_t>(r.results.front().second) == 1);
}

TEST_CASE("a detached thread may outlive main: the run ends when every fiber has exited",
          "[sim][thread]") {
  // main returns at once; the worker still takes its three steps, on state it owns.
  Simulator sim(RunConfig{});
  FifoPolicy fifo;
  fifo.begin_run();
  auto steps_taken = std::make_shared<int>(0);
  const RunResult& r = sim.run(fifo, [&] {
    auto counter = std::make_shared<Atomic<int>>(sim, "counter", 0);
    Thread(sim, "worker", [counter, steps_taken] {
      for (int i = 0; i < 3; ++i) {
        counter->fetch_add(1);
        ++*steps_taken;
      }
    }).detach();
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(*steps_taken == 3);
}

TEST_CASE("every schedule of a detached worker is searched", "[sim][thread][explore]") {
  const ExploreResult r = explore_scenario(detached_worker, RunConfig{}, ExploreOptions{});
  CHECK(r.complete);
  CHECK_FALSE(r.failed());
  CHECK(r.runs >= 2);
}
