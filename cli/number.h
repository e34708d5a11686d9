#pragma once
// The one parser of every number on the command line: decimal digits with an optional '-',
// checked against a range, never wrapped around, with a message that names the problem.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace interleave {

// An inclusive range of integers a flag accepts.
struct IntegerRange {
  std::int64_t least = 0;
  std::uint64_t greatest = UINT64_MAX;  // invariant: least <= greatest (least < 0 allowed)
};

// integer_problem(text, range) is empty when text is a decimal integer within range; otherwise
// one phrase saying why not ("'abc' is not a number", "'-1' is out of range: it must be from
// 1 to 1000000000"), to follow the flag's name.
std::string integer_problem(std::string_view text, IntegerRange range);

// parse_signed(text, range) is text's value when integer_problem() is empty; nullopt
// otherwise. range.greatest is at most INT64_MAX.
std::optional<std::int64_t> parse_signed(std::string_view text, IntegerRange range);
// parse_unsigned(text, range) is the same for a range of non-negative numbers.
std::optional<std::uint64_t> parse_unsigned(std::string_view text, IntegerRange range);

}  // namespace interleave
