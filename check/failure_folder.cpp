#include "check/failure_folder.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "scenarios/catalog.h"
#include "traces/explore_witness.h"
#include "traces/trace_json.h"

namespace interleave {

std::string failure_folder() {
  for (const char* variable : {"INTERLEAVE_FAILURE_DIR", "TEST_UNDECLARED_OUTPUTS_DIR"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') {
      std::error_code ec;
      const std::filesystem::path absolute = std::filesystem::absolute(value, ec);
      return ec ? std::string(value) : absolute.lexically_normal().string();
    }
  }
  std::error_code ec;
  const std::filesystem::path here = std::filesystem::current_path(ec);
  return ec ? std::string("interleave-failures") : (here / "interleave-failures").string();
}

std::string default_failure_trace(std::string_view scenario) {
  return failure_folder() + "/" + failure_trace_path(scenario);
}

void write_failure_trace(const Trace& trace, const std::string& path) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      throw std::runtime_error("cannot create folder " + folder.string() + ": " + ec.message());
    }
  }
  write_trace_file(trace, path);
}

bool is_builtin(const Scenario& scenario) {
  const Scenario* known = builtin_scenarios().find(scenario.name);
  return known != nullptr && known->description == scenario.description;
}

std::string write_failure(std::string_view scenario, const CheckSettings& settings, bool builtin,
                          const std::function<Trace()>& record, std::ostream& text) {
  const std::string path =
      settings.trace_path.empty() ? default_failure_trace(scenario) : settings.trace_path;
  try {
    Trace trace = record();
    trace.program = settings.program;
    write_failure_trace(trace, path);
  } catch (const std::runtime_error& e) {
    text << "  trace:       not written: " << e.what() << "\n";
    return {};
  }
  text << "  trace:       " << path << "\n"
       << replay_lines(scenario, path, settings.program, builtin);
  return path;
}

std::string replay_lines(std::string_view scenario, const std::string& path,
                         const std::string& program, bool builtin) {
  std::string lines;
  if (!program.empty()) {
    lines += "  replay:      " + program + " replay " + path + "\n";
  } else if (builtin) {
    lines += "  replay:      interleave replay " + path + " (built-in scenarios)\n";
  } else {
    lines += "  replay:      PROGRAM replay " + path + ", where PROGRAM registers " +
             std::string(scenario) +
             " and calls interleave::cli_main (CheckSettings::program names it here)\n";
  }
  lines += "  in C++:      interleave::replay_trace(trace, body) (traces/trace_replay.h)\n";
  return lines;
}

}  // namespace interleave
