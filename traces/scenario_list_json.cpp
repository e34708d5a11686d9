#include "traces/scenario_list_json.h"

#include <nlohmann/json.hpp>

namespace interleave {

std::string scenario_list_json(std::span<const Scenario> all) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Scenario& s : all) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const ParamSpec& p : s.params) {
      params.push_back({{"name", p.name}, {"default", p.default_value}, {"help", p.help}});
    }
    list.push_back({{"name", s.name}, {"description", s.description}, {"params", params}});
  }
  return list.dump(2) + "\n";
}

}  // namespace interleave
