#include "export/svg_layout.h"

#include <algorithm>

#include "export/step_text.h"
#include "export/xml_text.h"

namespace interleave {

int text_width(std::string_view s, int px) {
  return static_cast<int>(code_points(s)) * px * 6 / 10;
}

std::size_t SvgLayout::column_of_event(std::size_t event) const {
  const auto it = std::upper_bound(run_first.begin(), run_first.end(), event);
  const std::size_t r =
      it == run_first.begin() ? 0 : static_cast<std::size_t>(it - run_first.begin()) - 1;
  return run_column[r];
}

SvgLayout layout_svg(const Trace& t, const Timeline& tl) {
  SvgLayout l;
  l.title = t.scenario + " under " + t.policy.name;
  for (std::size_t i = 0; i < t.policy.params.size(); ++i) {
    const auto& [name, value] = t.policy.params[i];
    l.title += (i == 0 ? " (" : ", ") + name + " " + std::to_string(value);
  }
  if (!t.policy.params.empty()) l.title += ")";
  for (const auto& [name, value] : t.params) l.title += " " + name + "=" + std::to_string(value);
  l.subtitle = std::string(to_string(t.outcome.status)) + " · " + std::to_string(t.stats.steps) +
               " steps · " + time_label(t.stats.clock) + " of virtual time · " +
               std::to_string(t.stats.context_switches) + " context switches, " +
               std::to_string(t.stats.preemptions) + " preemptions, " +
               std::to_string(t.stats.spin_steps) + " spin steps";

  const bool wide = tl.runs.size() <= 60;
  l.cell_labels = wide;
  l.col_w = wide ? 56 : 16;
  l.lane_h = wide ? 46 : 24;
  l.top = 90;
  int names = 60;
  for (const TraceFiber& f : t.fibers) names = std::max(names, text_width(clip(f.name, 28), 13));
  l.label_w = names + 24;

  int x = l.label_w + 4;
  for (std::size_t r = 0; r < tl.runs.size(); ++r) {
    const StepRun& run = tl.runs[r];
    const int w = run.count > 1 ? l.col_w * (wide ? 2 : 3) : l.col_w;
    l.run_column.push_back(l.columns.size());
    l.run_first.push_back(run.first);
    l.columns.push_back(SvgColumn{false, r, tl.step_slot[run.first], x, w});
    x += w;
    const std::size_t last = run.first + run.count - 1;
    const std::size_t after = tl.step_slot[last] + 1;
    if (after < tl.slots.size() && tl.slots[after].gap) {
      const Nanos d = tl.slots[after].end - tl.slots[after].begin;
      if (d > t.config.switch_cost) {
        const int gw = std::max(wide ? 40 : 24, text_width("+" + time_label(d), 10) + 12);
        l.columns.push_back(SvgColumn{true, r, after, x, gw});
        x += gw;
      }
    }
  }
  const int lanes_end = l.top + static_cast<int>(tl.fiber_count) * l.lane_h;
  l.caption_y = lanes_end + 8 + 60;
  l.height = l.caption_y + 30;

  // Wide enough for the lanes, the legend, the title and the caption.
  std::string verdict(to_string(t.outcome.status));
  verdict += " after step " + std::to_string(t.stats.steps) + ": " + t.outcome.message;
  l.width = std::max({x + 12, 860, text_width(l.title, 17) + 40, text_width(l.subtitle, 12) + 40,
                      text_width(verdict, 14) + 40});
  return l;
}

}  // namespace interleave
