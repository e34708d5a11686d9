#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

#include "tests/support/process.h"

using interleave::testing::own_stderr;
using interleave::testing::read_file;
using interleave::testing::run_cli;
using interleave::testing::temp_dir;

namespace {

// The value of "total" in a --json summary.
std::string total_of(const std::string& json) {
  std::smatch m;
  if (std::regex_search(json, m, std::regex(R"re("total":(-?\d+))re"))) return m[1];
  return "?";
}

std::string field_of(const std::string& json, const std::string& name) {
  std::smatch m;
  if (std::regex_search(json, m, std::regex("\"" + name + "\":\"([^\"]*)\""))) return m[1];
  return "?";
}

int line_count(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("run article/race under fifo reports the article's total of 6 and exits 1",
          "[cli][run]") {
  auto r = run_cli({"run", "article/race", "--policy", "fifo"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("article/race under fifo: failed"));
  CHECK_THAT(r.out, Catch::Contains("the total is 6, expected 10"));
  CHECK_THAT(r.out, Catch::Contains("total = 6"));
  CHECK_THAT(r.out, Catch::Contains("reproduce: interleave run article/race --policy fifo"));
}

TEST_CASE("run --json prints one object with the contract's fields", "[cli][run]") {
  auto r = run_cli({"run", "article/race", "--json"});
  CHECK(r.exit_code == 1);
  CHECK(line_count(r.out) == 1);
  for (const char* key :
       {"\"scenario\"", "\"policy\"", "\"seed\"", "\"outcome\"", "\"status\"", "\"message\"",
        "\"results\"", "\"stats\"", "\"steps\"", "\"context_switches\"", "\"preemptions\"",
        "\"clock_ns\"", "\"schedule\"", "\"reproduce\""}) {
    CHECK_THAT(r.out, Catch::Contains(key));
  }
  CHECK(total_of(r.out) == "6");
}

TEST_CASE("the same seed writes byte-identical traces", "[cli][run][determinism]") {
  const std::string dir = temp_dir();
  auto a = run_cli(
      {"run", "article/race", "--policy", "random", "--seed", "7", "--trace", dir + "/a.json"});
  auto b = run_cli(
      {"run", "article/race", "--policy", "random", "--seed", "7", "--trace", dir + "/b.json"});
  REQUIRE(a.exit_code == b.exit_code);
  const std::string ta = read_file(dir + "/a.json");
  REQUIRE(ta.size() > 100);
  CHECK(ta == read_file(dir + "/b.json"));
}

TEST_CASE("random seeds 1-200 show at least three totals, 10 among them", "[cli][run]") {
  std::set<std::string> totals;
  for (int seed = 1; seed <= 200; ++seed) {
    auto r = run_cli(
        {"run", "article/race", "--policy", "random", "--seed", std::to_string(seed), "--json"});
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    totals.insert(total_of(r.out));
  }
  CHECK(totals.size() >= 3);
  CHECK(totals.count("10") == 1);
  CHECK(totals.count("6") == 1);
}

TEST_CASE("a printed schedule given to --schedule reproduces the run", "[cli][run]") {
  for (const char* seed : {"3", "7", "11"}) {
    auto first = run_cli({"run", "article/race", "--policy", "random", "--seed", seed, "--json"});
    const std::string schedule = field_of(first.out, "schedule");
    REQUIRE(schedule != "?");
    auto again = run_cli({"run", "article/race", "--schedule", schedule, "--json"});
    CHECK(again.exit_code == first.exit_code);
    CHECK(total_of(again.out) == total_of(first.out));
    CHECK(field_of(again.out, "schedule") == schedule);
  }
}

TEST_CASE("run with --runs stops at the first failing seed and reproduces it", "[cli][run]") {
  auto r = run_cli({"run", "article/race", "--policy", "random", "--runs", "50", "--json"});
  CHECK(r.exit_code == 1);
  const std::string reproduce = field_of(r.out, "reproduce");
  std::smatch m;
  REQUIRE(std::regex_search(reproduce, m, std::regex(R"(--seed (\d+))")));
  auto again = run_cli({"run", "article/race", "--policy", "random", "--seed", m[1], "--json"});
  CHECK(again.exit_code == 1);
  CHECK(total_of(again.out) == total_of(r.out));
}

TEST_CASE("bad input gets one line on stderr and exit code 2", "[cli][errors]") {
  const std::vector<std::vector<std::string>> cases = {
      {"run", "article/nope"},
      {"run", "article/race", "--policy", "lottery"},
      {"run", "article/race", "--schedule", "0x,1"},
      {"run", "article/race", "--schedule", "0,7"},
      {"run", "article/race", "--param", "clients"},
      {"run", "article/race", "--param", "clients=3"},
      {"run", "article/race", "--quantum", "fast"},
      {"run", "article/race", "--seed", "minus"},
      {"run"},
      {"frobnicate"},
  };
  for (const auto& args : cases) {
    auto r = run_cli(args);
    const std::string err = own_stderr(r.err);
    INFO("args: " << args.back() << " stderr: " << err);
    CHECK(r.exit_code == 2);
    CHECK(line_count(err) == 1);
    CHECK_THAT(err, Catch::StartsWith("interleave: error: "));
    CHECK(r.out.empty());
  }
}

TEST_CASE("help and version exit 0", "[cli]") {
  auto help = run_cli({"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("run"));
  auto run_help = run_cli({"run", "--help"});
  CHECK(run_help.exit_code == 0);
  CHECK_THAT(run_help.out, Catch::Contains("--schedule"));
  auto version = run_cli({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("interleave "));
}

TEST_CASE("list shows every scenario with its description", "[cli][list]") {
  auto r = run_cli({"list"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("article/race"));
  CHECK_THAT(r.out, Catch::Contains("The total is: 6"));
}
