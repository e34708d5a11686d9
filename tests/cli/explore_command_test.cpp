#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/refusal.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using interleave::testing::check_refused;
using interleave::testing::own_stderr;
using interleave::testing::read_file;
using interleave::testing::run_cli;
using interleave::testing::temp_dir;

namespace {

// The "reproduce:" command printed under the outcome whose results are `results`.
std::string reproduce_of(const std::string& out, const std::string& results) {
  const std::size_t at = out.find(results);
  if (at == std::string::npos) return {};
  std::smatch m;
  const std::string rest = out.substr(at);
  if (std::regex_search(rest, m, std::regex(R"(reproduce: interleave (.*)\n)"))) return m[1];
  return {};
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> w;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string::npos) end = line.size();
    if (end > start) w.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return w;
}

}  // namespace

TEST_CASE("explore article/race finds the totals 10 and 6 and exits 1", "[cli][explore]") {
  const std::string dir = temp_dir();
  auto r = run_cli({"explore", "article/race"}, dir);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, StartsWith("explore article/race under dpor: complete\n"));
  CHECK_THAT(r.out, Contains("ok: total = 10"));
  CHECK_THAT(r.out, Contains("failed: total = 6"));
  CHECK_THAT(r.out, Contains("first failure: failed: total = "));
  CHECK_THAT(r.out, Contains("message:   the total is"));
  CHECK_THAT(r.out, Contains("trace:     article-race.failure.json"));
  CHECK_THAT(r.out, Contains("replay:    interleave replay article-race.failure.json"));
  CHECK_THAT(r.out, Contains(" runs/s)\n"));
  CHECK(read_file(dir + "/article-race.failure.json").size() > 100);
  CHECK(own_stderr(r.err).empty());  // no progress line when stderr is not a terminal
}

TEST_CASE("explore's reproduce line for an outcome re-runs that outcome", "[cli][explore]") {
  auto r = run_cli({"explore", "article/race"}, temp_dir());
  const std::string six = reproduce_of(r.out, "failed: total = 6");
  REQUIRE_THAT(six, StartsWith("run article/race --schedule "));
  auto again = run_cli(words(six));
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.out, Contains("total = 6"));

  const std::string ten = reproduce_of(r.out, "ok: total = 10");
  REQUIRE_THAT(ten, StartsWith("run article/race --schedule "));
  auto ok = run_cli(words(ten));
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Contains("total = 10"));
}

TEST_CASE("explore article/lock completes without a bound and finds only the total 10",
          "[cli][explore]") {
  // A lock operation is one step by default: the unbounded search of five threads around the
  // blocking lock completes (at atomic granularity it has millions of schedules).
  const std::string dir = temp_dir();
  auto r = run_cli({"explore", "article/lock"}, dir);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("explore article/lock under dpor: complete\n"
                               "steps:       primitive (an operation of a built-in primitive is "
                               "one step)\n"));
  CHECK_THAT(r.out, Contains(", 0 failing runs"));
  CHECK_THAT(r.out, Contains("ok: total = 10"));
  CHECK_THAT(r.out, Contains("--granularity primitive"));  // the reproduce lines
  CHECK_THAT(r.out, Contains("no schedule fails"));
  CHECK(read_file(dir + "/article-lock.failure.json").empty());  // nothing failed, nothing written

  // Outcomes differ in what else the scenario reports (how often a thread waited), never in
  // the total; at atomic granularity, up to 1 preemption, the same holds.
  for (const char* granularity : {"primitive", "atomic"}) {
    INFO(granularity);
    const auto j = nlohmann::json::parse(run_cli({"explore", "article/lock", "--granularity",
                                                  granularity, "--preemption-bound", "1", "--json"},
                                                 dir)
                                             .out);
    CHECK(j["complete"] == true);
    CHECK(j["granularity"] == granularity);
    CHECK(j["bound_searched"] == 1);
    CHECK(j["runs_to_first_failure"].is_null());
    REQUIRE(j["outcomes"].size() >= 1);
    for (const auto& o : j["outcomes"]) {
      CHECK(o["status"] == "ok");
      CHECK(o["results"]["total"] == 10);
    }
  }
}

TEST_CASE("explore --trace-failure writes a trace that replay verifies as the failed run",
          "[cli][explore][replay]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/race.json";
  auto r = run_cli({"explore", "article/race", "--trace-failure", path});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Contains("interleave replay " + path));
  auto replay = run_cli({"replay", path});
  CHECK(replay.exit_code == 0);
  CHECK_THAT(replay.out, Contains("replay matches the trace"));
  CHECK_THAT(replay.out, Contains("ending failed: the total is"));
}

TEST_CASE("explore --json prints one object with counts, outcomes and the first failure",
          "[cli][explore]") {
  const std::string dir = temp_dir();
  auto r = run_cli({"explore", "article/race", "--json"}, dir);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["scenario"] == "article/race");
  CHECK(j["reduction"] == "dpor");
  CHECK(j["complete"] == true);
  CHECK(j["stopped_by"].is_null());
  CHECK(j["runs"].get<std::uint64_t>() > 0);
  CHECK(j["failures"].get<std::uint64_t>() > 0);
  for (const char* key : {"sleep_blocked", "bound_pruned", "max_depth", "seconds",
                          "runs_per_second", "jobs", "fair", "preemption_bound"}) {
    CHECK(j.contains(key));
  }
  std::uint64_t counted = 0;
  bool ten = false, six = false;
  for (const auto& o : j["outcomes"]) {
    counted += o["count"].get<std::uint64_t>();
    CHECK_THAT(o["witness"].get<std::string>(), !Contains(" "));
    CHECK_THAT(o["reproduce"].get<std::string>(), StartsWith("interleave run article/race"));
    ten = ten || o["results"]["total"] == 10;
    six = six || o["results"]["total"] == 6;
  }
  CHECK(ten);
  CHECK(six);
  CHECK(counted == j["runs"].get<std::uint64_t>());
  CHECK(j["first_failure"]["trace"] == "article-race.failure.json");
  CHECK(j["first_failure"]["replay"] == "interleave replay article-race.failure.json");
  CHECK(j["trace"] == "article-race.failure.json");
}

TEST_CASE("explore --jobs 2 reports what --jobs 1 does", "[cli][explore]") {
  auto one = run_cli({"explore", "article/race", "--json", "--jobs", "1"}, temp_dir());
  auto two = run_cli({"explore", "article/race", "--json", "--jobs", "2"}, temp_dir());
  auto a = nlohmann::json::parse(one.out);
  auto b = nlohmann::json::parse(two.out);
  CHECK(one.exit_code == two.exit_code);
  for (const char* key :
       {"runs", "sleep_blocked", "max_depth", "complete", "outcomes", "first_failure"}) {
    INFO(key);
    CHECK(a[key] == b[key]);
  }
}

TEST_CASE("explore --max-runs stops an incomplete search and says so", "[cli][explore]") {
  auto r = run_cli({"explore", "article/lock", "--max-runs", "1"}, temp_dir());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out,
             StartsWith("explore article/lock under dpor: stopped after 1 run (--max-runs)"));
  CHECK_THAT(r.out, Contains("no failure found so far"));
  auto j = nlohmann::json::parse(
      run_cli({"explore", "article/lock", "--max-runs", "1", "--json"}, temp_dir()).out);
  CHECK(j["complete"] == false);
  CHECK(j["stopped_by"] == "max_runs");
}

TEST_CASE("explore article/naive-spinlock with a preemption bound of 1 finds a failure",
          "[cli][explore]") {
  const std::string dir = temp_dir();
  auto r = run_cli({"explore", "article/naive-spinlock", "--preemption-bound", "1", "--json"}, dir);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["preemption_bound"] == 1);
  REQUIRE(j["first_failure"].is_object());
  CHECK(j["first_failure"]["preemptions"].get<int>() == 1);
  auto replay = run_cli({"replay", dir + "/article-naive-spinlock.failure.json"});
  CHECK(replay.exit_code == 0);
}

TEST_CASE("explore --stop-at-first-failure ends at the failure with the fewest preemptions",
          "[cli][explore]") {
  const std::string dir = temp_dir();
  const auto j =
      nlohmann::json::parse(run_cli({"explore", "article/naive-spinlock", "--preemption-bound", "2",
                                     "--stop-at-first-failure", "--json"},
                                    dir)
                                .out);
  CHECK(j["complete"] == false);
  CHECK(j["stopped_by"] == "first_failure");
  CHECK(j["bound_searched"] == 1);  // no schedule without preemption fails
  CHECK(j["first_failure"]["preemptions"] == 1);
  CHECK(j["runs_to_first_failure"].get<std::uint64_t>() >= 1);
  const auto text = run_cli(
      {"explore", "article/naive-spinlock", "--preemption-bound", "2", "--stop-at-first-failure"},
      dir);
  CHECK(text.exit_code == 1);
  CHECK_THAT(text.out, Contains("stopped at the first failure, found in run " +
                                std::to_string(j["runs_to_first_failure"].get<std::uint64_t>())));
}

TEST_CASE("explore refuses bad input with one line and exit 2", "[cli][explore]") {
  check_refused({"explore", "article/rase"}, "unknown scenario 'article/rase'");
  check_refused({"explore", "article/race", "--reduction", "x"},
                "unknown reduction 'x'; known: none, sleep, dpor");
  check_refused({"explore", "article/race", "--jobs", "0"},
                "--jobs: '0' is out of range: it must be from 1 to 1024");
  check_refused({"explore", "article/race", "--param", "nope=1"}, "nope");
  check_refused({"explore", "article/race", "--time-budget", "soon"}, "--time-budget 'soon'");
  check_refused({"explore", "article/race", "--step-cost", "x"}, "--step-cost 'x'");
  check_refused({"explore", "article/race", "--max-steps", "0"},
                "--max-steps: '0' is out of range: it must be from 1 to 4000000000");
  check_refused({"explore", "article/race", "--trace-failure", "/nonexistent-dir/x.json"},
                "/nonexistent-dir/x.json");
}

TEST_CASE("explore --help describes every flag", "[cli][explore]") {
  auto r = run_cli({"explore", "--help"});
  CHECK(r.exit_code == 0);
  for (const char* flag :
       {"--reduction", "--preemption-bound", "--max-runs", "--max-steps", "--time-budget", "--jobs",
        "--no-fairness", "--param", "--step-cost", "--trace-failure", "--json"}) {
    CHECK_THAT(r.out, Contains(flag));
  }
}
