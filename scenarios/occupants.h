#pragma once
// Occupants: the fibers inside a region (a critical section, a bridge, a waiting room), kept
// with plain code so that watching who is inside adds no step to any schedule. Entering and
// leaving touch the region's plain state (Simulator::touch_plain), so an exhaustive search
// orders them like writes and finds every way the region can fill up.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "../sim/ids.h"
#include "../sim/simulator.h"

namespace interleave {

// The fibers inside one region, in the order they entered.
class Occupants {
 public:
  // Occupants(sim) watches a region of a run of sim; create it inside the run.
  explicit Occupants(Simulator& sim) : sim_(&sim), state_(sim.plain_state()) {}

  // enter(f) counts fiber f in.
  void enter(FiberId f) {
    sim_->touch_plain(state_);
    inside_.push_back(f);
    most_ = std::max(most_, inside_.size());
  }
  // leave(f) counts fiber f out; a fiber that is not inside is ignored.
  void leave(FiberId f) {
    sim_->touch_plain(state_);
    const auto it = std::find(inside_.begin(), inside_.end(), f);
    if (it != inside_.end()) inside_.erase(it);
  }
  // empty() and size() tell how many are inside.
  bool empty() const { return inside_.empty(); }
  std::size_t size() const { return inside_.size(); }
  // most() is the most fibers that were ever inside at once.
  std::size_t most() const { return most_; }
  // first() is the fiber inside the longest; the region must not be empty.
  FiberId first() const { return inside_.front(); }
  // names(sim) lists them in entry order: "t0", "reader 0 and reader 1", "a, b and c".
  std::string names(const Simulator& sim) const {
    std::string s;
    for (std::size_t i = 0; i < inside_.size(); ++i) {
      if (i > 0) s += i + 1 == inside_.size() ? " and " : ", ";
      s += sim.fiber_name(inside_[i]);
    }
    return s;
  }

 private:
  Simulator* sim_;
  ObjectId state_;               // the region's plain state, for the search's dependence
  std::vector<FiberId> inside_;  // invariant: each fiber at most once, in entry order
  std::size_t most_ = 0;         // invariant: >= inside_.size() at every moment so far
};

}  // namespace interleave
