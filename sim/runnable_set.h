#pragma once
// RunnableSet: the fibers that may perform the next step, as an ascending list and, for the
// ids below 64, a bit mask that the step path tests in one instruction. Internal to sim/.

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "ids.h"

namespace interleave {

class RunnableSet {
 public:
  // bit(f) is fiber f's bit in mask(); none for ids from 64 up.
  static std::uint64_t bit(FiberId f) { return index(f) < 64 ? std::uint64_t{1} << index(f) : 0; }

  // ids() lists the runnable fibers, ascending.
  std::span<const FiberId> ids() const { return ids_; }
  // mask() has bit f set for each runnable fiber f below 64.
  std::uint64_t mask() const { return mask_; }
  // empty() tells whether no fiber is runnable.
  bool empty() const { return ids_.empty(); }
  // contains_low(f) tells whether f is runnable, for f below 64 (false from 64 up).
  bool contains_low(FiberId f) const { return (mask_ & bit(f)) != 0; }
  // add_newest(f) adds f, which is greater than every id in the set (a fiber just spawned).
  void add_newest(FiberId f) {
    ids_.push_back(f);
    mask_ |= bit(f);
  }
  // add(f) adds f, which is not in the set.
  void add(FiberId f) {
    ids_.insert(std::lower_bound(ids_.begin(), ids_.end(), f), f);
    mask_ |= bit(f);
  }
  // remove(f) removes f if it is in the set.
  void remove(FiberId f) {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), f);
    if (it != ids_.end() && *it == f) ids_.erase(it);
    mask_ &= ~bit(f);
  }
  // clear() empties the set, keeping the storage.
  void clear() {
    ids_.clear();
    mask_ = 0;
  }

 private:
  std::vector<FiberId> ids_;  // invariant: ascending, unique
  std::uint64_t mask_ = 0;    // invariant: bit f set iff fiber f < 64 is in ids_
};

}  // namespace interleave
