#pragma once
// Queue<T>: a bounded blocking FIFO queue, the classic monitor: the items live in a plain
// std::deque that is only touched while holding a Mutex, and two ConditionVariables say "not
// empty" and "not full"; a third counts unfinished tasks for join().
// Python: queue.Queue (put/get with block and timeout, put_nowait/get_nowait, qsize, empty,
// full, task_done, join). C++: none in std.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "../sim/primitive_call.h"
#include "../sim/simulator.h"
#include "condition_variable.h"
#include "fiber_names.h"
#include "mutex.h"

namespace interleave {

// A FIFO queue shared by fibers; capacity 0 means unbounded, as in Python.
template <class T>
class Queue {
 public:
  // Queue(sim, name, capacity) registers the mutex "<name>.mutex" and the condition variables
  // "<name>.not_empty", "<name>.not_full" and "<name>.all_done"; create it inside a run.
  Queue(Simulator& sim, std::string_view name, std::size_t capacity = 0)
      : sim_(sim),
        name_(name),
        capacity_(capacity),
        object_(PrimitiveCall::object(sim, "queue", name_)),
        mutex_(sim, name_ + ".mutex"),
        not_empty_(sim, name_ + ".not_empty"),
        not_full_(sim, name_ + ".not_full"),
        all_done_(sim, name_ + ".all_done") {
    PrimitiveCall::gate(sim_, object_, CallGate{&Queue::has_room, this, kNoObject});
    PrimitiveCall::gate(sim_, object_, CallGate{&Queue::has_item, this, kNoObject});
    PrimitiveCall::gate(sim_, object_, CallGate{&Queue::all_done, this, kNoObject});
  }
  Queue(const Queue&) = delete;
  Queue& operator=(const Queue&) = delete;

  // put(item) appends item, blocking while the queue is full.
  void put(T item) {
    PrimitiveCall call(sim_, Call::put, object_, kRoomGate);
    std::unique_lock<Mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return !full_locked(); });
    push_locked(std::move(item));
  }
  // put(item, timeout) is put() that gives up after timeout; false then (Python: queue.Full).
  bool put(T item, Nanos timeout) {
    PrimitiveCall call(sim_, Call::put, object_, kRoomGate, timeout);
    if (call.timed_out()) return false;
    std::unique_lock<Mutex> lock(mutex_);
    if (!not_full_.wait_for(lock, timeout, [&] { return !full_locked(); })) return false;
    push_locked(std::move(item));
    return true;
  }
  // try_put(item) appends item if there is room, without blocking (Python: put_nowait).
  bool try_put(T item) {
    PrimitiveCall call(sim_, Call::put, object_);
    std::unique_lock<Mutex> lock(mutex_);
    if (full_locked()) return false;
    push_locked(std::move(item));
    return true;
  }
  // get() removes and returns the oldest item, blocking while the queue is empty.
  T get() {
    PrimitiveCall call(sim_, Call::get, object_, kItemGate);
    std::unique_lock<Mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty(); });
    return pop_locked();
  }
  // get(timeout) is get() that gives up after timeout; nullopt then (Python: queue.Empty).
  std::optional<T> get(Nanos timeout) {
    PrimitiveCall call(sim_, Call::get, object_, kItemGate, timeout);
    if (call.timed_out()) return std::nullopt;
    std::unique_lock<Mutex> lock(mutex_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return !items_.empty(); })) return std::nullopt;
    return pop_locked();
  }
  // try_get() removes the oldest item if there is one, without blocking (Python: get_nowait).
  std::optional<T> try_get() {
    PrimitiveCall call(sim_, Call::get, object_);
    std::unique_lock<Mutex> lock(mutex_);
    if (items_.empty()) return std::nullopt;
    return pop_locked();
  }
  // task_done() marks one item got earlier as processed; more calls than items put fail the
  // run (Python: ValueError).
  void task_done() {
    PrimitiveCall call(sim_, Call::task_done, object_);
    std::unique_lock<Mutex> lock(mutex_);
    if (unfinished_ == 0) {
      sim_.fail(current_name(sim_) + " called task_done() on queue " + name_ +
                " more times than items were put");
      return;
    }
    if (--unfinished_ == 0) all_done_.notify_all();
  }
  // join() blocks until every item put has been marked done with task_done().
  void join() {
    PrimitiveCall call(sim_, Call::join, object_, kDoneGate);
    std::unique_lock<Mutex> lock(mutex_);
    all_done_.wait(lock, [&] { return unfinished_ == 0; });
  }
  // size() is the number of items, read under the mutex (Python: qsize).
  std::size_t size() {
    PrimitiveCall call(sim_, Call::size, object_);
    std::unique_lock<Mutex> lock(mutex_);
    return items_.size();
  }
  // empty() and full() read the state under the mutex.
  bool empty() { return size() == 0; }
  bool full() {
    PrimitiveCall call(sim_, Call::size, object_);
    std::unique_lock<Mutex> lock(mutex_);
    return full_locked();
  }

  // capacity() is the bound given at construction (0 = unbounded).
  std::size_t capacity() const { return capacity_; }
  // name() is the name given at construction.
  std::string_view name() const { return name_; }

 private:
  // The gates of put(), get() and join() under primitive granularity (sim/call_gate.h).
  static bool has_room(const void* q) { return !static_cast<const Queue*>(q)->full_locked(); }
  static bool has_item(const void* q) { return !static_cast<const Queue*>(q)->items_.empty(); }
  static bool all_done(const void* q) { return static_cast<const Queue*>(q)->unfinished_ == 0; }
  static constexpr std::uint8_t kRoomGate = 0;  // the gates in the order the constructor adds them
  static constexpr std::uint8_t kItemGate = 1;
  static constexpr std::uint8_t kDoneGate = 2;
  bool full_locked() const { return capacity_ != 0 && items_.size() >= capacity_; }
  void push_locked(T item) {
    items_.push_back(std::move(item));
    ++unfinished_;
    sim_.note([&] {
      return current_name(sim_) + " put an item on queue " + name_ + " (" +
             std::to_string(items_.size()) + " queued)";
    });
    not_empty_.notify_one();
  }
  T pop_locked() {
    T item = std::move(items_.front());
    items_.pop_front();
    sim_.note([&] {
      return current_name(sim_) + " got an item from queue " + name_ + " (" +
             std::to_string(items_.size()) + " queued)";
    });
    not_full_.notify_one();
    return item;
  }

  Simulator& sim_;
  std::string name_;
  std::size_t capacity_;
  ObjectId object_;               // the queue itself, under primitive granularity
  Mutex mutex_;                   // guards items_ and unfinished_
  ConditionVariable not_empty_;   // notified when an item is put
  ConditionVariable not_full_;    // notified when an item is got
  ConditionVariable all_done_;    // notified when unfinished_ drops to 0
  std::deque<T> items_;           // invariant: touched only with mutex_ held; size <= capacity
  std::uint64_t unfinished_ = 0;  // items put and not yet marked done; guarded by mutex_
};

}  // namespace interleave
