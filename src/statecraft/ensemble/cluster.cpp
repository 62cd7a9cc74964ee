#include "ensemble/cluster.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ensemble/ensemble.h"
#include "ensemble/record_codec.h"

#ifdef STATECRAFT_HAVE_MPI
#include <mpi.h>
#endif

namespace statecraft {

namespace {

Cluster& the_cluster() {
  static Cluster c;
  return c;
}

// the number of ranks a launcher announced, 0 if none did
int launched_size() {
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMIX_SIZE", "PMI_SIZE"})
    if (const char* v = std::getenv(var)) return std::atoi(v);
  return std::getenv("PMIX_RANK") ? 1 : 0;
}

}  // namespace

const Cluster& cluster() { return the_cluster(); }

int64_t RunSplit::next_owned(int rank, int64_t run) const {
  if (ranks <= 1) return run;
  const int64_t k = run / chunk;
  const int64_t r = k % ranks;
  if (r == rank) return run;
  // the start of the next chunk of `rank`
  const int64_t ahead = (rank - r + ranks) % ranks;
  return (k + ahead) * chunk;
}

#ifdef STATECRAFT_HAVE_MPI

bool cluster_built_with_mpi() { return true; }

namespace {

bool mpi_started = false;

// message tags of the protocol between rank 0 and the others
constexpr int kTagStart = 1;  // 0 -> r: int64 first run (-1: no work)
constexpr int kTagChunk = 2;  // r -> 0: int64 chunk index, int64 count, then the records
constexpr int kTagStop = 3;   // 0 -> r: no more chunks wanted
constexpr int kTagDone = 4;   // r -> 0: nothing more will be sent

// Blocking MPI calls spin on a core in OpenMPI; on a machine whose cores run
// the workers, waits poll and sleep instead.
void nap() { std::this_thread::sleep_for(std::chrono::microseconds(500)); }

bool probe(int source, int tag, MPI_Status* st = nullptr) {
  int flag = 0;
  MPI_Status local;
  MPI_Iprobe(source, tag, MPI_COMM_WORLD, &flag, st ? st : &local);
  return flag != 0;
}

void wait_probe(int source, int tag, MPI_Status* st) {
  while (!probe(source, tag, st)) nap();
}

void wait_request(MPI_Request& req) {
  for (;;) {
    int flag = 0;
    MPI_Test(&req, &flag, MPI_STATUS_IGNORE);
    if (flag) return;
    nap();
  }
}

void send_empty(int dest, int tag) { MPI_Send(nullptr, 0, MPI_BYTE, dest, tag, MPI_COMM_WORLD); }

void recv_empty(int source, int tag) {
  MPI_Status st;
  wait_probe(source, tag, &st);
  MPI_Recv(nullptr, 0, MPI_BYTE, source, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
}

// waits for every other rank's DONE, dropping any chunk still on its way
void collect_done(int size) {
  std::string scratch;
  for (int r = 1; r < size; ++r) {
    for (;;) {
      MPI_Status st;
      wait_probe(r, MPI_ANY_TAG, &st);
      int n = 0;
      MPI_Get_count(&st, MPI_BYTE, &n);
      scratch.resize(static_cast<size_t>(n));
      MPI_Recv(scratch.data(), n, MPI_BYTE, r, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (st.MPI_TAG == kTagDone) break;
    }
  }
}

}  // namespace

std::string cluster_init(int* argc, char*** argv) {
  if (launched_size() == 0) return {};
  int provided = 0;
  // rank 0 talks to the others from a feeder thread, never two threads at once
  if (MPI_Init_thread(argc, argv, MPI_THREAD_SERIALIZED, &provided) != MPI_SUCCESS) return "MPI_Init_thread failed";
  mpi_started = true;
  if (provided < MPI_THREAD_SERIALIZED) return "this MPI library does not support MPI_THREAD_SERIALIZED";
  Cluster& c = the_cluster();
  MPI_Comm_rank(MPI_COMM_WORLD, &c.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &c.size);
  MPI_Comm local;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, c.rank, MPI_INFO_NULL, &local);
  MPI_Comm_size(local, &c.local_size);
  MPI_Comm_free(&local);
  return {};
}

void cluster_finalize() {
  if (mpi_started) MPI_Finalize();
  mpi_started = false;
}

void cluster_abort(int code) {
  if (mpi_started) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

void release_remote_ranks() {
  const int size = cluster().size;
  const int64_t none = -1;
  for (int r = 1; r < size; ++r) MPI_Send(&none, 1, MPI_INT64_T, r, kTagStart, MPI_COMM_WORLD);
  collect_done(size);
}

void feed_remote_runs(OrderedWindow<RunRecord>& win, const RunSplit& split, int64_t start, int64_t end) {
  const int size = split.ranks;
  for (int r = 1; r < size; ++r) MPI_Send(&start, 1, MPI_INT64_T, r, kTagStart, MPI_COMM_WORLD);
  std::exception_ptr failure;
  try {
    std::string buf;
    RunRecord record;
    bool stopped = false;
    for (int64_t k = start / split.chunk; !stopped && k * split.chunk < end; ++k) {
      const int r = static_cast<int>(k % size);
      if (r == 0) continue;
      MPI_Status st;
      while (!probe(r, kTagChunk, &st)) {
        if (win.stopped()) break;
        nap();
      }
      if (win.stopped()) break;
      int n = 0;
      MPI_Get_count(&st, MPI_BYTE, &n);
      buf.resize(static_cast<size_t>(n));
      MPI_Recv(buf.data(), n, MPI_BYTE, r, kTagChunk, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      int64_t chunk = -1, count = -1;
      size_t pos = 0;
      const int64_t first = std::max(start, k * split.chunk);
      const int64_t last = std::min(end, (k + 1) * split.chunk);
      if (buf.size() < 16) throw std::runtime_error("rank " + std::to_string(r) + " sent a truncated chunk");
      std::memcpy(&chunk, buf.data(), 8);
      std::memcpy(&count, buf.data() + 8, 8);
      pos = 16;
      if (chunk != k || count != last - first)
        throw std::runtime_error("rank " + std::to_string(r) + " sent chunk " + std::to_string(chunk) + " of " +
                                 std::to_string(count) + " runs where chunk " + std::to_string(k) + " of " +
                                 std::to_string(last - first) + " was expected");
      for (int64_t i = first; i < last; ++i) {
        if (!decode_record(buf, pos, record))
          throw std::runtime_error("rank " + std::to_string(r) + " sent an unreadable record for run " +
                                   std::to_string(i));
        if (!win.wait_room(i)) {
          stopped = true;
          break;
        }
        win.put(i, record);
      }
    }
  } catch (...) {
    failure = std::current_exception();
    win.stop();
  }
  // whatever happened, release the others, so no rank is left waiting
  for (int r = 1; r < size; ++r) send_empty(r, kTagStop);
  collect_done(size);
  if (failure) std::rethrow_exception(failure);
}

int64_t serve_runs(const Scenario& s, const Model& m, const EnsembleOptions& opt, const RunSplit& split) {
  const int rank = cluster().rank;
  int64_t start = -1;
  {
    MPI_Status st;
    wait_probe(0, kTagStart, &st);
    MPI_Recv(&start, 1, MPI_INT64_T, 0, kTagStart, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  }
  int64_t sent = 0;
  bool stop_seen = false;
  if (start >= 0) {
    const int64_t end = opt.runs;
    auto mine = [split, rank](int64_t i) { return split.next_owned(rank, i); };
    // two chunks of this rank in flight: one computing while the other is sent
    OrderedWindow<RunRecord> win(start, end, 2 * split.chunk * split.ranks, mine, mine);
    const int nthreads = worker_threads(opt.threads);
    std::vector<std::thread> pool;
    std::exception_ptr failure;
    std::mutex failure_mu;
    for (int t = 0; t < nthreads; ++t) {
      win.enter();
      pool.emplace_back([&] {
        try {
          RunModels rm = make_run_models(s, m);
          RunState state;
          RunRecord record;
          int64_t i;
          while (win.take(i)) {
            const uint64_t seed = run_seed(opt.seed, static_cast<uint64_t>(i));
            run_one(model_for_seed(rm, seed), seed, state, record);
            win.put(i, record);
          }
        } catch (...) {
          std::lock_guard lock(failure_mu);
          if (!failure) failure = std::current_exception();
          win.stop();
        }
        win.leave();
      });
    }
    std::string buf[2];
    MPI_Request req[2] = {MPI_REQUEST_NULL, MPI_REQUEST_NULL};
    int cur = 0;
    auto should_stop = [&] {
      if (!stop_seen && probe(0, kTagStop)) stop_seen = true;
      return stop_seen;
    };
    RunRecord record;
    int64_t i;
    while (win.pop(i, record, should_stop)) {
      const int64_t k = i / split.chunk;
      const int64_t first = std::max(start, k * split.chunk);
      const int64_t last = std::min(end, (k + 1) * split.chunk);
      if (i == first) {
        buf[cur].clear();
        const int64_t head[2] = {k, last - first};
        buf[cur].append(reinterpret_cast<const char*>(head), sizeof head);
      }
      encode_record(record, buf[cur]);
      if (i == last - 1) {
        MPI_Issend(buf[cur].data(), static_cast<int>(buf[cur].size()), MPI_BYTE, 0, kTagChunk, MPI_COMM_WORLD,
                   &req[cur]);
        sent += last - first;
        cur ^= 1;
        if (req[cur] != MPI_REQUEST_NULL) wait_request(req[cur]);
      }
    }
    win.stop();
    for (auto& t : pool) t.join();
    for (auto& r : req)
      if (r != MPI_REQUEST_NULL) wait_request(r);
    if (failure) {
      // rank 0 would wait for this rank's chunks forever
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "statecraft: rank %d: %s\n", rank, e.what());
      }
      cluster_abort(1);
    }
  }
  if (start >= 0) recv_empty(0, kTagStop);  // rank 0 always ends a started share with STOP
  send_empty(0, kTagDone);
  return sent;
}

#else  // built without MPI: one rank, nothing to send or receive

bool cluster_built_with_mpi() { return false; }

std::string cluster_init(int*, char***) {
  if (launched_size() > 1)
    return "this statecraft was built without MPI, so every rank would run the whole ensemble; rebuild with "
           "-DSTATECRAFT_MPI=ON (setup.sh does when libopenmpi-dev is installed)";
  return {};
}

void cluster_finalize() {}

void cluster_abort(int code) { std::exit(code); }

void release_remote_ranks() {}

void feed_remote_runs(OrderedWindow<RunRecord>&, const RunSplit&, int64_t, int64_t) {
  throw std::logic_error("feed_remote_runs needs an MPI build");
}

int64_t serve_runs(const Scenario&, const Model&, const EnsembleOptions&, const RunSplit&) {
  throw std::logic_error("serve_runs needs an MPI build");
}

#endif

}  // namespace statecraft
