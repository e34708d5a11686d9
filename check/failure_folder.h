#pragma once
// Where the checks for tests write a failing run's trace when the test does not say: a folder of
// the test run's own, never the current folder's clutter, and the lines that tell how to replay.

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "../sim/scenario.h"
#include "../traces/trace.h"
#include "check_settings.h"

namespace interleave {

// failure_folder() is the folder failure traces go to: $INTERLEAVE_FAILURE_DIR when set, else
// Bazel's $TEST_UNDECLARED_OUTPUTS_DIR when set, else "interleave-failures" in the current
// folder (under ctest: the test's build folder). Absolute; not created here.
std::string failure_folder();

// default_failure_trace(scenario) is failure_folder() + "/" + failure_trace_path(scenario).
std::string default_failure_trace(std::string_view scenario);

// write_failure_trace(trace, path) creates path's folder when missing and writes trace there;
// throws std::runtime_error naming the path when it cannot.
void write_failure_trace(const Trace& trace, const std::string& path);

// is_builtin(scenario) tells whether scenario is one of builtin_scenarios(), which the stock
// `interleave` replays.
bool is_builtin(const Scenario& scenario);

// write_failure(scenario, settings, builtin, record, text) writes the trace record() returns,
// with settings.program as its program, to settings.trace_path (default_failure_trace(scenario)
// when empty) and adds to text the line naming the file and replay_lines(), or a line saying
// why it was not written. Returns the path written, or empty.
std::string write_failure(std::string_view scenario, const CheckSettings& settings, bool builtin,
                          const std::function<Trace()>& record, std::ostream& text);

// replay_lines(scenario, path, program) is the end of a failing check's message: how to replay
// the trace at path with a program (program; "interleave" for a built-in scenario; else a
// placeholder and how to make one) and in C++. Each line starts with two spaces and ends with
// '\n'.
std::string replay_lines(std::string_view scenario, const std::string& path,
                         const std::string& program, bool builtin);

}  // namespace interleave
