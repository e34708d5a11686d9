#include "sim/policies/policy_factory.h"

#include <array>

#include "sim/policies/fifo.h"
#include "sim/policies/pct.h"
#include "sim/policies/random.h"
#include "sim/policies/rr.h"

namespace interleave {

namespace {

using Make = std::unique_ptr<Policy> (*)(const PolicySpec& spec, std::string& error);

struct Entry {
  std::string_view name;
  Make make;
};

std::unique_ptr<Policy> make_rr(const PolicySpec& spec, std::string& error) {
  if (spec.quantum <= Nanos{0}) {
    error = "the rr quantum must be positive, got " + std::to_string(spec.quantum.count()) + " ns";
    return nullptr;
  }
  return std::make_unique<RoundRobinPolicy>(spec.quantum);
}

std::unique_ptr<Policy> make_pct(const PolicySpec& spec, std::string& error) {
  if (spec.depth < 1) {
    error = "the pct depth must be at least 1, got " + std::to_string(spec.depth);
    return nullptr;
  }
  return std::make_unique<PctPolicy>(spec.seed, spec.depth, spec.steps);
}

// The registry: one line per policy.
constexpr std::array kRegistry{
    Entry{"fifo",
          [](const PolicySpec&, std::string&) -> std::unique_ptr<Policy> {
            return std::make_unique<FifoPolicy>();
          }},
    Entry{"rr", make_rr},
    Entry{"random",
          [](const PolicySpec& s, std::string&) -> std::unique_ptr<Policy> {
            return std::make_unique<RandomPolicy>(s.seed);
          }},
    Entry{"pct", make_pct},
};

constexpr auto kNames = [] {
  std::array<std::string_view, kRegistry.size()> names{};
  for (std::size_t i = 0; i < kRegistry.size(); ++i) names[i] = kRegistry[i].name;
  return names;
}();

}  // namespace

std::unique_ptr<Policy> make_policy(const PolicySpec& spec, std::string& error) {
  for (const Entry& e : kRegistry) {
    if (e.name == spec.name) return e.make(spec, error);
  }
  error = "unknown policy '" + spec.name + "'; known policies:";
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    error += i == 0 ? " " : ", ";
    error += kNames[i];
  }
  return nullptr;
}

std::span<const std::string_view> policy_names() {
  return kNames;
}

}  // namespace interleave
