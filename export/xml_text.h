#pragma once
// Text that is safe inside XML and HTML: escaped markup characters, valid UTF-8 only.

#include <cstddef>
#include <string>
#include <string_view>

namespace interleave {

// xml_escape(s) escapes & < > " ' and replaces what XML 1.0 cannot hold (control characters
// other than tab and newline, bytes that are not UTF-8) with U+FFFD.
std::string xml_escape(std::string_view s);

// code_points(s) counts the characters of UTF-8 text (bytes that are not UTF-8 count as one).
std::size_t code_points(std::string_view s);

// clip(s, n) is s cut to at most n characters, the last one an ellipsis when it was cut.
std::string clip(std::string_view s, std::size_t n);

}  // namespace interleave
