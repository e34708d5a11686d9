#include "sim/scenario.h"

#include <charconv>
#include <limits>
#include <stdexcept>

namespace interleave {

std::int64_t Params::get(std::string_view name) const {
  for (const auto& [n, v] : values_) {
    if (n == name) return v;
  }
  throw std::out_of_range("no parameter named '" + std::string(name) + "'");
}

std::string range_text(const ParamSpec& p) {
  const bool low = p.least != std::numeric_limits<std::int64_t>::min();
  const bool high = p.greatest != std::numeric_limits<std::int64_t>::max();
  if (low && high) return "from " + std::to_string(p.least) + " to " + std::to_string(p.greatest);
  if (low) return "at least " + std::to_string(p.least);
  if (high) return "at most " + std::to_string(p.greatest);
  return "any integer";
}

namespace {

// outside_range(scenario, p, value) says that value is outside p's range.
std::string outside_range(const std::string& scenario, const ParamSpec& p,
                          const std::string& value) {
  return "parameter " + p.name + " of scenario " + scenario + " must be " + range_text(p) +
         ", got " + value;
}

}  // namespace

std::optional<Params> Scenario::complete(const Params& given, std::string& error) const {
  std::vector<std::string> assignments;
  assignments.reserve(given.values().size());
  for (const auto& [n, v] : given.values()) assignments.push_back(n + "=" + std::to_string(v));
  return resolve(assignments, error);
}

std::optional<Params> Scenario::resolve(const std::vector<std::string>& assignments,
                                        std::string& error) const {
  std::vector<std::pair<std::string, std::int64_t>> values;
  values.reserve(params.size());
  for (const ParamSpec& p : params) values.emplace_back(p.name, p.default_value);
  std::vector<bool> given(params.size(), false);
  auto known = [&] {
    std::string list;
    for (const ParamSpec& p : params) list += (list.empty() ? "" : ", ") + p.name;
    return list.empty() ? std::string("it takes none") : "it takes " + list;
  };
  for (const std::string& a : assignments) {
    const auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0) {
      error = "parameter '" + a + "' is not of the form NAME=VALUE";
      return std::nullopt;
    }
    const std::string name = a.substr(0, eq);
    const std::string text = a.substr(eq + 1);
    std::size_t i = 0;
    while (i < params.size() && params[i].name != name) ++i;
    if (i == params.size()) {
      error = "scenario " + this->name + " has no parameter '" + name + "'; " + known();
      return std::nullopt;
    }
    if (given[i]) {
      error = "parameter " + name + " is given twice; give each parameter once";
      return std::nullopt;
    }
    given[i] = true;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool whole = !text.empty() && end == text.data() + text.size();
    if (whole && ec == std::errc::result_out_of_range) {
      error = outside_range(this->name, params[i], text);
      return std::nullopt;
    }
    if (!whole || ec != std::errc{}) {
      error = "parameter " + name + " needs an integer value, got '" + text + "'";
      return std::nullopt;
    }
    if (value < params[i].least || value > params[i].greatest) {
      error = outside_range(this->name, params[i], text);
      return std::nullopt;
    }
    values[i].second = value;
  }
  return Params(std::move(values));
}

}  // namespace interleave
