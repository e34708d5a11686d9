#pragma once
// SvgLayout: where export_svg puts the lanes, the columns, the axis and the caption.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../traces/trace.h"
#include "timeline.h"

namespace interleave {

// One column of the picture: a step (or a run of identical steps), or a jump of the clock.
struct SvgColumn {
  bool gap = false;
  std::size_t run = 0;   // the index in timeline.runs of a step column
  std::size_t slot = 0;  // the timeline slot whose states the column shows
  int x = 0;
  int w = 0;
};

// The geometry of the picture, in pixels.
struct SvgLayout {
  std::string title;         // "article/race under fifo"
  std::string subtitle;      // "failed · 30 steps · ..."
  int label_w = 0;           // the column of fiber names
  int col_w = 0;             // an ordinary step column
  bool cell_labels = false;  // whether running cells are wide enough for their operation
  int lane_h = 0;
  int top = 0;  // the top of the first lane
  int caption_y = 0;
  int width = 0;
  int height = 0;
  std::vector<SvgColumn> columns;       // left to right
  std::vector<std::size_t> run_column;  // run_column[r] is the column of timeline run r
  std::vector<std::size_t> run_first;   // run_first[r] is the first event of run r

  // column_of_event(e) is the column that shows event e.
  std::size_t column_of_event(std::size_t event) const;
};

// layout_svg(trace, timeline) places everything: wide labelled columns for up to 60 steps,
// narrow ones beyond; a jump of the clock longer than a context switch gets its own column.
SvgLayout layout_svg(const Trace& trace, const Timeline& timeline);

// text_width(s, px) estimates the width of s in a sans-serif font of px pixels.
int text_width(std::string_view s, int px);

}  // namespace interleave
