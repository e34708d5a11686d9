// docs/tutorial.md shows commands with their output: each ```console block is run again here
// and must print what the tutorial shows (a line "…" stands for any number of lines left out).

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/process.h"

using interleave::testing::read_file;
using interleave::testing::run_process;
using interleave::testing::temp_dir;

namespace {

// One "$ command" of a console block and the lines the tutorial shows after it.
struct Shown {
  std::string command;
  std::vector<std::string> output;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// shown_commands(doc) is every "$ " line of every ```console block of doc, with its output.
std::vector<Shown> shown_commands(const std::string& doc) {
  std::vector<Shown> result;
  bool in_console = false;
  for (const std::string& line : lines_of(doc)) {
    if (line.rfind("```", 0) == 0) {
      in_console = !in_console && line == "```console";
    } else if (in_console && line.rfind("$ ", 0) == 0) {
      result.push_back({line.substr(2), {}});
    } else if (in_console && !result.empty()) {
      result.back().output.push_back(line);
    }
  }
  return result;
}

// mismatch(shown, actual) is "" when actual is shown with only "…" lines standing for lines left
// out (the first piece must start the output, the last end it unless a "…" follows it), else
// the first piece of shown that is not found.
std::string mismatch(const std::vector<std::string>& shown,
                     const std::vector<std::string>& actual) {
  std::vector<std::vector<std::string>> pieces{{}};
  for (const std::string& line : shown) {
    if (line == "…") {
      pieces.emplace_back();
    } else {
      pieces.back().push_back(line);
    }
  }
  std::size_t at = 0;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const std::vector<std::string>& piece = pieces[p];
    if (piece.empty()) continue;
    std::size_t found = actual.size() + 1;
    for (std::size_t i = at; i + piece.size() <= actual.size(); ++i) {
      if (std::equal(piece.begin(), piece.end(), actual.begin() + static_cast<std::ptrdiff_t>(i))) {
        found = i;
        break;
      }
      if (p == 0) break;  // the first piece starts the output
    }
    if (found > actual.size())
      return "these shown lines are not in the output (in order): " + piece.front() +
             (piece.size() > 1 ? " …" : "");
    at = found + piece.size();
  }
  if (!pieces.back().empty() && at != actual.size()) return "more output after: " + shown.back();
  return "";
}

}  // namespace

TEST_CASE("every command in the tutorial prints the output the tutorial shows", "[docs][cli]") {
  const std::string doc = read_file(std::string(INTERLEAVE_SOURCE_DIR) + "/docs/tutorial.md");
  const std::vector<Shown> commands = shown_commands(doc);
  REQUIRE(commands.size() >= 10);
  const std::string cli = INTERLEAVE_CLI;
  const std::string cli_dir = cli.substr(0, cli.rfind('/'));
  const std::string dir = temp_dir();
  for (const Shown& c : commands) {
    const auto r =
        run_process({"/bin/bash", "-c", "PATH='" + cli_dir + "':\"$PATH\"; " + c.command}, dir);
    const std::string problem = mismatch(c.output, lines_of(r.out));
    INFO("$ " << c.command << "\n"
              << problem << "\nIf the new output is right, paste it into "
              << "docs/tutorial.md (cut long parts with a line \"…\").");
    CHECK(problem.empty());
  }
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
        read_file(svg) == read_file(std::string(INTERLEAVE_SOURCE_DIR) + "/docs/img/" + picture);
    CHECK(same_bytes);
  }
}
