// docs/tutorial.md shows commands with their output: each ```console block is run again here
// and must print what the tutorial shows (a line "…" stands for any number of lines left out).

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
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

TEST_CASE("every picture in docs/img is what export draws today from the run it names",
          "[docs][cli]") {
  std::vector<std::pair<std::string, std::vector<std::string>>> pictures{
      {"article-race-random-1.svg", {"article/race", "--policy", "random", "--seed", "1"}},
      {"article-naive-spinlock-random-2.svg",
       {"article/naive-spinlock", "--policy", "random", "--seed", "2"}},
      {"article-spinlock-fifo.svg", {"article/spinlock", "--policy", "fifo"}},
      {"article-lock-fifo.svg", {"article/lock", "--policy", "fifo"}},
      {"article-semaphore-server-fifo.svg", {"article/semaphore-server", "--policy", "fifo"}},
  };
#if !defined(__SANITIZE_ADDRESS__)
  // A million steps (a 117 MB trace): about five seconds here, too long under the sanitizers.
  pictures.push_back(
      {"article-naive-spinlock-fifo.svg", {"article/naive-spinlock", "--policy", "fifo"}});
#endif
  // Every picture is checked: here, or article-race-fifo.svg in export_svg_test.cpp.
  for (const auto& entry :
       std::filesystem::directory_iterator(interleave::testing::source_path("docs/img"))) {
    const std::string name = entry.path().filename().string();
    INFO(name << " is in docs/img but no test compares it with a fresh export");
    const bool listed = std::any_of(pictures.begin(), pictures.end(),
                                    [&](const auto& p) { return p.first == name; });
#if defined(__SANITIZE_ADDRESS__)
    CHECK((listed || name == "article-race-fifo.svg" || name == "article-naive-spinlock-fifo.svg"));
#else
    CHECK((listed || name == "article-race-fifo.svg"));
#endif
  }
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
