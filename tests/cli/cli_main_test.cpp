#include "cli/cli_main.h"

#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "scenarios/catalog.h"
#include "sim/atomic.h"
#include "sim/shared.h"
#include "sim/simulator.h"
#include "sim/thread.h"
#include "tests/support/process.h"
#include "traces/trace_json.h"

using namespace interleave;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using interleave::testing::own_stderr;
using interleave::testing::run_cli;
using interleave::testing::temp_dir;

namespace {

// A user's counter: two threads add with a separate load and store, so an update can be lost.
void lost_update(Simulator& sim) {
  Shared<int> counter(sim, "counter", 0);
  {
    Thread a(sim, "a", [&] { counter.store(counter.load() + 1); });
    Thread b(sim, "b", [&] { counter.store(counter.load() + 1); });
  }
  sim.report("counter", std::int64_t{counter.load()});
  sim.check(counter.load() == 2, "an update was lost");
}

// The same counter with fetch_add: nothing is lost.
void atomic_update(Simulator& sim) {
  Atomic<int> counter(sim, "counter", 0);
  {
    Thread a(sim, "a", [&] { counter.fetch_add(1); });
    Thread b(sim, "b", [&] { counter.fetch_add(1); });
  }
  sim.check(counter.load() == 2, "an update was lost");
}

ScenarioRegistry user_scenarios() {
  ScenarioRegistry r;
  r.add("counter/racy", "two threads add with load and store", lost_update);
  r.add("counter/atomic", "two threads add with fetch_add", atomic_update);
  return r;
}

// What one call of cli_main left: its exit code and both streams.
struct Called {
  int exit_code = -1;
  std::string out;
  std::string err;
};

Called call(const ScenarioRegistry& scenarios, std::vector<std::string> args) {
  args.insert(args.begin(), "./build/counter_cli");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  Called c;
  c.exit_code = cli_main(static_cast<int>(argv.size()), argv.data(), scenarios, {}, out, err);
  c.out = out.str();
  c.err = err.str();
  return c;
}

}  // namespace

TEST_CASE("cli_main lists the program's own scenarios under the program's name", "[cli][user]") {
  const Called c = call(user_scenarios(), {"list"});
  CHECK(c.exit_code == 0);
  CHECK_THAT(c.out, Contains("counter/atomic") && Contains("counter/racy"));
  CHECK_THAT(c.out, !Contains("article/race"));
}

TEST_CASE("cli_main runs a user's scenario and prints a reproduce line naming the program",
          "[cli][user]") {
  const Called c =
      call(user_scenarios(), {"run", "counter/racy", "--policy", "random", "--runs", "200"});
  CHECK(c.exit_code == 1);
  CHECK_THAT(c.out, Contains("an update was lost"));
  CHECK_THAT(c.out, Contains("reproduce: counter_cli run counter/racy --policy random --seed "));
}

TEST_CASE("cli_main explores a user's scenario; its failure trace replays there and only there",
          "[cli][user]") {
  const ScenarioRegistry scenarios = user_scenarios();
  const std::string trace = temp_dir() + "/racy.json";
  const Called found = call(scenarios, {"explore", "counter/racy", "--trace-failure", trace});
  CHECK(found.exit_code == 1);
  CHECK_THAT(found.out, Contains("replay:    counter_cli replay " + trace));
  const TraceReadResult read = read_trace_file(trace);
  REQUIRE(read.ok());
  CHECK(read.trace->program == "counter_cli");

  const Called replayed = call(scenarios, {"replay", trace});
  CHECK(replayed.exit_code == 0);
  CHECK_THAT(replayed.out, StartsWith("replay matches the trace"));

  const auto stock = run_cli({"replay", trace});
  CHECK(stock.exit_code == 2);
  CHECK(own_stderr(stock.err) ==
        "interleave: error: " + trace +
            ": trace.scenario.name: unknown scenario 'counter/racy': it is not built into "
            "interleave; the trace was recorded by counter_cli: replay it with `counter_cli "
            "replay " +
            trace + "`\n");
}

TEST_CASE("cli_main passes a user's correct scenario under every schedule", "[cli][user]") {
  const Called c = call(user_scenarios(), {"explore", "counter/atomic"});
  CHECK(c.exit_code == 0);
  CHECK_THAT(c.out, Contains("explore counter/atomic under dpor: complete"));
  CHECK_THAT(c.out, Contains("no schedule fails"));
}

TEST_CASE("cli_main refuses a scenario registered twice at start, naming it", "[cli][user]") {
  ScenarioRegistry scenarios = user_scenarios();
  CHECK_FALSE(scenarios.add("counter/racy", "again", atomic_update));
  for (const char* command : {"list", "--help"}) {
    const Called c = call(scenarios, {command});
    CHECK(c.exit_code == 2);
    CHECK(c.out.empty());
    CHECK(c.err == "counter_cli: error: scenario 'counter/racy' is registered twice\n");
  }
}

TEST_CASE("cli_main refuses a scenario without a name or with white space in it", "[cli][user]") {
  ScenarioRegistry scenarios;
  CHECK_FALSE(scenarios.add("", "nameless", atomic_update));
  CHECK_FALSE(scenarios.add("my counter", "spaced", atomic_update));
  REQUIRE(scenarios.problems().size() == 2);
  CHECK_THAT(scenarios.problems()[1], Contains("'my counter' has white space"));
  const Called c = call(scenarios, {"list"});
  CHECK(c.exit_code == 2);
  CHECK_THAT(c.err, StartsWith("counter_cli: error: a scenario is registered without a name"));
}

TEST_CASE("cli_main offers the built-in scenarios when the program adds them", "[cli][user]") {
  ScenarioRegistry scenarios = user_scenarios();
  CHECK(scenarios.add_all(builtin_scenarios()));
  const Called c = call(scenarios, {"list"});
  CHECK(c.exit_code == 0);
  CHECK_THAT(c.out, Contains("counter/racy") && Contains("article/race"));
}

TEST_CASE("cli_main names an unknown scenario and the program's list", "[cli][user]") {
  const Called c = call(user_scenarios(), {"run", "counter/racey"});
  CHECK(c.exit_code == 2);
  CHECK(c.err ==
        "counter_cli: error: unknown scenario 'counter/racey'; did you mean 'counter/racy'? "
        "(`counter_cli list` shows them all)\n");
}

TEST_CASE("cli_main refuses a trace of a built-in scenario and says where it replays",
          "[cli][user]") {
  const std::string trace = temp_dir() + "/race.json";
  REQUIRE(run_cli({"run", "article/race", "--trace", trace}).exit_code == 1);
  const Called c = call(user_scenarios(), {"replay", trace});
  CHECK(c.exit_code == 2);
  CHECK_THAT(c.err, Contains("unknown scenario 'article/race': it is not registered in "
                             "counter_cli") &&
                        Contains("`interleave replay " + trace + "`"));
}

TEST_CASE("cli_main takes its name from the settings when given, and prints both versions",
          "[cli][user]") {
  const char* argv[] = {"a.out", "--version"};
  std::ostringstream out;
  std::ostringstream err;
  CliSettings settings;
  settings.name = "queues";
  CHECK(cli_main(2, argv, user_scenarios(), settings, out, err) == 0);
  CHECK_THAT(out.str(), StartsWith("queues (interleave 0."));
}

TEST_CASE("cli_main reports a scenario that is not deterministic with exit 2 and the step",
          "[cli][user]") {
  // Every other run spawns a second thread: the search's replayed prefix stops fitting.
  auto calls = std::make_shared<int>(0);
  ScenarioRegistry scenarios;
  scenarios.add("counter/drifting", "spawns b only on some runs", [calls](Simulator& sim) {
    Atomic<int> counter(sim, "counter", 0);
    Thread a(sim, "a", [&] { counter.fetch_add(1); });
    if (++*calls % 2 == 1) Thread b(sim, "b", [&] { counter.fetch_add(1); });
  });
  const Called c = call(scenarios, {"explore", "counter/drifting"});
  CHECK(c.exit_code == 2);
  CHECK_THAT(c.err, StartsWith("counter_cli: error: counter/drifting cannot be searched: the "
                               "scenario is not deterministic: at step "));
  CHECK(c.err.find('\n') == c.err.size() - 1);
}
