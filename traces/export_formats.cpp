#include "traces/export_formats.h"

#include <stdexcept>

#include "traces/export_text.h"

namespace interleave {

const std::vector<std::string>& export_format_names() {
  static const std::vector<std::string> names{"text"};
  return names;
}

std::string export_trace(const Trace& trace, const std::string& format, std::size_t width) {
  if (format == "text") return export_text(trace, width);
  throw std::invalid_argument("unknown export format '" + format + "'");
}

}  // namespace interleave
