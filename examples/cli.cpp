// The example's command line: every interleave command for the example's own scenarios.
//   example-cli list
//   example-cli explore tickets/broken
//   example-cli replay tickets-broken.failure.json
#include <interleave/interleave.h>

#include "scenarios.h"

int main(int argc, char** argv) {
  interleave::ScenarioRegistry scenarios;
  example::add_scenarios(scenarios);
  return interleave::cli_main(argc, argv, scenarios, {.name = "example-cli"});
}
