#pragma once
// `interleave list`: the scenarios with their descriptions and parameters.

#include <ostream>

namespace interleave {

struct Program;

// Options of `interleave list`, as parsed from the command line (declared in cli/app.cpp).
struct ListOptions {
  bool json = false;  // one JSON array instead of the table
};

// run_list(options, program, out) prints the program's scenarios; returns the exit code.
int run_list(const ListOptions& options, const Program& program, std::ostream& out);

}  // namespace interleave
