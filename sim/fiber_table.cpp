#include "sim/fiber_table.h"

namespace interleave {

void FiberTable::push_waiter(WaiterList& list, Fiber& f) {
  f.linked = true;
  f.next_waiter = -1;
  f.prev_waiter = list.tail;
  const auto me = static_cast<std::int32_t>(index(f.id));
  if (list.tail != -1) {
    records_[static_cast<std::size_t>(list.tail)]->next_waiter = me;
  } else {
    list.head = me;
  }
  list.tail = me;
}

void FiberTable::remove_waiter(WaiterList& list, Fiber& f) {
  if (f.prev_waiter != -1) {
    records_[static_cast<std::size_t>(f.prev_waiter)]->next_waiter = f.next_waiter;
  } else {
    list.head = f.next_waiter;
  }
  if (f.next_waiter != -1) {
    records_[static_cast<std::size_t>(f.next_waiter)]->prev_waiter = f.prev_waiter;
  } else {
    list.tail = f.prev_waiter;
  }
  f.linked = false;
  f.next_waiter = f.prev_waiter = -1;
}

}  // namespace interleave
