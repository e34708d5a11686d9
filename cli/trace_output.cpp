#include "cli/trace_output.h"

#include <stdexcept>

#include "cli/usage_error.h"
#include "traces/output_file.h"
#include "traces/trace_json.h"

namespace interleave {

void write_trace_or_throw(const Trace& trace, const std::string& path, std::ostream& out) {
  if (path == "-") {
    out << to_json(trace);
    return;
  }
  try {
    write_trace_file(trace, path);
  } catch (const OutputError& e) {
    throw UsageError(e.what());
  }
}

}  // namespace interleave
