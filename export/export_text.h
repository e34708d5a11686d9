#pragma once
// export_text: a trace as swimlanes for the terminal, one column per fiber, one row per step.

#include <cstddef>
#include <string>

#include "../traces/trace.h"

namespace interleave {

// export_text(trace, width) renders the run in at most `width` columns (80 by default): the
// virtual clock at the side, each step in its fiber's column with the value read or written,
// blocked fibers marked "..", sleeping ones "zz"; notes follow their step.
std::string export_text(const Trace& trace, std::size_t width = 80);

}  // namespace interleave
