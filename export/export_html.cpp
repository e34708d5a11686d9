#include "export/export_html.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "export/export_svg.h"
#include "export/step_text.h"
#include "export/svg_layout.h"
#include "export/timeline.h"
#include "export/xml_text.h"

namespace interleave {
namespace {

using Json = nlohmann::ordered_json;

// One letter per state in the page data.
char state_letter(LaneState s) {
  switch (s) {
    case LaneState::unborn:
      return 'u';
    case LaneState::running:
      return 'R';
    case LaneState::spinning:
      return 'S';
    case LaneState::runnable:
      return 'r';
    case LaneState::blocked:
      return 'b';
    case LaneState::sleeping:
      return 'z';
    case LaneState::exited:
      return 'x';
  }
  return '?';
}

// dom_id(prefix, name, taken) is prefix + name with characters other than letters, digits,
// '_', '.' and '-' replaced by '_', made unique among taken by a numeric suffix.
std::string dom_id(const std::string& prefix, const std::string& name, std::size_t n,
                   std::set<std::string>& taken) {
  std::string id = prefix;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '-';
    id += ok ? c : '_';
  }
  if (name.empty() || taken.count(id) != 0) id += "-" + std::to_string(n);
  taken.insert(id);
  return id;
}

// The objects whose values the page follows: shared variables and atomics.
bool has_value(const TraceObject& o) {
  return o.kind == "shared" || o.kind == "atomic";
}

// script_json(j) is JSON that cannot end or confuse the script element holding it.
std::string script_json(const Json& j) {
  const std::string raw = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

Json page_data(const Trace& t, const Timeline& tl, const SvgLayout& l,
               const std::vector<std::string>& fiber_ids,
               const std::vector<std::pair<std::size_t, std::string>>& vars) {
  Json d;
  d["scenario"] = t.scenario;
  d["policy"] = t.policy.name;
  d["title"] = l.title;
  d["outcome"] = {{"status", std::string(to_string(t.outcome.status))},
                  {"message", t.outcome.message},
                  {"step", t.outcome.step}};
  Json fibers = Json::array();
  for (std::size_t f = 0; f < t.fibers.size(); ++f) {
    fibers.push_back({{"id", f}, {"name", t.fibers[f].name}, {"dom", fiber_ids[f]}});
  }
  d["fibers"] = fibers;
  Json variables = Json::array();
  for (const auto& [object, id] : vars) {
    variables.push_back({{"object", object}, {"name", t.objects[object].name}, {"dom", id}});
  }
  d["variables"] = variables;
  d["states"] = {{"u", "not started"}, {"R", "running"},  {"S", "spinning"}, {"r", "runnable"},
                 {"b", "blocked"},     {"z", "sleeping"}, {"x", "exited"}};
  Json steps = Json::array();
  for (std::size_t r = 0; r < tl.runs.size(); ++r) {
    const StepRun& run = tl.runs[r];
    const TraceEvent& e = t.events[run.first];
    Json s;
    s["first"] = e.step;
    s["last"] = t.events[run.first + run.count - 1].step;
    s["clock_ns"] = e.clock.count();
    s["clock"] = time_label(e.clock);
    s["fiber"] = index(e.fiber);
    s["op"] = std::string(op_name(e));
    s["text"] = step_text(t, e);
    if (e.object != kNoObject) s["object"] = index(e.object);
    if (e.read) {
      s["read_object"] = index(read_object(e));
      s["read"] = *e.read;
    }
    if (e.written) s["written"] = *e.written;
    Json runnable = Json::array();
    for (FiberId f : e.runnable) runnable.push_back(index(f));
    s["runnable"] = runnable;
    s["notes"] = e.notes;
    s["spinning"] = static_cast<bool>(tl.spins[run.first]);
    std::string states;
    for (std::size_t f = 0; f < tl.fiber_count; ++f) {
      states += state_letter(tl.state(tl.step_slot[run.first], f));
    }
    s["states"] = states;
    steps.push_back(std::move(s));
  }
  d["steps"] = steps;
  return d;
}

constexpr const char* kStyle = R"css(
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
       margin: 16px 20px; color: #1c1e21; background: #fafbfc; }
h1 { font-size: 20px; margin: 0 0 4px; }
.outcome { font-weight: bold; margin: 2px 0 8px; }
.outcome.ok { color: #1b5e20; } .outcome.bad { color: #c62828; }
.help { color: #555; font-size: 13px; margin: 4px 0 10px; }
kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 4px; background: #fff;
      font-size: 12px; }
#timeline { overflow-x: auto; border: 1px solid #dde1e6; background: #fff; }
#timeline svg { display: block; }
#timeline rect.hit { cursor: pointer; }
#panel { display: flex; flex-wrap: wrap; gap: 16px 28px; margin-top: 14px; align-items: flex-start; }
#now { flex-basis: 100%; display: flex; gap: 14px; align-items: baseline; flex-wrap: wrap; }
#now .big { font-size: 26px; font-weight: bold; }
#doing { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 15px; }
#notes { flex-basis: 100%; color: #5d4037; font-size: 13px; min-height: 1em; }
button { font-size: 14px; padding: 2px 10px; }
table { border-collapse: collapse; background: #fff; font-size: 14px; }
th, td { border: 1px solid #dde1e6; padding: 4px 10px; text-align: left; }
th { background: #f0f2f5; font-weight: 600; }
td.value { font-family: ui-monospace, Menlo, Consolas, monospace; min-width: 4em; }
td.changed { background: #fff3c4; font-weight: bold; }
tr.current td { background: #e8f0fe; }
.state { font-weight: 600; }
.state[data-state="running"] { color: #3a6fd8; } .state[data-state="spinning"] { color: #c77700; }
.state[data-state="runnable"] { color: #5f6b7a; } .state[data-state="blocked"] { color: #c0492f; }
.state[data-state="sleeping"] { color: #7a5cc2; }
.state[data-state="exited"], .state[data-state="not started"] { color: #9aa0a6; font-weight: normal; }
)css";

constexpr const char* kScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var steps = data.steps;
  var byObject = {};
  data.variables.forEach(function (v, i) { byObject[v.object] = i; });
  // values[k][i]: variable i after step column k (null until a step reads or writes it).
  var values = [];
  var written = [];
  var current = data.variables.map(function () { return null; });
  steps.forEach(function (s) {
    current = current.slice();
    var w = -1;
    if (s.read !== undefined && byObject[s.read_object] !== undefined) {
      current[byObject[s.read_object]] = s.read;
    }
    if (s.written !== undefined && byObject[s.object] !== undefined) {
      w = byObject[s.object];
      current[w] = s.written;
    }
    values.push(current);
    written.push(w);
  });
  var svg = document.querySelector('#timeline svg');
  var cursor = svg ? svg.querySelector('#cursor') : null;
  var box = document.getElementById('timeline');
  var pinned = svg ? svg.querySelector('#pinned') : null;
  var k = 0;

  function text(id, s) { document.getElementById(id).textContent = s; }

  function show(next) {
    if (steps.length === 0) return;
    k = Math.max(0, Math.min(steps.length - 1, next));
    var s = steps[k];
    text('step', s.first === s.last ? String(s.first) : s.first + '\u2013' + s.last);
    text('clock', s.clock);
    var what = data.fibers[s.fiber].name + ': ' + s.text;
    if (s.first !== s.last) what += '  (\u00d7' + (s.last - s.first + 1) + ')';
    if (s.spinning) what += '  [spinning]';
    text('doing', what);
    text('runnable', s.runnable.map(function (f) { return data.fibers[f].name; }).join(', '));
    text('notes', s.notes.map(function (n) { return '# ' + n; }).join('   '));
    data.fibers.forEach(function (f, i) {
      var cell = document.getElementById(f.dom);
      var state = data.states[s.states.charAt(i)];
      cell.textContent = state;
      cell.setAttribute('data-state', state);
      cell.parentNode.className = i === s.fiber ? 'current' : '';
    });
    data.variables.forEach(function (v, i) {
      var cell = document.getElementById(v.dom);
      var value = values[k][i];
      cell.textContent = value === null ? '?' : String(value);
      cell.className = 'value' + (written[k] === i ? ' changed' : '');
    });
    if (cursor) {
      var hit = svg.querySelector('rect.hit[data-col="' + k + '"]');
      if (hit) {
        var x = Number(hit.getAttribute('x'));
        var w = Number(hit.getAttribute('width'));
        cursor.setAttribute('x', String(x));
        cursor.setAttribute('width', String(w));
        cursor.setAttribute('visibility', 'visible');
        if (x < box.scrollLeft + 120 || x + w > box.scrollLeft + box.clientWidth - 40) {
          box.scrollLeft = Math.max(0, x - box.clientWidth / 2);
        }
      }
    }
    try { history.replaceState(null, '', '#step=' + s.first); } catch (e) { /* file: URLs */ }
  }

  document.addEventListener('keydown', function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    switch (ev.key) {
      case 'ArrowRight': case 'j': show(k + 1); break;
      case 'ArrowLeft': case 'k': show(k - 1); break;
      case 'Home': show(0); break;
      case 'End': show(steps.length - 1); break;
      default: return;
    }
    ev.preventDefault();
  });
  document.getElementById('first').onclick = function () { show(0); };
  document.getElementById('prev').onclick = function () { show(k - 1); };
  document.getElementById('next').onclick = function () { show(k + 1); };
  document.getElementById('last').onclick = function () { show(steps.length - 1); };
  if (pinned) {
    box.addEventListener('scroll', function () {
      pinned.setAttribute('transform', 'translate(' + box.scrollLeft + ',0)');
    });
  }
  if (svg) {
    svg.addEventListener('click', function (ev) {
      var col = ev.target.getAttribute && ev.target.getAttribute('data-col');
      if (col !== null && col !== undefined) show(Number(col));
    });
  }
  var start = 0;
  var m = /^#step=(\d+)$/.exec(location.hash);
  if (m) {
    var n = Number(m[1]);
    steps.forEach(function (s, i) { if (s.first <= n && n <= s.last) start = i; });
  }
  show(start);
})();
)js";

}  // namespace

std::string export_html(const Trace& t) {
  const Timeline tl = build_timeline(t);
  const SvgLayout l = layout_svg(t, tl);
  std::set<std::string> taken;
  std::vector<std::string> fiber_ids;
  for (std::size_t f = 0; f < t.fibers.size(); ++f) {
    fiber_ids.push_back(dom_id("fiber-", t.fibers[f].name, f, taken));
  }
  std::vector<std::pair<std::size_t, std::string>> vars;
  for (std::size_t o = 0; o < t.objects.size(); ++o) {
    if (has_value(t.objects[o])) vars.emplace_back(o, dom_id("var-", t.objects[o].name, o, taken));
  }

  std::string verdict(to_string(t.outcome.status));
  if (!t.outcome.message.empty()) verdict += ": " + t.outcome.message;
  const bool ok = t.outcome.status == Status::ok;

  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + xml_escape("interleave: " + l.title) + "</title>\n";
  h += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  h += "<h1>" + xml_escape(l.title) + "</h1>\n";
  h += "<p class=\"outcome " + std::string(ok ? "ok" : "bad") + "\">" + xml_escape(verdict) +
       "</p>\n";
  h += "<p class=\"help\">Step through the schedule: <kbd>→</kbd> or <kbd>j</kbd> forward, "
       "<kbd>←</kbd> or <kbd>k</kbd> back, <kbd>Home</kbd> / <kbd>End</kbd> first / last "
       "step, or click a column. Hover a column for its details.</p>\n";
  h += "<div id=\"timeline\">\n" +
       render_svg(t, tl, SvgOptions{.standalone = false, .cursor = true}) + "</div>\n";
  h += "<div id=\"panel\">\n<div id=\"now\"><span>step <span id=\"step\" class=\"big\">–</span>"
       " (0–" +
       std::to_string(t.events.empty() ? 0 : t.events.back().step) +
       ")</span><span>clock <b id=\"clock\"></b></span>"
       "<span><button id=\"first\" title=\"first step (Home)\">« first</button> "
       "<button id=\"prev\" title=\"back (← or k)\">◀</button> "
       "<button id=\"next\" title=\"forward (→ or j)\">▶</button> "
       "<button id=\"last\" title=\"last step (End)\">last »</button></span>"
       "<span id=\"doing\"></span></div>\n";
  h += "<div id=\"notes\"></div>\n";
  h += "<table id=\"fibers\"><tr><th>fiber</th><th>state during this step</th></tr>\n";
  for (std::size_t f = 0; f < t.fibers.size(); ++f) {
    h += "<tr><td>" + xml_escape(t.fibers[f].name) + "</td><td class=\"state\" id=\"" +
         fiber_ids[f] + "\" data-fiber=\"" + std::to_string(f) + "\"></td></tr>\n";
  }
  h += "</table>\n";
  h += "<table id=\"vars\"><tr><th>shared variable</th><th>value after this step</th></tr>\n";
  for (const auto& [object, id] : vars) {
    h += "<tr><td>" + xml_escape(t.objects[object].name) + "</td><td class=\"value\" id=\"" + id +
         "\" data-var=\"" + xml_escape(t.objects[object].name) + "\">?</td></tr>\n";
  }
  h += "</table>\n";
  h += "<table id=\"point\"><tr><th>could have run at this step</th></tr>"
       "<tr><td id=\"runnable\"></td></tr></table>\n</div>\n";
  h += "<script type=\"application/json\" id=\"trace-data\">" +
       script_json(page_data(t, tl, l, fiber_ids, vars)) + "</script>\n";
  h += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace interleave
