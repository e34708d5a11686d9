#include "cli/export_command.h"

#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/usage_error.h"
#include "traces/export_formats.h"
#include "traces/trace_json.h"

namespace interleave {

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
