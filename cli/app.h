#pragma once
// The `interleave` command line: subcommands list, run (and more as they land).

#include <ostream>

namespace interleave {

// run_app(argc, argv, out, err) runs the CLI with the given streams; returns the exit code.
int run_app(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace interleave
