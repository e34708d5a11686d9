#pragma once
// Text from outside (the command line, a trace file), made safe to echo in a message.

#include <string>
#include <string_view>

namespace interleave {

// printable(text) is text with control characters and bytes outside ASCII shown as \xNN, so a
// message never carries a broken character or a terminal escape sequence.
std::string printable(std::string_view text);

}  // namespace interleave
