#include "cli/trace_output.h"

#include <stdexcept>

#include "cli/usage_error.h"
#include "traces/trace_json.h"

namespace interleave {

void write_trace_or_throw(const Trace& trace, const std::string& path) {
  try {
    write_trace_file(trace, path);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
}

}  // namespace interleave
