#pragma once
// `interleave export TRACE --format text|chrome|svg|html [-o FILE]`: a trace for people.

#include <ostream>
#include <string>

namespace interleave {

// Options of `interleave export`, as parsed from the command line (declared in cli/app.cpp).
struct ExportOptions {
  std::string trace;            // the trace file
  std::string format = "text";  // text, chrome, svg or html
  std::string output;           // file to write (safely); empty: standard output
  std::size_t width = 80;       // text: columns
};

// run_export(options, out) writes the export; throws UsageError on a bad trace or output path.
int run_export(const ExportOptions& options, std::ostream& out);

}  // namespace interleave
