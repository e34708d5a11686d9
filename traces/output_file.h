#pragma once
// Writing an output file (a trace, an export) without ever destroying what is there: a regular
// file is replaced atomically (a temporary file beside it, renamed over it), a symbolic link is
// written through to its target, a character device or a FIFO is written straight into, and "-"
// is standard output. A temporary file is never left behind, also when the process is stopped by
// SIGINT or SIGTERM while it writes (see remove_pending_temporary()).

#include <stdexcept>
#include <string>
#include <string_view>

namespace interleave {

// Why an output file could not be written; what() names the path and the reason.
struct OutputError : std::runtime_error {
  // OutputError(message) holds one line.
  explicit OutputError(const std::string& message) : std::runtime_error(message) {}
};

// write_output_file(text, path) writes text to path as described above. Throws OutputError
// ("cannot write PATH: REASON") when it cannot; path is then as it was.
void write_output_file(std::string_view text, const std::string& path);

// output_problem(path) is empty when write_output_file() could write path (its folder exists
// and may be written, it is not a folder or a block device); otherwise the reason, as
// "cannot write PATH: REASON". Check before long work whose result goes to path.
std::string output_problem(const std::string& path);

// same_file(a, b) tells whether paths a and b name one existing file (after links).
bool same_file(const std::string& a, const std::string& b);

// remove_pending_temporary() removes the temporary file of a write in progress, if any. It is
// async-signal-safe: a signal handler calls it before the process ends.
void remove_pending_temporary() noexcept;

}  // namespace interleave
