#pragma once
// export_html: a trace as one self-contained page that a student steps through.

#include <string>

#include "../traces/trace.h"

namespace interleave {

// export_html(trace) renders one HTML page with inline CSS and JavaScript and no network
// references: the SVG timeline, and a panel that follows the current step, moved with →/j and
// ←/k (Home/End: first/last step, or a click on a column). The panel shows the step number
// (id="step"), what the step did, every fiber's state (id="fiber-NAME", data-state="running",
// "runnable", "spinning", "blocked", "sleeping", "exited" or "not started") and every shared
// variable's value after the step (id="var-NAME"; "?" until a step reads or writes it). The
// page's data is JSON in <script type="application/json" id="trace-data">, with every "<", ">"
// and "&" written as a \u escape so that no text in it can end the script element.
std::string export_html(const Trace& trace);

}  // namespace interleave
