#include "export/xml_text.h"

#include <cstdint>

namespace interleave {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// utf8_length(s, i) is the length of the valid UTF-8 sequence at s[i], or 0 if there is none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) {
    len = 2;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3;
    cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  const bool overlong =
      (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  const bool not_char =
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || cp == 0xFFFE || cp == 0xFFFF;
  return overlong || not_char ? 0 : len;
}

}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default: {
        const std::size_t len = utf8_length(s, i);
        const auto b = static_cast<unsigned char>(c);
        if (len == 0 || (b < 0x20 && c != '\t' && c != '\n') || b == 0x7F) {
          out += kReplacement;
          ++i;
          continue;
        }
        out.append(s.substr(i, len));
        i += len;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_length(s, i);
    i += len == 0 ? 1 : len;
    ++n;
  }
  return n;
}

std::string clip(std::string_view s, std::size_t n) {
  if (code_points(s) <= n) return std::string(s);
  if (n == 0) return {};
  std::size_t i = 0;
  for (std::size_t k = 0; k + 1 < n && i < s.size(); ++k) {
    const std::size_t len = utf8_length(s, i);
    i += len == 0 ? 1 : len;
  }
  return std::string(s.substr(0, i)) + "…";
}

}  // namespace interleave
