#include "sim/explore/reduction.h"

namespace interleave {

std::string_view to_string(Reduction reduction) {
  switch (reduction) {
    case Reduction::none:
      return "none";
    case Reduction::sleep:
      return "sleep";
    case Reduction::dpor:
      return "dpor";
  }
  return "?";
}

std::optional<Reduction> parse_reduction(std::string_view text) {
  for (Reduction r : {Reduction::none, Reduction::sleep, Reduction::dpor}) {
    if (text == to_string(r)) return r;
  }
  return std::nullopt;
}

}  // namespace interleave
