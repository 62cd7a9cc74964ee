// Ensembles across MPI ranks. Under `mpirun -n K statecraft run ...` the runs
// are dealt out in chunks (chunk k to rank k mod K); the other ranks send the
// records they compute to rank 0, which takes them in run order together with
// its own, so it writes exactly the files one process would write (its
// aggregates see the same records in the same order; nothing is merged from
// partial sums). Without MPI in the build, or outside mpirun, there is one rank.
#pragma once

#include <cstdint>
#include <string>

#include "engine/engine.h"
#include "ensemble/ordered.h"

namespace statecraft {

struct Scenario;
struct EnsembleOptions;

struct Cluster {
  int rank = 0;        // this process
  int size = 1;        // ranks in the job
  int local_size = 1;  // ranks on this machine, which share its cores
};

/// The process's place in the MPI job (one rank of one until cluster_init).
const Cluster& cluster();

/// True when this statecraft was built with MPI (STATECRAFT_MPI).
bool cluster_built_with_mpi();

/// Initialises MPI when the process was started by an MPI launcher (OpenMPI's
/// mpirun sets OMPI_COMM_WORLD_SIZE; PMI/PMIx launchers their own variables).
/// Returns an error message, empty on success: a launch of several ranks of a
/// statecraft built without MPI is an error, since every rank would run the
/// whole ensemble.
std::string cluster_init(int* argc, char*** argv);

/// Finalises MPI if cluster_init started it.
void cluster_finalize();

/// Ends every rank of the job with `code` (MPI_Abort), or just this process.
[[noreturn]] void cluster_abort(int code);

/// How runs are dealt out: chunk k (runs k*chunk .. k*chunk+chunk-1) goes
/// to rank k mod ranks.
struct RunSplit {
  int ranks = 1;
  int64_t chunk = 32;
  int owner(int64_t run) const { return static_cast<int>((run / chunk) % ranks); }
  /// The first run >= `run` that `rank` computes.
  int64_t next_owned(int rank, int64_t run) const;
};

/// Rank 0, on its own thread (the only one of rank 0 that calls MPI once the
/// ensemble runs): tells the other ranks to start at run `start`, puts the
/// records they send into `win` in run order until [start, end) is covered
/// or the window stops, then releases them. Throws std::runtime_error if a
/// rank sends something that is not a chunk of records.
void feed_remote_runs(OrderedWindow<RunRecord>& win, const RunSplit& split, int64_t start, int64_t end);

/// Rank 0, when the ensemble cannot start (bad resume directory, I/O error):
/// lets the other ranks go without work.
void release_remote_ranks();

/// Every rank but 0: computes this rank's share of the runs on its threads
/// and sends it to rank 0, until rank 0 says to stop. Returns the runs sent.
int64_t serve_runs(const Scenario& s, const Model& m, const EnsembleOptions& opt, const RunSplit& split);

}  // namespace statecraft
