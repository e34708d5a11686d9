#include "traces/trace.h"

namespace interleave {

bool operator==(const Trace& a, const Trace& b) {
  return a.scenario == b.scenario && a.params == b.params && a.program == b.program &&
         a.policy.name == b.policy.name && a.policy.params == b.policy.params &&
         a.config.step_cost == b.config.step_cost && a.config.switch_cost == b.config.switch_cost &&
         a.config.max_steps == b.config.max_steps && a.config.stack_size == b.config.stack_size &&
         a.config.granularity == b.config.granularity && a.fibers == b.fibers &&
         a.objects == b.objects && a.schedule == b.schedule && a.events == b.events &&
         a.outcome == b.outcome && a.results == b.results && a.stats == b.stats;
}

std::optional<OpKind> op_from_string(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(OpKind::call); ++k) {
    if (to_string(static_cast<OpKind>(k)) == name) return static_cast<OpKind>(k);
  }
  return std::nullopt;
}

std::optional<Call> call_from_string(std::string_view name) {
  for (int k = 1; k <= static_cast<int>(Call::size); ++k) {
    if (to_string(static_cast<Call>(k)) == name) return static_cast<Call>(k);
  }
  return std::nullopt;
}

std::optional<Reason> reason_from_string(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(Reason::exit); ++k) {
    if (to_string(static_cast<Reason>(k)) == name) return static_cast<Reason>(k);
  }
  return std::nullopt;
}

std::optional<Status> status_from_string(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(Status::cut); ++k) {
    if (to_string(static_cast<Status>(k)) == name) return static_cast<Status>(k);
  }
  return std::nullopt;
}

}  // namespace interleave
