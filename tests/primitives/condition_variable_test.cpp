#include "primitives/condition_variable.h"

#include <catch2/catch.hpp>
#include <deque>
#include <mutex>
#include <vector>

#include "primitives/mutex.h"
#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;
using namespace std::chrono_literals;

namespace {

// A one-slot mailbox: two producers send two items each, two consumers take two each; one
// condition variable per direction, notify_one. A lost wakeup would end in a deadlock.
void mailbox(Simulator& sim) {
  Mutex m(sim, "m");
  ConditionVariable not_empty(sim, "not_empty");
  ConditionVariable not_full(sim, "not_full");
  std::deque<int> slot;  // guarded by m; at most one item
  int received = 0;      // sum of the items taken
  {
    std::vector<Thread> ts;
    for (int p = 0; p < 2; ++p) {
      ts.emplace_back(sim, [&, p] {
        for (int k = 1; k <= 2; ++k) {
          std::unique_lock<Mutex> lock(m);
          not_full.wait(lock, [&] { return slot.empty(); });
          slot.push_back(10 * p + k);
          not_empty.notify_one();
        }
      });
    }
    for (int c = 0; c < 2; ++c) {
      ts.emplace_back(sim, [&] {
        for (int k = 0; k < 2; ++k) {
          std::unique_lock<Mutex> lock(m);
          not_empty.wait(lock, [&] { return !slot.empty(); });
          received += slot.front();
          slot.pop_front();
          not_full.notify_one();
        }
      });
    }
  }
  sim.check(received == 1 + 2 + 11 + 12, "an item was lost or duplicated");
}

}  // namespace

TEST_CASE(
    "condition variables pass every item through a one-slot mailbox under 1000 random "
    "schedules",
    "[primitives][condition_variable]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, mailbox);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("condition variables pass every item through a one-slot mailbox under 1000 PCT schedules",
          "[primitives][condition_variable]") {
  const auto bad = first_not_ok(pct_policy(3, 200), 1, 1000, mailbox);
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("notify_all releases every waiter", "[primitives][condition_variable]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, [](Simulator& sim) {
    Mutex m(sim, "m");
    ConditionVariable cv(sim, "cv");
    bool ready = false;  // guarded by m
    std::vector<Thread> ts;
    for (int t = 0; t < 3; ++t) {
      ts.emplace_back(sim, [&] {
        std::unique_lock<Mutex> lock(m);
        cv.wait(lock, [&] { return ready; });
      });
    }
    {
      std::lock_guard<Mutex> lock(m);
      ready = true;
    }
    cv.notify_all();
  });
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("wait_for returns timeout at its deadline, and its predicate form returns false",
          "[primitives][condition_variable]") {
  Simulator sim;
  FifoPolicy fifo;
  std::cv_status status = std::cv_status::no_timeout;
  bool pred_result = true;
  Nanos waited{0};
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    ConditionVariable cv(sim, "cv");
    std::unique_lock<Mutex> lock(m);
    const Nanos start = sim.now();
    status = cv.wait_for(lock, 2ms);
    waited = sim.now() - start;
    pred_result = cv.wait_for(lock, 1ms, [] { return false; });
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK(status == std::cv_status::timeout);
  CHECK_FALSE(pred_result);
  CHECK(waited >= 2ms);
  CHECK(waited < 3ms);
}

TEST_CASE("waiting on a condition variable without holding the mutex fails the run",
          "[primitives][condition_variable]") {
  Simulator sim;
  FifoPolicy fifo;
  auto r = sim.run(fifo, [&] {
    Mutex m(sim, "m");
    ConditionVariable cv(sim, "cv");
    cv.wait(m);
  });
  CHECK(r.outcome.status == Status::failed);
  CHECK(r.outcome.message == "main waited on condition variable cv without holding mutex m");
}

TEST_CASE(
    "a consumer that waits with `if` instead of a loop is caught taking from an empty "
    "queue",
    "[primitives][condition_variable]") {
  const auto found = first_seed(
      random_policy, 1, 1000,
      [](Simulator& sim) {
        Mutex m(sim, "m");
        ConditionVariable cv(sim, "cv");
        std::deque<int> items;  // guarded by m
        std::vector<Thread> ts;
        for (int c = 0; c < 2; ++c) {
          ts.emplace_back(sim, [&] {
            std::unique_lock<Mutex> lock(m);
            if (items.empty()) cv.wait(lock);  // the bug: the condition is not rechecked
            sim.check(!items.empty(), "took from an empty queue");
            items.pop_front();
          });
        }
        std::unique_lock<Mutex> lock(m);
        items.push_back(1);
        lock.unlock();
        cv.notify_all();
        lock.lock();
        items.push_back(2);
        lock.unlock();
        cv.notify_all();
      },
      [](const RunResult& r) { return r.outcome.status == Status::failed; });
  REQUIRE(found);
  CHECK(found->result.outcome.message.find("took from an empty queue") != std::string::npos);
}
