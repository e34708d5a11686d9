#include "sim/unwinding.h"

#include <catch2/catch.hpp>

using namespace interleave;

TEST_CASE("an abandoned fiber completes only the operations destructors perform", "[sim][unwind]") {
  for (OpKind kind : {OpKind::store, OpKind::clear, OpKind::exchange, OpKind::fetch_add,
                      OpKind::wake, OpKind::join, OpKind::exit}) {
    INFO(to_string(kind));
    CHECK(completes_while_unwinding(kind));
  }
  for (OpKind kind : {OpKind::load, OpKind::compare_exchange, OpKind::test_and_set, OpKind::wait,
                      OpKind::yield, OpKind::sleep, OpKind::spawn}) {
    INFO(to_string(kind));
    CHECK_FALSE(completes_while_unwinding(kind));
  }
}
