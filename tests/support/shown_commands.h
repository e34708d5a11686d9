#pragma once
// Commands shown in the docs with their output: reading them from ```console blocks and
// comparing what they print today with what the doc shows.

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace interleave::testing {

// One "$ command" of a console block and the lines the tutorial shows after it.
struct Shown {
  std::string command;
  std::vector<std::string> output;
};

// lines_of(text) splits text into lines without their newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// shown_commands(doc) is every "$ " line of every ```console block of doc, with its output.
inline std::vector<Shown> shown_commands(const std::string& doc) {
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
inline std::string mismatch(const std::vector<std::string>& shown,
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

// check_shown_commands(doc, at_least, clean) runs every command docs/<doc> shows again in a fresh
// folder, with the built CLI first on PATH, and checks (Catch2) that it prints what the doc shows,
// both sides passed through clean (which may blank out what differs from run to run).
template <class Clean>
void check_shown_commands(const std::string& doc, std::size_t at_least, Clean clean) {
  const std::string text = read_file(source_path("docs/" + doc));
  const std::vector<Shown> commands = shown_commands(text);
  REQUIRE(commands.size() >= at_least);
  const std::string cli = INTERLEAVE_CLI;
  const std::string cli_dir = cli.substr(0, cli.rfind('/'));
  const std::string dir = temp_dir();
  for (const Shown& c : commands) {
    const auto r =
        run_process({"/bin/bash", "-c", "PATH='" + cli_dir + "':\"$PATH\"; " + c.command}, dir);
    const std::string problem = mismatch(clean(c.output), clean(lines_of(r.out)));
    INFO("$ " << c.command << "\n"
              << problem << "\nIf the new output is right, paste it into docs/" << doc
              << " (cut long parts with a line \"…\").");
    CHECK(problem.empty());
  }
}

}  // namespace interleave::testing
