#include "cli/duration.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>

#include "cli/usage_error.h"

namespace interleave {

std::optional<Nanos> parse_duration(std::string_view text) {
  std::int64_t value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc{} || p == begin || value < 0) return std::nullopt;
  const std::string_view unit(p, static_cast<std::size_t>(end - p));
  std::int64_t scale = 0;
  if (unit == "ns")
    scale = 1;
  else if (unit == "us")
    scale = 1'000;
  else if (unit == "ms")
    scale = 1'000'000;
  else if (unit == "s")
    scale = 1'000'000'000;
  else
    return std::nullopt;
  if (value > INT64_MAX / scale) return std::nullopt;
  return Nanos{value * scale};
}

Nanos duration_flag(std::string_view flag, std::string_view text, Nanos least, Nanos greatest) {
  const std::optional<Nanos> d = parse_duration(text);
  if (d && least <= *d && *d <= greatest) return *d;
  const std::string range = "from " + format_duration(least) + " to " + format_duration(greatest);
  std::string shown(text);
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  if (!d) {
    throw UsageError(std::string(flag) + " '" + shown +
                     "' is not a duration: write an integer and a unit (ns, us, ms, s), " + range);
  }
  throw UsageError(std::string(flag) + " '" + shown + "' is out of range: it must be " + range);
}

Nanos step_cost_flag(std::string_view text) {
  return duration_flag("--step-cost", text, Nanos{0}, Nanos{1'000'000'000});
}

std::string format_duration(Nanos d) {
  const std::int64_t n = d.count();
  if (n != 0 && n % 1'000'000'000 == 0) return std::to_string(n / 1'000'000'000) + "s";
  if (n != 0 && n % 1'000'000 == 0) return std::to_string(n / 1'000'000) + "ms";
  if (n != 0 && n % 1'000 == 0) return std::to_string(n / 1'000) + "us";
  return std::to_string(n) + "ns";
}

std::string format_seconds(Nanos d) {
  const std::int64_t n = d.count();
  std::string s = std::to_string(n / 1'000'000'000);
  std::int64_t frac = n % 1'000'000'000;
  if (frac != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
    std::string f(buf);
    while (f.back() == '0') f.pop_back();
    s += f;
  }
  return s + " s";
}

}  // namespace interleave
