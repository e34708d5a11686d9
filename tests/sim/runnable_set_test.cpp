#include "sim/runnable_set.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace interleave;

namespace {

std::vector<std::uint32_t> ids_of(const RunnableSet& set) {
  std::vector<std::uint32_t> out;
  for (FiberId f : set.ids()) out.push_back(index(f));
  return out;
}

}  // namespace

TEST_CASE("a runnable set keeps its ids ascending and its mask equal to them", "[sim][parts]") {
  RunnableSet set;
  CHECK(set.empty());
  set.add_newest(FiberId{0});
  set.add_newest(FiberId{1});
  set.add_newest(FiberId{5});
  set.add(FiberId{3});
  CHECK(ids_of(set) == std::vector<std::uint32_t>{0, 1, 3, 5});
  CHECK(set.mask() == 0b101011);
  set.remove(FiberId{1});
  set.remove(FiberId{4});  // not in the set: nothing changes
  CHECK(ids_of(set) == std::vector<std::uint32_t>{0, 3, 5});
  CHECK(set.mask() == 0b101001);
  CHECK(set.contains_low(FiberId{3}));
  CHECK_FALSE(set.contains_low(FiberId{1}));
  set.clear();
  CHECK(set.empty());
  CHECK(set.mask() == 0);
}

TEST_CASE("a runnable set holds fibers from id 64 up outside its mask", "[sim][parts]") {
  RunnableSet set;
  set.add_newest(FiberId{2});
  set.add_newest(FiberId{64});
  set.add(FiberId{70});
  CHECK(ids_of(set) == std::vector<std::uint32_t>{2, 64, 70});
  CHECK(set.mask() == 0b100);
  CHECK_FALSE(set.contains_low(FiberId{64}));  // in the set, outside the mask
  CHECK(set.contains_low(FiberId{2}));
  set.remove(FiberId{64});
  CHECK(ids_of(set) == std::vector<std::uint32_t>{2, 70});
  CHECK(set.mask() == 0b100);
}
