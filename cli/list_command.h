#pragma once
// `interleave list`: the built-in scenarios with their descriptions and parameters.

#include <ostream>

namespace interleave {

// Options of `interleave list`, as parsed from the command line (declared in cli/app.cpp).
struct ListOptions {
  bool json = false;  // one JSON array instead of the table
};

// run_list(options, out) prints the list; returns the exit code.
int run_list(const ListOptions& options, std::ostream& out);

}  // namespace interleave
