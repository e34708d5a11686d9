#pragma once
// Test helper: an observer that keeps the notes primitives attach to steps ("t1 acquired m").

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "sim/observer.h"

namespace interleave::testing {

// Collects every note of a run, in order.
class NoteRecorder final : public Observer {
 public:
  void on_run_start() override { notes.clear(); }
  void on_note(FiberId, std::uint64_t, std::string_view text) override { notes.emplace_back(text); }
  // has(text) tells whether some note equals text.
  bool has(std::string_view text) const {
    return std::find(notes.begin(), notes.end(), text) != notes.end();
  }

  std::vector<std::string> notes;
};

}  // namespace interleave::testing
