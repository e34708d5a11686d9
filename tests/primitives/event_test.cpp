#include "primitives/event.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/observer.h"
#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;
using namespace std::chrono_literals;

TEST_CASE(
    "event releases every waiter, which then sees what was written before set(), under "
    "1000 random schedules",
    "[primitives][event]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, [](Simulator& sim) {
    Event e(sim, "e");
    Shared<int> data(sim, "data", 0);
    std::vector<Thread> ts;
    for (int t = 0; t < 3; ++t) {
      ts.emplace_back(sim, [&] {
        sim.check(e.wait(), "wait() returned false without a timeout");
        sim.check(data.load() == 42, "a waiter passed before the data was written");
      });
    }
    data.store(42);
    e.set();
  });
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

TEST_CASE("event wait with a timeout returns false at its deadline and true once set",
          "[primitives][event]") {
  Simulator sim;
  FifoPolicy fifo;
  bool before = true;
  bool after = false;
  bool set_seen = false;
  Nanos waited{0};
  auto r = sim.run(fifo, [&] {
    Event e(sim, "e");
    const Nanos start = sim.now();
    before = e.wait(3ms);
    waited = sim.now() - start;
    Thread setter(sim, "setter", [&] {
      sim.sleep(1ms);
      e.set();
    });
    after = e.wait(5ms);
    set_seen = e.is_set();
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK_FALSE(before);
  CHECK(waited >= 3ms);
  CHECK(waited < 4ms);
  CHECK(after);
  CHECK(set_seen);
}

TEST_CASE("a cleared event blocks new waiters until the next set", "[primitives][event]") {
  Simulator sim;
  FifoPolicy fifo;
  bool got = true;
  auto r = sim.run(fifo, [&] {
    Event e(sim, "e");
    e.set();
    e.clear();
    got = e.wait(1ms);
  });
  CHECK(r.outcome.status == Status::ok);
  CHECK_FALSE(got);
}

TEST_CASE("a waiter released by set() returns true even if clear() follows at once",
          "[primitives][event]") {
  const auto bad = first_not_ok(random_policy, 1, 1000, [](Simulator& sim) {
    Event e(sim, "e");
    Thread waiter(sim, "waiter", [&] { sim.check(e.wait(10ms), "the set was missed"); });
    sim.sleep(1ms);  // the waiter is blocked in wait() by now
    e.set();
    e.clear();
  });
  INFO(describe(bad));
  CHECK_FALSE(bad);
}

namespace {

// Records the steps on one object: who did what, in order.
class ObjectSteps final : public Observer {
 public:
  explicit ObjectSteps(std::string name) : name_(std::move(name)) {}
  void on_run_start() override {
    steps.clear();
    id_.reset();
  }
  void on_object(ObjectId id, std::string_view, std::string_view name) override {
    if (name == name_) id_ = id;
  }
  void on_step(const StepEvent& e) override {
    if (id_ && e.op.object == *id_) steps.emplace_back(e.fiber, e.op.kind);
  }
  std::vector<std::pair<FiberId, OpKind>> steps;

 private:
  std::string name_;
  std::optional<ObjectId> id_;
};

}  // namespace

TEST_CASE(
    "a waiter that read the clear flag before set() never misses it, even if clear() "
    "follows before it blocks",
    "[primitives][event]") {
  Simulator sim;
  ObjectSteps word("e.word");
  int windows = 0;  // runs where the waiter read the flag before the set
  for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
    auto policy = random_policy(seed);
    policy.begin_run();
    bool got = false;
    FiberId waiter_id{0};
    const RunResult r = sim.run(
        policy,
        [&] {
          Event e(sim, "e");
          Thread waiter(sim, "waiter", [&] { got = e.wait(); });
          waiter_id = waiter.id();
          e.set();
          e.clear();
        },
        &word);
    // The waiter's first step on the word is its load; main's first is the set.
    std::optional<std::size_t> load, set;
    for (std::size_t i = 0; i < word.steps.size(); ++i) {
      const auto& [fiber, kind] = word.steps[i];
      if (!load && fiber == waiter_id && kind == OpKind::load) load = i;
      if (!set && fiber != waiter_id && kind == OpKind::compare_exchange) set = i;
    }
    if (!load || !set || *load > *set) continue;
    ++windows;
    INFO("seed " << seed << ": " << r.outcome.message);
    REQUIRE(r.outcome.status == Status::ok);
    REQUIRE(got);
  }
  CHECK(windows > 0);
}

TEST_CASE("a waiter that trusts is_set() after wait() is caught when clear() races",
          "[primitives][event]") {
  const auto found = first_seed(
      random_policy, 1, 1000,
      [](Simulator& sim) {
        Event e(sim, "e");
        Thread waiter(sim, "waiter", [&] {
          e.wait();
          sim.check(e.is_set(), "the event was clear again after wait()");
        });
        e.set();
        e.clear();
      },
      [](const RunResult& r) { return r.outcome.status == Status::failed; });
  REQUIRE(found);
  CHECK(found->result.outcome.message.find("clear again") != std::string::npos);
}
