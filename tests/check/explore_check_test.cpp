#include "check/explore_check.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "scenarios/catalog.h"
#include "sim/atomic.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/process.h"
#include "tests/support/scoped_env.h"
#include "traces/explore_witness.h"
#include "traces/trace_json.h"
#include "traces/trace_replay.h"

using namespace interleave;
using Catch::Matchers::Contains;

namespace {

// Two threads increment a shared counter with a separate load and store: an update can be lost.
void lost_update(Simulator& sim) {
  Shared<int> counter(sim, "counter", 0);
  {
    Thread a(sim, "a", [&] { counter.store(counter.load() + 1); });
    Thread b(sim, "b", [&] { counter.store(counter.load() + 1); });
  }
  const int seen = counter.load();
  sim.report("counter", std::int64_t{seen});
  sim.check(seen == 2, "the counter is " + std::to_string(seen) + ", expected 2");
}

// The same with a read-modify-write: nothing is lost.
void atomic_increment(Simulator& sim) {
  Atomic<int> counter(sim, "counter", 0);
  {
    Thread a(sim, "a", [&] { counter.fetch_add(1); });
    Thread b(sim, "b", [&] { counter.fetch_add(1); });
  }
  sim.check(counter.load() == 2, "the counter is not 2");
}

std::string shown(const ExploreVerdict& v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

const Scenario& builtin(const char* name) {
  const Scenario* s = builtin_scenarios().find(name);
  REQUIRE(s != nullptr);
  return *s;
}

}  // namespace

TEST_CASE("explore() of an atomic increment is all ok, with a complete search",
          "[traces][explore]") {
  const ExploreCheck check = interleave::explore("test/atomic-increment", atomic_increment);
  REQUIRE(check.all_ok());
  CHECK(check.result().complete);
  CHECK(check.result().runs > 0);
  CHECK(check.trace_path().empty());
  CHECK_THAT(shown(check.all_ok()), Contains("no run failed"));
}

TEST_CASE("explore() of article/lock within 2 preemptions is all ok", "[traces][explore]") {
  ExploreOptions options;
  options.preemption_bound = 2;
  const ExploreCheck check = interleave::explore(builtin("article/lock"), options);
  REQUIRE(check.all_ok());
  CHECK(check.result().complete);
  CHECK_THAT(shown(check.all_ok()),
             Contains("explore article/lock under dpor (preemption bound 2), complete: "));
}

TEST_CASE("explore() of a lost update fails, names the failure and writes a trace that replays",
          "[traces][explore]") {
  const std::string path = testing::temp_dir() + "/lost.failure.json";
  ExploreCheckSettings settings;
  settings.trace_path = path;
  const ExploreCheck check = interleave::explore("test/lost-update", lost_update, {}, settings);
  const ExploreVerdict verdict = check.all_ok();
  CHECK_FALSE(static_cast<bool>(verdict));
  CHECK_THAT(shown(verdict), Contains("failed: the counter is 1, expected 2"));
  CHECK_THAT(shown(verdict), Contains("trace:       " + path));
  CHECK_THAT(shown(verdict), Contains("replay_trace"));
  CHECK(check.trace_path() == path);

  const TraceReadResult read = read_trace_file(path);
  REQUIRE(read.ok());
  CHECK(read.trace->scenario == "test/lost-update");
  CHECK(read.trace->policy.name == "explore");
  const ReplayReport replay = replay_trace(*read.trace, lost_update);
  CHECK(replay.divergence == "");
  CHECK(replay.result.outcome.status == Status::failed);
}

TEST_CASE("explore() of article/race names the replay command of the trace it wrote",
          "[traces][explore]") {
  const std::string path = testing::temp_dir() + "/race.failure.json";
  ExploreCheckSettings settings;
  settings.trace_path = path;
  const ExploreCheck check = interleave::explore(builtin("article/race"), {}, settings);
  REQUIRE_FALSE(static_cast<bool>(check.all_ok()));
  CHECK_THAT(shown(check.all_ok()), Contains("interleave replay " + path));
  CHECK(read_trace_file(path).ok());
}

TEST_CASE("a failure trace is named after the scenario, with dashes for unsafe characters",
          "[traces][explore]") {
  CHECK(failure_trace_path("article/race") == "article-race.failure.json");
  CHECK(failure_trace_path("a b/c") == "a-b-c.failure.json");
  CHECK(failure_trace_path("/etc/passwd") == "scenario-etc-passwd.failure.json");
}

TEST_CASE("explore() writes a failure into interleave-failures/ of the current folder by default",
          "[traces][explore]") {
  const testing::ScopedEnv no_folder("INTERLEAVE_FAILURE_DIR", nullptr);
  const testing::ScopedEnv no_bazel("TEST_UNDECLARED_OUTPUTS_DIR", nullptr);
  const std::string dir = testing::temp_dir();
  char previous[4096];
  REQUIRE(getcwd(previous, sizeof previous) != nullptr);
  REQUIRE(chdir(dir.c_str()) == 0);
  const ExploreCheck check = interleave::explore("test/lost-update", lost_update);
  REQUIRE(chdir(previous) == 0);
  const std::string expected = dir + "/interleave-failures/test-lost-update.failure.json";
  CHECK(check.trace_path() == expected);
  CHECK(read_trace_file(expected).ok());
  CHECK_THAT(shown(check.all_ok()), Contains("trace:       " + expected));
}

TEST_CASE("explore() writes a failure into $INTERLEAVE_FAILURE_DIR when it is set, creating it",
          "[traces][explore]") {
  const std::string dir = testing::temp_dir() + "/failures/nested";
  const testing::ScopedEnv folder("INTERLEAVE_FAILURE_DIR", dir.c_str());
  const ExploreCheck check = interleave::explore("test/lost-update", lost_update);
  CHECK(check.trace_path() == dir + "/test-lost-update.failure.json");
  CHECK(read_trace_file(check.trace_path()).ok());
}

TEST_CASE("a failing check of a user's scenario names the program given to replay its trace",
          "[traces][explore]") {
  Scenario user;
  user.name = "user/lost-update";
  user.description = "a scenario of the user's own";
  user.body = [](Simulator& sim, const Params&) { lost_update(sim); };
  CheckSettings settings;
  settings.trace_path = testing::temp_dir() + "/user.failure.json";
  const ExploreCheck unnamed = interleave::explore(user, {}, settings);
  CHECK_THAT(shown(unnamed.all_ok()), Contains("PROGRAM replay " + settings.trace_path));
  CHECK_THAT(shown(unnamed.all_ok()), Contains("interleave::cli_main"));
  settings.program = "queue_cli";
  const ExploreCheck named = interleave::explore(user, {}, settings);
  CHECK_THAT(shown(named.all_ok()), Contains("queue_cli replay " + settings.trace_path));
  const TraceReadResult read = read_trace_file(settings.trace_path);
  REQUIRE(read.ok());
  CHECK(read.trace->program == "queue_cli");
}
