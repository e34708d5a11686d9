#include "cli/export_command.h"

#include "cli/exit_codes.h"
#include "cli/option_checks.h"
#include "cli/usage_error.h"
#include "export/export_formats.h"
#include "traces/output_file.h"

namespace interleave {

int run_export(const ExportOptions& o, std::ostream& out) {
  const bool to_file = !o.output.empty() && o.output != "-";
  if (to_file) {
    if (same_file(o.output, o.trace)) {
      throw UsageError("-o " + o.output + " is the trace being exported; write the " + o.format +
                       " export to another file");
    }
    check_output_or_throw(o.output);
  }
  const std::string text = export_trace(read_trace_or_throw(o.trace), o.format, o.width);
  if (!to_file) {
    out << text;
    return kExitOk;
  }
  try {
    write_output_file(text, o.output);
  } catch (const OutputError& e) {
    throw UsageError(e.what());
  }
  return kExitOk;
}

}  // namespace interleave
