#include "cli/program.h"

#include <algorithm>
#include <string>
#include <vector>

#include "cli/usage_error.h"

namespace interleave {
namespace {

// folded(c) is c in lower case (ASCII only): names differ from a typo in case by nothing.
char folded(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// edit_distance(a, b) counts the insertions, deletions and replacements of characters that turn
// a into b, ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (folded(a[i - 1]) == folded(b[j - 1]) ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

const Scenario& Program::find_or_throw(std::string_view name) const {
  if (const Scenario* s = scenarios->find(name)) return *s;
  std::string best;
  std::size_t best_distance = 4;  // suggest only close names
  for (const Scenario& s : scenarios->all()) {
    const std::size_t d = edit_distance(name, s.name);
    if (d < best_distance) {
      best_distance = d;
      best = s.name;
    }
  }
  std::string msg = "unknown scenario '" + std::string(name) + "'";
  msg += best.empty() ? "; `" + this->name + " list` shows the " +
                            (stock ? "built-in ones" : "ones it knows")
                      : "; did you mean '" + best + "'? (`" + this->name + " list` shows them all)";
  throw UsageError(msg);
}

}  // namespace interleave
