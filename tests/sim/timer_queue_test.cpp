#include "sim/timer_queue.h"

#include <catch2/catch.hpp>

using namespace interleave;

namespace {

Timer timer_at(std::int64_t us, std::uint32_t fiber) {
  return Timer{std::chrono::microseconds(us), fiber, 1};
}

}  // namespace

TEST_CASE("a timer queue pops its timers earliest first, ties in fiber order", "[sim][parts]") {
  TimerQueue q;
  CHECK(q.empty());
  CHECK(q.next_deadline() == Nanos::max());
  q.push(timer_at(30, 1));
  q.push(timer_at(10, 4));
  q.push(timer_at(20, 2));
  q.push(timer_at(10, 3));
  CHECK(q.next_deadline() == std::chrono::microseconds(10));
  std::vector<std::uint32_t> fibers;
  while (!q.empty()) fibers.push_back(q.pop().fiber);
  CHECK(fibers == std::vector<std::uint32_t>{3, 4, 2, 1});
  CHECK(q.next_deadline() == Nanos::max());
}

TEST_CASE("a timer queue's next deadline follows every push and pop", "[sim][parts]") {
  TimerQueue q;
  q.push(timer_at(50, 0));
  CHECK(q.next_deadline() == std::chrono::microseconds(50));
  q.push(timer_at(5, 1));
  CHECK(q.next_deadline() == std::chrono::microseconds(5));
  CHECK(q.front().fiber == 1);
  q.pop();
  CHECK(q.next_deadline() == std::chrono::microseconds(50));
  q.clear();
  CHECK(q.empty());
  CHECK(q.next_deadline() == Nanos::max());
}
