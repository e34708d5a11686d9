#include "cli/cli_main.h"

#include <iostream>
#include <string_view>

#include "cli/app.h"
#include "cli/exit_codes.h"
#include "cli/interrupts.h"
#include "cli/program.h"

namespace interleave {

namespace {

// program_name(argv0) is the file name of argv0 ("./build/queue_cli" gives "queue_cli").
std::string program_name(const char* argv0) {
  const std::string_view path = argv0 != nullptr ? argv0 : "";
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return name.empty() ? std::string("interleave-program") : std::string(name);
}

}  // namespace

int cli_main(int argc, const char* const* argv, const ScenarioRegistry& scenarios,
             const CliSettings& settings) {
  install_interrupt_handlers();  // the process's own streams: it is the program's command line
  return cli_main(argc, argv, scenarios, settings, std::cout, std::cerr);
}

int cli_main(int argc, const char* const* argv, const ScenarioRegistry& scenarios,
             const CliSettings& settings, std::ostream& out, std::ostream& err) {
  Program program;
  program.name = settings.name.empty() ? program_name(argc > 0 ? argv[0] : nullptr) : settings.name;
  program.scenarios = &scenarios;
  program.stock = false;
  if (!scenarios.problems().empty()) {
    err << program.name << ": error: " << scenarios.problems().front() << "\n";
    return kExitUsage;
  }
  return run_program(program, argc, argv, out, err);
}

}  // namespace interleave
