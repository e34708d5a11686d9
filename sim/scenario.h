#pragma once
// Scenario: a named, described program with integer parameters, run as fiber 0 of a run.

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace interleave {

class Simulator;

// One integer parameter of a scenario, with its default.
struct ParamSpec {
  std::string name;
  std::int64_t default_value = 0;
  std::string help;
  std::int64_t least = std::numeric_limits<std::int64_t>::min();     // the smallest accepted value
  std::int64_t greatest = std::numeric_limits<std::int64_t>::max();  // the largest; least <= it
};

// range_text(p) is p's range in words: "from 1 to 1000", "at least 0", or "any integer".
std::string range_text(const ParamSpec& p);

// The parameter values of one run, in the scenario's declaration order.
class Params {
 public:
  Params() = default;
  // Params(values) holds the given (name, value) pairs.
  explicit Params(std::vector<std::pair<std::string, std::int64_t>> values)
      : values_(std::move(values)) {}
  // get(name) is the value of a declared parameter; throws std::out_of_range otherwise.
  std::int64_t get(std::string_view name) const;
  // values() lists every (name, value) pair in declaration order.
  const std::vector<std::pair<std::string, std::int64_t>>& values() const { return values_; }

 private:
  std::vector<std::pair<std::string, std::int64_t>> values_;  // invariant: unique names
};

// A built-in or user scenario.
struct Scenario {
  std::string name;         // "article/race": a folder-like group and a name
  std::string description;  // one line, shown by `interleave list`
  std::vector<ParamSpec> params;
  std::function<void(Simulator&, const Params&)> body;

  // resolve(assignments, error) applies NAME=VALUE strings over the defaults; on a bad one (not
  // NAME=VALUE, an unknown name, a name given twice, a value that is not an integer or is
  // outside the parameter's least..greatest) it returns nullopt and sets error to one line
  // naming the problem and the range.
  std::optional<Params> resolve(const std::vector<std::string>& assignments,
                                std::string& error) const;
  // complete(given, error) is resolve() for values a program gives (explore() and run() check
  // theirs with it): each must be declared, given once and within its range; the parameters
  // not given keep their defaults.
  std::optional<Params> complete(const Params& given, std::string& error) const;
};

}  // namespace interleave
