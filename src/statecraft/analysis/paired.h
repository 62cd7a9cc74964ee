// Statistics of paired runs: the base scenario and a variant run on the same
// seeds (common random numbers), so each run index gives a pair of records
// and the effect of the variant is estimated from within-pair differences,
// which is far more precise than comparing two independent ensembles.
// Everything accumulates in streaming form (counts of the 2x2 table of a
// yes/no outcome, running moments of differences, fixed-bin histograms under
// Poisson bootstrap weights), so memory does not grow with the number of runs.
#pragma once

#include <cstdint>
#include <vector>

#include "util/rng.h"

namespace statecraft {

/// The 2x2 table of a yes/no outcome over pairs (base, variant).
struct PairedBinary {
  int64_t both = 0;          // yes in base and variant
  int64_t base_only = 0;     // yes in base, no in variant
  int64_t variant_only = 0;  // no in base, yes in variant
  int64_t neither = 0;
  void add(bool base, bool variant) {
    if (base) ++(variant ? both : base_only);
    else ++(variant ? variant_only : neither);
  }
  int64_t n() const { return both + base_only + variant_only + neither; }
};

/// An estimated effect variant - base with its 95% interval. NaN where a
/// value is not defined (no pairs, or an interval from a single pair).
struct PairedEffect {
  double base = 0;   // the base arm's estimate
  double value = 0;  // the variant's
  double diff = 0;   // value - base
  double lo = 0, hi = 0;
  double p_value = 1;  // two-sided, for "no effect"; NaN when the method gives none
};

/// Difference of two paired proportions: Newcombe's hybrid score interval
/// (method 10 of Newcombe 1998, Stat Med 17:2635: square-and-add of the
/// Wilson intervals of the two margins, corrected by their correlation) and
/// the exact McNemar test on the discordant pairs.
PairedEffect paired_proportion(const PairedBinary& t);

/// Two-sided exact McNemar p value for `b` and `c` discordant pairs
/// (binomial test of b against b + c trials at 1/2).
double mcnemar_exact_p(int64_t b, int64_t c);

/// Running mean and variance of within-pair differences (Welford), and the
/// means of each arm. Added in run order, so the result does not depend on
/// threads.
struct PairedMean {
  int64_t n = 0;
  double mean_base = 0, mean_variant = 0;
  double mean_diff = 0, m2_diff = 0;
  void add(double base, double variant);
};

/// Mean difference with a normal-theory 95% interval (mean +- 1.96 SE of the
/// paired differences) and the matching two-sided p value.
PairedEffect paired_mean(const PairedMean& m);

/// Poisson bootstrap of quantiles (Hanley and MacGibbon 2006; Chamandy et
/// al. 2012): each run gets, for every replicate, a weight drawn from
/// Poisson(1) and fixed by its seed; each replicate keeps a weighted
/// histogram of every arm. The same weight goes to the base and the variant
/// records of a run, so the replicates keep the pairing, and the
/// percentiles of (variant quantile - base quantile) over the replicates give
/// the interval of a quantile shift. Streaming and exact to merge.
inline constexpr int kBootstrapReplicates = 200;

/// The weights of run `seed` for `replicates` replicates (Poisson(1), at most 255).
void bootstrap_weights(uint64_t seed, int replicates, std::vector<uint8_t>& out);

/// Histogram bins shared with LogHistogram and IntHistogram (analysis/summary.h),
/// so a bootstrap quantile is computed exactly like the point estimate.
enum class BinScale : uint8_t { days, log };

struct BootstrapHistogram {
  BinScale scale = BinScale::log;
  int nbins = 0;
  int replicates = 0;
  std::vector<int32_t> count;  // (replicates x nbins) weighted counts
  std::vector<int64_t> total;  // (replicates) sum of weights
  void add(double v, const std::vector<uint8_t>& weights);
  /// Quantile q of replicate b, on the same bins and rule as summary.h.
  double quantile(int b, double q) const;
};

/// A histogram for values on `scale`; days run 0 .. max_days.
BootstrapHistogram make_bootstrap_histogram(BinScale scale, int max_days, int replicates);

/// Shift of quantile q (variant - base): the point estimate is given (from
/// the arms' own histograms), the interval is the 2.5 and 97.5 percentiles of
/// the replicates' shifts; p_value is NaN (a percentile interval gives none).
PairedEffect quantile_shift(double base, double value, const BootstrapHistogram& hb, const BootstrapHistogram& hv,
                            double q);

}  // namespace statecraft
