#include "sim/scenario.h"

#include <charconv>
#include <stdexcept>

namespace interleave {

std::int64_t Params::get(std::string_view name) const {
  for (const auto& [n, v] : values_) {
    if (n == name) return v;
  }
  throw std::out_of_range("no parameter named '" + std::string(name) + "'");
}

std::optional<Params> Scenario::resolve(const std::vector<std::string>& assignments,
                                        std::string& error) const {
  std::vector<std::pair<std::string, std::int64_t>> values;
  values.reserve(params.size());
  for (const ParamSpec& p : params) values.emplace_back(p.name, p.default_value);
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
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
      error = "parameter " + name + " needs an integer value, got '" + text + "'";
      return std::nullopt;
    }
    bool found = false;
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (params[i].name != name) continue;
      if (value < params[i].least) {
        error = "parameter " + name + " of scenario " + this->name + " must be at least " +
                std::to_string(params[i].least) + ", got " + text;
        return std::nullopt;
      }
      values[i].second = value;
      found = true;
    }
    if (!found) {
      error = "scenario " + this->name + " has no parameter '" + name + "'; " + known();
      return std::nullopt;
    }
  }
  return Params(std::move(values));
}

}  // namespace interleave
