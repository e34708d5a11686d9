#include "sim/schedule.h"

#include <cstdint>
#include <limits>
#include <utility>

namespace interleave {

namespace {

constexpr std::uint64_t kMaxFiber = std::numeric_limits<std::uint32_t>::max();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// read_number(s, pos, limit, value, overflow) reads the digits at s[pos..] into value; it
// returns false when there are none, and sets overflow when the number exceeds limit. pos ends
// after the digits.
bool read_number(std::string_view s, std::size_t& pos, std::uint64_t limit, std::uint64_t& value,
                 bool& overflow) {
  const std::size_t begin = pos;
  value = 0;
  overflow = false;
  for (; pos < s.size() && is_digit(s[pos]); ++pos) {
    const auto digit = static_cast<std::uint64_t>(s[pos] - '0');
    if (overflow) continue;
    if (digit > limit || value > (limit - digit) / 10) {
      overflow = true;
    } else {
      value = value * 10 + digit;
    }
  }
  return pos > begin;
}

// utf8_length(text, pos) is the number of bytes of the character that starts at pos: its UTF-8
// sequence when it is a whole one, else 1 (so a message never cuts a character in two).
std::size_t utf8_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const std::size_t n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (pos + n > text.size()) return 1;
  for (std::size_t i = 1; i < n; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xc0) != 0x80) return 1;
  }
  return n;
}

// quoted(item) is the item as error messages show it: 'item'.
std::string quoted(std::string_view item) {
  std::string q;
  q.reserve(item.size() + 2);
  q.push_back('\'');
  q.append(item);
  q.push_back('\'');
  return q;
}

}  // namespace

std::string format_schedule(std::span<const FiberId> schedule) {
  std::string out;
  std::size_t i = 0;
  while (i < schedule.size()) {
    std::size_t j = i + 1;
    while (j < schedule.size() && schedule[j] == schedule[i]) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(index(schedule[i]));
    if (j - i > 1) {
      out += 'x';
      out += std::to_string(j - i);
    }
    i = j;
  }
  return out;
}

std::optional<std::vector<FiberId>> parse_schedule(std::string_view text, std::string& error) {
  if (text.empty()) {
    error = "the schedule is empty; expected items like '0x3,1x2,0'";
    return std::nullopt;
  }
  // Every item is checked and the length summed before anything is expanded, so a refused
  // string allocates nothing in proportion to its counts.
  std::vector<std::pair<FiberId, std::uint64_t>> items;
  std::uint64_t total = 0;  // invariant: <= kMaxScheduleLength
  std::size_t item_number = 0;
  std::size_t start = 0;
  while (true) {
    ++item_number;
    const std::size_t comma = text.find(',', start);
    const std::string_view item = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    const std::string where = "schedule item " + std::to_string(item_number);
    auto fail = [&](const std::string& what) {
      error = where + " (" + quoted(item) + ") " + what;
      return std::nullopt;
    };
    if (item.empty()) {
      error =
          where + " is empty" +
          (comma == std::string_view::npos ? " (a trailing comma?)" : " (two commas in a row?)");
      return std::nullopt;
    }
    for (char c : item) {
      if (is_space(c)) return fail("contains a space; write the schedule without spaces");
      if (c == '-') return fail("is negative; fiber ids and counts are 0, 1, 2, ...");
    }
    std::size_t pos = 0;
    std::uint64_t fiber = 0;
    bool overflow = false;
    if (!read_number(item, pos, kMaxFiber, fiber, overflow)) {
      return fail("does not start with a fiber id");
    }
    if (overflow) return fail("has a fiber id above " + std::to_string(kMaxFiber));
    std::uint64_t count = 1;
    if (pos < item.size()) {
      if (item[pos] != 'x') {
        return fail("has " + quoted(item.substr(pos, utf8_length(item, pos))) +
                    " after the fiber id; expected 'x' or ','");
      }
      ++pos;
      const std::uint64_t room = kMaxScheduleLength - total;
      if (!read_number(item, pos, room, count, overflow)) return fail("has no count after 'x'");
      if (overflow) {
        return fail("makes the schedule longer than " + std::to_string(kMaxScheduleLength) +
                    " steps");
      }
      if (count == 0) return fail("has a count of 0; counts start at 1");
      if (pos < item.size()) {
        return fail("has " + quoted(item.substr(pos, utf8_length(item, pos))) +
                    " after the count; expected ','");
      }
    } else if (total == kMaxScheduleLength) {
      return fail("makes the schedule longer than " + std::to_string(kMaxScheduleLength) +
                  " steps");
    }
    items.emplace_back(FiberId{static_cast<std::uint32_t>(fiber)}, count);
    total += count;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::vector<FiberId> out;
  out.reserve(total);
  for (const auto& [fiber, count] : items) out.insert(out.end(), count, fiber);
  return out;
}

}  // namespace interleave
