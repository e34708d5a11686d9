#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/policies/fifo.h"
#include "sim/policy.h"
#include "sim/simulator.h"
#include "tests/sim/explore/explore_test_support.h"
#include "tests/support/builtin_scenario.h"
#include "tests/support/seeded_runs.h"

using namespace interleave;
using namespace interleave::testing;

namespace {

// run_under(policy, name, assignments) runs the built-in scenario once under policy.
RunResult run_under(Policy& policy, std::string_view name,
                    const std::vector<std::string>& assignments = {}) {
  Simulator sim;
  auto body = scenario_body(builtin_scenario(name), assignments);
  return sim.run(policy, [&] { body(sim); });
}

// run_fifo(name, assignments) runs the built-in scenario once under fifo.
RunResult run_fifo(std::string_view name, const std::vector<std::string>& assignments = {}) {
  FifoPolicy fifo;
  return run_under(fifo, name, assignments);
}

// Runs the runnable fiber with the lowest id, keeping fiber 1 for when it is the only one left.
// Fibers are numbered in spawn order (main is 0), so in dpor/lastzero t0 runs after t1..tn.
class FiberOneLastPolicy final : public Policy {
 public:
  Decision pick(const SchedulingPoint& point) override {
    for (const FiberId f : point.runnable()) {
      if (f != FiberId{1}) return Decision::pick(f);
    }
    return Decision::pick(FiberId{1});
  }
  PolicyInfo info() const override { return PolicyInfo{"fiber-one-last", {}}; }
};

}  // namespace

TEST_CASE("the catalog has the five dpor counting scenarios", "[scenarios][dpor]") {
  std::vector<std::string> names;
  for (const Scenario& s : builtin_scenarios().all()) {
    if (s.name.rfind("dpor/", 0) == 0) names.push_back(s.name);
  }
  CHECK(names == std::vector<std::string>{"dpor/disjoint", "dpor/lastzero", "dpor/lockinc",
                                          "dpor/readers", "dpor/writers"});  // all() sorts by name
}

TEST_CASE("dpor/readers under fifo: the writer runs first and every reader sees 1",
          "[scenarios][dpor]") {
  for (const int n : {1, 2, 5}) {
    INFO("n=" << n);
    const RunResult r = run_fifo("dpor/readers", {"n=" + std::to_string(n)});
    REQUIRE(r.outcome.status == Status::ok);
    CHECK(std::get<std::vector<std::int64_t>>(result_of(r, "saw")) ==
          std::vector<std::int64_t>(static_cast<std::size_t>(n), 1));
    CHECK(int_result(r, "seen") == n);
  }
}

TEST_CASE("dpor/readers with the writer last: no reader sees 1", "[scenarios][dpor]") {
  FiberOneLastPolicy writer_last;  // the writer is fiber 1
  const RunResult r = run_under(writer_last, "dpor/readers", {"n=3"});
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(std::get<std::vector<std::int64_t>>(result_of(r, "saw")) ==
        std::vector<std::int64_t>{0, 0, 0});
  CHECK(int_result(r, "seen") == 0);
}

TEST_CASE("dpor/lastzero under fifo: t0 scans before any writer and finds a[n] == 0",
          "[scenarios][dpor]") {
  for (const int n : {1, 3, 5}) {
    INFO("n=" << n);
    const RunResult r = run_fifo("dpor/lastzero", {"n=" + std::to_string(n)});
    REQUIRE(r.outcome.status == Status::ok);
    CHECK(int_result(r, "found") == n);
  }
}

TEST_CASE("dpor/lastzero with t0 after t1..tn: the chain is complete and t0 finds a[0]",
          "[scenarios][dpor]") {
  FiberOneLastPolicy t0_last;  // t0 is fiber 1
  const RunResult r = run_under(t0_last, "dpor/lastzero", {"n=4"});
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(int_result(r, "found") == 0);
}

TEST_CASE("dpor/writers under fifo: the last thread's last store stays in x", "[scenarios][dpor]") {
  CHECK(int_result(run_fifo("dpor/writers"), "last") == 202);
  const RunResult r = run_fifo("dpor/writers", {"threads=3", "writes=4"});
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(int_result(r, "last") == 304);
}

TEST_CASE("dpor/disjoint under fifo: every variable ends at steps", "[scenarios][dpor]") {
  CHECK(int_result(run_fifo("dpor/disjoint"), "sum") == 4);
  const RunResult r = run_fifo("dpor/disjoint", {"threads=4", "steps=5"});
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(int_result(r, "sum") == 20);
}

TEST_CASE("dpor/lockinc under fifo: every increment under the lock counts", "[scenarios][dpor]") {
  CHECK(int_result(run_fifo("dpor/lockinc"), "x") == 3);
  const RunResult r = run_fifo("dpor/lockinc", {"threads=7"});
  REQUIRE(r.outcome.status == Status::ok);
  CHECK(int_result(r, "x") == 7);
}

TEST_CASE("dpor/lockinc ends with every increment in every schedule of three threads",
          "[scenarios][dpor][explore]") {
  const ExploreResult r = explore_builtin("dpor/lockinc", {"threads=3"});
  CHECK(r.complete);
  CHECK_FALSE(r.failed());
  REQUIRE(r.outcomes.size() == 1);
  CHECK(r.outcomes[0].results == Results{{"x", std::int64_t{3}}});
  // 3! orders of the critical sections; at atomic granularity the mutex's own steps are visible
  // and the search explores more (8,502 runs).
  CHECK(r.runs >= 6);
}

TEST_CASE("dpor/lockinc takes exactly N! runs at primitive granularity, for N = 2 to 6",
          "[scenarios][dpor][explore][granularity]") {
  // One class per order of the critical sections (GenMC's and Nidhugg's lockinc): a lock on the
  // held mutex is no step, and no run is cut by the sleep sets beyond the start.
  std::uint64_t factorial = 1;
  for (int n = 2; n <= 6; ++n) {
    factorial *= static_cast<std::uint64_t>(n);
    INFO("threads = " << n);
    const ExploreResult r = explore_builtin("dpor/lockinc", {"threads=" + std::to_string(n)}, {},
                                            Granularity::primitive);
    CHECK(r.complete);
    CHECK_FALSE(r.failed());
    CHECK(r.runs == factorial);
  }
}

TEST_CASE("the dpor scenarios refuse a size of 0, naming the range", "[scenarios][dpor]") {
  struct Bad {
    std::string scenario;
    std::string assignment;
    std::string error;
  };
  const std::vector<Bad> bad = {
      {"dpor/readers", "n=0", "parameter n of scenario dpor/readers must be from 1 to 1000, got 0"},
      {"dpor/lastzero", "n=0",
       "parameter n of scenario dpor/lastzero must be from 1 to 1000, got 0"},
      {"dpor/writers", "threads=0",
       "parameter threads of scenario dpor/writers must be from 1 to 1000, got 0"},
      {"dpor/writers", "writes=0",
       "parameter writes of scenario dpor/writers must be from 1 to 100000, got 0"},
      {"dpor/disjoint", "threads=0",
       "parameter threads of scenario dpor/disjoint must be from 1 to 1000, got 0"},
      {"dpor/disjoint", "steps=0",
       "parameter steps of scenario dpor/disjoint must be from 1 to 100000, got 0"},
      {"dpor/lockinc", "threads=0",
       "parameter threads of scenario dpor/lockinc must be from 1 to 1000, got 0"},
  };
  for (const Bad& b : bad) {
    INFO(b.scenario << " " << b.assignment);
    std::string error;
    CHECK_FALSE(builtin_scenario(b.scenario).resolve({b.assignment}, error));
    CHECK(error == b.error);
  }
}
