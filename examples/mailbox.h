#pragma once
// A one-slot mailbox on interleave's Mutex and ConditionVariable. take() must wait in a loop:
// a woken consumer may find the slot already emptied by another consumer. IfMailbox waits with
// `if` instead of `while`, the classic misuse of a condition variable.

#include <interleave/interleave.h>

#include <mutex>
#include <string>

namespace example {

// A mailbox that holds at most one letter. WaitInLoop selects the correct form (true) or the
// misuse (false).
template <bool WaitInLoop>
class BasicMailbox {
 public:
  // BasicMailbox(sim, name) registers the mailbox's lock, condition and slot.
  BasicMailbox(interleave::Simulator& sim, const std::string& name)
      : sim_(sim),
        lock_(sim, name + ".lock"),
        changed_(sim, name + ".changed"),
        full_(sim, name + ".full", false),
        letter_(sim, name + ".letter", 0) {}

  // put(letter) waits for the slot to be empty and puts letter in it.
  void put(int letter) {
    std::unique_lock guard(lock_);
    while (full_.load()) changed_.wait(guard);
    letter_.store(letter);
    full_.store(true);
    changed_.notify_all();
  }

  // take() waits for a letter and takes it.
  int take() {
    std::unique_lock guard(lock_);
    if constexpr (WaitInLoop) {
      while (!full_.load()) changed_.wait(guard);
    } else {
      if (!full_.load()) changed_.wait(guard);  // the bug: the slot may be empty again
    }
    sim_.check(full_.load(), "a letter was taken from an empty mailbox");
    const int letter = letter_.load();
    full_.store(false);
    changed_.notify_all();
    return letter;
  }

 private:
  interleave::Simulator& sim_;
  interleave::Mutex lock_;
  interleave::ConditionVariable changed_;
  interleave::Shared<bool> full_;   // guarded by lock_
  interleave::Shared<int> letter_;  // guarded by lock_; meaningful while full_
};

using Mailbox = BasicMailbox<true>;     // waits in a loop: correct
using IfMailbox = BasicMailbox<false>;  // waits with if: broken

}  // namespace example
