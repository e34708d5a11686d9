#include "sim/outcome.h"

namespace interleave {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::ok:
      return "ok";
    case Status::failed:
      return "failed";
    case Status::deadlock:
      return "deadlock";
    case Status::livelock:
      return "livelock";
    case Status::cut:
      return "cut";
  }
  return "unknown";
}

}  // namespace interleave
