// Global sensitivity over a scenario's `uncertain:` block by Morris
// elementary-effects screening (Morris 1991; mu* of Campolongo et al. 2007):
// r trajectories through a grid of p levels in the unit cube of the inputs,
// each step moving one input by delta = p / (2 (p - 1)) of its range. At each
// point of a trajectory the other noise of the model is averaged over a
// batch of runs; the points of one trajectory share their seeds (common
// random numbers), so an elementary effect is a paired difference and its
// run-to-run noise can be measured. For each input and output: mu (mean
// effect), mu* (mean absolute effect: how much the input drives the output),
// sigma (spread: non-linearity or interaction) and the level mu* would have
// from run noise alone. Inputs map to values through their distribution's
// quantiles, so the screening covers where the scenario says they are.
// Also the plain structs of a one- or two-parameter grid sweep.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/paired.h"
#include "analysis/summary.h"
#include "engine/engine.h"
#include "model/model.h"
#include "scenario/scenario.h"

namespace statecraft {

struct MorrisDesign {
  int inputs = 0;
  int trajectories = 0;
  int levels = 4;
  double delta = 0;          // step in unit coordinates
  std::vector<double> x;     // (trajectories x (inputs+1) x inputs) unit coordinates of each point
  std::vector<int> moved;    // (trajectories x inputs) the input that step s of a trajectory moves
  std::vector<double> step;  // (trajectories x inputs) its change, +delta or -delta
  const double* point(int t, int p) const { return x.data() + (static_cast<size_t>(t) * (inputs + 1) + p) * inputs; }
};

/// A design of `trajectories` trajectories for `inputs` inputs on `levels`
/// levels (even, >= 2), drawn from `seed`.
MorrisDesign morris_design(int inputs, int trajectories, int levels, uint64_t seed);

/// The value of an input at unit coordinate x in [0, 1]: the distribution's
/// quantile at x for bounded ones (uniform, triangular, choice), at
/// 0.025 + 0.95 x (its central 95%) for unbounded ones (normal, lognormal).
double morris_value(const Distribution& d, double x);

/// Inverse of the standard normal distribution function (Acklam's
/// approximation refined by one Halley step; about 1e-15 relative).
double normal_quantile(double p);

/// The per-run outputs screened: an indicator for each outcome class, one
/// for each actor being at war, then duration (days) and military deaths,
/// civilian deaths, displaced people.
int morris_output_count(const Model& m);
std::string morris_output_name(const Model& m, int k);
void morris_outputs(const Model& m, const RunRecord& r, double* out);

/// Streaming accumulator of the paired differences along every trajectory.
struct MorrisAccumulator {
  int trajectories = 0, inputs = 0, outputs = 0;
  std::vector<PairedMean> steps;  // (trajectories x inputs x outputs): point s+1 minus point s
  std::vector<double> lo, hi;     // (outputs) smallest and largest value seen
  std::vector<double> sum;        // (outputs) over every run, for the mean at the design points
  int64_t runs = 0;
};

MorrisAccumulator make_morris_accumulator(const MorrisDesign& d, int outputs);

/// Adds one seed of trajectory t: `values` holds the outputs of the
/// (inputs + 1) points' runs, point by point.
void add_trajectory_runs(MorrisAccumulator& acc, int t, const double* values);

struct MorrisIndex {
  double mu = 0;             // mean elementary effect (output change per full range of the input)
  double mu_star = 0;        // mean absolute elementary effect
  double sigma = 0;          // standard deviation of the elementary effects over trajectories
  double mu_star_se = 0;     // standard error of mu* over trajectories
  double noise = 0;          // root mean square standard error of one effect from run noise
  double noise_mu_star = 0;  // mu* that run noise alone would give on average
  bool above_noise = false;  // mu* exceeds that level by more than two of its standard deviations
};

/// (inputs x outputs) indices.
std::vector<MorrisIndex> morris_indices(const MorrisDesign& d, const MorrisAccumulator& acc);

/// Outputs worth reporting: those that took more than one value.
std::vector<int> varying_outputs(const MorrisAccumulator& acc);

struct MorrisInput {
  std::string path;
  Distribution dist;
  std::vector<double> level_values;  // the value at each level of the grid (after clipping)
};

/// A whole screening: its inputs, design, accumulated effects and indices.
struct MorrisResult {
  std::vector<MorrisInput> inputs;
  MorrisDesign design;
  MorrisAccumulator acc;
  std::vector<MorrisIndex> indices;  // (inputs x outputs)
  int64_t runs_per_point = 0;
};

// ---- one- and two-parameter sweeps (one at a time, over a grid) ----------------

/// `--param PATH=lo:hi:n`: n evenly spaced values from lo to hi.
struct SweepParam {
  std::string path;
  double lo = 0, hi = 0;
  int n = 0;
};

struct SweepPoint {
  std::vector<double> values;  // one per parameter
  Summary summary;             // without weekly bands and monthly snapshots
};

}  // namespace statecraft
