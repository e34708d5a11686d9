#include "scenarios/catalog.h"

#include "scenarios/article/lock.h"
#include "scenarios/article/naive_spinlock.h"
#include "scenarios/article/race.h"
#include "scenarios/article/semaphore_server.h"
#include "scenarios/article/spinlock.h"
#include "scenarios/classic/abba.h"
#include "scenarios/classic/bounded_buffer.h"
#include "scenarios/classic/lost_wakeup.h"
#include "scenarios/classic/one_lane_bridge.h"
#include "scenarios/classic/peterson.h"
#include "scenarios/classic/philosophers.h"
#include "scenarios/classic/readers_writers.h"
#include "scenarios/classic/sleeping_barber.h"
#include "scenarios/dpor/disjoint.h"
#include "scenarios/dpor/lastzero.h"
#include "scenarios/dpor/lockinc.h"
#include "scenarios/dpor/readers.h"
#include "scenarios/dpor/writers.h"

namespace interleave {

const ScenarioRegistry& builtin_scenarios() {
  static const ScenarioRegistry registry = [] {
    ScenarioRegistry r;
    r.add(article_race());
    r.add(article_naive_spinlock());
    r.add(article_spinlock());
    r.add(article_lock());
    r.add(article_semaphore_server());
    r.add(classic_bounded_buffer());
    r.add(classic_bounded_buffer_if());
    r.add(classic_philosophers());
    r.add(classic_philosophers_ordered());
    r.add(classic_readers_writers());
    r.add(classic_readers_writers_racy());
    r.add(classic_peterson());
    r.add(classic_peterson_broken());
    r.add(classic_lost_wakeup());
    r.add(classic_lost_wakeup_fixed());
    r.add(classic_abba());
    r.add(classic_abba_ordered());
    r.add(classic_sleeping_barber());
    r.add(classic_sleeping_barber_racy());
    r.add(classic_one_lane_bridge());
    r.add(classic_one_lane_bridge_racy());
    r.add(dpor_readers());
    r.add(dpor_lastzero());
    r.add(dpor_writers());
    r.add(dpor_disjoint());
    r.add(dpor_lockinc());
    return r;
  }();
  return registry;
}

}  // namespace interleave
