// What-if comparison: the base scenario and each variant ("arms") run on the
// same seeds, and the effect of every variant on every outcome, estimated
// from the paired runs: differences in the probability of each outcome
// class, of each actor being at war and of a truce breaking down
// (analysis/paired.h: Newcombe interval, McNemar test), differences in mean
// duration and deaths (paired t), and shifts of their quantiles (Poisson
// bootstrap). Streaming: memory depends on the model and the number of
// arms, not on the number of runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/paired.h"
#include "analysis/summary.h"
#include "engine/engine.h"
#include "model/model.h"

namespace statecraft {

/// The continuous quantities compared, in this order.
inline constexpr int kCompareMetrics = 4;
inline constexpr const char* kCompareMetricNames[kCompareMetrics] = {"duration_days", "military_deaths",
                                                                     "civilian_deaths", "displaced"};

struct Comparison {
  std::vector<std::string> arms;  // "base", then the variants
  std::vector<Summary> summary;   // (narm) each arm's own aggregate, as `run` would give it
  // paired with the base, for each variant v = 1 .. narm-1 at index v-1
  std::vector<PairedBinary> outcome;  // ((narm-1) x kOutcomeCount)
  std::vector<PairedBinary> at_war;   // ((narm-1) x nactor)
  std::vector<PairedBinary> truce;    // (narm-1) a truce broke down
  std::vector<PairedMean> occupied;   // (narm-1) % of the first war's theatre people held by the side that is not
                                      //   their region's pre-war owner's (100 x (1 - status_quo_share)) at the end
  std::vector<PairedMean> mean;       // ((narm-1) x kCompareMetrics)
  int replicates = 0;
  std::vector<BootstrapHistogram> boot;  // (narm x kCompareMetrics)
  std::vector<uint8_t> weights;          // scratch: the current run's bootstrap weights
};

/// `arms` names the base first. `replicates` bootstrap replicates (0: no
/// quantile intervals).
Comparison make_comparison(const Model& m, const std::vector<std::string>& arms, int replicates);

/// Adds one run index: `records[a]` is arm a's record of the same seed.
void add_paired_runs(const Model& m, Comparison& c, const RunRecord* records);

/// One line of the effect table.
struct Effect {
  std::string variant;
  std::string
      metric;  // "P(armistice)", "P(at war: CHN)", "P(truce broke)", "duration_days mean", "military_deaths p50"
  std::string method;  // "newcombe+mcnemar", "paired-t", "poisson-bootstrap"
  PairedEffect e;
  int64_t discordant_base = 0, discordant_variant = 0;  // for proportions: pairs yes only in base / only in variant
};

/// Every effect of every variant: outcome classes any arm reached, actors
/// whose being at war is not the same in every run of every arm, truce
/// breakdown if any arm had one, the mean share of the theatre's people held
/// by the other side than their pre-war owner's ("people_occupied_pct mean")
/// if any arm has some, then means and quantiles (p10, p50, p90)
/// of duration and deaths.
std::vector<Effect> comparison_effects(const Model& m, const Comparison& c);

}  // namespace statecraft
