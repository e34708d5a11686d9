#pragma once
// VectorClock: the happens-before order of a run's steps, as vector clocks keep it. The clock of
// a step holds, for each fiber, how many of that fiber's steps happen before it (or are it).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ids.h"

namespace interleave {

class VectorClock {
 public:
  // VectorClock() knows no step of any fiber.
  VectorClock() = default;

  // size() is 1 + the highest fiber id the clock holds an entry for; the entries of every fiber
  // from size() up are 0.
  std::size_t size() const { return ticks_.size(); }
  // operator[](f) is the number of f's steps that happen before the clock's step (or are it).
  std::uint32_t operator[](FiberId f) const {
    return index(f) < ticks_.size() ? ticks_[index(f)] : 0;
  }
  // covers(f, pos) tells whether f's pos-th step (1-based) happens before the clock's step (or is
  // it).
  bool covers(FiberId f, std::uint32_t pos) const { return (*this)[f] >= pos; }
  // covers(other) tells whether every step other knows of happens before this clock's step too
  // (other ≤ this, entry by entry).
  bool covers(const VectorClock& other) const {
    for (std::size_t f = 0; f < other.ticks_.size(); ++f) {
      if (other.ticks_[f] > (f < ticks_.size() ? ticks_[f] : 0)) return false;
    }
    return true;
  }

  // set(f, steps) makes f's entry steps, growing the clock to hold f.
  void set(FiberId f, std::uint32_t steps) {
    if (index(f) >= ticks_.size()) ticks_.resize(std::size_t{index(f)} + 1, 0);
    ticks_[index(f)] = steps;
  }
  // tick(f) counts one more step of f.
  void tick(FiberId f) { set(f, (*this)[f] + 1); }
  // join(other) adds what other knows: each entry becomes the greater of the two (growing the
  // clock to other's size).
  void join(const VectorClock& other) {
    const std::size_t n = other.ticks_.size();
    if (n > ticks_.size()) ticks_.resize(n, 0);
    std::uint32_t* mine = ticks_.data();
    const std::uint32_t* theirs = other.ticks_.data();
    for (std::size_t f = 0; f < n; ++f) mine[f] = mine[f] < theirs[f] ? theirs[f] : mine[f];
  }
  // clear() forgets every step, keeping the storage.
  void clear() { ticks_.clear(); }
  // reserve(fibers) makes room for entries of that many fibers, so that growing up to it
  // allocates nothing.
  void reserve(std::size_t fibers) { ticks_.reserve(fibers); }

  // a == b tells whether the clocks hold the same entry for every fiber.
  friend bool operator==(const VectorClock& a, const VectorClock& b) {
    return a.covers(b) && b.covers(a);
  }

 private:
  std::vector<std::uint32_t> ticks_;  // invariant: ticks_[f] is fiber f's entry; may end in 0s
};

// happens_before(a, b) tells whether the step of clock a happens before the step of clock b: b
// knows everything a does, and more.
inline bool happens_before(const VectorClock& a, const VectorClock& b) {
  return b.covers(a) && !a.covers(b);
}

// concurrent(a, b) tells whether neither clock's step happens before the other's (nor are they
// equal).
inline bool concurrent(const VectorClock& a, const VectorClock& b) {
  return !a.covers(b) && !b.covers(a);
}

}  // namespace interleave
