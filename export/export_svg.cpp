#include "export/export_svg.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "export/step_text.h"
#include "export/svg_layout.h"
#include "export/xml_text.h"

namespace interleave {
namespace {

// The colours of the states, the arrows and the failure; the legend shows the same ones.
constexpr const char* kRunning = "#3a6fd8";
constexpr const char* kSpinning = "#f0a030";
constexpr const char* kRunnable = "#9aa5b1";
constexpr const char* kBlocked = "#e2725b";
constexpr const char* kSleeping = "#9b82d2";
constexpr const char* kWake = "#2e8b57";
constexpr const char* kSpawn = "#8a8f96";
constexpr const char* kFailure = "#c62828";

std::string num(int v) {
  return std::to_string(v);
}

// Appends an element to an SVG being written.
class Svg {
 public:
  std::string text;

  void rect(int x, int y, int w, int h, const std::string& fill, const std::string& extra = {}) {
    text += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
            num(h) + "\" fill=\"" + fill + "\"" + extra + "/>\n";
  }
  void label(int x, int y, std::string_view s, const std::string& attrs) {
    text += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">" + xml_escape(s) +
            "</text>\n";
  }
  void line(int x1, int y1, int x2, int y2, const std::string& attrs) {
    text += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
            num(y2) + "\"" + attrs + "/>\n";
  }
  void clock_icon(int cx, int cy) {
    text += "<g class=\"timer\" stroke=\"#444\" stroke-width=\"1.2\" fill=\"#fff\"><circle cx=\"" +
            num(cx) + "\" cy=\"" + num(cy) + "\" r=\"5\"/><path d=\"M" + num(cx) + " " +
            num(cy - 3) + "V" + num(cy) + "H" + num(cx + 3) + "\" fill=\"none\"/></g>\n";
  }
};

// A state band of one lane from x to x + w.
void band(Svg& svg, const SvgLayout& l, LaneState s, int x, int w, int lane_y) {
  const int mid = lane_y + l.lane_h / 2;
  switch (s) {
    case LaneState::running:
    case LaneState::spinning:
      svg.rect(x + 1, lane_y + 4, std::max(w - 2, 1), l.lane_h - 8,
               s == LaneState::running ? kRunning : kSpinning, " rx=\"3\"");
      break;
    case LaneState::runnable:
      svg.rect(x, mid - 1, w, 3, kRunnable);
      break;
    case LaneState::blocked:
      svg.rect(x, mid - 5, w, 10, kBlocked, " rx=\"2\"");
      break;
    case LaneState::sleeping:
      svg.rect(x, mid - 5, w, 10, kSleeping, " rx=\"2\"");
      break;
    case LaneState::unborn:
    case LaneState::exited:
      break;
  }
}

// The text in a running cell: the operation, its target, and the values read and written.
void cell_text(Svg& svg, const Trace& t, const SvgLayout& l, const SvgColumn& c, const StepRun& run,
               int lane_y, LaneState s) {
  const TraceEvent& e = t.events[run.first];
  const std::size_t chars = static_cast<std::size_t>(std::max(c.w - 5, 0) * 10 / 54);
  std::string values = step_values(e);
  if (e.op == OpKind::wake) {
    for (FiberId w : e.woken) values += (values.empty() ? "→" : ",") + fiber_label(t, w);
  }
  if (run.count > 1) values += (values.empty() ? "×" : " ×") + std::to_string(run.count);
  const std::string attrs = std::string(" font-family=\"monospace\" font-size=\"9\" fill=\"") +
                            (s == LaneState::running ? "#fff" : "#222") + "\"";
  std::vector<std::string> lines;
  for (std::string line : {std::string(short_op(e)), step_target(t, e), values}) {
    if (!line.empty()) lines.push_back(clip(line, chars));
  }
  int y = lane_y + (l.lane_h - static_cast<int>(lines.size()) * 10) / 2 + 8;
  for (const std::string& line : lines) {
    svg.label(c.x + 4, y, line, attrs);
    y += 10;
  }
}

std::string column_title(const Trace& t, const StepRun& run) {
  const TraceEvent& first = t.events[run.first];
  const TraceEvent& last = t.events[run.first + run.count - 1];
  std::string s = run.count == 1
                      ? "step " + std::to_string(first.step)
                      : "steps " + std::to_string(first.step) + "–" + std::to_string(last.step) +
                            " (×" + std::to_string(run.count) + ")";
  s += " at " + time_label(first.clock);
  s += "\n" + fiber_label(t, first.fiber) + ": " + step_text(t, first);
  for (const std::string& note : first.notes) s += "\n# " + note;
  return s;
}

void legend(Svg& svg, const Trace& t, int x, int y) {
  struct Item {
    const char* name;
    int kind;  // 0 bar, 1 thin line, 2 band, 3 arrow, 4 dashed arrow, 5 timer, 6 outline
    const char* colour;
  };
  std::vector<Item> items = {{"running", 0, kRunning},   {"spinning", 0, kSpinning},
                             {"runnable", 1, kRunnable}, {"blocked", 2, kBlocked},
                             {"sleeping", 2, kSleeping}, {"wake-up", 3, kWake},
                             {"spawn", 4, kSpawn},       {"timer fired", 5, "#444"}};
  if (t.outcome.status != Status::ok) items.push_back({"where the run ended", 6, kFailure});
  for (const Item& it : items) {
    switch (it.kind) {
      case 0:
        svg.rect(x, y - 9, 18, 12, it.colour, " rx=\"2\"");
        break;
      case 1:
        svg.rect(x, y - 4, 18, 3, it.colour);
        break;
      case 2:
        svg.rect(x, y - 7, 18, 8, it.colour, " rx=\"2\"");
        break;
      case 3:
      case 4:
        svg.line(x, y - 3, x + 16, y - 3,
                 std::string(" stroke=\"") + it.colour + "\" stroke-width=\"1.6\"" +
                     (it.kind == 4 ? " stroke-dasharray=\"4 3\" marker-end=\"url(#spawn-head)\""
                                   : " marker-end=\"url(#wake-head)\""));
        break;
      case 5:
        svg.clock_icon(x + 9, y - 3);
        break;
      case 6:
        svg.rect(x, y - 10, 18, 14, "none",
                 std::string(" stroke=\"") + it.colour + "\" stroke-width=\"2\" rx=\"3\"");
        break;
    }
    svg.label(x + 24, y + 1, it.name, " font-size=\"12\"");
    x += 24 + text_width(it.name, 12) + 18;
  }
}

std::string results_text(const Results& results) {
  std::string s;
  for (const auto& [name, value] : results) {
    s += s.empty() ? "results: " : ", ";
    s += name + " = ";
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
      s += std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&value)) {
      s += std::to_string(*d);
    } else if (const auto* str = std::get_if<std::string>(&value)) {
      s += *str;
    } else if (const auto* is = std::get_if<std::vector<std::int64_t>>(&value)) {
      s += "[";
      for (std::size_t k = 0; k < is->size(); ++k) {
        s += (k ? ", " : "") + std::to_string((*is)[k]);
      }
      s += "]";
    } else if (const auto* ds = std::get_if<std::vector<double>>(&value)) {
      s += "[";
      for (std::size_t k = 0; k < ds->size(); ++k) {
        s += (k ? ", " : "") + std::to_string((*ds)[k]);
      }
      s += "]";
    }
  }
  return s;
}

// What stays in view when a page scrolls the picture sideways (it moves the group): the title
// and legend, the fiber names, the axis names and the caption, each on a white ground.
void pinned(Svg& svg, const Trace& t, const SvgLayout& l, std::size_t fibers) {
  const int lanes_h = static_cast<int>(fibers) * l.lane_h;
  const int axis_y = l.top + lanes_h + 8;
  svg.text += "<g id=\"pinned\">\n";
  svg.rect(0, 0, l.width, l.top - 6, "#fff");
  svg.rect(0, l.top - 6, l.label_w, axis_y + 40 - (l.top - 6), "#fff");
  svg.rect(0, axis_y + 40, l.width, l.height - (axis_y + 40), "#fff");
  svg.label(12, 24, l.title, " font-size=\"17\" font-weight=\"bold\"");
  svg.label(12, 44, l.subtitle, " font-size=\"12\" fill=\"#444\"");
  legend(svg, t, 12, 68);
  for (std::size_t f = 0; f < fibers; ++f) {
    const int y = l.top + static_cast<int>(f) * l.lane_h;
    if (f % 2 == 0) svg.rect(0, y, l.label_w, l.lane_h, "#f4f6f9");
    const std::string& name = t.fibers[f].name;
    svg.text += "<text x=\"" + num(l.label_w - 10) + "\" y=\"" + num(y + l.lane_h / 2 + 5) +
                "\" text-anchor=\"end\" font-size=\"13\">" + xml_escape(clip(name, 28));
    if (code_points(name) > 28) svg.text += "<title>" + xml_escape(name) + "</title>";
    svg.text += "</text>\n";
  }
  const std::string grey = " text-anchor=\"end\" font-size=\"11\" fill=\"#666\"";
  svg.label(l.label_w - 10, axis_y + 15, "step", grey);
  svg.label(l.label_w - 10, axis_y + 31, "time", grey);
  std::string verdict(to_string(t.outcome.status));
  if (t.outcome.status != Status::ok && !t.events.empty()) {
    verdict += " after step " + std::to_string(t.events.back().step);
  }
  if (!t.outcome.message.empty()) verdict += ": " + t.outcome.message;
  svg.label(12, l.caption_y, verdict,
            std::string(" class=\"outcome\" font-size=\"13\" font-weight=\"bold\" fill=\"") +
                (t.outcome.status == Status::ok ? "#1b5e20" : kFailure) + "\"");
  svg.label(12, l.caption_y + 18, results_text(t.results), " font-size=\"12\" fill=\"#333\"");
  svg.text += "</g>\n";
}

// lanes_height(l, tl) is the height of all the lanes together.
int lanes_height(const SvgLayout& l, const Timeline& tl) {
  return static_cast<int>(tl.fiber_count) * l.lane_h;
}

// The document's start: the <svg> element, its title, the arrow heads, and the ground: white,
// every other lane shaded, the clock's jumps in grey, and the cursor a page moves.
void ground(Svg& svg, const SvgLayout& l, const Timeline& tl, const SvgOptions& options) {
  const int lanes_h = lanes_height(l, tl);
  std::string& out = svg.text;
  if (options.standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg";
  if (options.standalone) out += " xmlns=\"http://www.w3.org/2000/svg\"";
  out += " class=\"interleave-timeline\" width=\"" + num(l.width) + "\" height=\"" + num(l.height) +
         "\" viewBox=\"0 0 " + num(l.width) + " " + num(l.height) +
         "\" font-family=\"Helvetica, Arial, sans-serif\">\n";
  out += "<title>" + xml_escape("interleave timeline: " + l.title) + "</title>\n";
  out +=
      "<defs><marker id=\"wake-head\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" "
      "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L8,4L0,8z\" fill=\"" +
      std::string(kWake) +
      "\"/></marker><marker id=\"spawn-head\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" "
      "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L8,4L0,8z\" "
      "fill=\"" +
      std::string(kSpawn) + "\"/></marker></defs>\n";
  svg.rect(0, 0, l.width, l.height, "#fff");
  for (std::size_t f = 0; f < tl.fiber_count; f += 2) {
    const int y = l.top + static_cast<int>(f) * l.lane_h;
    svg.rect(l.label_w, y, l.width - l.label_w - 8, l.lane_h, "#f4f6f9");
  }
  for (const SvgColumn& c : l.columns) {
    if (c.gap) svg.rect(c.x, l.top, c.w, lanes_h, "#e6e9ee");
  }
  if (options.cursor) {
    svg.rect(l.label_w, l.top - 4, l.col_w, lanes_h + 8, "#ffd54f",
             " id=\"cursor\" fill-opacity=\"0.35\" stroke=\"#f9a825\" stroke-width=\"2\" "
             "visibility=\"hidden\"");
  }
}

// States: each lane's bands, merged across columns in the same resting state.
void states(Svg& svg, const Trace& t, const SvgLayout& l, const Timeline& tl) {
  for (std::size_t f = 0; f < tl.fiber_count; ++f) {
    const int y = l.top + static_cast<int>(f) * l.lane_h;
    for (std::size_t i = 0; i < l.columns.size();) {
      const LaneState s = tl.state(l.columns[i].slot, f);
      if (s == LaneState::running || (s == LaneState::spinning && !l.columns[i].gap)) {
        const SvgColumn& c = l.columns[i];
        band(svg, l, s, c.x, c.w, y);
        if (l.cell_labels) cell_text(svg, t, l, c, tl.runs[c.run], y, s);
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j + 1 < l.columns.size() && tl.state(l.columns[j + 1].slot, f) == s &&
             !(s == LaneState::spinning && !l.columns[j + 1].gap)) {
        ++j;
      }
      const int x0 = l.columns[i].x;
      band(svg, l, s, x0, l.columns[j].x + l.columns[j].w - x0, y);
      i = j + 1;
    }
  }
}

// Spawns and wake-ups: from the waking step to the woken lane where it becomes runnable.
void wakeups(Svg& svg, const SvgLayout& l, const Timeline& tl) {
  for (const Wakeup& w : tl.wakeups) {
    const std::size_t ci = l.column_of_event(w.event);
    const SvgColumn& c = l.columns[ci];
    const int wy = l.top + static_cast<int>(index(w.woken)) * l.lane_h;
    if (index(w.woken) >= tl.fiber_count) continue;
    if (w.kind == WakeKind::timer) {
      svg.clock_icon(c.x, wy + 7);
      continue;
    }
    if (!w.waker || *w.waker == w.woken || index(*w.waker) >= tl.fiber_count) continue;
    const int y1 = l.top + static_cast<int>(index(*w.waker)) * l.lane_h + l.lane_h / 2;
    const int y2 = wy + (wy > y1 ? 6 : l.lane_h - 6);
    const bool spawn = w.kind == WakeKind::spawn;
    svg.line(c.x + c.w / 2, y1, c.x + c.w + 4, y2,
             std::string(" stroke=\"") + (spawn ? kSpawn : kWake) + "\" stroke-width=\"1.6\"" +
                 (spawn ? " stroke-dasharray=\"4 3\" marker-end=\"url(#spawn-head)\""
                        : " marker-end=\"url(#wake-head)\""));
  }
}

// Where the run ended, when it did not end well.
void failure(Svg& svg, const Trace& t, const SvgLayout& l, const Timeline& tl) {
  if (t.outcome.status == Status::ok || t.events.empty()) return;
  const std::size_t n = t.events.size();
  const std::size_t last = t.outcome.step >= 1 && t.outcome.step <= n ? t.outcome.step - 1 : n - 1;
  const SvgColumn& c = l.columns[l.column_of_event(last)];
  svg.rect(
      c.x - 2, l.top - 4, c.w + 4, lanes_height(l, tl) + 8, "none",
      std::string(" class=\"failure\" stroke=\"") + kFailure + "\" stroke-width=\"2.5\" rx=\"4\"");
}

// The axis: step numbers, then clock labels that do not overlap.
void axis(Svg& svg, const Trace& t, const SvgLayout& l, const Timeline& tl) {
  const int axis_y = l.top + lanes_height(l, tl) + 8;
  svg.line(l.label_w, axis_y, l.width - 8, axis_y, " stroke=\"#555\"");
  int step_right = 0;
  int clock_right = 0;
  // The end of the run is always labelled at the right end of the axis.
  const int end_x = l.columns.empty() ? l.label_w : l.columns.back().x + l.columns.back().w;
  const std::string end_clock = tl.slots.empty() ? "" : time_label(tl.slots.back().end);
  const int clock_limit = end_x - text_width(end_clock, 10) - 10;
  for (std::size_t i = 0; i < l.columns.size(); ++i) {
    const SvgColumn& c = l.columns[i];
    const int mid = c.x + c.w / 2;
    if (c.gap) {
      const std::string skip = "+" + time_label(tl.slots[c.slot].end - tl.slots[c.slot].begin);
      svg.line(mid - 5, axis_y + 4, mid - 1, axis_y - 4, " stroke=\"#555\"");
      svg.line(mid + 1, axis_y + 4, mid + 5, axis_y - 4, " stroke=\"#555\"");
      svg.label(mid, axis_y + 15, skip, " text-anchor=\"middle\" font-size=\"10\" fill=\"#333\"");
      step_right = mid + text_width(skip, 10) / 2 + 4;
      continue;
    }
    svg.line(c.x, axis_y, c.x, axis_y + 4, " stroke=\"#555\"");
    const TraceEvent& e = t.events[tl.runs[c.run].first];
    const std::string step = std::to_string(e.step) + (tl.runs[c.run].count > 1 ? "…" : "");
    if (mid - text_width(step, 10) / 2 >= step_right) {
      svg.label(mid, axis_y + 15, step, " text-anchor=\"middle\" font-size=\"10\"");
      step_right = mid + text_width(step, 10) / 2 + 6;
    }
    const std::string clock = time_label(e.clock);
    const bool after_gap = i > 0 && l.columns[i - 1].gap;
    if (c.x >= clock_right && c.x + text_width(clock, 10) <= clock_limit &&
        (after_gap || i % 5 == 0)) {
      svg.line(c.x, axis_y + 19, c.x, axis_y + 24, " stroke=\"#999\"");
      svg.label(c.x, axis_y + 34, clock, " font-size=\"10\" fill=\"#444\"");
      clock_right = c.x + text_width(clock, 10) + 10;
    }
  }
  if (!end_clock.empty()) {
    svg.line(end_x, axis_y + 19, end_x, axis_y + 24, " stroke=\"#999\"");
    svg.label(end_x, axis_y + 34, end_clock, " text-anchor=\"end\" font-size=\"10\" fill=\"#444\"");
  }
}

// Tooltips last, so that they are on top: one transparent rect per step column.
void tooltips(Svg& svg, const Trace& t, const SvgLayout& l, const Timeline& tl) {
  const int lanes_h = lanes_height(l, tl);
  for (const SvgColumn& c : l.columns) {
    if (c.gap) continue;
    svg.text += "<rect class=\"hit\" data-col=\"" + std::to_string(c.run) + "\" x=\"" + num(c.x) +
                "\" y=\"" + num(l.top) + "\" width=\"" + num(c.w) + "\" height=\"" + num(lanes_h) +
                "\" fill=\"#fff\" fill-opacity=\"0\"><title>" +
                xml_escape(column_title(t, tl.runs[c.run])) + "</title></rect>\n";
  }
}

}  // namespace

std::string render_svg(const Trace& t, const Timeline& tl, const SvgOptions& options) {
  const SvgLayout l = layout_svg(t, tl);
  Svg svg;
  ground(svg, l, tl, options);
  states(svg, t, l, tl);
  wakeups(svg, l, tl);
  failure(svg, t, l, tl);
  axis(svg, t, l, tl);
  tooltips(svg, t, l, tl);
  pinned(svg, t, l, tl.fiber_count);
  svg.text += "</svg>\n";
  return std::move(svg.text);
}

std::string export_svg(const Trace& trace) {
  return render_svg(trace, build_timeline(trace), SvgOptions{});
}

}  // namespace interleave
