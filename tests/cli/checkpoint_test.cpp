#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/process.h"

using Catch::Matchers::Contains;
using interleave::testing::own_stderr;
using interleave::testing::ProcessResult;
using interleave::testing::read_file;
using interleave::testing::run_cli;
using interleave::testing::run_cli_signalled;
using interleave::testing::temp_dir;

namespace {

// A search of a few seconds, split finely enough that a killed run loses little.
const std::vector<std::string> kCheckpointedSearch = {"explore",
                                                      "article/lock",
                                                      "--granularity",
                                                      "atomic",
                                                      "--preemption-bound",
                                                      "2",
                                                      "--split-depth",
                                                      "12"};

std::vector<std::string> checkpointed(const std::string& file) {
  std::vector<std::string> args = kCheckpointedSearch;
  args.insert(args.end(), {"--checkpoint", file, "--checkpoint-every", "100ms"});
  return args;
}

// without_last_line(text) is a report without its last line, the one with the time it took.
std::string without_last_line(const std::string& text) {
  const std::size_t end = text.rfind('\n', text.size() >= 2 ? text.size() - 2 : 0);
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

// next_delay(state) is a delay from 300 to 1,200 ms (SplitMix64: the same on every machine).
std::chrono::milliseconds next_delay(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  z ^= z >> 31;
  return std::chrono::milliseconds(300 + static_cast<std::int64_t>(z % 901));
}

}  // namespace

TEST_CASE("a search killed twenty times at random moments and run again ends as one run does",
          "[cli][checkpoint]") {
  const std::string dir = temp_dir();
  const ProcessResult whole = run_cli(kCheckpointedSearch, dir);
  REQUIRE(whole.exit_code == 0);
  const std::string file = dir + "/search.checkpoint.json";
  std::uint64_t state = 2026;
  for (int kill = 0; kill < 20; ++kill) {
    const ProcessResult killed =
        run_cli_signalled(checkpointed(file), dir, SIGKILL, next_delay(state));
    INFO("kill " << kill << ": " << killed.err);
    if (killed.exit_code == 0) break;  // the search ended before the signal
    CHECK(killed.exit_code == 128 + SIGKILL);
  }
  const ProcessResult resumed = run_cli(checkpointed(file), dir);
  CHECK(resumed.exit_code == whole.exit_code);
  CHECK(without_last_line(resumed.out) == without_last_line(whole.out));
  // The finished checkpoint holds the whole search: run again, it prints the same at once.
  const ProcessResult again = run_cli(checkpointed(file), dir);
  CHECK(without_last_line(again.out) == without_last_line(whole.out));
}

TEST_CASE("a search stopped by SIGINT saves its checkpoint and resumes from it",
          "[cli][checkpoint]") {
  const std::string dir = temp_dir();
  const std::string file = dir + "/c.json";
  const ProcessResult stopped =
      run_cli_signalled(checkpointed(file), dir, SIGINT, std::chrono::milliseconds(1500));
  if (stopped.exit_code == 130) {
    CHECK_THAT(own_stderr(stopped.err), Contains("interrupted; "));
    CHECK_THAT(own_stderr(stopped.err), Contains("run the same command again to go on"));
    const nlohmann::json j = nlohmann::json::parse(read_file(file));
    CHECK(j["checkpoint"] == true);
    CHECK(j["stopped_by"] == "interrupted");
  }
  const ProcessResult resumed = run_cli(checkpointed(file), dir);
  const ProcessResult whole = run_cli(kCheckpointedSearch, temp_dir());
  CHECK(without_last_line(resumed.out) == without_last_line(whole.out));
}

TEST_CASE("a checkpoint of another search or version is refused", "[cli][checkpoint]") {
  const std::string dir = temp_dir();
  const std::string file = dir + "/c.json";
  REQUIRE(run_cli({"explore", "article/race", "--checkpoint", file}, dir).exit_code == 1);
  auto refused = [&](const std::vector<std::string>& args, const std::string& expected) {
    const ProcessResult r = run_cli(args, dir);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(own_stderr(r.err), Contains(expected));
  };
  refused({"explore", "article/race", "--reduction", "sleep", "--checkpoint", file},
          "checkpoint " + file + " is of another search (reduction 'dpor' vs 'sleep')");
  refused({"explore", "article/lock", "--checkpoint", file},
          "is of another search (scenario 'article/race' vs 'article/lock')");
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(read_file(file));
  j["interleave_version"] = "0.0.1";
  std::ofstream(dir + "/old.json") << j.dump() << "\n";
  refused({"explore", "article/race", "--checkpoint", dir + "/old.json"},
          "is of another search (interleave version 0.0.1 vs ");
  refused({"explore", "article/race", "--checkpoint", file, "--max-runs", "3"},
          "--max-runs cannot be used with --checkpoint");
  refused({"explore", "article/race", "--checkpoint-every", "1s"},
          "--checkpoint-every says how often --checkpoint saves");
  run_cli({"explore", "article/race", "--shard", "0/2", "--out", dir + "/part.json"}, dir);
  refused({"explore", "article/race", "--checkpoint", dir + "/part.json"},
          "is a shard's part, not a checkpoint");
  refused({"merge", file + ".missing"}, "cannot read part");
}
