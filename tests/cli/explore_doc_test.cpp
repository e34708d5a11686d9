// docs/explore.md shows `interleave explore` with its output: each ```console block is run again
// here and must print what the doc shows, except for the real time and the rate in the last line
// ("2880 runs in 0.140 s (20597 runs/s)"), which differ from run to run.

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/shown_commands.h"

using interleave::testing::lines_of;
using interleave::testing::mismatch;
using interleave::testing::read_file;
using interleave::testing::run_process;
using interleave::testing::Shown;
using interleave::testing::shown_commands;
using interleave::testing::temp_dir;

namespace {

// without_timing(lines) replaces the seconds and runs per second of the timing line.
std::vector<std::string> without_timing(std::vector<std::string> lines) {
  static const std::regex timing(R"(^(\d+ runs? in )[0-9.]+ s \(\d+ runs/s\)$)");
  for (std::string& line : lines) line = std::regex_replace(line, timing, "$1T s (R runs/s)");
  return lines;
}

}  // namespace

TEST_CASE("every command in docs/explore.md prints the output the doc shows", "[docs][explore]") {
  const std::string doc = read_file(std::string(INTERLEAVE_SOURCE_DIR) + "/docs/explore.md");
  const std::vector<Shown> commands = shown_commands(doc);
  REQUIRE(commands.size() >= 3);
  const std::string cli = INTERLEAVE_CLI;
  const std::string cli_dir = cli.substr(0, cli.rfind('/'));
  const std::string dir = temp_dir();
  for (const Shown& c : commands) {
    const auto r =
        run_process({"/bin/bash", "-c", "PATH='" + cli_dir + "':\"$PATH\"; " + c.command}, dir);
    const std::string problem = mismatch(without_timing(c.output), without_timing(lines_of(r.out)));
    INFO("$ " << c.command << "\n"
              << problem << "\nIf the new output is right, paste it into "
              << "docs/explore.md (cut long parts with a line \"…\").");
    CHECK(problem.empty());
  }
}
