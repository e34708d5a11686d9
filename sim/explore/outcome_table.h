#pragma once
// OutcomeTable: the distinct outcomes of a search (status plus reported results), in order of
// first appearance, each with its count and the schedule of its first run.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "explore_result.h"

namespace interleave {

class OutcomeTable {
  // Orders outcomes by status, then results; also compares a stored key with a view of a run's
  // status and results, so that looking a run up copies nothing.
  struct KeyView {
    Status status;
    const Results* results;
  };
  struct KeyLess {
    using is_transparent = void;
    static KeyView view(const KeyView& k) { return k; }
    static KeyView view(const std::pair<Status, Results>& k) { return {k.first, &k.second}; }
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      const KeyView x = view(a);
      const KeyView y = view(b);
      if (x.status != y.status) return x.status < y.status;
      return *x.results < *y.results;
    }
  };

 public:
  // add(outcome, results, schedule, preemptions) counts one complete run; the first run of an
  // outcome becomes its witness. Returns the outcome's index.
  std::size_t add(const Outcome& outcome, const Results& results, std::span<const FiberId> schedule,
                  std::uint32_t preemptions);
  // merge(other) adds other's counts after this table's runs (other's runs come later in DFS
  // order); returns, for each of other's outcomes, its index here.
  std::vector<std::size_t> merge(const std::vector<OutcomeClass>& other);
  // classes() lists the outcomes.
  const std::vector<OutcomeClass>& classes() const { return classes_; }
  // take() moves the outcomes out, leaving the table empty.
  std::vector<OutcomeClass> take();
  // push(c) appends an outcome that is not in the table yet.
  void push(OutcomeClass c);
  // find(status, results) is the index of that outcome, if it occurred.
  std::optional<std::size_t> find(Status status, const Results& results) const;

 private:
  std::vector<OutcomeClass> classes_;  // invariant: distinct (status, results) pairs
  std::map<std::pair<Status, Results>, std::size_t, KeyLess> where_;  // invariant: indexes
                                                                      // classes_
};

}  // namespace interleave
