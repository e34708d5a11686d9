#include "sim/explore/explore.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "sim/explore/dfs_explorer.h"
#include "sim/explore/level_fold.h"
#include "sim/simulator.h"

namespace interleave {

std::uint64_t ExploreResult::failures() const {
  std::uint64_t n = 0;
  for (const OutcomeClass& c : outcomes) {
    if (is_failure(c.status)) n += c.count;
  }
  return n;
}

namespace {

using Clock = std::chrono::steady_clock;

// State shared by the workers of one search.
struct Shared {
  const std::function<void(Simulator&)>* body = nullptr;
  RunConfig config;
  const ExploreOptions* options = nullptr;
  Simulator* home = nullptr;  // the calling thread's simulator: the frontier and in-thread work
  Clock::time_point start;
  std::atomic<std::uint64_t> runs{0};
  std::atomic<std::uint64_t> failures{0};
  std::atomic<std::uint64_t> max_depth{0};
  std::atomic<bool> stop{false};                     // a budget ran out or a worker failed
  std::atomic<StopReason> reason{StopReason::none};  // which budget, the first to run out
};

void raise_max(std::atomic<std::uint64_t>& a, std::uint64_t v) {
  std::uint64_t cur = a.load(std::memory_order_relaxed);
  while (v > cur && !a.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
  }
}

bool budget_spent(Shared& shared, std::uint64_t runs_here) {
  const ExploreOptions& o = *shared.options;
  if (o.max_runs != 0 && shared.runs.load(std::memory_order_relaxed) >= o.max_runs) {
    StopReason none = StopReason::none;
    shared.reason.compare_exchange_strong(none, StopReason::max_runs);
    shared.stop = true;
    return true;
  }
  if (o.time_budget && runs_here % 32 == 0 && Clock::now() - shared.start >= *o.time_budget) {
    StopReason none = StopReason::none;
    shared.reason.compare_exchange_strong(none, StopReason::time_budget);
    shared.stop = true;
    return true;
  }
  if (o.interrupt != nullptr && o.interrupt->load(std::memory_order_relaxed)) {
    StopReason none = StopReason::none;
    shared.reason.compare_exchange_strong(none, StopReason::interrupted);
    shared.stop = true;
    return true;
  }
  return shared.stop.load(std::memory_order_relaxed);
}

// search_task(sim, rules, task, shared) explores one subtree to its end (or the budget's).
PartResult search_task(Simulator& sim, const SearchRules& rules, SearchTask task, Shared& shared) {
  PartResult r;
  DfsExplorer explorer(rules, std::move(task));
  const auto& body = *shared.body;
  std::uint64_t runs_here = 0;
  for (;;) {
    if (budget_spent(shared, runs_here)) break;
    if (!explorer.begin_run()) {
      r.whole = true;
      break;
    }
    const RunResult& run = sim.run(explorer, [&] { body(sim); });
    if (!explorer.error().empty()) throw std::runtime_error(explorer.error());
    ++runs_here;
    const std::uint64_t depth = sim.schedule().size();
    r.max_depth = std::max(r.max_depth, depth);
    if (explorer.last_run() == SearchRunKind::sleep_blocked) {
      ++r.sleep_blocked;
      continue;
    }
    ++r.runs;
    shared.runs.fetch_add(1, std::memory_order_relaxed);
    raise_max(shared.max_depth, depth);
    const std::size_t at =
        r.outcomes.add(run.outcome, run.results, sim.schedule(), explorer.last_preemptions());
    if (is_failure(run.outcome.status)) {
      shared.failures.fetch_add(1, std::memory_order_relaxed);
      if (!r.first_failure) {
        r.first_failure = at;
        r.runs_to_first_failure = r.runs;
      }
      if (shared.options->stop_at_first_failure) {
        StopReason none = StopReason::none;
        shared.reason.compare_exchange_strong(none, StopReason::first_failure);
        shared.stop = true;
      }
    }
  }
  r.bound_pruned = explorer.bound_pruned();
  return r;
}

// frontier(rules, shared, pruned) splits the search into subtrees, in DFS order.
std::vector<SearchTask> frontier(const SearchRules& rules, Shared& shared, std::uint64_t& pruned) {
  std::vector<SearchTask> tasks;
  DfsExplorer explorer(rules, SearchTask{});
  explorer.split_at(shared.options->split_depth, &tasks);
  Simulator& sim = *shared.home;
  const auto& body = *shared.body;
  while (explorer.begin_run()) {
    sim.run(explorer, [&] { body(sim); });
    if (!explorer.error().empty()) throw std::runtime_error(explorer.error());
  }
  pruned = explorer.bound_pruned();
  return tasks;
}

// One bound level's split and what the search of (some of) its subtrees found.
struct LevelSearch {
  std::uint64_t split_pruned = 0;     // points where the bound cut choices above the split
  std::vector<PartResult> results;    // one per subtree of the split, in DFS order
  std::vector<std::size_t> searched;  // the subtrees searched (shard's), ascending
};

// A checkpoint's part of one level, and where to save the level's progress.
struct LevelProgress {
  const LevelShare* resumed = nullptr;   // subtrees searched already: taken, not searched again
  std::function<void(LevelShare)> save;  // called with the subtrees searched whole so far
  std::chrono::milliseconds every{5000};
};

// search_level(rules, shared, level, shard, progress): the subtrees of shard (every subtree
// when shard has count 1) of every schedule within rules, shared out to the workers.
LevelSearch search_level(const SearchRules& rules, Shared& shared, std::uint32_t level,
                         ShardId shard, const LevelProgress& progress = {}) {
  LevelSearch level_search;
  std::vector<SearchTask> tasks = frontier(rules, shared, level_search.split_pruned);
  level_search.results.resize(tasks.size());
  std::vector<PartResult>& results = level_search.results;
  if (const LevelShare* r = progress.resumed) {
    if (r->subtrees != tasks.size() || r->split_pruned != level_search.split_pruned) {
      throw std::invalid_argument("the checkpoint splits bound level " + std::to_string(level) +
                                  " into " + std::to_string(r->subtrees) +
                                  " subtrees, this search into " + std::to_string(tasks.size()));
    }
    for (const SubtreeResult& t : r->searched) {
      if (t.index >= tasks.size() || t.index % shard.count != shard.index) {
        throw std::invalid_argument("the checkpoint holds subtree " + std::to_string(t.index) +
                                    ", which is not this shard's");
      }
      results[t.index] = part_result(t);
    }
  }
  for (std::size_t t = shard.index; t < tasks.size(); t += shard.count) {
    level_search.searched.push_back(t);
  }
  std::vector<std::size_t> mine;  // the shard's subtrees still to search
  for (std::size_t t : level_search.searched) {
    if (!results[t].whole) mine.push_back(t);
  }
  // snapshot(): the subtrees searched whole so far (under the mutex in the workers' path).
  auto snapshot = [&] {
    LevelShare share;
    share.subtrees = tasks.size();
    share.split_pruned = level_search.split_pruned;
    for (std::size_t t : level_search.searched) {
      if (results[t].whole) share.searched.push_back(subtree_result(t, results[t]));
    }
    return share;
  };
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable done_cv;
  std::size_t finished = 0;
  std::exception_ptr error;
  const unsigned workers =
      static_cast<unsigned>(std::min<std::size_t>(shared.options->jobs, mine.size()));
  if (workers <= 1 && !shared.options->progress && !progress.save) {
    // One worker and nobody to report progress to: the calling thread does the work itself.
    for (std::size_t i = 0; i < mine.size() && !shared.stop; ++i) {
      results[mine[i]] = search_task(*shared.home, rules, std::move(tasks[mine[i]]), shared);
    }
    return level_search;
  }
  auto work = [&] {
    try {
      Simulator sim(shared.config);
      for (std::size_t i = next++; i < mine.size() && !shared.stop; i = next++) {
        PartResult r = search_task(sim, rules, std::move(tasks[mine[i]]), shared);
        std::lock_guard<std::mutex> lock(mutex);
        results[mine[i]] = std::move(r);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!error) error = std::current_exception();
      shared.stop = true;
    }
    std::lock_guard<std::mutex> lock(mutex);
    ++finished;
    done_cv.notify_all();
  };
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work);
  {
    std::unique_lock<std::mutex> lock(mutex);
    const ExploreOptions& o = *shared.options;
    Clock::time_point saved = Clock::now();
    while (finished < workers) {
      done_cv.wait_for(lock, progress.save ? std::min(o.progress_interval, progress.every)
                                           : o.progress_interval);
      if (progress.save && finished < workers && Clock::now() - saved >= progress.every) {
        LevelShare share = snapshot();
        lock.unlock();
        progress.save(std::move(share));
        lock.lock();
        saved = Clock::now();
      }
      if (o.progress && finished < workers) {
        ExploreProgress p;
        p.runs = shared.runs.load();
        p.failures = shared.failures.load();
        p.max_depth = shared.max_depth.load();
        p.bound_level = level;
        p.seconds = std::chrono::duration<double>(Clock::now() - shared.start).count();
        lock.unlock();
        o.progress(p);
        lock.lock();
      }
    }
  }
  for (std::thread& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return level_search;
}

// rules_at(options, level): what the search may choose at one bound level.
SearchRules rules_at(const ExploreOptions& options, std::uint32_t level) {
  SearchRules rules;
  rules.reduction = options.reduction;
  rules.fair = options.fair;
  if (options.preemption_bound) rules.preemption_bound = level;
  return rules;
}

// share(shared, body, config, options) checks options and gives a search's shared state what
// it searches and how (the caller adds its simulator and the start time).
void share(Shared& shared, const std::function<void(Simulator&)>& body, const RunConfig& config,
           const ExploreOptions& options) {
  if (options.jobs == 0) throw std::invalid_argument("explore: jobs must be at least 1");
  if (options.split_depth == 0) {
    throw std::invalid_argument("explore: split_depth must be at least 1");
  }
  shared.body = &body;
  shared.config = config;
  shared.config.max_steps = options.max_steps;
  shared.options = &options;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

ExploreResult explore_scenario(const std::function<void(Simulator&)>& body, const RunConfig& config,
                               const ExploreOptions& options) {
  Shared shared;
  share(shared, body, config, options);
  Simulator home(shared.config);
  shared.home = &home;
  shared.start = Clock::now();

  LevelFold fold(options.preemption_bound);
  const std::uint32_t last_level = options.preemption_bound.value_or(0);
  for (std::uint32_t level = 0; level <= last_level; ++level) {
    LevelSearch s = search_level(rules_at(options, level), shared, level, ShardId{});
    PartResult r;
    r.bound_pruned = s.split_pruned;
    if (!fold.add(level, merge_level(std::move(r), s.results), shared.stop)) break;
  }
  return fold.finish(shared.reason.load(), seconds_since(shared.start));
}

ShardResult explore_shard(const std::function<void(Simulator&)>& body, const RunConfig& config,
                          const ExploreOptions& options, ShardId shard,
                          const ShardProgress& progress) {
  Shared shared;
  share(shared, body, config, options);
  if (shard.count == 0 || shard.index >= shard.count) {
    throw std::invalid_argument("explore: a shard's index must be below the number of shards");
  }
  Simulator home(shared.config);
  shared.home = &home;
  shared.start = Clock::now();

  ShardResult result;
  result.shard = shard;
  const std::uint32_t last_level = options.preemption_bound.value_or(0);
  for (std::uint32_t level = 0; level <= last_level; ++level) {
    LevelProgress level_progress;
    if (progress.resume != nullptr && level < progress.resume->levels.size()) {
      level_progress.resumed = &progress.resume->levels[level];
    }
    if (progress.save) {
      level_progress.every = progress.every;
      level_progress.save = [&](LevelShare partial) {
        ShardResult so_far = result;
        so_far.levels.push_back(std::move(partial));
        so_far.stopped_by = StopReason::interrupted;
        so_far.seconds = seconds_since(shared.start);
        progress.save(so_far);
      };
    }
    LevelSearch s = search_level(rules_at(options, level), shared, level, shard, level_progress);
    LevelShare share;
    share.subtrees = s.results.size();
    share.split_pruned = s.split_pruned;
    bool pruned = s.split_pruned != 0;
    for (std::size_t t : s.searched) {
      const PartResult& r = s.results[t];
      if (!r.whole) continue;  // cut short by a stop: searched again when resumed
      pruned = pruned || r.bound_pruned != 0;
      share.searched.push_back(subtree_result(t, r));
    }
    result.levels.push_back(std::move(share));
    if (shared.stop) break;
    if (options.preemption_bound && !pruned) {
      // Nothing was cut here: every higher level would search the same runs again.
      result.saturated = true;
      break;
    }
  }
  result.stopped_by = shared.reason.load();
  result.seconds = seconds_since(shared.start);
  return result;
}

ShardResult explore_shard(const Scenario& scenario, const Params& params, const RunConfig& config,
                          const ExploreOptions& options, ShardId shard,
                          const ShardProgress& progress) {
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, params); };
  return explore_shard(body, config, options, shard, progress);
}

ExploreResult explore_scenario(const Scenario& scenario, const Params& params,
                               const RunConfig& config, const ExploreOptions& options) {
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, params); };
  return explore_scenario(body, config, options);
}

}  // namespace interleave
