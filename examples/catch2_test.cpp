// The example's tests with Catch2 v2 (Debian's catch2 package): every schedule of the fixed
// data structures passes; the broken ones are caught, each with a trace that replays.
// With Catch2 v3, include <catch2/catch_test_macros.hpp> and link Catch2::Catch2WithMain instead;
// nothing else changes.
#define CATCH_CONFIG_MAIN
#include <interleave/interleave.h>

#include <catch2/catch.hpp>

#include "scenarios.h"

namespace {

// The program that replays the traces of the example's failing checks (they are written into
// interleave-failures/ of the folder the test runs in).
interleave::CheckSettings settings() {
  interleave::CheckSettings s;
  s.program = "example-cli";
  return s;
}

// Every schedule with at most two preemptions: the mailbox's lock and condition variable are
// built of atomic steps, and its complete search is millions of schedules; most concurrency
// bugs need one or two preemptions (the search reports the fewest a failure needs).
interleave::ExploreOptions two_preemptions() {
  interleave::ExploreOptions o;
  o.preemption_bound = 2;
  return o;
}

// replays(scenario, path) tells whether the trace at path re-executes step for step.
bool replays(const interleave::Scenario& scenario, const std::string& path) {
  const interleave::TraceReadResult read = interleave::read_trace_file(path);
  if (!read.ok()) return false;
  const interleave::Params params(read.trace->params);
  const interleave::ReplayReport report = interleave::replay_trace(
      *read.trace, [&](interleave::Simulator& sim) { scenario.body(sim, params); });
  return report.matches();
}

}  // namespace

TEST_CASE("the ticket lock keeps the count under every schedule", "[tickets]") {
  REQUIRE(interleave::explore(example::ticket_lock_scenario(), {}, settings()).all_ok());
}

TEST_CASE("the ticket lock keeps the count of three threads under every schedule", "[tickets]") {
  const interleave::Params three({{"threads", 3}});
  REQUIRE(interleave::explore(example::ticket_lock_scenario(), three, {}, settings()).all_ok());
}

TEST_CASE("the mailbox that waits in a loop delivers each letter once within two preemptions",
          "[mailbox]") {
  REQUIRE(interleave::explore(example::mailbox_scenario(), two_preemptions(), settings()).all_ok());
}

TEST_CASE("the mailbox survives 500 random and 500 PCT schedules", "[mailbox]") {
  interleave::RunCheckOptions random;
  random.runs = 500;
  REQUIRE(interleave::run(example::mailbox_scenario(), random, settings()).all_ok());
  interleave::RunCheckOptions pct = random;
  pct.policy = "pct";
  REQUIRE(interleave::run(example::mailbox_scenario(), pct, settings()).all_ok());
}

TEST_CASE("the broken ticket lock is caught, with a trace that replays", "[tickets]") {
  const interleave::ExploreCheck check =
      interleave::explore(example::broken_ticket_lock_scenario(), {}, settings());
  REQUIRE_FALSE(check.all_ok());
  INFO(check.all_ok());  // what a failing REQUIRE(check.all_ok()) prints
  CHECK(replays(example::broken_ticket_lock_scenario(), check.trace_path()));
}

TEST_CASE("the mailbox that waits with if is caught, with a trace that replays", "[mailbox]") {
  const interleave::ExploreCheck check =
      interleave::explore(example::if_mailbox_scenario(), two_preemptions(), settings());
  REQUIRE_FALSE(check.all_ok());
  CHECK_THAT(check.all_ok().text(), Catch::Contains("a letter was taken from an empty mailbox"));
  CHECK(replays(example::if_mailbox_scenario(), check.trace_path()));
}

// How a failing check reads in a test log: this test fails on purpose (Catch2's [!shouldfail]
// turns that into a pass), so the log shows the verdict, its trace and its replay command.
TEST_CASE("what a caught bug looks like in a test log", "[tickets][!shouldfail]") {
  REQUIRE(interleave::explore(example::broken_ticket_lock_scenario(), {}, settings()).all_ok());
}
