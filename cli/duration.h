#pragma once
// Parsing and printing virtual durations on the command line ("10ms", "2s", "500us", "250ns").

#include <optional>
#include <string>
#include <string_view>

#include "../sim/ids.h"

namespace interleave {

// parse_duration(text) reads an integer with a unit (ns, us, ms, s); nullopt if malformed.
std::optional<Nanos> parse_duration(std::string_view text);

// duration_flag(flag, text, least, greatest) is text read as a duration within least..greatest;
// otherwise it throws UsageError naming the flag and the range.
Nanos duration_flag(std::string_view flag, std::string_view text, Nanos least, Nanos greatest);

// step_cost_flag(text) is --step-cost's value: from 0 to 1s, so that the virtual clock of a run of
// at most 4,000,000,000 steps never overflows.
Nanos step_cost_flag(std::string_view text);

// format_duration(d) prints d with the largest unit that keeps it an integer ("10ms").
std::string format_duration(Nanos d);

// format_seconds(d) prints d in seconds with up to nine decimals ("2.000042 s").
std::string format_seconds(Nanos d);

}  // namespace interleave
