#include "sim/unwinding.h"

namespace interleave {

bool completes_while_unwinding(OpKind kind) {
  switch (kind) {
    case OpKind::store:
    case OpKind::clear:
    case OpKind::exchange:
    case OpKind::fetch_add:
    case OpKind::wake:
    case OpKind::join:
    case OpKind::exit:
    case OpKind::call:  // the atomic steps it is made of decide, each by its own kind
      return true;
    default:
      return false;
  }
}

}  // namespace interleave
