#pragma once
// `interleave list`: the built-in scenarios with their descriptions and parameters.

#include <ostream>

namespace CLI {
class App;
}

namespace interleave {

// Options of `interleave list`.
struct ListOptions {
  bool json = false;  // one JSON array instead of the table
};

// add_list_command(app, options) registers the subcommand; its callback fills options.
CLI::App& add_list_command(CLI::App& app, ListOptions& options);

// run_list(options, out) prints the list; returns the exit code.
int run_list(const ListOptions& options, std::ostream& out);

}  // namespace interleave
