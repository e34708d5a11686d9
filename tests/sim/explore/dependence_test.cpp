#include "sim/explore/dependence.h"

#include <catch2/catch.hpp>

using namespace interleave;

namespace {
constexpr ObjectId kX{0};
constexpr ObjectId kY{1};
constexpr ObjectId kQ{2};
Op op(OpKind kind, ObjectId object = kNoObject, ObjectId word = kNoObject) {
  return Op{kind, Call::none, kNoGate, object, word, FiberId{0}};
}
}  // namespace

TEST_CASE("two steps conflict when they touch one object and one of them writes",
          "[sim][explore]") {
  CHECK_FALSE(dependent(op(OpKind::load, kX), op(OpKind::load, kX)));
  CHECK(dependent(op(OpKind::load, kX), op(OpKind::store, kX)));
  CHECK(dependent(op(OpKind::store, kX), op(OpKind::store, kX)));
  CHECK_FALSE(dependent(op(OpKind::store, kX), op(OpKind::store, kY)));
  CHECK(dependent(op(OpKind::test_and_set, kX), op(OpKind::test_and_set, kX)));
  CHECK(dependent(op(OpKind::fetch_add, kX), op(OpKind::load, kX)));
}

TEST_CASE("wait-queue steps write the queue and a wait reads its word", "[sim][explore]") {
  CHECK(dependent(op(OpKind::wait, kQ, kX), op(OpKind::wake, kQ)));
  CHECK(dependent(op(OpKind::wait, kQ, kX), op(OpKind::store, kX)));
  CHECK_FALSE(dependent(op(OpKind::wait, kQ, kX), op(OpKind::load, kX)));
  CHECK(dependent(op(OpKind::wake, kQ), op(OpKind::wake, kQ)));
  CHECK(dependent(op(OpKind::resume, kQ), op(OpKind::wake, kQ)));
}

TEST_CASE("spawn, join, exit, sleep and yield conflict with nothing", "[sim][explore]") {
  for (OpKind k : {OpKind::spawn, OpKind::join, OpKind::exit, OpKind::sleep, OpKind::yield}) {
    CHECK_FALSE(dependent(op(k), op(OpKind::store, kX)));
    CHECK_FALSE(dependent(op(OpKind::exit), op(k)));
  }
}
