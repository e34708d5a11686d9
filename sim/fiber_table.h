#pragma once
// FiberTable: the fiber records of the runs of one simulator, by id, and the waiter lists
// threaded through them. Records are reused across runs, so a run after warm-up allocates none.
// Internal to sim/.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "fiber.h"
#include "ids.h"

namespace interleave {

class FiberTable {
 public:
  // count() is the number of fibers of this run (ids 0 .. count() - 1).
  std::uint32_t count() const { return count_; }
  // capacity() is the number of records kept, this run's and parked ones.
  std::size_t capacity() const { return records_.size(); }
  // operator[](i) is record i, for i < capacity().
  Fiber& operator[](std::size_t i) { return *records_[i]; }
  const Fiber& operator[](std::size_t i) const { return *records_[i]; }
  // of(f) is fiber f's record; f below capacity().
  Fiber& of(FiberId f) { return *records_[index(f)]; }
  const Fiber& of(FiberId f) const { return *records_[index(f)]; }
  // checked(f) is fiber f's record; throws std::out_of_range when f is no record.
  Fiber& checked(FiberId f) { return *records_.at(index(f)); }
  const Fiber& checked(FiberId f) const { return *records_.at(index(f)); }
  // start_run() begins a run with no fibers; the records stay for reuse.
  void start_run() { count_ = 0; }
  // add() is the record of the next fiber of this run (id count()), reused or new; only its id
  // is set.
  Fiber& add() {
    if (count_ == records_.size()) records_.push_back(std::make_unique<Fiber>());
    Fiber& f = *records_[count_];
    f.id = FiberId{count_++};
    return f;
  }

  // push_waiter(list, f) links f as the newest waiter of list.
  void push_waiter(WaiterList& list, Fiber& f);
  // remove_waiter(list, f) unlinks f, a waiter of list.
  void remove_waiter(WaiterList& list, Fiber& f);
  // oldest(list) is list's oldest waiter, or null when it is empty.
  Fiber* oldest(const WaiterList& list) {
    return list.head == -1 ? nullptr : records_[static_cast<std::size_t>(list.head)].get();
  }

 private:
  std::vector<std::unique_ptr<Fiber>> records_;  // by id; stable addresses (contexts refer to them)
  std::uint32_t count_ = 0;                      // invariant: count_ <= records_.size()
};

}  // namespace interleave
