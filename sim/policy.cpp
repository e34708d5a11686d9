#include "sim/policy.h"

namespace interleave {

std::string_view to_string(Reason reason) {
  switch (reason) {
    case Reason::start:
      return "start";
    case Reason::spawn:
      return "spawn";
    case Reason::access:
      return "access";
    case Reason::yield:
      return "yield";
    case Reason::block:
      return "block";
    case Reason::exit:
      return "exit";
  }
  return "unknown";
}

}  // namespace interleave
