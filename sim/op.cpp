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
    case OpKind::call:
      return "call";
  }
  return "unknown";
}

std::string_view to_string(Call call) {
  switch (call) {
    case Call::none:
      return "none";
    case Call::lock:
      return "lock";
    case Call::try_lock:
      return "try_lock";
    case Call::unlock:
      return "unlock";
    case Call::lock_shared:
      return "lock_shared";
    case Call::try_lock_shared:
      return "try_lock_shared";
    case Call::unlock_shared:
      return "unlock_shared";
    case Call::acquire:
      return "acquire";
    case Call::try_acquire:
      return "try_acquire";
    case Call::release:
      return "release";
    case Call::wait:
      return "wait";
    case Call::notify_one:
      return "notify_one";
    case Call::notify_all:
      return "notify_all";
    case Call::set:
      return "set";
    case Call::clear:
      return "clear";
    case Call::is_set:
      return "is_set";
    case Call::arrive:
      return "arrive";
    case Call::abort:
      return "abort";
    case Call::broken:
      return "broken";
    case Call::put:
      return "put";
    case Call::get:
      return "get";
    case Call::task_done:
      return "task_done";
    case Call::join:
      return "join";
    case Call::size:
      return "size";
  }
  return "unknown";
}

}  // namespace interleave

namespace interleave {

std::string describe(const Op& op) {
  const std::string_view kind = op.kind == OpKind::call ? to_string(op.call) : to_string(op.kind);
  const bool vowel =
      kind.front() == 'e' || kind.front() == 'a' || kind.front() == 'u' || kind.front() == 'i';
  std::string text = std::string(vowel ? "an " : "a ") + std::string(kind);
  if (op.kind == OpKind::spawn || op.kind == OpKind::join) {
    text += " of fiber " + std::to_string(index(op.other));
  } else if (op.object != kNoObject) {
    text += " on object " + std::to_string(index(op.object));
  }
  return text;
}

}  // namespace interleave
