#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <string>

#include "tests/support/process.h"

using interleave::testing::read_file;
using interleave::testing::run_cli;
using interleave::testing::temp_dir;

namespace {

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The stderr of the program itself, without AddressSanitizer's "==N==WARNING" lines.
std::string own(const std::string& err) {
  return std::regex_replace(err, std::regex("==[0-9]+==[^\n]*\n"), "");
}

// A trace of `scenario` under `args`, recorded by `interleave run --trace`.
std::string record(const std::string& dir, const std::string& scenario,
                   std::vector<std::string> args) {
  const std::string path = dir + "/" + std::to_string(std::hash<std::string>{}(scenario)) +
                           std::to_string(args.size()) + ".json";
  std::vector<std::string> cmd{"run", scenario, "--trace", path};
  cmd.insert(cmd.end(), args.begin(), args.end());
  auto r = run_cli(cmd);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return path;
}

}  // namespace

TEST_CASE("every trace written by run replays with exit 0", "[cli][replay]") {
  const std::string dir = temp_dir();
  for (const char* scenario : {"article/race", "article/lock", "article/semaphore-server",
                               "article/spinlock", "classic/philosophers"}) {
    for (const std::vector<std::string>& policy :
         {std::vector<std::string>{"--policy", "fifo"},
          std::vector<std::string>{"--policy", "random", "--seed", "5"},
          std::vector<std::string>{"--policy", "pct", "--seed", "3"}}) {
      const std::string path = record(dir, scenario, policy);
      auto r = run_cli({"replay", path});
      INFO(scenario << " " << policy[1] << ": " << r.out << own(r.err));
      CHECK(r.exit_code == 0);
      CHECK_THAT(r.out, Catch::StartsWith("replay matches the trace"));
    }
  }
}

TEST_CASE("editing one decision of a trace's schedule makes replay exit 3 naming that step",
          "[cli][replay]") {
  const std::string dir = temp_dir();
  const std::string path = record(dir, "article/race", {"--policy", "fifo"});
  const std::string text = read_file(path);
  // fifo's schedule starts "0x6,1x3,...": main spawns five threads and joins t0, then t0
  // (fiber 1) runs. Give step 6 to fiber 2 instead.
  const std::string edited = std::regex_replace(text, std::regex("\"schedule\": \"0x6,1x3,"),
                                                "\"schedule\": \"0x6,2,1x2,");
  REQUIRE(edited != text);
  write(dir + "/edited.json", edited);
  auto r = run_cli({"replay", dir + "/edited.json"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.out,
             Catch::StartsWith("replay diverged at step 6: the trace recorded t0 load total"));
  CHECK_THAT(r.out, Catch::Contains("the run did t1 load total"));
}

TEST_CASE("replay refuses what is not a trace it can read with exit 2 and the problem named",
          "[cli][replay][errors]") {
  const std::string dir = temp_dir();
  const std::string text = read_file(record(dir, "article/race", {"--policy", "fifo"}));
  write(dir + "/truncated.json", text.substr(0, text.size() / 2));
  write(dir + "/v99.json",
        std::regex_replace(text, std::regex("\"version\": 1"), "\"version\": 99"));
  write(dir + "/nope.json",
        std::regex_replace(text, std::regex("\"article/race\""), "\"article/nope\""));
  std::string bytes;
  std::uint64_t x = 12345;
  for (int i = 0; i < 512; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    bytes.push_back(static_cast<char>(x >> 56));
  }
  write(dir + "/random.json", bytes);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"truncated.json", "not JSON"},
      {"v99.json", "trace.version: version 99 is not supported"},
      {"nope.json", "trace.scenario.name: unknown scenario 'article/nope'"},
      {"random.json", "not JSON"},
      {"missing.json", "missing.json"},
  };
  for (const auto& [file, expected] : cases) {
    auto r = run_cli({"replay", dir + "/" + file});
    const std::string err = own(r.err);
    INFO(file << ": " << err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(err, Catch::StartsWith("interleave: error: "));
    CHECK_THAT(err, Catch::Contains(expected));
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  }
}

TEST_CASE("export text shows every fiber's column and the outcome", "[cli][export]") {
  const std::string dir = temp_dir();
  const std::string path = record(dir, "article/race", {"--policy", "fifo"});
  auto r = run_cli({"export", path, "--format", "text"});
  CHECK(r.exit_code == 0);
  for (const char* name : {"main", "t0", "t1", "t2", "t3", "t4"}) {
    CHECK_THAT(r.out, Catch::Contains(name));
  }
  CHECK_THAT(r.out, Catch::Contains("failed: the total is 6, expected 10"));
  auto to_file = run_cli({"export", path, "--format", "text", "-o", dir + "/race.txt"});
  CHECK(to_file.exit_code == 0);
  CHECK(read_file(dir + "/race.txt") == r.out);
  auto bad = run_cli({"export", path, "--format", "pdf"});
  CHECK(bad.exit_code == 2);
}
