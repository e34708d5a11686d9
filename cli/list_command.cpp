#include "cli/list_command.h"

#include <algorithm>

#include "cli/exit_codes.h"
#include "cli/program.h"
#include "report/scenario_list_json.h"

namespace interleave {

int run_list(const ListOptions& options, const Program& program, std::ostream& out) {
  const auto all = program.scenarios->all();
  if (options.json) {
    out << scenario_list_json(all);
    return kExitOk;
  }
  std::size_t width = 0;
  for (const Scenario& s : all) width = std::max(width, s.name.size());
  for (const Scenario& s : all) {
    out << s.name << std::string(width + 2 - s.name.size(), ' ') << s.description << "\n";
    for (const ParamSpec& p : s.params) {
      out << std::string(width + 2, ' ') << "--param " << p.name << "=N  " << p.help << " (default "
          << p.default_value << "; " << range_text(p) << ")\n";
    }
  }
  return kExitOk;
}

}  // namespace interleave
