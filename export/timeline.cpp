#include "export/timeline.h"

#include <algorithm>

namespace interleave {
namespace {

bool has(const std::vector<FiberId>& fibers, FiberId f) {
  return std::find(fibers.begin(), fibers.end(), f) != fibers.end();
}

// The steps that spin: yields, test-and-sets that found the flag set, and polling loads (a
// load whose fiber loads the same object again next, or whose fiber's previous step loaded the
// same object and read the same value).
std::vector<bool> spinning_steps(const Trace& t) {
  const std::size_t n = t.events.size();
  const std::size_t nf = t.fibers.size();
  std::vector<bool> spins(n, false);
  std::vector<std::optional<ObjectId>> next_load(nf);  // the object of each fiber's next step
                                                       // when that step is a load
  for (std::size_t i = n; i-- > 0;) {
    const TraceEvent& e = t.events[i];
    const std::size_t f = index(e.fiber);
    if (f >= nf) continue;
    spins[i] = e.op == OpKind::yield || (e.op == OpKind::test_and_set && e.read.value_or(0) != 0) ||
               (e.op == OpKind::load && next_load[f] == e.object);
    next_load[f] = e.op == OpKind::load ? std::optional<ObjectId>(e.object) : std::nullopt;
  }
  std::vector<const TraceEvent*> previous(nf, nullptr);  // each fiber's previous step
  for (std::size_t i = 0; i < n; ++i) {
    const TraceEvent& e = t.events[i];
    const std::size_t f = index(e.fiber);
    if (f >= nf) continue;
    const TraceEvent* p = previous[f];
    if (e.op == OpKind::load && p != nullptr && p->op == OpKind::load && p->object == e.object &&
        p->read == e.read) {
      spins[i] = true;
    }
    previous[f] = &e;
  }
  return spins;
}

bool same_step(const TraceEvent& a, const TraceEvent& b) {
  return a.fiber == b.fiber && a.op == b.op && a.object == b.object && a.word == b.word &&
         a.other == b.other && a.reason == b.reason && a.read == b.read && a.written == b.written &&
         a.runnable == b.runnable && a.woken.empty() && b.woken.empty() && a.notes.empty() &&
         b.notes.empty();
}

// The fibers' bookkeeping while the events are scanned in order.
struct Progress {
  std::vector<bool> born;
  std::vector<bool> exited;
  std::vector<bool> asleep;     // the step that took it off the runnable set was a sleep
  std::vector<bool> last_spun;  // its last step was spinning

  explicit Progress(std::size_t n)
      : born(n, false), exited(n, false), asleep(n, false), last_spun(n, false) {
    if (n > 0) born[0] = true;
  }

  // The state of a fiber that is not performing the current step.
  LaneState resting(std::size_t f, bool runnable, bool spinning_if_runnable) const {
    if (!born[f]) return LaneState::unborn;
    if (exited[f]) return LaneState::exited;
    if (runnable) return spinning_if_runnable ? LaneState::spinning : LaneState::runnable;
    return asleep[f] ? LaneState::sleeping : LaneState::blocked;
  }
};

}  // namespace

std::string_view to_string(LaneState state) {
  switch (state) {
    case LaneState::unborn:
      return "not started";
    case LaneState::running:
      return "running";
    case LaneState::spinning:
      return "spinning";
    case LaneState::runnable:
      return "runnable";
    case LaneState::blocked:
      return "blocked";
    case LaneState::sleeping:
      return "sleeping";
    case LaneState::exited:
      return "exited";
  }
  return "unknown";
}

ObjectId read_object(const TraceEvent& e) {
  return e.op == OpKind::wait ? e.word : e.object;
}

Timeline build_timeline(const Trace& t, std::size_t min_repeat) {
  Timeline tl;
  const std::size_t nf = t.fibers.size();
  const std::size_t n = t.events.size();
  tl.fiber_count = nf;
  tl.spins = spinning_steps(t);
  tl.step_slot.resize(n);
  Progress p(nf);

  for (std::size_t i = 0; i < n; ++i) {
    const TraceEvent& e = t.events[i];
    const TraceEvent* next = i + 1 < n ? &t.events[i + 1] : nullptr;
    const std::size_t r = index(e.fiber);
    Nanos end = e.clock + t.config.step_cost;
    if (next != nullptr) end = std::max(e.clock, std::min(end, next->clock));

    tl.step_slot[i] = tl.slots.size();
    tl.slots.push_back(TimelineSlot{i, false, e.clock, end});
    for (std::size_t f = 0; f < nf; ++f) {
      const FiberId id{static_cast<std::uint32_t>(f)};
      tl.states.push_back(f == r ? (tl.spins[i] ? LaneState::spinning : LaneState::running)
                                 : p.resting(f, has(e.runnable, id), false));
    }

    for (FiberId w : e.woken) {
      if (has(e.runnable, w)) {
        tl.wakeups.push_back(Wakeup{i, std::nullopt, w, WakeKind::timer});
      } else {
        const bool spawned = e.op == OpKind::spawn && e.other == w;
        tl.wakeups.push_back(Wakeup{i, e.fiber, w, spawned ? WakeKind::spawn : WakeKind::wake});
      }
    }

    if (r < nf) {
      p.last_spun[r] = tl.spins[i];
      p.asleep[r] = e.op == OpKind::sleep;
      if (e.op == OpKind::exit) p.exited[r] = true;
    }
    if (e.op == OpKind::spawn && e.other && index(*e.other) < nf) p.born[index(*e.other)] = true;

    // The clock jumped before the next step: a fiber the timer wakes at the end of the jump is
    // still waiting during it; a runnable fiber whose last step spun keeps spinning.
    if (next != nullptr && next->clock > end) {
      tl.slots.push_back(TimelineSlot{i, true, end, next->clock});
      for (std::size_t f = 0; f < nf; ++f) {
        const FiberId id{static_cast<std::uint32_t>(f)};
        const bool runnable = has(next->runnable, id) && !has(next->woken, id);
        tl.states.push_back(p.resting(f, runnable, p.last_spun[f]));
      }
    }
  }

  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && tl.spins[j] == tl.spins[j + 1] &&
           t.events[j + 1].clock == t.events[j].clock + t.config.step_cost &&
           same_step(t.events[j], t.events[j + 1])) {
      ++j;
    }
    const std::size_t len = j - i + 1;
    if (len >= std::max<std::size_t>(min_repeat, 2)) {
      tl.runs.push_back(StepRun{i, len});
    } else {
      for (std::size_t k = i; k <= j; ++k) tl.runs.push_back(StepRun{k, 1});
    }
    i = j + 1;
  }
  return tl;
}

}  // namespace interleave
