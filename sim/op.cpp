#include "sim/op.h"

namespace interleave {

std::string_view to_string(OpKind kind) {
  switch (kind) {
    case OpKind::load:
      return "load";
    case OpKind::store:
      return "store";
    case OpKind::exchange:
      return "exchange";
    case OpKind::fetch_add:
      return "fetch_add";
    case OpKind::compare_exchange:
      return "compare_exchange";
    case OpKind::test_and_set:
      return "test_and_set";
    case OpKind::clear:
      return "clear";
    case OpKind::wait:
      return "wait";
    case OpKind::wake:
      return "wake";
    case OpKind::resume:
      return "resume";
    case OpKind::spawn:
      return "spawn";
    case OpKind::join:
      return "join";
    case OpKind::sleep:
      return "sleep";
    case OpKind::yield:
      return "yield";
    case OpKind::exit:
      return "exit";
  }
  return "unknown";
}

}  // namespace interleave

namespace interleave {

std::string describe(const Op& op) {
  const std::string_view kind = to_string(op.kind);
  const bool vowel = kind.front() == 'e' || kind.front() == 'a';
  std::string text = std::string(vowel ? "an " : "a ") + std::string(kind);
  if (op.kind == OpKind::spawn || op.kind == OpKind::join) {
    text += " of fiber " + std::to_string(index(op.other));
  } else if (op.object != kNoObject) {
    text += " on object " + std::to_string(index(op.object));
  }
  return text;
}

}  // namespace interleave
