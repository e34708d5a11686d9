#include "sim/name_table.h"

#include <catch2/catch.hpp>

using namespace interleave;

TEST_CASE("a name table gives back every name it stored, numbered ones included", "[sim][parts]") {
  NameTable names;
  const NameRef main = names.add("main");
  const NameRef t12 = names.add_numbered('t', 12);
  const NameRef t0 = names.add_numbered('t', 0);
  const NameRef empty = names.add("");
  CHECK(names.get(main) == "main");
  CHECK(names.get(t12) == "t12");
  CHECK(names.get(t0) == "t0");
  CHECK(names.get(empty).empty());
  names.clear();
  CHECK(names.get(names.add("lock")) == "lock");
}
