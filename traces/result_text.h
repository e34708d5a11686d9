#pragma once
// The readable forms of the results a scenario reported, shared by the CLI and test helpers.

#include <string>

#include "../sim/outcome.h"

namespace interleave {

// format_value(v) prints a result value: 6, 2.5, "text", [3, 3, 6].
std::string format_value(const ResultValue& v);

// format_results(r) prints every result as "name = value", comma-separated, in report order;
// "no results" when there are none.
std::string format_results(const Results& r);

}  // namespace interleave
