#include "sim/explore/dfs_explorer.h"

#include <utility>

#include "sim/explore/dependence.h"

namespace interleave {

namespace {

// changed_state(op, point) tells whether the step just taken (op, by point.current()) may have
// changed something another fiber observes: a spinner waits for such a step. A load, or a write
// that left its object's value as it was, changes nothing; plain state it touched counts.
bool changed_state(const Op& op, const SchedulingPoint& point) {
  if (!point.last_step_plain().empty() || point.last_step_plain_overflowed()) return true;
  return op.kind != OpKind::load && !point.last_step_read_only();
}

// two_or_more(set) tells whether set holds at least two fibers (no popcount instruction needed).
constexpr bool two_or_more(FiberSet set) {
  return (set & (set - 1)) != 0;
}

bool spinning(const SchedulingPoint& point) {
  return point.reason() == Reason::yield || point.last_step_spun();
}

}  // namespace

DfsExplorer::DfsExplorer(const SearchRules& rules, SearchTask task)
    : rules_(rules),
      task_(std::move(task)),
      root_(task_.prefix.size()),
      races_(root_, rules_.preemption_bound.has_value()) {}

void DfsExplorer::split_at(std::uint32_t level, std::vector<SearchTask>* out) {
  split_level_ = level;
  tasks_ = out;
}

PolicyInfo DfsExplorer::info() const {
  return PolicyInfo{"explore", {}};
}

PolicyHints DfsExplorer::hints() const {
  // The points before diverge_ repeat the last run's (runs are deterministic), and what the
  // search keeps of them is in their nodes (waiting, preemptions). Dpor rebuilds happens-before
  // facts at every point and frontier mode counts branches on the way, so they see every point.
  if (rules_.reduction == Reduction::dpor || split_level_ > 0) return {};
  return {.keeps_stepping_fiber = false, .planned = {chosen_.data(), diverge_}};
}

bool DfsExplorer::begin_run() {
  if (exhausted_ || !error_.empty()) return false;
  kind_ = SearchRunKind::complete;
  blocked_sleep_ = 0;
  sleep_next_ = 0;
  preemptions_next_ = 0;
  run_preemptions_ = 0;
  branches_ = 0;
  waiting_ = 0;
  reading_ = 0;
  stale_ = 0;
  if (rules_.reduction == Reduction::dpor) races_.begin_run();
  return true;
}

Decision DfsExplorer::fail_run(std::string message) {
  if (error_.empty()) error_ = std::move(message);
  return Decision::stop(error_);
}

Decision DfsExplorer::pick(const SchedulingPoint& point) {
  if (index(point.runnable().back()) >= kMaxSearchFibers) {  // runnable() is ascending
    return fail_run("the scenario spawned more than " + std::to_string(kMaxSearchFibers) +
                    " fibers; exhaustive search handles at most that many per run");
  }
  const FiberSet runnable = point.runnable_mask();
  const bool dpor = rules_.reduction == Reduction::dpor;
  if (dpor) races_.note_wakes(point, runnable, path_);
  const bool spin = spinning(point);
  const std::size_t at = point.step();
  if (at > 0 && rules_.reduction != Reduction::none) {
    SearchNode& last = path_[at - 1];
    last.gates_before = point.last_step_gates();
    if (point.last_step_read_only()) {
      // A step that left its object unchanged (a failed compare-exchange, a store of the same
      // value) commutes with reads: for races it is a read.
      last.footprint.reads_only();
    }
    const auto plain = point.last_step_plain();
    for (ObjectId state : plain) last.footprint.add_write(state);
    if (point.last_step_plain_overflowed()) last.footprint.everything = true;
    if (!plain.empty() || point.last_step_plain_overflowed()) {
      // Sleep sets judge a sleeping fiber by its pending operation; the plain state its step
      // will touch is unknown, so a step that touched plain state wakes every sleeper.
      sleep_next_ = 0;
    }
  }
  if (at > 0 && rules_.preemption_bound && at - 1 >= root_ && point.current_runnable() && !spin) {
    // The step just taken left its fiber running: what bounded sleep sets need to know of it.
    path_[at - 1].kept_running |= bit(point.current());
  }
  // Fairness: a fiber that spun waits until some fiber makes a step that changes what it could
  // observe: not a spinning step, not a load, not a write that left its object as it was. A fiber
  // that read (took steps) and then saw state change before it spun has spun on what it read
  // before: it does not wait, as its next iteration may see something new (Peterson's waiter,
  // whose turn came between its load and its yield). A replayed point finds what it found
  // before (the points before it may have been planned).
  if (at < path_.size()) {
    waiting_ = path_[at].waiting;
    reading_ = path_[at].reading;
    stale_ = path_[at].stale;
  } else if (at > 0) {
    const FiberSet me = bit(point.current());
    if (spin) {
      if ((stale_ & me) == 0) waiting_ |= me;
      reading_ &= ~me;
      stale_ &= ~me;
    } else {
      if (changed_state(path_[at - 1].op, point)) {
        waiting_ = 0;
        stale_ |= reading_;
      }
      reading_ |= me;
    }
  }
  SearchNode* node = enter_point(point, runnable, spin);
  if (node == nullptr) {
    // Decision::stop keeps a view: give it storage that outlives the run.
    if (!error_.empty()) return Decision::stop(error_);
    return Decision::stop(kind_ == SearchRunKind::split ? "explore: handed out as a subtree"
                                                        : "explore: every choice is asleep");
  }

  const bool preempt = node->chosen != point.current() && point.current_runnable() && !spin;
  preemptions_next_ = node->preemptions + (preempt ? 1 : 0);
  run_preemptions_ = preemptions_next_;
  if (at + 1 >= path_.size()) sleep_next_ = next_sleep(point, *node, runnable);
  if (dpor) races_.record_step(path_, at);
  return Decision::pick(node->chosen);
}

// enter_point's cases follow, then enter_point. It runs at every point that is not planned: the
// cases on that path are inlined into it, so that splitting it costs no calls.

[[gnu::always_inline]] SearchNode* DfsExplorer::enter_replayed(const SchedulingPoint& point,
                                                               FiberSet runnable) {
  // A point of the path the last run took: this run must find there what the last one found.
  const std::size_t d = point.step();
  SearchNode& n = path_[d];
  if ((runnable & bit(n.chosen)) == 0) {
    fail_run("the scenario is not deterministic: at step " + std::to_string(d) +
             " the search replayed its path and fiber " + std::to_string(index(n.chosen)) +
             " is not runnable there (every run must follow the same steps for the same "
             "schedule)");
    return nullptr;
  }
  const Op op = point.pending(n.chosen);
  if (d < diverge_ && !same_op(op, n.op)) {
    // The last run took this very step along the same schedule: it must be the same operation.
    fail_run("the scenario is not deterministic: at step " + std::to_string(d) + " fiber " +
             std::to_string(index(n.chosen)) + "'s step is " + describe(op) +
             ", where an earlier run along the same schedule had " + describe(n.op) +
             " (every run must follow the same steps for the same schedule)");
    return nullptr;
  }
  n.op = op;
  if (two_or_more(n.candidates & ~n.sleep)) ++branches_;
  return &n;
}

[[gnu::always_inline]] SearchNode& DfsExplorer::open_point(const SchedulingPoint& point,
                                                           FiberSet runnable, bool spin) {
  // A new node at the end of the path, with what fairness and the bound allow there. Built in
  // place (a node is about 120 bytes); enter_point takes it off again when the run stops there.
  const std::size_t d = point.step();
  SearchNode& n = path_.emplace_back();
  n.preemptions = preemptions_next_;
  n.waiting = waiting_;
  n.reading = reading_;
  n.stale = stale_;
  n.current = point.current();
  n.free_switch = !point.current_runnable() || spin;
  n.sleep = rules_.reduction == Reduction::none ? 0 : sleep_next_;
  const FiberSet cur = bit(point.current());
  const bool cur_in = point.current_runnable() && (runnable & cur) != 0;
  FiberSet cand = runnable;
  // Fairness: fibers waiting for progress are not picked while another fiber can run (when
  // every runnable fiber waits and no timer can help, the run spins into the step limit).
  if (rules_.fair && (runnable & ~waiting_) != 0) cand &= ~waiting_;
  if (rules_.preemption_bound && cur_in && !spin && n.preemptions >= *rules_.preemption_bound &&
      (cand & cur) != 0) {
    if (cand != cur && d >= root_) ++bound_pruned_;
    cand = cur;
  }
  n.candidates = cand;
  return n;
}

bool DfsExplorer::enter_prefix(SearchNode& n, std::size_t d, FiberSet runnable) {
  // A point of the task's prefix: forced, never branched from here.
  n.chosen = task_.prefix[d];
  if ((runnable & bit(n.chosen)) == 0) {
    fail_run("the scenario is not deterministic: a task's prefix picks fiber " +
             std::to_string(index(n.chosen)) + " at step " + std::to_string(d) +
             ", which is not runnable there");
    return false;
  }
  n.frozen = true;
  n.backtrack = n.done = bit(n.chosen);
  n.sleep = 0;
  return true;
}

[[gnu::always_inline]] bool DfsExplorer::enter_new(SearchNode& n, std::size_t d, FiberId current) {
  // A point from the task's root on that the path does not hold yet: choose, keep the choices.
  if (d == root_) n.sleep = rules_.reduction == Reduction::none ? 0 : task_.sleep;
  const FiberSet options = n.candidates & ~n.sleep;
  if (options == 0) {
    kind_ = SearchRunKind::sleep_blocked;
    blocked_sleep_ = n.sleep;
    return false;
  }
  if (split_level_ > 0 && two_or_more(options) && branches_ >= split_level_) {
    // Frontier mode: this point is the root of a subtree handed out as a task.
    kind_ = SearchRunKind::split;
    emit_task(d, n.sleep);
    return false;
  }
  n.chosen = (options & bit(current)) != 0 ? current : lowest(options);
  const bool full = rules_.reduction != Reduction::dpor || split_level_ > 0;
  n.backtrack = full ? n.candidates : bit(n.chosen);
  if (two_or_more(options)) ++branches_;
  return true;
}

SearchNode* DfsExplorer::enter_point(const SchedulingPoint& point, FiberSet runnable, bool spin) {
  const std::size_t d = point.step();
  if (d < path_.size()) return enter_replayed(point, runnable);
  SearchNode& n = open_point(point, runnable, spin);
  const bool entered = d < root_ ? enter_prefix(n, d, runnable) : enter_new(n, d, point.current());
  if (!entered) {
    path_.pop_back();
    return nullptr;
  }
  chosen_.push_back(n.chosen);
  n.op = point.pending(n.chosen);
  return &n;
}

FiberSet DfsExplorer::next_sleep(const SchedulingPoint& point, const SearchNode& node,
                                 FiberSet runnable) const {
  if (rules_.reduction == Reduction::none || node.frozen) return 0;
  FiberSet asleep = node.sleep | node.done;
  if (rules_.preemption_bound) asleep = node.sleep | (node.done & bounded_sleepers(node));
  FiberSet next = 0;
  for (FiberSet rest = asleep & runnable & ~bit(node.chosen); rest != 0; rest &= rest - 1) {
    const FiberId q = lowest(rest);
    if (!dependent(point.pending(q), node.op)) next |= bit(q);
  }
  return next;
}

FiberSet DfsExplorer::bounded_sleepers(const SearchNode& node) {
  // A fiber q explored at this point sleeps in the branch of the chosen fiber p because every run
  // of that branch in which q's step comes later, past steps independent of it, is equivalent to
  // a run with q's step moved up here, which q's own branch explored. Under a preemption bound
  // that run must also fit the bound: moving q up changes the switches only here (p's run has
  // current→p, the moved run current→q→p) and where q's step was taken out (which can only save
  // a preemption). So q may sleep only when current→q→p costs no more than current→p.
  auto cost = [&node](FiberId to) { return !node.free_switch && to != node.current ? 1 : 0; };
  const int direct = cost(node.chosen);
  FiberSet ok = 0;
  for (FiberSet rest = node.done & ~bit(node.chosen); rest != 0; rest &= rest - 1) {
    const FiberId q = lowest(rest);
    const int detour = cost(q) + ((node.kept_running & bit(q)) != 0 ? 1 : 0);
    if (detour <= direct) ok |= bit(q);
  }
  return ok;
}

void DfsExplorer::emit_task(std::size_t length, FiberSet sleep) {
  SearchTask t;
  t.prefix.reserve(length);
  for (std::size_t i = 0; i < length; ++i) t.prefix.push_back(path_[i].chosen);
  t.sleep = sleep;
  tasks_->push_back(std::move(t));
}

void DfsExplorer::end_run(const Outcome& outcome) {
  if (!error_.empty()) return;
  if (path_.size() < root_) {
    error_ = "the scenario is not deterministic: a run ended after " +
             std::to_string(path_.size()) + " steps, before the " + std::to_string(root_) +
             " steps of its task's prefix";
    return;
  }
  if (split_level_ > 0 && kind_ != SearchRunKind::split) {
    // A run that ended above the split level is a task of its own (one run, or one blocked).
    emit_task(path_.size(), kind_ == SearchRunKind::sleep_blocked ? blocked_sleep_ : 0);
  }
  if (rules_.reduction == Reduction::dpor && split_level_ == 0) {
    races_.add_backtracks(path_, diverge_);
    const bool cut_short = outcome.status == Status::failed || outcome.status == Status::livelock;
    if (cut_short && kind_ == SearchRunKind::complete && path_.size() > root_) {
      // The fiber that failed takes no more steps; at the step limit every fiber had more.
      races_.add_backtracks_of_pending(
          path_, outcome.status == Status::failed ? bit(path_.back().chosen) : 0);
    }
  }
  exhausted_ = !advance();
}

bool DfsExplorer::advance() {
  for (std::size_t k = path_.size(); k-- > root_;) {
    SearchNode& n = path_[k];
    n.done |= bit(n.chosen);
    const FiberSet avail = n.backtrack & ~n.done & ~n.sleep & n.candidates;
    if (avail != 0) {
      n.chosen = lowest(avail);
      path_.resize(k + 1);
      chosen_.resize(k + 1);
      chosen_[k] = n.chosen;
      diverge_ = k;
      return true;
    }
  }
  path_.resize(root_);
  chosen_.resize(root_);
  return false;
}

}  // namespace interleave
