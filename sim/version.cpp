#include "sim/version.h"

namespace interleave {

std::string_view version() {
  return INTERLEAVE_VERSION;
}

}  // namespace interleave
