#pragma once
// traced_value(v): the integer a trace shows for a value, when its type has one.

#include <cstdint>
#include <optional>
#include <type_traits>

namespace interleave {

// traced_value(v) converts integral, boolean and enum values to int64; other types are not shown.
template <class T>
std::optional<std::int64_t> traced_value(const T& v) {
  if constexpr (std::is_enum_v<T>) {
    return static_cast<std::int64_t>(static_cast<std::underlying_type_t<T>>(v));
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(v);
  } else {
    return std::nullopt;
  }
}

}  // namespace interleave
