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
  std::int64_t least = std::numeric_limits<std::int64_t>::min();  // the smallest accepted value
};

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
  // NAME=VALUE, an unknown name, a value that is not an integer or is below the parameter's
  // least) it returns nullopt and sets error to one line naming the problem.
  std::optional<Params> resolve(const std::vector<std::string>& assignments,
                                std::string& error) const;
};

}  // namespace interleave
