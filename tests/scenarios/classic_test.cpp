#include <catch2/catch.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/simulator.h"
#include "tests/support/builtin_scenario.h"
#include "tests/support/policies.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

// A scenario with parameter assignments, as a test case runs it.
struct Case {
  std::string name;
  std::vector<std::string> params;
};

std::string label(const Case& c) {
  std::string s = c.name;
  for (const std::string& p : c.params) s += " " + p;
  return s;
}

RunResult run_fifo(const std::function<void(Simulator&)>& body) {
  Simulator sim;
  FifoPolicy fifo;
  return sim.run(fifo, [&] { body(sim); });
}

// The bug hunts give PCT a step estimate of 15: every bug here needs its preemptions within the
// first steps after the threads start, and a small estimate puts the change points there.
constexpr std::uint64_t kHuntSteps = 15;

// What the first 1000 seeds of random and of PCT (depth 3) found.
struct Catches {
  std::optional<SeededRun> random;
  std::optional<SeededRun> pct;
};

// hunt(body, pred) is the first run satisfying pred under seeds 1..1000 of each policy.
template <class Pred>
Catches hunt(const std::function<void(Simulator&)>& body, Pred pred) {
  return Catches{first_seed(random_policy, 1, 1000, body, pred),
                 first_seed(pct_policy(3, kHuntSteps), 1, 1000, body, pred)};
}

// failed_with(pattern) matches a failed run whose whole message matches the regex pattern.
auto failed_with(std::string pattern) {
  return [re = std::regex(pattern)](const RunResult& r) {
    return r.outcome.status == Status::failed && std::regex_match(r.outcome.message, re);
  };
}

}  // namespace

TEST_CASE("the catalog has every classic problem in its correct and its buggy form",
          "[scenarios][classic]") {
  std::vector<std::string> names;
  for (const Scenario& s : builtin_scenarios().all()) {
    if (s.name.rfind("classic/", 0) != 0) continue;
    names.push_back(s.name);
    INFO(s.name);
    CHECK_FALSE(s.description.empty());
    CHECK(s.description.find('\n') == std::string::npos);
  }
  CHECK(names == std::vector<std::string>{
                     "classic/abba", "classic/abba-ordered", "classic/bounded-buffer",
                     "classic/bounded-buffer-if", "classic/lost-wakeup",
                     "classic/lost-wakeup-fixed", "classic/one-lane-bridge",
                     "classic/one-lane-bridge-racy", "classic/peterson", "classic/peterson-broken",
                     "classic/philosophers", "classic/philosophers-ordered",
                     "classic/readers-writers", "classic/readers-writers-racy",
                     "classic/sleeping-barber", "classic/sleeping-barber-racy"});
}

TEST_CASE(
    "every correct classic form keeps its guarantee under fifo, 1000 random and 1000 PCT "
    "seeds",
    "[scenarios][classic]") {
  const Case c = GENERATE(values<Case>({
      {"classic/bounded-buffer", {}},
      {"classic/bounded-buffer", {"producers=2", "consumers=2", "items=2", "capacity=1"}},
      {"classic/philosophers-ordered", {}},
      {"classic/philosophers-ordered", {"n=4", "meals=2"}},
      {"classic/readers-writers", {}},
      {"classic/readers-writers", {"readers=2", "writers=2"}},
      {"classic/peterson", {}},
      {"classic/peterson", {"rounds=2"}},
      {"classic/lost-wakeup-fixed", {}},
      {"classic/lost-wakeup-fixed", {"waiters=2"}},
      {"classic/abba-ordered", {}},
      {"classic/sleeping-barber", {}},
      {"classic/sleeping-barber", {"customers=3", "chairs=1"}},
      {"classic/one-lane-bridge", {}},
      {"classic/one-lane-bridge", {"east=2", "west=2"}},
  }));
  INFO(label(c));
  const auto body = scenario_body(builtin_scenario(c.name), c.params);
  const RunResult fifo = run_fifo(body);
  REQUIRE(fifo.outcome.status == Status::ok);
  const auto random_bad = first_not_ok(random_policy, 1, 1000, body);
  INFO("random: " << describe(random_bad));
  CHECK_FALSE(random_bad);
  // PCT's step estimate is the length of the fifo run, as `interleave run --policy pct` does.
  const auto pct_bad = first_not_ok(pct_policy(3, fifo.stats.steps), 1, 1000, body);
  INFO("pct: " << describe(pct_bad));
  CHECK_FALSE(pct_bad);
}

TEST_CASE("under fifo, which never preempts, every buggy classic form happens to end ok",
          "[scenarios][classic]") {
  const std::string name =
      GENERATE(as<std::string>{}, "classic/bounded-buffer-if", "classic/philosophers",
               "classic/readers-writers-racy", "classic/peterson-broken", "classic/lost-wakeup",
               "classic/abba", "classic/sleeping-barber-racy", "classic/one-lane-bridge-racy");
  INFO(name);
  const RunResult r = run_fifo(scenario_body(builtin_scenario(name)));
  CHECK(r.outcome.status == Status::ok);
  CHECK(r.outcome.message.empty());
}

TEST_CASE("bounded-buffer-if: a consumer whose item was stolen takes from the empty buffer",
          "[scenarios][classic]") {
  const std::string stolen =
      "consumer (\\d) took an item from the empty buffer: it was woken with `if`, not `while`, "
      "and consumer (\\d) had taken the item first";
  const Catches c =
      hunt(scenario_body(builtin_scenario("classic/bounded-buffer-if")), failed_with(stolen));
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  REQUIRE(c.random);
  REQUIRE(c.pct);
  for (const SeededRun& run : {*c.random, *c.pct}) {
    std::smatch m;
    REQUIRE(std::regex_match(run.result.outcome.message, m, std::regex(stolen)));
    CHECK(m[1] != m[2]);  // the thief is the other consumer
  }
}

TEST_CASE("bounded-buffer-if with two producers lets one put into the full buffer",
          "[scenarios][classic]") {
  const auto body = scenario_body(builtin_scenario("classic/bounded-buffer-if"),
                                  {"producers=2", "consumers=1", "items=2", "capacity=1"});
  const auto found = first_seed(
      random_policy, 1, 1000, body,
      failed_with("producer (\\d) put an item into the full buffer \\(capacity 1\\): .* and "
                  "producer (\\d) had filled the buffer first"));
  INFO(describe(found));
  CHECK(found);
}

TEST_CASE("philosophers deadlock, each holding its left fork and waiting for its right one",
          "[scenarios][classic]") {
  const auto deadlock = [](const RunResult& r) { return r.outcome.status == Status::deadlock; };
  const Catches c = hunt(scenario_body(builtin_scenario("classic/philosophers")), deadlock);
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  REQUIRE(c.random);
  REQUIRE(c.pct);
  for (const SeededRun& run : {*c.random, *c.pct}) {
    const std::string& message = run.result.outcome.message;
    CHECK_THAT(message, Catch::Contains("philosopher 0 holds mutex 'fork 0' and waits for mutex "
                                        "'fork 1', held by philosopher 1"));
    CHECK_THAT(message, Catch::Contains("philosopher 1 holds mutex 'fork 1' and waits for mutex "
                                        "'fork 2', held by philosopher 2"));
    CHECK_THAT(message, Catch::Contains("philosopher 2 holds mutex 'fork 2' and waits for mutex "
                                        "'fork 0', held by philosopher 0"));
    CHECK_THAT(message, Catch::EndsWith("; the waits form a cycle: philosopher 0 -> philosopher 1 "
                                        "-> philosopher 2 -> philosopher 0"));
  }
}

TEST_CASE("five philosophers deadlock in a cycle of all five forks", "[scenarios][classic]") {
  const auto found = first_seed(
      random_policy, 1, 1000, scenario_body(builtin_scenario("classic/philosophers"), {"n=5"}),
      [](const RunResult& r) { return r.outcome.status == Status::deadlock; });
  REQUIRE(found);
  INFO(describe(found));
  for (int i = 0; i < 5; ++i) {
    const int next = (i + 1) % 5;
    const std::string waits = "philosopher " + std::to_string(i) + " holds mutex 'fork " +
                              std::to_string(i) + "' and waits for mutex 'fork " +
                              std::to_string(next) + "', held by philosopher " +
                              std::to_string(next);
    CHECK(found->result.outcome.message.find(waits) != std::string::npos);
  }
}

TEST_CASE("philosophers refuse a table of fewer than two", "[scenarios][classic]") {
  CHECK_THROWS_AS(scenario_body(builtin_scenario("classic/philosophers"), {"n=1"}),
                  std::invalid_argument);
}

TEST_CASE("readers-writers lets readers in together under some seed", "[scenarios][classic]") {
  const auto found =
      first_seed(random_policy, 1, 1000, scenario_body(builtin_scenario("classic/readers-writers")),
                 [](const RunResult& r) {
                   return r.outcome.status == Status::ok && int_result(r, "most_readers") == 2;
                 });
  INFO(describe(found));
  CHECK(found);
}

TEST_CASE("readers-writers-racy lets a reader in with the writer", "[scenarios][classic]") {
  const Catches c =
      hunt(scenario_body(builtin_scenario("classic/readers-writers-racy")),
           failed_with("reader \\d started reading while writer 0 was writing|"
                       "writer 0 started writing while reader \\d( and reader \\d)? (was|were) "
                       "reading"));
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  CHECK(c.random);
  CHECK(c.pct);
}

TEST_CASE("readers-writers-racy can lose a count and leave the writer blocked forever",
          "[scenarios][classic]") {
  const auto found = first_seed(
      random_policy, 1, 1000, scenario_body(builtin_scenario("classic/readers-writers-racy")),
      [](const RunResult& r) { return r.outcome.status == Status::deadlock; });
  REQUIRE(found);
  INFO(describe(found));
  CHECK_THAT(found->result.outcome.message, Catch::Contains("writer 0 waits for semaphore 'room'"));
}

TEST_CASE("peterson-broken lets both threads into the critical section", "[scenarios][classic]") {
  const Catches c = hunt(scenario_body(builtin_scenario("classic/peterson-broken")),
                         failed_with("t([01]) entered the critical section while t([01]) was "
                                     "inside"));
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  REQUIRE(c.random);
  REQUIRE(c.pct);
  for (const SeededRun& run : {*c.random, *c.pct}) {
    const std::string& m = run.result.outcome.message;
    CHECK(m.substr(0, 2) != m.substr(m.find("while ") + 6, 2));  // two different threads
  }
}

TEST_CASE("lost-wakeup leaves the waiter asleep on the condition variable forever",
          "[scenarios][classic]") {
  const Catches c = hunt(scenario_body(builtin_scenario("classic/lost-wakeup")),
                         [](const RunResult& r) { return r.outcome.status == Status::deadlock; });
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  REQUIRE(c.random);
  REQUIRE(c.pct);
  for (const SeededRun& run : {*c.random, *c.pct}) {
    CHECK(run.result.outcome.message ==
          "no fiber can run: main waits to join waiter 0; waiter 0 waits for condition variable "
          "'cv'");
    CHECK(int_result(run.result, "woke") == 0);
  }
}

TEST_CASE("abba deadlocks with t0 waiting for B and t1 waiting for A", "[scenarios][classic]") {
  const Catches c = hunt(scenario_body(builtin_scenario("classic/abba")),
                         [](const RunResult& r) { return r.outcome.status == Status::deadlock; });
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  REQUIRE(c.random);
  REQUIRE(c.pct);
  for (const SeededRun& run : {*c.random, *c.pct}) {
    const std::string& message = run.result.outcome.message;
    CHECK_THAT(message, Catch::Contains("t0 holds mutex 'A' and waits for mutex 'B', held by t1"));
    CHECK_THAT(message, Catch::Contains("t1 holds mutex 'B' and waits for mutex 'A', held by t0"));
    CHECK_THAT(message, Catch::EndsWith("; the waits form a cycle: t0 -> t1 -> t0"));
  }
}

TEST_CASE("sleeping-barber turns a customer away under some seed and serves both under another",
          "[scenarios][classic]") {
  const auto body = scenario_body(builtin_scenario("classic/sleeping-barber"));
  const auto turned_away = [](std::int64_t n) {
    return [n](const RunResult& r) {
      return r.outcome.status == Status::ok && int_result(r, "turned_away") == n &&
             int_result(r, "served") == 2 - n;
    };
  };
  CHECK(first_seed(random_policy, 1, 1000, body, turned_away(1)));
  CHECK(first_seed(random_policy, 1, 1000, body, turned_away(0)));
}

TEST_CASE("sleeping-barber-racy seats more customers than there are chairs",
          "[scenarios][classic]") {
  const Catches c =
      hunt(scenario_body(builtin_scenario("classic/sleeping-barber-racy")),
           failed_with("customer \\d sat down in the waiting room with 1 customer already "
                       "waiting, but it has 1 chair: the count of waiting customers read 0"));
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  CHECK(c.random);
  CHECK(c.pct);
}

TEST_CASE("one-lane-bridge lets two cars of one side cross together under some seed",
          "[scenarios][classic]") {
  const auto found =
      first_seed(random_policy, 1, 1000, scenario_body(builtin_scenario("classic/one-lane-bridge")),
                 [](const RunResult& r) {
                   return r.outcome.status == Status::ok && int_result(r, "most_on_bridge") == 2;
                 });
  INFO(describe(found));
  CHECK(found);
}

TEST_CASE("one-lane-bridge-racy puts cars of both directions on the bridge",
          "[scenarios][classic]") {
  const Catches c = hunt(scenario_body(builtin_scenario("classic/one-lane-bridge-racy")),
                         failed_with("east car \\d drove onto the bridge while west car 0 was "
                                     "on it|west car 0 drove onto the bridge while east car \\d "
                                     "(and east car \\d were|was) on it"));
  INFO("random: " << describe(c.random) << "\npct: " << describe(c.pct));
  CHECK(c.random);
  CHECK(c.pct);
}
