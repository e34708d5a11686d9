#include "scenarios/catalog.h"

#include "scenarios/article/lock.h"
#include "scenarios/article/naive_spinlock.h"
#include "scenarios/article/race.h"
#include "scenarios/article/semaphore_server.h"
#include "scenarios/article/spinlock.h"

namespace interleave {

const ScenarioRegistry& builtin_scenarios() {
  static const ScenarioRegistry registry = [] {
    ScenarioRegistry r;
    r.add(article_race());
    r.add(article_naive_spinlock());
    r.add(article_spinlock());
    r.add(article_lock());
    r.add(article_semaphore_server());
    return r;
  }();
  return registry;
}

}  // namespace interleave
