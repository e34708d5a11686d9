#pragma once
// export_svg: a trace as a timeline picture for slides and documents.

#include <string>

#include "../traces/trace.h"
#include "timeline.h"

namespace interleave {

// What to draw besides the timeline itself.
struct SvgOptions {
  bool standalone = true;  // an SVG document (XML declaration, namespace); false: an element
                           // to place inside an HTML page
  bool cursor = false;     // add an invisible rect with id="cursor" for a page to move
};

// export_svg(trace) draws the run as an SVG document: a lane per fiber, named at the left;
// one column per step (a run of identical steps is one column marked ×N; a jump of the clock
// is a narrow column marked with the time skipped); coloured spans for running, spinning,
// runnable, blocked and sleeping with a legend; arrows for spawns and wake-ups; a time axis
// with step numbers and clock labels; the outcome as a caption, the last step outlined when
// the run did not end ok. Every step column has a tooltip (<title>) with its details.
std::string export_svg(const Trace& trace);

// render_svg(trace, timeline, options) is export_svg with the timeline already built. Step
// columns carry data-col="k" (k counts timeline.runs) so that a page can find them.
std::string render_svg(const Trace& trace, const Timeline& timeline, const SvgOptions& options);

}  // namespace interleave
