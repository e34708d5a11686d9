// docs/explore.md shows `interleave explore` with its output: each ```console block is run again
// here and must print what the doc shows, except for the real time and the rate in the last line
// ("2880 runs in 0.140 s (20597 runs/s)"), which differ from run to run.

#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/shown_commands.h"

using interleave::testing::check_shown_commands;

namespace {

// without_timing(lines) replaces the seconds and runs per second of the timing line.
std::vector<std::string> without_timing(std::vector<std::string> lines) {
  static const std::regex timing(R"(^(\d+ runs? in )[0-9.]+ s \(\d+ runs/s\)$)");
  for (std::string& line : lines) line = std::regex_replace(line, timing, "$1T s (R runs/s)");
  return lines;
}

}  // namespace

TEST_CASE("every command in docs/explore.md prints the output the doc shows", "[docs][explore]") {
  check_shown_commands("explore.md", 3, without_timing);
}
