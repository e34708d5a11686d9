// Every input the trace reader fuzzer ever tripped over (tests/fuzz/regressions/) stays a test:
// read_trace() must not throw on it, and when it accepts it, the trace must round-trip.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "traces/trace_json.h"

using namespace interleave;

namespace {

// regression_files() lists tests/fuzz/regressions/, sorted, without the README.
std::vector<std::filesystem::path> regression_files() {
  const std::filesystem::path dir =
      std::filesystem::path(INTERLEAVE_SOURCE_DIR) / "tests/fuzz/regressions";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// bytes_of(path) is the whole file.
std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("the reader survives every input the fuzzer found, and round-trips what it accepts",
          "[traces][fuzz]") {
  const auto files = regression_files();
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    INFO(file.filename().string());
    const std::string text = bytes_of(file);
    TraceReadResult first;
    REQUIRE_NOTHROW(first = read_trace(text));
    if (!first.ok()) {
      CHECK_FALSE(first.error.empty());
      continue;
    }
    const std::string written = to_json(*first.trace);
    const TraceReadResult second = read_trace(written);
    REQUIRE(second.ok());
    CHECK(*second.trace == *first.trace);
    CHECK(to_json(*second.trace) == written);
  }
}
