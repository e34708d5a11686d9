#include "sim/explore/outcome_table.h"

namespace interleave {

std::optional<std::size_t> OutcomeTable::find(Status status, const Results& results) const {
  const auto it = where_.find(KeyView{status, &results});
  if (it == where_.end()) return std::nullopt;
  return it->second;
}

std::vector<OutcomeClass> OutcomeTable::take() {
  where_.clear();
  return std::move(classes_);
}

void OutcomeTable::push(OutcomeClass c) {
  where_.emplace(std::make_pair(c.status, c.results), classes_.size());
  classes_.push_back(std::move(c));
}

std::size_t OutcomeTable::add(const Outcome& outcome, const Results& results,
                              std::span<const FiberId> schedule, std::uint32_t preemptions) {
  if (auto i = find(outcome.status, results)) {
    ++classes_[*i].count;
    return *i;
  }
  OutcomeClass c;
  c.status = outcome.status;
  c.results = results;
  c.message = outcome.message;
  c.count = 1;
  c.witness.assign(schedule.begin(), schedule.end());
  c.preemptions = preemptions;
  push(std::move(c));
  return classes_.size() - 1;
}

std::vector<std::size_t> OutcomeTable::merge(const std::vector<OutcomeClass>& other) {
  std::vector<std::size_t> where;
  where.reserve(other.size());
  for (const OutcomeClass& c : other) {
    if (auto i = find(c.status, c.results)) {
      classes_[*i].count += c.count;
      where.push_back(*i);
    } else {
      push(c);
      where.push_back(classes_.size() - 1);
    }
  }
  return where;
}

}  // namespace interleave
