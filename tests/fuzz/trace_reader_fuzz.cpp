// libFuzzer target for the trace reader: read_trace() must never crash or throw, and whatever
// it accepts must survive a round trip: to_json(trace) reads back to an equal trace and renders
// to the very same bytes. A violated property aborts, which libFuzzer reports as a crash.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "traces/trace_json.h"

namespace {

// fail(what, detail) reports a broken property and aborts so that libFuzzer keeps the input.
[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "trace_reader_fuzz: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace interleave;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const TraceReadResult first = read_trace(text);
  if (!first.ok()) {
    if (first.error.empty()) fail("a rejected trace came without an error", "");
    return 0;
  }
  if (!first.error.empty()) fail("an accepted trace came with an error", first.error);

  const std::string written = to_json(*first.trace);
  const TraceReadResult second = read_trace(written);
  if (!second.ok())
    fail("to_json() of an accepted trace is rejected", second.error + "\n" + written);
  if (!(*second.trace == *first.trace)) fail("the trace read back differs", written);
  const std::string rewritten = to_json(*second.trace);
  if (rewritten != written)
    fail("to_json() of the trace read back differs", written + "\n" + rewritten);
  return 0;
}
