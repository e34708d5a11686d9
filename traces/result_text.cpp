#include "traces/result_text.h"

#include <sstream>
#include <type_traits>

namespace interleave {

std::string format_value(const ResultValue& value) {
  std::ostringstream s;
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string>) {
          s << '"' << v << '"';
        } else if constexpr (std::is_same_v<V, std::int64_t> || std::is_same_v<V, double>) {
          s << v;
        } else {
          s << '[';
          for (std::size_t i = 0; i < v.size(); ++i) s << (i ? ", " : "") << v[i];
          s << ']';
        }
      },
      value);
  return s.str();
}

std::string format_results(const Results& results) {
  if (results.empty()) return "no results";
  std::string s;
  for (std::size_t i = 0; i < results.size(); ++i) {
    s += (i ? ", " : "") + results[i].first + " = " + format_value(results[i].second);
  }
  return s;
}

}  // namespace interleave
