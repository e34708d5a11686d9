#include "check/run_check.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "scenarios/catalog.h"
#include "sim/atomic.h"
#include "sim/policies/fifo.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/process.h"
#include "traces/trace_json.h"
#include "traces/trace_replay.h"

using namespace interleave;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// Two threads add to a counter with a separate load and store: an update can be lost.
void run_lost_update(Simulator& sim) {
  Shared<int> counter(sim, "counter", 0);
  {
    Thread a(sim, "a", [&] { counter.store(counter.load() + 1); });
    Thread b(sim, "b", [&] { counter.store(counter.load() + 1); });
  }
  sim.check(counter.load() == 2, "an update was lost");
}

// The same with fetch_add: nothing is lost.
void atomic_update(Simulator& sim) {
  Atomic<int> counter(sim, "counter", 0);
  {
    Thread a(sim, "a", [&] { counter.fetch_add(1); });
    Thread b(sim, "b", [&] { counter.fetch_add(1); });
  }
  sim.check(counter.load() == 2, "an update was lost");
}

std::string run_shown(const Verdict& v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

TEST_CASE("run() of a correct program under 200 random seeds is all ok", "[traces][run]") {
  RunCheckOptions options;
  options.runs = 200;
  const RunCheck check = interleave::run("test/atomic-update", atomic_update, options);
  REQUIRE(check.all_ok());
  CHECK(check.reported().runs == 200);
  CHECK(check.trace_path().empty());
  CHECK(run_shown(check.all_ok()) ==
        "run test/atomic-update under random, seeds 1 to 200: 200 runs, none failed");
}

TEST_CASE("run() stops at the first failing seed, writes its trace and says how to replay it",
          "[traces][run]") {
  CheckSettings settings;
  settings.trace_path = interleave::testing::temp_dir() + "/lost.json";
  RunCheckOptions options;
  options.policy = "pct";
  options.runs = 1000;
  const RunCheck check = interleave::run("test/lost-update", run_lost_update, options, settings);
  const Verdict verdict = check.all_ok();
  REQUIRE_FALSE(static_cast<bool>(verdict));
  const SeededRun& failed = check.reported();
  REQUIRE(failed.seed.has_value());
  CHECK(failed.runs == *failed.seed);  // seeds 1, 2, ...: run N has seed N
  CHECK_THAT(run_shown(verdict), StartsWith("run test/lost-update under pct (depth 3), seeds 1 to "
                                            "1000: seed " +
                                            std::to_string(*failed.seed) + " failed"));
  CHECK_THAT(run_shown(verdict), Contains("failed: an update was lost"));
  CHECK_THAT(run_shown(verdict), Contains("trace:       " + settings.trace_path));
  CHECK_THAT(run_shown(verdict), Contains("PROGRAM replay " + settings.trace_path));
  CHECK(check.trace_path() == settings.trace_path);

  const TraceReadResult read = read_trace_file(settings.trace_path);
  REQUIRE(read.ok());
  CHECK(read.trace->policy.name == "pct");
  const ReplayReport replay = replay_trace(*read.trace, run_lost_update);
  CHECK(replay.matches());
  CHECK(replay.result.outcome.status == Status::failed);
}

TEST_CASE("run() of the same seeds gives the same seed and schedule every time", "[traces][run]") {
  CheckSettings settings;
  settings.trace_path = interleave::testing::temp_dir() + "/lost.json";
  RunCheckOptions options;
  options.runs = 1000;
  const RunCheck a = interleave::run("test/lost-update", run_lost_update, options, settings);
  const RunCheck b = interleave::run("test/lost-update", run_lost_update, options, settings);
  CHECK(a.reported().seed == b.reported().seed);
  CHECK(a.reported().schedule == b.reported().schedule);
}

TEST_CASE("run() of a built-in scenario under fifo runs once and names `interleave replay`",
          "[traces][run]") {
  const Scenario* race = builtin_scenarios().find("article/race");
  REQUIRE(race != nullptr);
  CheckSettings settings;
  settings.trace_path = interleave::testing::temp_dir() + "/race.json";
  RunCheckOptions options;
  options.policy = "fifo";
  options.runs = 50;
  const RunCheck check = interleave::run(*race, options, settings);
  CHECK(check.reported().runs == 1);
  CHECK_FALSE(check.reported().seed.has_value());
  CHECK_THAT(run_shown(check.all_ok()), StartsWith("run article/race under fifo: the run failed"));
  CHECK_THAT(run_shown(check.all_ok()), Contains("interleave replay " + settings.trace_path));
}

TEST_CASE("run() refuses an unknown policy", "[traces][run]") {
  RunCheckOptions options;
  options.policy = "lottery";
  CHECK_THROWS_WITH(interleave::run("test/atomic-update", atomic_update, options),
                    Contains("lottery"));
}

TEST_CASE("pct_step_estimate is the steps of a fifo run", "[traces][run]") {
  Simulator sim(RunConfig{});
  FifoPolicy fifo;
  fifo.begin_run();
  const std::uint64_t steps = sim.run(fifo, [&] { atomic_update(sim); }).stats.steps;
  CHECK(steps > 4);
  CHECK(pct_step_estimate(atomic_update, RunConfig{}) == steps);
}
