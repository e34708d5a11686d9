#include "sim/fiber_table.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace interleave;

namespace {

// The ids of list's waiters, oldest first, following the links forward.
std::vector<std::uint32_t> waiters_of(const FiberTable& table, const WaiterList& list) {
  std::vector<std::uint32_t> out;
  for (std::int32_t i = list.head; i != -1; i = table[static_cast<std::size_t>(i)].next_waiter) {
    out.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

}  // namespace

TEST_CASE("a fiber table numbers its fibers and reuses their records in the next run",
          "[sim][parts]") {
  FiberTable table;
  Fiber* first = &table.add();
  table.add();
  CHECK(table.count() == 2);
  CHECK(index(table[1].id) == 1);
  table.start_run();
  CHECK(table.count() == 0);
  CHECK(&table.add() == first);  // the same record, at the same address
  CHECK(table.capacity() == 2);
  CHECK_THROWS_AS(table.checked(FiberId{7}), std::out_of_range);
}

TEST_CASE("a waiter list keeps its fibers oldest first through removals", "[sim][parts]") {
  FiberTable table;
  for (int i = 0; i < 4; ++i) table.add();
  WaiterList list;
  CHECK(table.oldest(list) == nullptr);
  for (std::size_t i : {2, 0, 3, 1}) table.push_waiter(list, table[i]);
  CHECK(waiters_of(table, list) == std::vector<std::uint32_t>{2, 0, 3, 1});
  table.remove_waiter(list, table[3]);  // from the middle
  table.remove_waiter(list, table[2]);  // the oldest
  CHECK(waiters_of(table, list) == std::vector<std::uint32_t>{0, 1});
  CHECK(table.oldest(list) == &table[0]);
  CHECK_FALSE(table[2].linked);
  table.remove_waiter(list, table[1]);  // the newest
  table.remove_waiter(list, table[0]);
  CHECK(list.head == -1);
  CHECK(list.tail == -1);
}
