#include "traces/result_json.h"

#include <type_traits>

namespace interleave {

nlohmann::ordered_json results_to_json(const Results& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [name, value] : r) {
    std::visit([&, n = name](const auto& v) { j[n] = v; }, value);
  }
  return j;
}

nlohmann::ordered_json stats_to_json(const Stats& s) {
  return {{"steps", s.steps},
          {"context_switches", s.context_switches},
          {"preemptions", s.preemptions},
          {"spin_steps", s.spin_steps},
          {"blocks", s.blocks},
          {"clock_ns", s.clock.count()}};
}

}  // namespace interleave
