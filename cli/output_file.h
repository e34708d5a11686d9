#pragma once
// Writing a CLI output file safely: a temporary file beside it, renamed into place.

#include <string>

namespace interleave {

// write_output_file(text, path) writes text to path without ever leaving it half-written;
// throws UsageError naming the path when it cannot be written.
void write_output_file(const std::string& text, const std::string& path);

}  // namespace interleave
