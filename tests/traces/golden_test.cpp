#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"

using interleave::testing::read_file;
using interleave::testing::run_cli;
using interleave::testing::temp_dir;

namespace {

const std::string kGoldenDir = interleave::testing::source_path("tests/golden");

// One line of tests/golden/commands.txt: the file and the `interleave run` arguments.
struct Golden {
  std::string file;
  std::vector<std::string> args;
};

// goldens() reads tests/golden/commands.txt, skipping blank and '#' lines.
std::vector<Golden> goldens() {
  std::ifstream in(kGoldenDir + "/commands.txt");
  std::vector<Golden> result;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    Golden g;
    if (!(words >> g.file) || g.file[0] == '#') continue;
    for (std::string w; words >> w;) g.args.push_back(w);
    result.push_back(g);
  }
  return result;
}

std::string joined(const std::vector<std::string>& args) {
  std::string s;
  for (const std::string& a : args) s += " " + a;
  return s;
}

// first_difference(a, b) describes where a and b first differ ("" when they are equal): the
// line number and the two lines, so a failure does not print two whole traces.
std::string first_difference(const std::string& a, const std::string& b) {
  if (a == b) return "";
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const std::size_t start = a.rfind('\n', i == 0 ? 0 : i - 1);
  const std::size_t from = start == std::string::npos ? 0 : start + 1;
  const auto line_at = [from](const std::string& s) {
    return s.substr(from, s.find('\n', from) - from);
  };
  const auto line_number =
      std::count(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(from), '\n') + 1;
  return "first difference at byte " + std::to_string(i) + ", line " + std::to_string(line_number) +
         "\n  golden: " + line_at(a).substr(0, 200) + "\n  now:    " + line_at(b).substr(0, 200);
}

const char* const kHowToRegenerate =
    "If the change to the trace is intended, regenerate the goldens with "
    "`bash scripts/regen-golden` (after building build/cli/interleave), review "
    "`git diff tests/golden` and commit them with the change.";

}  // namespace

TEST_CASE("the goldens cover the article's five scenarios under fifo and random seed 1",
          "[golden]") {
  std::set<std::string> files;
  for (const Golden& g : goldens()) files.insert(g.file);
  for (const char* scenario : {"race", "lock", "naive-spinlock", "spinlock", "semaphore-server"}) {
    for (const char* policy : {"fifo", "random-1"}) {
      const std::string file = std::string("article-") + scenario + "." + policy + ".json";
      INFO(file << " is listed in tests/golden/commands.txt");
      CHECK(files.count(file) == 1);
    }
  }
}

TEST_CASE("running each golden's command again writes the golden byte for byte", "[golden]") {
  const std::string dir = temp_dir();
  const std::vector<Golden> all = goldens();
  REQUIRE(all.size() >= 10);
  for (const Golden& g : all) {
    const std::string expected = read_file(kGoldenDir + "/" + g.file);
    const std::string path = dir + "/" + g.file;
    std::vector<std::string> cmd{"run"};
    cmd.insert(cmd.end(), g.args.begin(), g.args.end());
    cmd.insert(cmd.end(), {"--trace", path});
    const auto r = run_cli(cmd);
    INFO("interleave run" << joined(g.args) << " (exit " << r.exit_code << ") " << r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    const std::string actual = read_file(path);
    INFO("tests/golden/" << g.file << " differs from the trace the current code writes. "
                         << kHowToRegenerate);
    CHECK(!expected.empty());
    const std::string difference = first_difference(expected, actual);
    INFO(difference);
    CHECK(difference.empty());
    std::remove(path.c_str());
  }
}

TEST_CASE("each golden replays to the same run", "[golden]") {
  for (const Golden& g : goldens()) {
    const auto r = run_cli({"replay", kGoldenDir + "/" + g.file});
    INFO("interleave replay tests/golden/" << g.file << ": " << r.out << r.err << "\n"
                                           << kHowToRegenerate);
    CHECK(r.exit_code == 0);
  }
}
