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
#include "sim/explore/outcome_table.h"
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

// How many choice points at the top of the tree the frontier expands in full before handing
// subtrees to workers. Fixed, so that the result is the same for every number of workers.
constexpr std::uint32_t kSplitLevel = 2;

// What a part of the search found: one subtree, or (merged in DFS order) one bound level.
struct PartResult {
  std::uint64_t runs = 0;
  std::uint64_t sleep_blocked = 0;
  std::uint64_t bound_pruned = 0;
  std::uint64_t max_depth = 0;
  OutcomeTable outcomes;
  std::optional<std::size_t> first_failure;            // index into outcomes
  std::optional<std::uint64_t> runs_to_first_failure;  // runs of this part up to that failure
};

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
  while (!budget_spent(shared, runs_here) && explorer.begin_run()) {
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
  explorer.split_at(kSplitLevel, &tasks);
  Simulator& sim = *shared.home;
  const auto& body = *shared.body;
  while (explorer.begin_run()) {
    sim.run(explorer, [&] { body(sim); });
    if (!explorer.error().empty()) throw std::runtime_error(explorer.error());
  }
  pruned = explorer.bound_pruned();
  return tasks;
}

// merge_level(level_result, results): the subtrees' results added to level_result, in DFS order.
PartResult merge_level(PartResult level_result, const std::vector<PartResult>& results);

// search_level(rules, shared, level): every schedule within rules, shared out to the workers.
PartResult search_level(const SearchRules& rules, Shared& shared, std::uint32_t level) {
  PartResult level_result;
  std::vector<SearchTask> tasks = frontier(rules, shared, level_result.bound_pruned);
  std::vector<PartResult> results(tasks.size());
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable done_cv;
  std::size_t finished = 0;
  std::exception_ptr error;
  const unsigned workers =
      static_cast<unsigned>(std::min<std::size_t>(shared.options->jobs, tasks.size()));
  if (workers <= 1 && !shared.options->progress) {
    // One worker and nobody to report progress to: the calling thread does the work itself.
    for (std::size_t t = 0; t < tasks.size() && !shared.stop; ++t) {
      results[t] = search_task(*shared.home, rules, std::move(tasks[t]), shared);
    }
    return merge_level(std::move(level_result), results);
  }
  auto work = [&] {
    try {
      Simulator sim(shared.config);
      for (std::size_t t = next++; t < tasks.size() && !shared.stop; t = next++) {
        results[t] = search_task(sim, rules, std::move(tasks[t]), shared);
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
    while (finished < workers) {
      done_cv.wait_for(lock, o.progress_interval);
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
  return merge_level(std::move(level_result), results);
}

PartResult merge_level(PartResult level_result, const std::vector<PartResult>& results) {
  for (const PartResult& r : results) {
    if (!level_result.first_failure && r.first_failure) {
      level_result.runs_to_first_failure = level_result.runs + *r.runs_to_first_failure;
    }
    level_result.runs += r.runs;
    level_result.sleep_blocked += r.sleep_blocked;
    level_result.bound_pruned += r.bound_pruned;
    level_result.max_depth = std::max(level_result.max_depth, r.max_depth);
    const std::vector<std::size_t> where = level_result.outcomes.merge(r.outcomes.classes());
    if (!level_result.first_failure && r.first_failure) {
      level_result.first_failure = where[*r.first_failure];
    }
  }
  return level_result;
}

}  // namespace

ExploreResult explore_scenario(const std::function<void(Simulator&)>& body, const RunConfig& config,
                               const ExploreOptions& options) {
  if (options.jobs == 0) throw std::invalid_argument("explore: jobs must be at least 1");
  Shared shared;
  shared.body = &body;
  shared.config = config;
  shared.config.max_steps = options.max_steps;
  shared.options = &options;
  Simulator home(shared.config);
  shared.home = &home;
  shared.start = Clock::now();

  ExploreResult result;
  OutcomeTable earliest;  // every outcome's witness from the lowest bound it appeared at
  std::optional<std::pair<Status, Results>> first_failure;
  const std::uint32_t last_level = options.preemption_bound.value_or(0);
  std::uint64_t runs_before = 0;  // complete runs of the bound levels searched before this one
  for (std::uint32_t level = 0; level <= last_level; ++level) {
    SearchRules rules;
    rules.reduction = options.reduction;
    rules.fair = options.fair;
    if (options.preemption_bound) rules.preemption_bound = level;
    PartResult r = search_level(rules, shared, level);
    for (const OutcomeClass& c : r.outcomes.classes()) {
      if (!earliest.find(c.status, c.results)) earliest.push(c);
    }
    if (!first_failure && r.first_failure) {
      const OutcomeClass& f = r.outcomes.classes()[*r.first_failure];
      first_failure.emplace(f.status, f.results);
      result.runs_to_first_failure = runs_before + *r.runs_to_first_failure;
    }
    runs_before += r.runs;
    result.runs = r.runs;
    result.sleep_blocked = r.sleep_blocked;
    result.bound_pruned = r.bound_pruned;
    result.max_depth = std::max(result.max_depth, r.max_depth);
    result.outcomes = r.outcomes.take();
    if (options.preemption_bound) result.bound = level;
    if (shared.stop) break;
    if (options.preemption_bound && r.bound_pruned == 0) {
      // No choice was cut: a higher bound would search exactly the same runs again.
      result.bound_unneeded = true;
      break;
    }
  }
  // Witnesses come from the lowest bound at which each outcome appeared (fewest preemptions).
  for (OutcomeClass& c : result.outcomes) {
    const auto i = earliest.find(c.status, c.results);
    c.witness = earliest.classes()[*i].witness;
    c.message = earliest.classes()[*i].message;
    c.preemptions = earliest.classes()[*i].preemptions;
  }
  if (first_failure) {
    for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
      const OutcomeClass& c = result.outcomes[i];
      if (c.status == first_failure->first && c.results == first_failure->second) {
        result.first_failure = i;
      }
    }
  }
  result.stopped_by = shared.reason.load();
  result.complete = result.stopped_by == StopReason::none;
  result.seconds = std::chrono::duration<double>(Clock::now() - shared.start).count();
  return result;
}

ExploreResult explore_scenario(const Scenario& scenario, const Params& params,
                               const RunConfig& config, const ExploreOptions& options) {
  const std::function<void(Simulator&)> body = [&](Simulator& sim) { scenario.body(sim, params); };
  return explore_scenario(body, config, options);
}

}  // namespace interleave
