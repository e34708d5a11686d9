#pragma once
// The `interleave` command line: its subcommands list, run, replay, export and explore, and the
// options of each (the one file that includes CLI11 is cli/app.cpp).

#include <ostream>

namespace interleave {

// run_app(argc, argv, out, err) runs the CLI with the given streams; returns the exit code.
int run_app(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace interleave
