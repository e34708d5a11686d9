// export_sample: records one run of a built-in scenario and writes it exported, for the
// browser test and for the pictures in docs/. Usage:
//   export_sample SCENARIO POLICY SEED text|chrome|svg|html OUT [TRACE_JSON]

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "export/export_chrome.h"
#include "export/export_html.h"
#include "export/export_svg.h"
#include "export/export_text.h"
#include "scenarios/catalog.h"
#include "sim/policies/policy_factory.h"
#include "sim/scenario_registry.h"
#include "tests/support/recorded_trace.h"
#include "traces/trace_json.h"

int main(int argc, char** argv) {
  using namespace interleave;
  if (argc < 6) {
    std::cerr << "usage: export_sample SCENARIO POLICY SEED text|chrome|svg|html OUT [TRACE]\n";
    return 2;
  }
  const Scenario* scenario = builtin_scenarios().find(argv[1]);
  if (scenario == nullptr) {
    std::cerr << "no scenario " << argv[1] << "\n";
    return 2;
  }
  PolicySpec spec;
  spec.name = argv[2];
  spec.seed = std::strtoull(argv[3], nullptr, 10);
  std::string error;
  auto policy = make_policy(spec, error);
  if (!policy) {
    std::cerr << error << "\n";
    return 2;
  }
  const Trace trace = testing::recorded_trace(*scenario, *policy);
  const std::string format = argv[4];
  std::string text;
  if (format == "text") {
    text = export_text(trace);
  } else if (format == "chrome") {
    text = export_chrome(trace);
  } else if (format == "svg") {
    text = export_svg(trace);
  } else if (format == "html") {
    text = export_html(trace);
  } else {
    std::cerr << "unknown format " << format << "\n";
    return 2;
  }
  std::ofstream(argv[5], std::ios::binary) << text;
  if (argc > 6) write_trace_file(trace, argv[6]);
  return 0;
}
