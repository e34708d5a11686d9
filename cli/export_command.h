#pragma once
// `interleave export TRACE --format text|chrome|svg|html [-o FILE]`: a trace for people.

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace interleave {

// Options of `interleave export`.
struct ExportOptions {
  std::string trace;            // the trace file
  std::string format = "text";  // text, chrome, svg or html
  std::string output;           // file to write (safely); empty: standard output
  std::size_t width = 80;       // text: columns
};

// add_export_command(app, options) registers the subcommand; parsing fills options.
CLI::App& add_export_command(CLI::App& app, ExportOptions& options);

// run_export(options, out) writes the export; throws UsageError on a bad trace or output path.
int run_export(const ExportOptions& options, std::ostream& out);

}  // namespace interleave
