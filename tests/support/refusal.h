#pragma once
// check_refused: a command line that interleave must refuse as bad input.

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace interleave::testing {

// check_refused(args, expected): exit 2, nothing on stdout, and one line on stderr that starts
// "interleave: error: " and contains expected.
inline void check_refused(const std::vector<std::string>& args, const std::string& expected) {
  std::string shown = "interleave";
  for (const std::string& a : args) shown += " " + a;
  INFO(shown);
  const ProcessResult r = run_cli(args, temp_dir());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  const std::string err = own_stderr(r.err);
  CHECK_THAT(err, Catch::Matchers::StartsWith("interleave: error: "));
  CHECK_THAT(err, Catch::Matchers::Contains(expected));
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
}

}  // namespace interleave::testing
