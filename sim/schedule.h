#pragma once
// The compact schedule string: the fiber of every step, run-length encoded.
// Grammar: ITEM ("," ITEM)*, ITEM = FIBER | FIBER "x" COUNT, e.g. "0x3,1x2,0" means
// fiber 0 for three steps, fiber 1 for two, then fiber 0. No shell-special characters.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ids.h"

namespace interleave {

// The longest schedule parse_schedule() expands (2^26 steps), so a short string such as
// "0x99999999999" cannot exhaust memory.
inline constexpr std::uint64_t kMaxScheduleLength = std::uint64_t{1} << 26;

// format_schedule(s) encodes a decision list; runs of one fiber become "FxN" (N >= 2). An
// empty list gives "", which parse_schedule() refuses: every run has at least one step.
std::string format_schedule(std::span<const FiberId> schedule);

// parse_schedule(text, error) decodes a schedule string; on malformed text it returns nullopt
// and sets error to one line naming the offending item.
std::optional<std::vector<FiberId>> parse_schedule(std::string_view text, std::string& error);

}  // namespace interleave
