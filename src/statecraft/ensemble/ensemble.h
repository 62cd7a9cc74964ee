// Many runs of one scenario: spread over threads, each run's seed derived
// from (base seed, run index), records consumed strictly in index order so
// runs.csv and the aggregates do not depend on thread count or scheduling.
// Rows stream to disk; memory does not grow with the number of runs.
// An interrupted ensemble leaves a consistent, resumable directory.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "analysis/summary.h"
#include "engine/engine.h"
#include "model/model.h"
#include "report/summary_json.h"
#include "scenario/scenario.h"

namespace statecraft {

/// The model a run uses: the base model, or, for a scenario with uncertain
/// parameters, one compiled after drawing them from the run's draw stream.
/// One per thread.
struct RunModels {
  const Scenario* scenario = nullptr;  // with variants applied
  const Model* base = nullptr;
  Scenario scratch;
  Model drawn;
  bool has_draws = false;
};

RunModels make_run_models(const Scenario& s, const Model& base);
const Model& model_for_seed(RunModels& rm, uint64_t seed);

struct EnsembleOptions {
  int64_t runs = 100;
  uint64_t seed = 1;
  int threads = 0;           // 0: all hardware threads
  std::string out_dir;       // empty: no files, aggregates only
  bool quiet = false;        // no progress bar
  bool resume = false;       // continue an interrupted ensemble in out_dir
  uint64_t input_hash = 0;   // identifies scenario text + variants, checked on resume
  double checkpoint_seconds = 30;  // how often rows and aggregate are made durable for --resume
};

/// Runs each MPI rank computes in a row (see ensemble/cluster.h).
inline constexpr int64_t kMpiChunk = 32;

struct EnsembleResult {
  Summary summary;
  int64_t completed = 0;
  bool interrupted = false;
  double seconds = 0;
};

/// Set from a signal handler to stop an ensemble cleanly.
std::atomic<bool>& interrupt_requested();

/// Called for every record in index order (after the aggregates take it); may be empty.
using RecordSink = std::function<void(int64_t index, const RunRecord&)>;

/// Runs the ensemble. Under MPI (ensemble/cluster.h) rank 0 returns the
/// result and writes the files; the other ranks compute their share and
/// return an empty result. With an out_dir it writes runs.csv, summary.json and
/// ensemble.json there (through temporary files; good output is replaced only
/// by complete output). Throws std::runtime_error for I/O problems or a
/// resume that does not match.
EnsembleResult run_ensemble(const Scenario& s, const Model& m, const EnsembleOptions& opt, const EnsembleInfo& info,
                            const RecordSink& sink = {});

/// Draws the progress bar on stderr: runs done of total, rate and ETA.
void print_progress(int64_t done, int64_t total, double seconds, bool final);

/// FNV-1a 64-bit hash, for identifying inputs.
uint64_t fnv1a(std::string_view text, uint64_t h = 0xcbf29ce484222325ull);

}  // namespace statecraft
