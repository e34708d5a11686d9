#include "sim/explore/race_analysis.h"

#include <optional>

#include "sim/explore/dependence.h"

namespace interleave {

namespace {

// wakes(step, object) tells whether step can be what woke a waiter whose resume is on object: a
// wake on that queue, or under primitive granularity a call on that primitive. (A call's resume
// that wakes another waiter, such as a queue's get, is not recognised: the race it then reports
// costs runs, not soundness.)
// gates_of(step, object) is the mask of object's gates that step recorded as open when it began,
// when step is a call (or a call's resume) on object, as its object or as its word; else nullopt.
std::optional<std::uint8_t> gates_of(const SearchNode& step, ObjectId object) {
  if (step.op.kind != OpKind::call && step.op.kind != OpKind::resume) return std::nullopt;
  if (step.op.object == object) return static_cast<std::uint8_t>(step.gates_before & 0xFF);
  if (step.op.word == object) return static_cast<std::uint8_t>(step.gates_before >> 8);
  return std::nullopt;
}

bool wakes(const Op& step, ObjectId object) {
  if (step.kind == OpKind::wake) return step.object == object;
  if (step.kind == OpKind::call) return step.object == object || step.word == object;
  return false;
}

}  // namespace

void RaceAnalysis::begin_run() {
  resume_noted_ = 0;
  prev_runnable_ = 0;
  last_step_.fill(-1);
  spawned_at_.fill(-1);
  exited_at_.fill(-1);
  woken_at_.fill(-1);
  steps_of_.fill(0);
}

void RaceAnalysis::note_wakes(const SchedulingPoint& point, FiberSet runnable,
                              std::span<const SearchNode> path) {
  // A fiber that is runnable with a resume pending was woken since it blocked; attribute the
  // wake to the step that made it (a wake on its queue, or the exit of the fiber it joins).
  // Only a fiber that was not runnable at the last point can have been woken since, or the fiber
  // that just stepped (a timer can wake it at the very point where it blocked).
  const std::size_t d = point.step();
  const FiberSet fresh = (runnable & ~prev_runnable_) | (runnable & bit(point.current()));
  prev_runnable_ = runnable;
  for (FiberSet rest = fresh & ~resume_noted_; rest != 0; rest &= rest - 1) {
    const FiberId f = lowest(rest);
    const Op pending = point.pending(f);
    if (pending.kind != OpKind::resume) continue;
    resume_noted_ |= bit(f);
    std::int32_t source = -1;
    if (pending.object != kNoObject) {
      if (d > 0 && wakes(path[d - 1].op, pending.object)) source = static_cast<std::int32_t>(d - 1);
    } else if (pending.other != f && index(pending.other) < kMaxSearchFibers) {
      source = exited_at_[index(pending.other)];
    }
    woken_at_[index(f)] = source;
  }
}

void RaceAnalysis::record_step(std::span<SearchNode> path, std::size_t d) {
  SearchNode& node = path[d];
  const std::uint32_t f = index(node.chosen);
  node.source[0] = steps_of_[f] == 0 ? spawned_at_[f] : -1;
  node.source[1] = -1;
  if (node.op.kind == OpKind::resume) {
    node.source[1] = woken_at_[f];
    resume_noted_ &= ~bit(node.chosen);
  } else if (node.op.kind == OpKind::join && index(node.op.other) < kMaxSearchFibers) {
    node.source[1] = exited_at_[index(node.op.other)];
  }
  node.footprint = Footprint::of(node.op);
  node.pos = ++steps_of_[f];
  node.prev_same = last_step_[f];
  last_step_[f] = static_cast<std::int32_t>(d);
  if (node.op.kind == OpKind::spawn && index(node.op.other) < kMaxSearchFibers) {
    spawned_at_[index(node.op.other)] = static_cast<std::int32_t>(d);
  } else if (node.op.kind == OpKind::exit) {
    exited_at_[f] = static_cast<std::int32_t>(d);
  }
}

void RaceAnalysis::make_clocks(std::size_t steps) {
  for (std::size_t k = clocks_.size(); k < steps; ++k) {
    clocks_.emplace_back().reserve(kMaxSearchFibers);
  }
}

void RaceAnalysis::add_backtracks(std::span<SearchNode> path, std::size_t from) {
  // Vector clocks over the steps of this run (those before from are unchanged), and for each
  // new step j the earlier steps it races with: dependent, of another fiber, and not ordered
  // before j through any other step. One clock more is kept for a pending step.
  make_clocks(path.size() + 1);
  for (std::size_t j = from; j < path.size(); ++j) races_of(path, j);
}

void RaceAnalysis::races_of(std::span<SearchNode> path, std::size_t j) {
  const SearchNode& nj = path[j];
  VectorClock& vj = clocks_[j];
  vj.clear();
  if (nj.prev_same >= 0) vj.join(clocks_[static_cast<std::size_t>(nj.prev_same)]);
  for (std::int32_t s : nj.source) {
    if (s >= 0) vj.join(clocks_[static_cast<std::size_t>(s)]);
  }
  races_.clear();
  enablers_.clear();
  // A gated call (a lock) cannot be taken where its gate is closed (the mutex is held): a
  // conflicting step that began with j's gate closed (the unlock, or a step inside the critical
  // section) cannot be reversed with j. It happens before j, but j races with the steps before
  // it that began with the gate open (the lock that the unlock released), so the race view skips
  // it; its clock joins j's after the scan.
  // Only calls on the primitive change its state, so between two of them the gate stays as the
  // later one found it: the scan carries that state backwards.
  const bool gated = nj.op.kind == OpKind::call && nj.op.gate != kNoGate;
  std::uint8_t open = 0xFF;  // the gates of j's primitive open where step i began
  for (std::size_t i = j; i-- > 0;) {
    const SearchNode& ni = path[i];
    if (gated) {
      if (const auto g = gates_of(ni, nj.op.object)) open = *g;
    }
    if (ni.chosen == nj.chosen || !conflicts(ni.footprint, nj.footprint)) continue;
    if (gated && ((open >> nj.op.gate) & 1U) == 0) {
      enablers_.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    if (!vj.covers(ni.chosen, ni.pos)) {
      races_.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
    }
    vj.join(clocks_[i]);
  }
  for (const std::uint32_t i : enablers_) vj.join(clocks_[i]);
  vj.set(nj.chosen, nj.pos);
  for (const auto& [i, jj] : races_) add_backtrack(path, i, jj);
}

void RaceAnalysis::add_backtracks_of_pending(std::vector<SearchNode>& path, FiberSet finished) {
  // A run that failed or hit the step limit ended with fibers that still had steps to take. Their
  // next steps are unknown, so each is taken to conflict with every step: as if it came right
  // after the end, it races with the last steps of the other fibers, and the search also tries
  // it before them.
  make_clocks(path.size() + 1);
  for (std::uint32_t f = 0; f < kMaxSearchFibers; ++f) {
    const bool started = f == 0 || spawned_at_[f] >= 0;
    if (!started || exited_at_[f] >= 0 || (finished & bit(FiberId{f})) != 0) continue;
    SearchNode& v = path.emplace_back();
    v.chosen = FiberId{f};
    v.footprint.everything = true;
    v.pos = steps_of_[f] + 1;
    v.prev_same = last_step_[f];
    v.source[0] = steps_of_[f] == 0 ? spawned_at_[f] : -1;
    v.frozen = true;
    races_of(path, path.size() - 1);
    path.pop_back();
  }
}

void RaceAnalysis::add_backtrack(std::span<SearchNode> path, std::size_t i, std::size_t j) {
  SearchNode& ni = path[i];
  if (ni.frozen) return;
  auto after_i = [&](std::size_t k) { return clocks_[k].covers(ni.chosen, ni.pos); };
  auto before = [&](std::size_t m, std::size_t k) {
    return clocks_[k].covers(path[m].chosen, path[m].pos);
  };
  // v: the steps after i that do not happen after i, then j. Its initials are the fibers whose
  // first step in v happens after no other step of v: each can start a run that reverses the race.
  FiberSet initials = 0;
  FiberSet seen = 0;
  for (std::size_t k = i + 1; k <= j; ++k) {
    if (k < j && after_i(k)) continue;
    const FiberSet fk = bit(path[k].chosen);
    if ((seen & fk) != 0) continue;
    seen |= fk;
    bool initial = true;
    for (std::size_t m = i + 1; m < k && initial; ++m) {
      if (!after_i(m) && before(m, k)) initial = false;
    }
    if (initial) initials |= fk;
  }
  const FiberId prefer = path[j].chosen;
  add_one_of(ni, initials, prefer);
  if (bounded_) {
    // Under a bound, the reversal may need a preemption that the bound forbids at i, while an
    // equivalent run that switches earlier fits (bounded partial-order reduction, Coons,
    // Musuvathi and McKinley 2013). Such a run switches where switching costs no more than it
    // did: where a fiber was switched in, or the fiber before blocked, exited or spun. So every
    // such point after the other fiber's last step before i gets every fiber it allows.
    for (std::size_t b = i + 1; b-- > root_ && (b == i || path[b].chosen != prefer);) {
      SearchNode& nb = path[b];
      const bool block_start = b == root_ || path[b - 1].chosen != path[b].chosen;
      if (!nb.frozen && (block_start || nb.free_switch)) nb.backtrack |= nb.candidates;
    }
  }
}

void RaceAnalysis::add_one_of(SearchNode& node, FiberSet initials, FiberId prefer) {
  if (node.frozen || (initials & node.backtrack) != 0) return;
  const FiberSet avail = initials & node.candidates;
  if (avail == 0) return;
  node.backtrack |= (avail & bit(prefer)) != 0 ? bit(prefer) : bit(lowest(avail));
}

}  // namespace interleave
