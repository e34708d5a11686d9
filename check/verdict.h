#pragma once
// Verdict: the answer of a check written for tests, `REQUIRE(interleave::explore(s).all_ok())`:
// true or false, and a readable paragraph that test frameworks print when it is false.

#include <ostream>
#include <string>
#include <utility>

namespace interleave {

// The verdict of a search or of seeded runs: true when no run failed. Streams as one readable
// paragraph (Catch2 shows it under REQUIRE, GoogleTest after EXPECT_TRUE's failure): the
// failure, its trace file and how to replay it.
class Verdict {
 public:
  // Verdict(ok, text) is a verdict with its readable form.
  Verdict(bool ok, std::string text) : ok_(ok), text_(std::move(text)) {}
  // operator bool() tells whether no run failed.
  explicit operator bool() const { return ok_; }
  // text() is the readable form, several lines when a run failed.
  const std::string& text() const { return text_; }
  // operator<<(out, verdict) writes text().
  friend std::ostream& operator<<(std::ostream& out, const Verdict& v) { return out << v.text_; }

 private:
  bool ok_;
  std::string text_;
};

}  // namespace interleave
