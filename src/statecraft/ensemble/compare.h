// Ensembles for what-if questions, on common random numbers: `compare` runs
// run i of the base and of every variant with the same seed; `sweep` runs
// the same seeds at every point of a one- or two-parameter grid; Morris
// screening runs the points of each trajectory on shared seeds. Jobs are
// spread over threads and consumed in index order (ensemble/ordered.h), so
// every result is independent of the thread count. Nothing is kept per run:
// the aggregates are streaming (analysis/compare.h, analysis/sensitivity.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/compare.h"
#include "analysis/sensitivity.h"
#include "analysis/summary.h"
#include "model/model.h"
#include "scenario/scenario.h"

namespace statecraft {

struct BatchOptions {
  int64_t runs = 1000;  // compare: runs per arm; sweep and Morris: runs per point
  uint64_t seed = 1;
  int threads = 0;     // 0: all hardware threads
  bool quiet = false;  // no progress bar
};

struct BatchStatus {
  int64_t completed = 0;  // jobs consumed
  int64_t total = 0;
  bool interrupted = false;
  double seconds = 0;
  int64_t runs_done = 0;  // single runs, over every arm or point
};

// ---- compare ----------------------------------------------------------------

/// `arms[0]` is the base scenario, the others the variants (each already
/// applied); `names` their names. Run i of every arm has seed run_seed(seed, i).
Comparison run_compare(const std::vector<Scenario>& arms, const std::vector<std::string>& names,
                       const BatchOptions& opt, int replicates, BatchStatus& status);

// ---- sweep ------------------------------------------------------------------

/// Parses "PATH=lo:hi:n"; empty string on success, else what is wrong.
std::string parse_sweep_param(const std::string& text, SweepParam& out);

/// The grid's scenarios (the first parameter varies slowest) and their
/// values. Empty string on success, else what is wrong (a path that names no
/// number, a value its field does not accept), naming the parameter.
std::string sweep_grid(const Scenario& base, const std::vector<SweepParam>& params, std::vector<Scenario>& scenarios,
                       std::vector<std::vector<double>>& values);

/// Runs `opt.runs` runs at every grid point, run j of each point with seed
/// run_seed(seed, j) (the same seeds at every point).
std::vector<SweepPoint> run_sweep(const std::vector<Scenario>& scenarios,
                                  const std::vector<std::vector<double>>& values, const BatchOptions& opt,
                                  BatchStatus& status);

// ---- Morris screening ---------------------------------------------------------

struct MorrisOptions {
  int trajectories = 10;
  int levels = 4;
};

/// The inputs of a screening: the `uncertain:` entries of `s` that no
/// variant or override has fixed.
std::vector<MorrisInput> morris_inputs(const Scenario& s, int levels);

/// Screens the inputs of `s`: `opt.runs` runs at every point of every
/// trajectory, run j of trajectory t with seed run_seed(seed, t * runs + j)
/// at each of its points. Needs at least one input.
MorrisResult run_morris(const Scenario& s, const MorrisOptions& mo, const BatchOptions& opt, BatchStatus& status);

}  // namespace statecraft
