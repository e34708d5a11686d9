#include "cli/number.h"

#include <optional>

#include "traces/printable.h"

namespace interleave {

namespace {

// A decimal integer as its sign and magnitude (read_magnitude: nullopt unless text is an
// optional '-' and digits whose value fits in 64 bits).
struct Magnitude {
  bool negative = false;
  std::uint64_t value = 0;
};

std::optional<Magnitude> read_magnitude(std::string_view text) {
  Magnitude m;
  if (!text.empty() && text.front() == '-') {
    m.negative = true;
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (m.value > (UINT64_MAX - digit) / 10) return std::nullopt;
    m.value = m.value * 10 + digit;
  }
  return m;
}

bool only_digits(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// within(m, range) tells whether the integer m lies in range.
bool within(const Magnitude& m, IntegerRange range) {
  if (m.negative) {
    if (m.value == 0) return range.least < 0;  // "-0" only where negative numbers are meant
    if (range.least >= 0) return false;
    // -m.value >= least  <=>  m.value <= -least (computed without overflow).
    const std::uint64_t most = static_cast<std::uint64_t>(-(range.least + 1)) + 1;
    return m.value <= most;
  }
  if (range.least > 0 && m.value < static_cast<std::uint64_t>(range.least)) return false;
  return m.value <= range.greatest;
}

std::string quoted(std::string_view text) {
  return "'" + printable(text) + "'";
}

}  // namespace

std::string integer_problem(std::string_view text, IntegerRange range) {
  const std::string bounds =
      "it must be from " + std::to_string(range.least) + " to " + std::to_string(range.greatest);
  if (text.empty()) return "is empty: " + bounds;
  const std::optional<Magnitude> m = read_magnitude(text);
  if (!m) {
    if (only_digits(text)) return quoted(text) + " is out of range: " + bounds;
    return quoted(text) + " is not a number: " + bounds;
  }
  if (!within(*m, range)) return quoted(text) + " is out of range: " + bounds;
  return {};
}

}  // namespace interleave
