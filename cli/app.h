#pragma once
// The `interleave` command line: its subcommands list, run, replay, export and explore, and the
// options of each (the one file that includes CLI11 is cli/app.cpp).

#include <ostream>

namespace interleave {

struct Program;

// run_program(program, argc, argv, out, err) runs the command line of program (the stock
// interleave or a user's program) with the given streams; returns the exit code.
int run_program(const Program& program, int argc, const char* const* argv, std::ostream& out,
                std::ostream& err);

// run_app(argc, argv, out, err) runs the stock `interleave` over the built-in scenarios.
int run_app(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace interleave
