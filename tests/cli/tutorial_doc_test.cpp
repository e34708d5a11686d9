// docs/tutorial.md shows commands with their output: each ```console block is run again here
// and must print what the tutorial shows (a line "…" stands for any number of lines left out).

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/shown_commands.h"

using interleave::testing::check_shown_commands;
using interleave::testing::lines_of;
using interleave::testing::mismatch;
using interleave::testing::read_file;
using interleave::testing::run_process;
using interleave::testing::Shown;
using interleave::testing::shown_commands;
using interleave::testing::temp_dir;

TEST_CASE("every command in the tutorial prints the output the tutorial shows", "[docs][cli]") {
  check_shown_commands("tutorial.md", 10, [](std::vector<std::string> lines) { return lines; });
}

TEST_CASE("the tutorial's pictures are what export draws today from the runs it names",
          "[docs][cli]") {
  // article-naive-spinlock-fifo.svg is left out: its run is a million steps (a 117 MB trace).
  const std::vector<std::pair<std::string, std::vector<std::string>>> pictures{
      {"article-race-random-1.svg", {"article/race", "--policy", "random", "--seed", "1"}},
      {"article-naive-spinlock-random-2.svg",
       {"article/naive-spinlock", "--policy", "random", "--seed", "2"}},
      {"article-spinlock-fifo.svg", {"article/spinlock", "--policy", "fifo"}},
      {"article-lock-fifo.svg", {"article/lock", "--policy", "fifo"}},
      {"article-semaphore-server-fifo.svg", {"article/semaphore-server", "--policy", "fifo"}},
  };
  const std::string dir = temp_dir();
  const std::string trace = dir + "/trace.json";
  const std::string svg = dir + "/picture.svg";
  for (const auto& [picture, args] : pictures) {
    std::vector<std::string> run{"run"};
    run.insert(run.end(), args.begin(), args.end());
    std::string command = "interleave";
    for (const std::string& a : run) command += " " + a;
    INFO(picture << " is out of date; if the change is intended, regenerate it with `" << command
                 << " --trace t.json` then `interleave export t.json --format svg -o docs/img/"
                 << picture << "` (as docs/tutorial.md shows)");
    run.insert(run.end(), {"--trace", trace});
    const auto r = interleave::testing::run_cli(run);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    REQUIRE(
        interleave::testing::run_cli({"export", trace, "--format", "svg", "-o", svg}).exit_code ==
        0);
    const bool same_bytes =
        read_file(svg) == read_file(interleave::testing::source_path("docs/img/" + picture));
    CHECK(same_bytes);
  }
}
