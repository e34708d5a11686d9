#include "export/export_formats.h"

#include <stdexcept>

#include "export/export_chrome.h"
#include "export/export_html.h"
#include "export/export_svg.h"
#include "export/export_text.h"

namespace interleave {

const std::vector<std::string>& export_format_names() {
  static const std::vector<std::string> names{"text", "chrome", "svg", "html"};
  return names;
}

std::string export_trace(const Trace& trace, const std::string& format, std::size_t width) {
  if (format == "text") return export_text(trace, width);
  if (format == "chrome") return export_chrome(trace);
  if (format == "svg") return export_svg(trace);
  if (format == "html") return export_html(trace);
  throw std::invalid_argument("unknown export format '" + format + "'");
}

}  // namespace interleave
