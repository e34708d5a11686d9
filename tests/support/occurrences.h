#pragma once
// Test helper: how often a piece of text occurs in an export.

#include <cstddef>
#include <string>

namespace interleave::testing {

// occurrences(text, what) is how many times what occurs in text, overlapping ones included.
inline std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace interleave::testing
