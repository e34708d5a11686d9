#include "export/step_text.h"

#include <cstdint>

namespace interleave {

std::string fiber_label(const Trace& t, FiberId f) {
  if (index(f) < t.fibers.size()) return t.fibers[index(f)].name;
  return "fiber " + std::to_string(index(f));
}

std::string object_label(const Trace& t, ObjectId o) {
  if (index(o) < t.objects.size()) return t.objects[index(o)].name;
  return "object " + std::to_string(index(o));
}

std::string_view short_op(OpKind kind) {
  switch (kind) {
    case OpKind::load:
      return "ld";
    case OpKind::store:
      return "st";
    case OpKind::exchange:
      return "xchg";
    case OpKind::fetch_add:
      return "add";
    case OpKind::compare_exchange:
      return "cas";
    case OpKind::test_and_set:
      return "tas";
    case OpKind::clear:
      return "clr";
    case OpKind::wait:
      return "wait";
    case OpKind::wake:
      return "wake";
    case OpKind::resume:
      return "resume";
    case OpKind::spawn:
      return "spawn";
    case OpKind::join:
      return "join";
    case OpKind::sleep:
      return "sleep";
    case OpKind::yield:
      return "yield";
    case OpKind::exit:
      return "exit";
    case OpKind::call:
      return "call";
  }
  return "?";
}

std::string_view short_op(const TraceEvent& e) {
  return e.op == OpKind::call ? to_string(e.call) : short_op(e.op);
}

std::string_view op_name(const TraceEvent& e) {
  return e.op == OpKind::call ? to_string(e.call) : to_string(e.op);
}

namespace {

// primitive_label(t, o) names a primitive for a call: "mutex 'lock'", its kind in words.
std::string primitive_label(const Trace& t, ObjectId o) {
  if (index(o) >= t.objects.size()) return "object " + std::to_string(index(o));
  std::string kind = t.objects[index(o)].kind;
  for (char& c : kind) {
    if (c == '_') c = ' ';
  }
  return kind + " '" + t.objects[index(o)].name + "'";
}

}  // namespace

std::string step_target(const Trace& t, const TraceEvent& e) {
  if (e.object != kNoObject) return object_label(t, e.object);
  if (e.other) return fiber_label(t, *e.other);
  return {};
}

std::string step_values(const TraceEvent& e) {
  std::string s;
  if (e.read) s += std::to_string(*e.read);
  if (e.written) s += "→" + std::to_string(*e.written);
  return s;
}

std::string step_text(const Trace& t, const TraceEvent& e) {
  if (e.op == OpKind::call) {
    // "lock mutex 'lock'", "wait condition variable 'c' (releases mutex 'm')"
    std::string s = std::string(to_string(e.call)) + " " + primitive_label(t, e.object);
    if (e.word != kNoObject) s += " (and " + primitive_label(t, e.word) + ")";
    if (!e.woken.empty()) {
      s += ": woke";
      for (std::size_t i = 0; i < e.woken.size(); ++i) {
        s += (i == 0 ? " " : ", ") + fiber_label(t, e.woken[i]);
      }
    }
    return s;
  }
  std::string s(to_string(e.op));
  if (e.op == OpKind::resume && e.other) {
    s += " from join " + fiber_label(t, *e.other);
  } else if (e.op == OpKind::resume && e.object != kNoObject) {
    s += " from wait " + object_label(t, e.object);
  } else if (e.op == OpKind::resume) {
    s += " from sleep";
  } else {
    const std::string target = step_target(t, e);
    if (!target.empty()) s += " " + target;
  }
  if (e.op == OpKind::wait && e.word != kNoObject) s += " on " + object_label(t, e.word);
  std::string values;
  if (e.read) values += "read " + std::to_string(*e.read);
  if (e.written) values += (values.empty() ? "wrote " : ", wrote ") + std::to_string(*e.written);
  if (!values.empty()) s += ": " + values;
  if (e.op == OpKind::wake) {
    s += e.woken.empty() ? ": nobody waiting" : ": woke";
    for (std::size_t i = 0; i < e.woken.size(); ++i) {
      s += (i == 0 ? " " : ", ") + fiber_label(t, e.woken[i]);
    }
  }
  return s;
}

std::string time_label(Nanos d) {
  const std::int64_t ns = d.count();
  const std::int64_t mag = ns < 0 ? -ns : ns;
  std::int64_t unit = 1;
  const char* name = "ns";
  if (mag == 0) return "0 s";
  if (mag >= 1'000'000'000) {
    unit = 1'000'000'000;
    name = "s";
  } else if (mag >= 1'000'000) {
    unit = 1'000'000;
    name = "ms";
  } else if (mag >= 1'000) {
    unit = 1'000;
    name = "µs";
  }
  std::string s = ns < 0 ? "-" : "";
  s += std::to_string(mag / unit);
  std::int64_t frac = mag % unit;
  if (frac != 0) {
    std::string digits;
    for (std::int64_t u = unit / 10; u > 0; u /= 10) {
      digits += static_cast<char>('0' + (frac / u) % 10);
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    s += "." + digits;
  }
  return s + " " + name;
}

}  // namespace interleave
