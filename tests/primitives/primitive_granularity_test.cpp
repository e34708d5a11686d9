// Primitive granularity (sim/primitive_call.h): a built-in primitive's operation is one step, a
// call whose gate is closed is no step, and the search still reaches every outcome it reached
// with every atomic step visible.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "primitives/barrier.h"
#include "primitives/mutex.h"
#include "primitives/queue.h"
#include "primitives/rw_lock.h"
#include "primitives/semaphore.h"
#include "sim/explore/explore.h"
#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/recorded_trace.h"
#include "traces/trace_json.h"

using namespace interleave;
using namespace interleave::testing;
using namespace std::chrono_literals;

namespace {

// entry_orders(threads, enter) runs `threads` fibers that each call enter(i, note) once, where
// note(i) appends i to the order in which they got in (plain state, touched as such), and reports
// that order as a number (digits in entry order).
void entry_orders(Simulator& sim, int threads,
                  const std::function<void(int, const std::function<void()>&)>& enter) {
  const ObjectId order_state = sim.plain_state();
  std::int64_t order = 0;
  {
    std::vector<Thread> ts;
    ts.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) {
      std::string name = "t";  // (not "t" + ...: g++ 12 warns wrongly about its size)
      name += std::to_string(i);
      ts.emplace_back(sim, name, [&, i] {
        enter(i, [&, i] {
          sim.touch_plain(order_state);
          order = order * 10 + i + 1;
        });
      });
    }
    for (Thread& t : ts) t.join();
  }
  sim.report("order", order);
}

// first_results(body, granularity, runs) searches body completely at granularity and is the set
// of the first result each outcome reports (every outcome must be ok); runs receives the count.
std::set<std::int64_t> first_results(const std::function<void(Simulator&)>& body,
                                     Granularity granularity, std::uint64_t* runs = nullptr) {
  ExploreOptions o;
  o.max_runs = 200'000;
  const ExploreResult r = explore_scenario(body, RunConfig{.granularity = granularity}, o);
  REQUIRE(r.complete);
  if (runs != nullptr) *runs = r.runs;
  std::set<std::int64_t> orders;
  for (const OutcomeClass& c : r.outcomes) {
    REQUIRE(c.status == Status::ok);
    orders.insert(std::get<std::int64_t>(c.results.at(0).second));
  }
  return orders;
}

// permutations(n) is every order of 1..n as a number.
std::set<std::int64_t> permutations(int n) {
  std::vector<int> v;
  for (int i = 1; i <= n; ++i) v.push_back(i);
  std::set<std::int64_t> out;
  do {
    std::int64_t x = 0;
    for (int d : v) x = x * 10 + d;
    out.insert(x);
  } while (std::next_permutation(v.begin(), v.end()));
  return out;
}

}  // namespace

TEST_CASE("every order of entering a mutex is reached at both granularities",
          "[primitives][granularity][explore]") {
  // Four threads at primitive granularity; three at both (four at atomic granularity take more
  // than the budget). The exact count of runs (one per order) is dpor/lockinc's test: here the
  // plain state touched inside the section wakes every sleeping fiber, which costs runs.
  const auto body = [](int threads) {
    return [threads](Simulator& sim) {
      Mutex m(sim, "m");
      entry_orders(sim, threads, [&](int, const std::function<void()>& note) {
        std::lock_guard<Mutex> guard(m);
        note();
      });
    };
  };
  std::uint64_t primitive_runs = 0;
  std::uint64_t atomic_runs = 0;
  CHECK(first_results(body(4), Granularity::primitive) == permutations(4));
  CHECK(first_results(body(3), Granularity::primitive, &primitive_runs) == permutations(3));
  CHECK(first_results(body(3), Granularity::atomic, &atomic_runs) == permutations(3));
  CHECK(primitive_runs < atomic_runs);
}

TEST_CASE("every order of acquiring a semaphore of one unit is reached at primitive granularity",
          "[primitives][granularity][explore]") {
  const auto body = [](Simulator& sim) {
    Semaphore s(sim, "s", 1);
    entry_orders(sim, 4, [&](int, const std::function<void()>& note) {
      s.acquire();
      note();
      s.release();
    });
  };
  CHECK(first_results(body, Granularity::primitive) == permutations(4));
}

TEST_CASE("every order of writers on a readers-writer lock is reached at primitive granularity",
          "[primitives][granularity][explore]") {
  const auto body = [](Simulator& sim) {
    RwLock l(sim, "l");
    entry_orders(sim, 3, [&](int, const std::function<void()>& note) {
      l.lock();
      note();
      l.unlock();
    });
  };
  CHECK(first_results(body, Granularity::primitive) == permutations(3));
  CHECK(first_results(body, Granularity::atomic) == permutations(3));
}

TEST_CASE("every order of getting from a queue is reached at primitive granularity",
          "[primitives][granularity][explore]") {
  // Consumers wait on an empty queue (their gets are gated) until main puts as many items.
  const auto body = [](int consumers) {
    return [consumers](Simulator& sim) {
      Queue<int> q(sim, "q");
      const ObjectId order_state = sim.plain_state();
      std::int64_t order = 0;
      {
        std::vector<Thread> ts;
        for (int i = 0; i < consumers; ++i) {
          std::string name = "c";
          name += std::to_string(i);
          ts.emplace_back(sim, name, [&, i] {
            q.get();
            sim.touch_plain(order_state);
            order = order * 10 + i + 1;
          });
        }
        for (int i = 0; i < consumers; ++i) q.put(i);
        for (Thread& t : ts) t.join();
      }
      sim.report("order", order);
    };
  };
  CHECK(first_results(body(3), Granularity::primitive) == permutations(3));
  CHECK(first_results(body(2), Granularity::primitive) == permutations(2));
  // (At atomic granularity even two consumers take more than the budget: a queue is a mutex and
  // three condition variables, every atomic step of them visible.)
}

TEST_CASE("a timed lock gives up at its deadline at primitive granularity as at atomic",
          "[primitives][granularity][explore]") {
  // t0 holds the mutex for 10 steps of 1 µs; t1 tries for `wait`: the outcomes (got it or not)
  // are the same at both granularities.
  for (const Nanos wait : {Nanos{2us}, Nanos{50us}}) {
    INFO("try_lock_for " << wait.count() << " ns");
    const auto body = [wait](Simulator& sim) {
      Mutex m(sim, "m");
      std::int64_t got = -1;
      {
        Thread holder(sim, "t0", [&] {
          std::lock_guard<Mutex> guard(m);
          sim.sleep(10us);
        });
        Thread taker(sim, "t1", [&] {
          got = m.try_lock_for(wait) ? 1 : 0;
          if (got == 1) m.unlock();
        });
      }
      sim.report("got", got);
    };
    const std::set<std::int64_t> at[2] = {first_results(body, Granularity::atomic),
                                          first_results(body, Granularity::primitive)};
    CHECK(at[0] == at[1]);
    CHECK(at[1].contains(1));  // t1 first, or after t0's section
    if (wait == Nanos{2us}) CHECK(at[1].contains(0));
  }
}

TEST_CASE("a run at primitive granularity shows each call as one step and replays",
          "[primitives][granularity][traces]") {
  Scenario s;
  s.name = "granularity";
  s.body = [](Simulator& sim, const Params&) {
    Mutex m(sim, "lock");
    Thread t(sim, "t1", [&] { std::lock_guard<Mutex> guard(m); });
    std::lock_guard<Mutex> guard(m);
  };
  const Trace t = fifo_trace(s, RunConfig{.granularity = Granularity::primitive});
  CHECK(t.version() == 2);
  std::vector<std::string> calls;
  for (const TraceEvent& e : t.events) {
    if (e.op == OpKind::call) calls.push_back(std::string(to_string(e.call)));
    // No atomic step of the mutex is a step of its own.
    CHECK(e.op != OpKind::compare_exchange);
    CHECK(e.op != OpKind::exchange);
  }
  CHECK(calls == std::vector<std::string>{"lock", "unlock", "lock", "unlock"});
  REQUIRE(t.objects.size() >= 1);
  CHECK(t.objects[0].kind == "mutex");
  CHECK(t.objects[0].name == "lock");
  // The JSON form reads back as the same trace, granularity and calls included.
  TraceReadResult back = read_trace(to_json(t));
  REQUIRE(back.trace);
  CHECK(*back.trace == t);
  CHECK(back.trace->config.granularity == Granularity::primitive);
  // At atomic granularity the mutex's own atomic steps are the steps.
  const Trace atomic = fifo_trace(s);
  CHECK(atomic.version() == 1);
  CHECK(std::none_of(atomic.events.begin(), atomic.events.end(),
                     [](const TraceEvent& e) { return e.op == OpKind::call; }));
  CHECK(std::any_of(atomic.events.begin(), atomic.events.end(),
                    [](const TraceEvent& e) { return e.op == OpKind::compare_exchange; }));
}

TEST_CASE("a barrier's action runs before any party leaves, at both granularities",
          "[primitives][granularity][explore]") {
  // The action is user code inside the last arrival's call: at primitive granularity it takes
  // steps of its own (PrimitiveCall::pause), and still every party reads what it wrote.
  const auto body = [](Simulator& sim) {
    Shared<int> phase(sim, "phase", 0);
    Barrier b(sim, "b", 2, [&] { phase.store(phase.load() + 1); });
    std::int64_t seen = 0;
    {
      Thread t0(sim, "t0", [&] {
        b.wait();
        seen += phase.load();
      });
      Thread t1(sim, "t1", [&] {
        b.wait();
        seen += 10 * phase.load();
      });
    }
    sim.report("seen", seen);
  };
  const std::set<std::int64_t> at[2] = {first_results(body, Granularity::atomic),
                                        first_results(body, Granularity::primitive)};
  CHECK(at[1] == std::set<std::int64_t>{11});
  CHECK(at[0] == at[1]);
}
