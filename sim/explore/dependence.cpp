#include "sim/explore/dependence.h"

#include <cstdint>

namespace interleave {

namespace {

// One object a step touches and whether it writes it.
struct Access {
  ObjectId object = kNoObject;
  bool write = false;
};

// The objects a step touches: at most two (a wait touches its word and its queue).
struct Footprint {
  Access access[2];
  std::uint8_t count = 0;  // invariant: access[0..count) are the touched objects
};

Footprint footprint(const Op& op) {
  Footprint f;
  switch (op.kind) {
    case OpKind::load:
      f.access[f.count++] = Access{op.object, false};
      break;
    case OpKind::store:
    case OpKind::exchange:
    case OpKind::fetch_add:
    case OpKind::compare_exchange:
    case OpKind::test_and_set:
    case OpKind::clear:
    case OpKind::wake:
      f.access[f.count++] = Access{op.object, true};
      break;
    case OpKind::wait:
      f.access[f.count++] = Access{op.object, true};
      if (op.word != kNoObject) f.access[f.count++] = Access{op.word, false};
      break;
    case OpKind::resume:
      // A waiter returning from a wait holds its place in the queue until now; a joiner
      // returning from join (object kNoObject) touches nothing.
      if (op.object != kNoObject) f.access[f.count++] = Access{op.object, true};
      break;
    case OpKind::spawn:
    case OpKind::join:
    case OpKind::sleep:
    case OpKind::yield:
    case OpKind::exit:
      break;
  }
  return f;
}

}  // namespace

bool dependent(const Op& a, const Op& b) {
  const Footprint fa = footprint(a);
  if (fa.count == 0) return false;
  const Footprint fb = footprint(b);
  for (std::uint8_t i = 0; i < fa.count; ++i) {
    for (std::uint8_t j = 0; j < fb.count; ++j) {
      if (fa.access[i].object == fb.access[j].object &&
          (fa.access[i].write || fb.access[j].write)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace interleave
