#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "scenarios/article/race.h"
#include "tests/support/process.h"
#include "tests/support/recorded_trace.h"
#include "traces/trace_json.h"

using namespace interleave;
using namespace interleave::testing;
using Catch::Matchers::Contains;

namespace {

// entries(dir) lists the names in dir, sorted, without "." and "..".
std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return names;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

void write_text(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

}  // namespace

TEST_CASE("a trace file holds exactly the JSON and nothing is left beside it", "[traces][file]") {
  const std::string dir = temp_dir();
  const Trace t = fifo_trace(article_race());
  write_trace_file(t, dir + "/race.json");
  CHECK(read_file(dir + "/race.json") == to_json(t));
  CHECK(entries(dir) == std::vector<std::string>{"race.json"});

  const TraceReadResult r = read_trace_file(dir + "/race.json");
  INFO(r.error);
  REQUIRE(r.ok());
  CHECK(*r.trace == t);
}

TEST_CASE("writing over an existing trace replaces it whole", "[traces][file]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/trace.json";
  write_text(path, std::string(100000, 'x'));
  const Trace t = fifo_trace(article_race());
  write_trace_file(t, path);
  CHECK(read_file(path) == to_json(t));
  CHECK(entries(dir) == std::vector<std::string>{"trace.json"});
}

TEST_CASE("a trace file that cannot be written throws and leaves nothing behind",
          "[traces][file]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/missing/race.json";
  try {
    write_trace_file(fifo_trace(article_race()), path);
    FAIL("write_trace_file did not throw");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Contains(path));
    CHECK_THAT(e.what(), Contains("No such file or directory"));
  }
  CHECK(entries(dir).empty());
}

TEST_CASE("a trace onto a folder is refused and leaves the folder as it was", "[traces][file]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/taken";
  REQUIRE(::mkdir(path.c_str(), 0755) == 0);
  write_text(path + "/inside", "keep");
  CHECK_THROWS_WITH(write_trace_file(fifo_trace(article_race()), path),
                    "cannot write " + path + ": it is a folder");
  CHECK(entries(dir) == std::vector<std::string>{"taken"});
  CHECK(read_file(path + "/inside") == "keep");
}

TEST_CASE("reading a trace file that is not there names the file", "[traces][file]") {
  const std::string path = temp_dir() + "/nothing.json";
  const TraceReadResult r = read_trace_file(path);
  CHECK_FALSE(r.ok());
  CHECK(r.error == "cannot read " + path + ": No such file or directory");
}
