#pragma once
// The one check of every number on the command line: decimal digits with an optional '-',
// within a range, never wrapped around, with a message that names the problem. cli/app.cpp runs
// it on a flag's text before CLI11 converts the text, which then cannot fail or wrap.

#include <cstdint>
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

}  // namespace interleave
