#pragma once
// Reduction: how an exhaustive search avoids exploring equivalent schedules twice.

#include <cstdint>
#include <optional>
#include <string_view>

namespace interleave {

// The reductions of `interleave explore` (DESIGN §2 "Exhaustive search").
enum class Reduction : std::uint8_t {
  none,   // plain DFS: every runnable fiber at every scheduling point
  sleep,  // DFS with sleep sets: a branch equivalent to an explored sibling is cut
  dpor,   // source-DPOR with sleep sets: one complete run per Mazurkiewicz trace
};

// to_string() names a reduction as the CLI spells it ("none", "sleep", "dpor").
std::string_view to_string(Reduction reduction);

// parse_reduction(text) is the reduction named text, or nullopt.
std::optional<Reduction> parse_reduction(std::string_view text);

}  // namespace interleave
