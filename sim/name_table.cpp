#include "sim/name_table.h"

namespace interleave {

NameRef NameTable::add_numbered(char prefix, std::uint32_t n) {
  // Written by hand: snprintf would cost more than the rest of a spawn.
  char buf[16];
  char* end = buf + sizeof buf;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  *--p = prefix;
  return add(std::string_view(p, static_cast<std::size_t>(end - p)));
}

}  // namespace interleave
