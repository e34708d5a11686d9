#pragma once
// classic/sleeping-barber and classic/sleeping-barber-racy: a barber sleeps until a customer
// arrives; customers wait on a few chairs or leave when they are all taken.

#include "../../sim/scenario.h"

namespace interleave {

// classic_sleeping_barber() counts the waiting customers under a mutex: correct.
Scenario classic_sleeping_barber();
// classic_sleeping_barber_racy() counts them without the mutex: too many customers sit down.
Scenario classic_sleeping_barber_racy();

}  // namespace interleave
