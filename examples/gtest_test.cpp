// The example's tests with GoogleTest (Debian's libgtest-dev): the verdict converts to bool, and
// streaming it after EXPECT_TRUE shows the failure, its trace and its replay command.
#include <gtest/gtest.h>
#include <interleave/interleave.h>

#include "scenarios.h"

TEST(TicketLock, KeepsTheCountUnderEverySchedule) {
  const interleave::Verdict verdict = interleave::explore(example::ticket_lock_scenario()).all_ok();
  EXPECT_TRUE(verdict) << verdict;
}

TEST(TicketLock, KeepsTheCountWithFiveThreadsUnder1000PctSchedules) {
  const interleave::Params five({{"threads", 5}});
  interleave::RunCheckOptions pct;
  pct.policy = "pct";
  pct.runs = 1000;
  const interleave::Verdict verdict =
      interleave::run(example::ticket_lock_scenario(), five, pct).all_ok();
  EXPECT_TRUE(verdict) << verdict;
}

TEST(BrokenTicketLock, IsCaughtWithATrace) {
  const interleave::ExploreCheck check =
      interleave::explore(example::broken_ticket_lock_scenario());
  EXPECT_FALSE(check.all_ok());
  EXPECT_FALSE(check.trace_path().empty());
}
