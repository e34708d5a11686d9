#pragma once
// The CLI fuzzer's generator: seeded argument vectors for every command, flag and parameter of
// `interleave`, with values drawn from the edges (empty, negative, 2^31, 2^63, 2^64, words,
// non-ASCII, huge durations, devices, links, folders, missing folders).

#include <cstdint>
#include <string>
#include <vector>

namespace interleave::testing {

// One generated command line, and the files it may create in its working folder.
struct FuzzCase {
  std::vector<std::string> args;        // after the program name
  std::vector<std::string> may_create;  // names in the working folder it may write
};

// fuzz_case(seed) is the command line of seed; the same seed always gives the same one. The
// working folder is expected to hold the files fuzz_fixture_files() names.
FuzzCase fuzz_case(std::uint64_t seed);

// The files a fuzz case may refer to, which the runner makes before the first case: a valid
// trace (trace.json), a file that is not JSON (bad.json), a folder (dir), a link to trace.json
// (link.json), a dangling link (dangling.json) and a part file of a search (part.json).
std::vector<std::string> fuzz_fixture_files();

}  // namespace interleave::testing
