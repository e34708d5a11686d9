#pragma once
// NameTable: the fiber and object names of one run, stored back to back in one string so that a
// run after warm-up allocates nothing for them. Internal to sim/.

#include <cstdint>
#include <string>
#include <string_view>

namespace interleave {

// Where a name lies in its table.
struct NameRef {
  std::uint32_t offset = 0;  // where the name starts in the table's text
  std::uint32_t length = 0;  // its length in bytes
};

class NameTable {
 public:
  // add(name) stores a copy of name and returns where it lies.
  NameRef add(std::string_view name) {
    const NameRef ref{static_cast<std::uint32_t>(text_.size()),
                      static_cast<std::uint32_t>(name.size())};
    text_.append(name);
    return ref;
  }
  // add_numbered(prefix, n) stores prefix followed by the decimal digits of n ("t3").
  NameRef add_numbered(char prefix, std::uint32_t n) {
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
  // get(ref) is the name stored at ref; valid until the next add() or clear().
  std::string_view get(NameRef ref) const {
    return std::string_view(text_).substr(ref.offset, ref.length);
  }
  // clear() forgets every name, keeping the storage.
  void clear() { text_.clear(); }

 private:
  std::string text_;  // every name added since the last clear(), back to back
};

}  // namespace interleave
