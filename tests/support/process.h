#pragma once
// run_process: runs a command (no shell) and captures its exit code, stdout and stderr.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace interleave::testing {

// What a finished process left behind.
struct ProcessResult {
  int exit_code = -1;  // the exit status, or 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

// run_process(argv, cwd) runs argv[0] with argv in cwd (empty: the current folder).
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = {});

// run_cli(args) runs the interleave binary under test with args.
ProcessResult run_cli(const std::vector<std::string>& args, const std::string& cwd = {});

// run_cli_signalled(args, cwd, sig, after) runs it and sends it sig once `after` has passed (the
// child starts with SIGINT and SIGTERM at their defaults, whatever the test runner set).
ProcessResult run_cli_signalled(const std::vector<std::string>& args, const std::string& cwd,
                                int sig, std::chrono::milliseconds after);

// temp_dir() is a fresh empty folder for one test.
std::string temp_dir();

// read_file(path) is the file's bytes, or empty if it cannot be read.
std::string read_file(const std::string& path);

// source_path(relative) is the path of a file of the source tree ("docs/img/x.svg"). Out of
// line on purpose: GCC 12 warns wrongly (-Warray-bounds, -Wstringop-overflow) about a string
// literal prepended to another when both lengths are known, for some lengths of the folder.
std::string source_path(std::string_view relative);

// own_stderr(err) is the program's own stderr: the lines AddressSanitizer adds
// ("==123==WARNING: ...") are dropped.
std::string own_stderr(const std::string& err);

}  // namespace interleave::testing
