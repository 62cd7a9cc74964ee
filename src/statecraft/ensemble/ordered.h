// Jobs computed on worker threads, their results taken by one consumer
// strictly in index order. This is what makes an ensemble's output
// independent of thread count and scheduling: whatever finishes first, the
// aggregates see job 0, then 1, then 2. A bounded window of slots keeps
// memory constant however many jobs there are. Results that are computed
// elsewhere (other MPI ranks) can be fed into the same window by a feeder
// thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace statecraft {

/// Number of worker threads for a request of `threads` (0: all hardware threads).
inline int worker_threads(int threads) {
  return std::max(1, threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()));
}

/// The window between producers and the in-order consumer. Result must be
/// default-constructible and swappable; slots are reused, so a Result that
/// holds vectors is not reallocated after the first pass through the window.
template <class Result>
class OrderedWindow {
 public:
  /// Jobs [begin, end); `window` slots (at least 1), counted in job indices.
  /// `next_work(i)` gives the first job >= i that this process's workers
  /// compute (the others come through put() from a feeder); `next_sink(i)`
  /// the first job >= i the consumer takes (a rank that serves only its own
  /// share skips the others). Empty: every job. Both return `end` or more
  /// when there is none.
  OrderedWindow(int64_t begin, int64_t end, int64_t window, std::function<int64_t(int64_t)> next_work = {},
                std::function<int64_t(int64_t)> next_sink = {})
      : slots_(static_cast<size_t>(std::max<int64_t>(1, window))),
        window_(std::max<int64_t>(1, window)),
        end_(end),
        next_work_(std::move(next_work)),
        next_sink_(std::move(next_sink)) {
    sink_at_ = next_sink_ ? next_sink_(begin) : begin;
    next_ = next_work_ ? next_work_(begin) : begin;
  }

  /// Worker side: the next job to compute, or false when there is none left
  /// or the window was stopped. Waits while the job would not fit the window.
  bool take(int64_t& job) {
    std::unique_lock lock(mu_);
    consumed_.wait(lock, [&] { return stop_ || next_ >= end_ || next_ < sink_at_ + window_; });
    if (stop_ || next_ >= end_) return false;
    job = next_;
    next_ = next_work_ ? next_work_(next_ + 1) : next_ + 1;
    return true;
  }

  /// Feeder side: waits until job `i` fits the window; false if stopped.
  bool wait_room(int64_t i) {
    std::unique_lock lock(mu_);
    consumed_.wait(lock, [&] { return stop_ || i < sink_at_ + window_; });
    return !stop_;
  }

  /// Hands over the result of job `i` (swapped with the slot's old contents).
  /// The job must fit the window (take() or wait_room() said so).
  void put(int64_t i, Result& r) {
    {
      std::lock_guard lock(mu_);
      Slot& s = slots_[static_cast<size_t>(i % window_)];
      std::swap(s.result, r);
      s.job = i;
    }
    produced_.notify_all();
  }

  /// Consumer side: the next result in index order. Returns false when all
  /// jobs are consumed, or after stop() once every producer has left and the
  /// next result is not there. `should_stop` is polled while waiting (every
  /// 100 ms); when it says so the window stops.
  bool pop(int64_t& job, Result& r, const std::function<bool()>& should_stop = {}) {
    std::unique_lock lock(mu_);
    for (;;) {
      if (sink_at_ >= end_) return false;
      Slot& s = slots_[static_cast<size_t>(sink_at_ % window_)];
      if (s.job == sink_at_) {
        std::swap(s.result, r);
        s.job = -1;
        job = sink_at_;
        sink_at_ = next_sink_ ? next_sink_(sink_at_ + 1) : sink_at_ + 1;
        lock.unlock();
        consumed_.notify_all();
        return true;
      }
      if (stop_ && producers_ == 0) return false;
      if (!stop_ && should_stop && should_stop()) {
        stop_ = true;
        consumed_.notify_all();
        continue;
      }
      produced_.wait_for(lock, std::chrono::milliseconds(100));
    }
  }

  /// No new jobs are handed out; results already computed can still be popped.
  void stop() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    consumed_.notify_all();
    produced_.notify_all();
  }

  bool stopped() {
    std::lock_guard lock(mu_);
    return stop_;
  }

  /// Producers (workers and feeders) say when they start and leave, so that
  /// pop() knows when nothing more can arrive after a stop.
  void enter() {
    std::lock_guard lock(mu_);
    ++producers_;
  }
  void leave() {
    {
      std::lock_guard lock(mu_);
      --producers_;
    }
    produced_.notify_all();
  }

  /// The next job the consumer will take (jobs before it are consumed).
  int64_t sink_at() {
    std::lock_guard lock(mu_);
    return sink_at_;
  }

 private:
  struct Slot {
    Result result{};
    int64_t job = -1;  // which job the slot holds, -1 empty
  };

  std::vector<Slot> slots_;
  int64_t window_;
  int64_t end_;
  int64_t sink_at_ = 0;
  int64_t next_ = 0;
  int producers_ = 0;
  bool stop_ = false;
  std::function<int64_t(int64_t)> next_work_, next_sink_;
  std::mutex mu_;
  std::condition_variable produced_, consumed_;
};

/// Runs jobs [begin, end) on `threads` workers and gives each result to
/// `consume(job, result)` on the calling thread in index order.
/// `make_work()` is called once per worker thread and returns its job
/// function `work(job, result)` (which owns that thread's scratch state).
/// `should_stop` is polled while waiting; after it fires, results already
/// finished in order are still consumed. Returns the number consumed
/// (end - begin unless stopped). Exceptions from `consume` propagate after
/// the workers are joined; an exception in a worker stops the window and is
/// rethrown.
template <class Result, class MakeWork, class Consume>
int64_t run_ordered(int64_t begin, int64_t end, int threads, int64_t window, MakeWork make_work, Consume consume,
                    const std::function<bool()>& should_stop = {}) {
  OrderedWindow<Result> win(begin, end, window);
  const int n = worker_threads(threads);
  std::exception_ptr failure;
  std::mutex failure_mu;
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(n));
  for (int k = 0; k < n; ++k) {
    win.enter();
    pool.emplace_back([&] {
      try {
        auto work = make_work();
        Result r{};
        int64_t job;
        while (win.take(job)) {
          work(job, r);
          win.put(job, r);
        }
      } catch (...) {
        std::lock_guard lock(failure_mu);
        if (!failure) failure = std::current_exception();
        win.stop();
      }
      win.leave();
    });
  }
  int64_t done = 0;
  std::exception_ptr consumer_failure;
  try {
    Result r{};
    int64_t job;
    while (win.pop(job, r, should_stop)) {
      consume(job, r);
      ++done;
    }
  } catch (...) {
    consumer_failure = std::current_exception();
  }
  win.stop();
  for (auto& t : pool) t.join();
  if (consumer_failure) std::rethrow_exception(consumer_failure);
  if (failure) std::rethrow_exception(failure);
  return done;
}

}  // namespace statecraft
