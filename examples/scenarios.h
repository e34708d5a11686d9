#pragma once
// The example's scenarios: each data structure used by a few threads, with a check at the end.

#include <interleave/interleave.h>

namespace example {

// tickets/fixed and tickets/broken: `threads` threads (default 2) each add one to a plain
// counter under the lock; main checks that no addition was lost.
interleave::Scenario ticket_lock_scenario();
interleave::Scenario broken_ticket_lock_scenario();

// mailbox/while and mailbox/if: a producer posts two letters, two consumers take one each;
// main checks that each letter was taken once.
interleave::Scenario mailbox_scenario();
interleave::Scenario if_mailbox_scenario();

// add_scenarios(registry) registers the four scenarios above.
void add_scenarios(interleave::ScenarioRegistry& registry);

}  // namespace example
