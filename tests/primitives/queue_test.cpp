#include "primitives/queue.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;
using namespace std::chrono_literals;

namespace {

// Two producers put three items each into a queue of capacity 2; two consumers get three
// each. Every item arrives exactly once, each producer's items in order.
void producers_and_consumers(Simulator& sim) {
  Queue<int> q(sim, "q", 2);
  std::vector<std::vector<int>> got(2);
  {
    std::vector<Thread> ts;
    for (int p = 0; p < 2; ++p) {
      ts.emplace_back(sim, [&, p] {
        for (int k = 0; k < 3; ++k) q.put(10 * p + k);
      });
    }
    for (int c = 0; c < 2; ++c) {
      ts.emplace_back(sim, [&, c] {
        for (int k = 0; k < 3; ++k) got[static_cast<std::size_t>(c)].push_back(q.get());
      });
    }
  }
  std::vector<int> all;
  for (const auto& g : got) {
    for (int p = 0; p < 2; ++p) {  // per producer, a consumer sees items in put order
      std::vector<int> mine;
      for (int v : g) {
        if (v / 10 == p) mine.push_back(v);
      }
      sim.check(std::is_sorted(mine.begin(), mine.end()), "a producer's items were reordered");
    }
    all.insert(all.end(), g.begin(), g.end());
  }
  std::sort(all.begin(), all.end());
  sim.check(all == std::vector<int>{0, 1, 2, 10, 11, 12}, "an item was lost or duplicated");
  sim.check(q.empty(), "the queue is not empty at the end");
}

}  // namespace

TEST_CASE("queue delivers every item once and in order under 1000 random schedules",
          "[primitives][queue]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, producers_and_consumers);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("queue delivers every item once and in order under 1000 PCT schedules",
          "[primitives][queue]") {
  const auto bad = first_not_ok(pct_policy(3, 300), 1, 1000, producers_and_consumers);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("queue timeouts: get on empty and put on full give up at their deadlines",
          "[primitives][queue]") {
  Simulator sim;
  FifoPolicy fifo;
  std::optional<int> got = 7;
  bool put = true;
  bool try_put = true;
  Nanos waited{0};
  auto r = sim.run(fifo, [&] {
    Queue<int> q(sim, "q", 1);
    const Nanos start = sim.now();
    got = q.get(2ms);
    waited = sim.now() - start;
    q.put(1);
    put = q.put(2, 1ms);
    try_put = q.try_put(3);
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK_FALSE(got);
  CHECK(waited >= 2ms);
  CHECK_FALSE(put);
  CHECK_FALSE(try_put);
}

TEST_CASE("queue join waits until every item is marked done", "[primitives][queue]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, [](Simulator& sim) {
    Queue<int> q(sim, "q");
    int processed = 0;
    Thread worker(sim, "worker", [&] {
      for (int k = 0; k < 3; ++k) {
        q.get();
        ++processed;
        q.task_done();
      }
    });
    for (int k = 0; k < 3; ++k) q.put(k);
    q.join();
    sim.check(processed == 3, "join returned before every item was processed");
  });
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("calling task_done more often than items were put fails the run", "[primitives][queue]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Queue<int> q(sim, "q");
    q.put(1);
    q.get();
    q.task_done();
    q.task_done();
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "main called task_done() on queue q more times than items were put");
}
