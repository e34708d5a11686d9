#include "export/export_text.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "export/step_text.h"

namespace interleave {
namespace {

std::string clock_text(Nanos t) {
  char buf[32];
  const long long ns = t.count();
  std::snprintf(buf, sizeof buf, "%lld.%06llds", ns / 1'000'000'000, (ns / 1000) % 1'000'000);
  return buf;
}

std::string fit(std::string s, std::size_t w) {
  if (s.size() > w) s.resize(w);
  return s + std::string(w - s.size(), ' ');
}

// The cell text of a step: op, object, and the value read and/or written.
std::string cell(const Trace& t, const TraceEvent& e, std::size_t w) {
  std::string op(short_op(e));
  std::string name;
  if (e.object != kNoObject && index(e.object) < t.objects.size()) {
    name = t.objects[index(e.object)].name;
  } else if (e.other && index(*e.other) < t.fibers.size()) {
    name = t.fibers[index(*e.other)].name;
  }
  std::string value;
  if (e.read && e.written && e.op != OpKind::test_and_set) {
    value = "=" + std::to_string(*e.read) + ">" + std::to_string(*e.written);
  } else if (e.read) {
    value = "=" + std::to_string(*e.read);
  } else if (e.written) {
    value = "=" + std::to_string(*e.written);
  }
  if (e.op == OpKind::wake && !e.woken.empty()) {
    value = ">" + t.fibers[index(e.woken.front())].name;
  }
  std::string s = op;
  if (!name.empty()) s += " ";
  // Keep the value visible: shorten the name first.
  const std::size_t budget = w > s.size() + value.size() ? w - s.size() - value.size() : 0;
  if (name.size() > budget) name.resize(budget);
  return s + name + value;
}

}  // namespace

std::string export_text(const Trace& t, std::size_t width) {
  const std::size_t n = std::max<std::size_t>(t.fibers.size(), 1);
  const std::size_t clock_w = 11;
  const std::size_t col = std::max<std::size_t>(4, (width > clock_w ? width - clock_w : 0) / n);
  std::string out;
  out += fit("clock", clock_w);
  for (const TraceFiber& f : t.fibers) out += fit(f.name, col - 1) + " ";
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n";

  // Per fiber: spawned yet, exited, and whether its last step put it to sleep.
  std::vector<bool> alive(t.fibers.size(), false);
  std::vector<bool> sleeping(t.fibers.size(), false);
  if (!alive.empty()) alive[0] = true;
  // A run of identical rows (the same step of the same fiber, the same states of the others,
  // no notes) is folded: its first row, then one line for the rest when they are kMinFolded or
  // more (a spin loop of a million steps is one line, as in the SVG).
  constexpr std::size_t kMinFolded = 8;
  std::string last_body;
  std::vector<std::string> repeats;  // the clocks of the rows that repeat last_body
  std::size_t repeated = 0;          // how many rows repeat it (repeats keeps the first few)
  auto flush = [&] {
    if (repeated >= kMinFolded) {
      out += std::string(clock_w, ' ') + "... the same step " + std::to_string(repeated) +
             " more times, to " + repeats.back() + "\n";
    } else {
      for (const std::string& clock : repeats) {
        std::string row = fit(clock, clock_w) + last_body;
        while (!row.empty() && row.back() == ' ') row.pop_back();
        out += row + "\n";
      }
    }
    repeats.clear();
    repeated = 0;
  };
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const TraceEvent& e = t.events[i];
    const std::size_t me = index(e.fiber);
    std::string row;
    // The runnable set of the next point tells who is blocked after this step.
    const std::vector<FiberId>* next_runnable =
        i + 1 < t.events.size() ? &t.events[i + 1].runnable : nullptr;
    if (me < sleeping.size()) sleeping[me] = e.op == OpKind::sleep;
    if (e.op == OpKind::exit && me < alive.size()) alive[me] = false;
    if (e.op == OpKind::spawn && e.other && index(*e.other) < alive.size()) {
      alive[index(*e.other)] = true;
    }
    for (std::size_t f = 0; f < t.fibers.size(); ++f) {
      std::string c;
      if (f == me) {
        c = cell(t, e, col - 1);
      } else if (alive[f] && next_runnable != nullptr &&
                 !std::binary_search(next_runnable->begin(), next_runnable->end(),
                                     FiberId{static_cast<std::uint32_t>(f)})) {
        c = sleeping[f] ? "zz" : "..";
      }
      row += fit(c, col - 1) + " ";
    }
    if (row == last_body && e.notes.empty() && i > 0) {
      // The same row again: kept back until the run ends.
      if (repeats.size() < kMinFolded) {
        repeats.push_back(clock_text(e.clock));
      } else {
        repeats.back() = clock_text(e.clock);
      }
      ++repeated;
      continue;
    }
    flush();
    std::string line = fit(clock_text(e.clock), clock_w) + row;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    for (const std::string& note : e.notes) {
      out += std::string(clock_w, ' ') + "# " + t.fibers[me].name + ": " + note + "\n";
    }
    last_body = e.notes.empty() ? row : std::string();
  }
  flush();
  out += std::string(to_string(t.outcome.status));
  if (!t.outcome.message.empty()) out += ": " + t.outcome.message;
  out +=
      "\n(.. blocked, zz sleeping; ld load, st store, xchg exchange, tas test-and-set, "
      "cas compare-exchange)\n";
  return out;
}

}  // namespace interleave
