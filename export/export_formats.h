#pragma once
// The export formats by name, for the CLI: text, chrome, svg and html.

#include <cstddef>
#include <string>
#include <vector>

#include "../traces/trace.h"

namespace interleave {

// export_format_names() lists the formats export_trace() knows.
const std::vector<std::string>& export_format_names();

// export_trace(trace, format, width) renders trace in format (one of export_format_names());
// width applies to text. Throws std::invalid_argument for an unknown format.
std::string export_trace(const Trace& trace, const std::string& format, std::size_t width);

}  // namespace interleave
