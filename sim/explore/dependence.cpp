#include "sim/explore/dependence.h"

#include <cstdint>

namespace interleave {

Footprint Footprint::of(const Op& op) {
  Footprint f;
  auto touch = [&f](ObjectId object, bool write) {
    f.object[f.count] = object;
    f.write[f.count] = write;
    ++f.count;
  };
  switch (op.kind) {
    case OpKind::load:
      touch(op.object, false);
      break;
    case OpKind::store:
    case OpKind::exchange:
    case OpKind::fetch_add:
    case OpKind::compare_exchange:
    case OpKind::test_and_set:
    case OpKind::clear:
    case OpKind::wake:
      touch(op.object, true);
      break;
    case OpKind::wait:
      touch(op.object, true);
      if (op.word != kNoObject) touch(op.word, false);
      break;
    case OpKind::resume:
      // A waiter returning from a wait holds its place in the queue until now; a joiner
      // returning from join (object kNoObject) touches nothing. A call that blocked goes on with
      // the call: its objects.
      if (op.object != kNoObject) touch(op.object, true);
      if (op.word != kNoObject) touch(op.word, true);
      break;
    case OpKind::call:
      // A primitive's operation changes the primitive (and the mutex a wait releases).
      touch(op.object, true);
      if (op.word != kNoObject) touch(op.word, true);
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

bool dependent(const Op& a, const Op& b) {
  return conflicts(Footprint::of(a), Footprint::of(b));
}

}  // namespace interleave
