#include "sim/config.h"

// The symbol sim/config.h makes every user of the library reference: it exists only in a library
// built with the same tracing setting as its user.
#ifdef INTERLEAVE_NO_TRACING
extern "C" const char interleave_library_built_with_INTERLEAVE_TRACING_OFF = 0;
#else
extern "C" const char interleave_library_built_with_INTERLEAVE_TRACING_ON = 1;
#endif

namespace interleave {

std::string_view to_string(Granularity granularity) {
  return granularity == Granularity::primitive ? "primitive" : "atomic";
}

std::optional<Granularity> parse_granularity(std::string_view text) {
  if (text == "atomic") return Granularity::atomic;
  if (text == "primitive") return Granularity::primitive;
  return std::nullopt;
}

}  // namespace interleave
