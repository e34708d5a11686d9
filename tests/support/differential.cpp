#include "tests/support/differential.h"

#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "sim/explore/explore.h"
#include "sim/explore/reduction.h"

namespace interleave::testing {

namespace {

using Key = std::pair<Status, Results>;

// The fewest preemptions of each outcome a search reported (its witness's count).
std::map<Key, std::uint32_t> fewest(const ExploreResult& r) {
  std::map<Key, std::uint32_t> out;
  for (const OutcomeClass& c : r.outcomes) out.emplace(Key{c.status, c.results}, c.preemptions);
  return out;
}

std::string describe(const Key& k) {
  std::ostringstream o;
  o << to_string(k.first);
  for (const auto& [name, value] : k.second) {
    o << ' ' << name << '=';
    if (const auto* i = std::get_if<std::int64_t>(&value)) {
      o << *i;
    } else {
      o << "…";
    }
  }
  return o.str();
}

std::string bound_text(const std::optional<std::uint32_t>& bound) {
  return bound ? "bound " + std::to_string(*bound) : "no bound";
}

}  // namespace

std::string Differences::text() const {
  std::string out;
  for (const std::string& p : problems) out += p + "\n";
  return out;
}

Differences explore_differences(const std::function<void(Simulator&)>& body,
                                const DifferentialBudget& budget) {
  Differences d;
  std::optional<std::set<std::pair<Status, Results>>> unbounded;  // the first granularity's
  for (const Granularity granularity : budget.granularities) {
    const RunConfig config{.granularity = granularity};
    for (const std::optional<std::uint32_t>& bound : budget.bounds) {
      ExploreOptions plain;
      plain.reduction = Reduction::none;
      plain.preemption_bound = bound;
      plain.max_runs = budget.reference_runs;
      const ExploreResult reference = explore_scenario(body, config, plain);
      if (!reference.complete) {
        ++d.skipped;
        continue;
      }
      if (!bound) {
        std::set<std::pair<Status, Results>> keys;
        for (const OutcomeClass& c : reference.outcomes) keys.emplace(c.status, c.results);
        if (!unbounded) {
          unbounded = keys;
        } else if (keys != *unbounded) {
          d.problems.push_back(std::string(to_string(granularity)) +
                               " granularity, no bound: the outcomes differ from those of the "
                               "first granularity");
        }
      }
      const auto expected = fewest(reference);
      for (Reduction reduction : budget.reductions) {
        ExploreOptions o = plain;
        o.reduction = reduction;
        o.max_runs = 0;
        o.jobs = budget.jobs;
        const ExploreResult r = explore_scenario(body, config, o);
        ++d.compared;
        const std::string where = std::string(to_string(granularity)) + " granularity, " +
                                  bound_text(bound) + ", " + std::string(to_string(reduction)) +
                                  ": ";
        const auto found = fewest(r);
        for (const auto& [key, pre] : expected) {
          const auto it = found.find(key);
          if (it == found.end()) {
            d.problems.push_back(where + "misses " + describe(key) + " (reachable with " +
                                 std::to_string(pre) + " preemptions)");
          } else if (it->second != pre) {
            d.problems.push_back(where + describe(key) + " reported with " +
                                 std::to_string(it->second) + " preemptions, the fewest is " +
                                 std::to_string(pre));
          }
        }
        for (const auto& [key, pre] : found) {
          if (!expected.contains(key)) {
            d.problems.push_back(where + "reports " + describe(key) +
                                 ", which no unreduced schedule reaches");
          }
        }
        if (r.runs > reference.runs) {
          d.problems.push_back(where + std::to_string(r.runs) + " complete runs, more than the " +
                               std::to_string(reference.runs) + " of no reduction");
        }
      }
    }
  }
  return d;
}

}  // namespace interleave::testing
