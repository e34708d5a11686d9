#include "traces/trace.h"

namespace interleave {

std::optional<OpKind> op_from_string(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(OpKind::exit); ++k) {
    if (to_string(static_cast<OpKind>(k)) == name) return static_cast<OpKind>(k);
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
