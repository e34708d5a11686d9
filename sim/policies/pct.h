#pragma once
// PctPolicy: probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010), in a
// non-preemptive form that suits a simulator where fibers appear while the run goes on.
//
// The rule, for depth d and step estimate k:
// - Every fiber gets an initial priority when the policy first sees it runnable: it is put at
//   a uniformly random rank among the fibers that hold initial priorities (Rng::below(n + 1)
//   for n such fibers). Initial priorities are d, d+1, ... by rank, so all are >= d.
// - At the start of a run, min(d - 1, k) distinct change points are drawn uniformly from
//   [0, k) (the i-th draw, i = 1, 2, ..., is change point i).
// - At the scheduling point of step s: if s is change point i, the current fiber's priority
//   drops to i (below every initial priority) and the highest-priority runnable fiber runs.
//   Otherwise the current fiber keeps running while it is runnable; when it blocked or exited
//   the highest-priority runnable fiber runs, and when it yielded the highest-priority other
//   runnable fiber whose own last step was not a yield runs (else the highest-priority other
//   one; itself only if it is alone), so spin loops make progress even when several fibers
//   spin on one holder.
// Hence depth 1 never preempts (a switch happens only when the current fiber blocked, exited
// or yielded), and a run has at most d - 1 preemptions, each at a change point. The paper's
// bound (a bug of depth d found with probability >= 1 / (n * k^(d-1)) per run, n threads,
// k steps) is proven for its algorithm; this variant keeps the mechanism, not the proof.
//
// Randomness comes from Rng(seed), restarted every run: change points first, then one draw
// per newly seen fiber (in ascending id order when several appear at one point).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "../policy.h"
#include "../rng.h"

namespace interleave {

// PCT scheduling with priority change points; see the rule above.
class PctPolicy final : public Policy {
 public:
  // The step estimate used when none is given (k = 0).
  static constexpr std::uint64_t kDefaultSteps = 100;

  // PctPolicy(seed, depth, steps) uses depth d (values below 1 count as 1) and step
  // estimate k (0 means kDefaultSteps).
  PctPolicy(std::uint64_t seed, int depth = 3, std::uint64_t steps = 0);

  // begin_run() restarts the generator and draws the run's change points.
  bool begin_run() override;
  // pick() applies the rule above.
  Decision pick(const SchedulingPoint& point) override;
  // info() is {"pct", {{"seed", seed}, {"depth", d}, {"steps", k}}} with the k in use.
  PolicyInfo info() const override;

  // seed(), depth(), steps(): the settings in use; set_seed() changes the seed for the next run.
  std::uint64_t seed() const { return seed_; }
  int depth() const { return depth_; }
  std::uint64_t steps() const { return steps_; }
  void set_seed(std::uint64_t seed) { seed_ = seed; }
  // change_points() lists this run's change points in draw order (change point i at [i - 1]).
  std::span<const std::uint64_t> change_points() const { return change_points_; }

 private:
  // reset() starts a run: a fresh generator, new change points, no fiber seen.
  void reset();
  // see(f) gives a newly seen fiber its random initial rank.
  void see(FiberId f);
  // renumber(from) gives ranked_[from..] their initial priorities d + rank after a change.
  void renumber(std::size_t from);
  // yielded_at(f) is 1 + the step of f's last yield while its last step is a yield; else 0.
  std::uint64_t yielded_at(FiberId f) const;

  std::uint64_t seed_;
  int depth_;                                 // invariant: >= 1
  std::uint64_t steps_;                       // invariant: >= 1
  Rng rng_;                                   // restarted from seed_ by reset()
  std::vector<std::uint64_t> change_points_;  // invariant: distinct, < steps_, draw order
  std::vector<FiberId> ranked_;               // fibers holding initial priorities, lowest first
  std::vector<std::uint64_t> priority_;       // by fiber index; 0 = not seen yet; unique when > 0
  std::vector<std::uint64_t> yielded_at_;     // by fiber index: 1 + the step of its last yield
                                              // while its last step is a yield; 0 otherwise
};

}  // namespace interleave
