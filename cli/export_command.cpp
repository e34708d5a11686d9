#include "cli/export_command.h"

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/usage_error.h"
#include "traces/export_formats.h"
#include "traces/trace_json.h"

namespace interleave {

CLI::App& add_export_command(CLI::App& app, ExportOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "export", "Turn a trace into swimlanes (text), Perfetto/Chrome JSON, an SVG or an HTML page");
  cmd->add_option("trace", o.trace, "Trace file written by `interleave run --trace`")->required();
  cmd->add_option("--format", o.format, "text, chrome, svg or html")
      ->capture_default_str()
      ->check(CLI::IsMember(export_format_names()));
  cmd->add_option("-o,--output", o.output, "Write to FILE instead of standard output");
  cmd->add_option("--width", o.width, "text: columns to fit in")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{20}, std::size_t{1000}));
  return *cmd;
}

int run_export(const ExportOptions& o, std::ostream& out) {
  TraceReadResult read = read_trace_file(o.trace);
  if (!read.ok()) throw UsageError(o.trace + ": " + read.error);
  const std::string text = export_trace(*read.trace, o.format, o.width);
  if (o.output.empty()) {
    out << text;
  } else {
    write_output_file(text, o.output);
  }
  return kExitOk;
}

}  // namespace interleave
