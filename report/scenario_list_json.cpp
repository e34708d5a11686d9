#include "report/scenario_list_json.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace interleave {

std::string scenario_list_json(std::span<const Scenario> all) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Scenario& s : all) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const ParamSpec& p : s.params) {
      nlohmann::ordered_json param = {
          {"name", p.name}, {"default", p.default_value}, {"help", p.help}};
      // The range; a side without a bound is null.
      param["least"] = p.least == std::numeric_limits<std::int64_t>::min()
                           ? nlohmann::ordered_json(nullptr)
                           : nlohmann::ordered_json(p.least);
      param["greatest"] = p.greatest == std::numeric_limits<std::int64_t>::max()
                              ? nlohmann::ordered_json(nullptr)
                              : nlohmann::ordered_json(p.greatest);
      params.push_back(std::move(param));
    }
    list.push_back({{"name", s.name}, {"description", s.description}, {"params", params}});
  }
  return list.dump(2) + "\n";
}

}  // namespace interleave
