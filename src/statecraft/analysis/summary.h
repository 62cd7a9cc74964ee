// Streaming statistics over run records: outcome probabilities with Wilson
// intervals, quantiles from fixed-bin histograms (memory independent of the
// number of runs), entry probabilities and timing, final control shares.
// Records are added in run-index order, so the result is the same whatever
// the thread or rank count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "model/model.h"

namespace statecraft {

/// Histogram with bins 1% wide on a log scale (plus an exact zero bin), for
/// positive quantities spanning orders of magnitude (deaths, displaced).
struct LogHistogram {
  static constexpr int kBins = 2400;  // covers 1 .. ~2.4e10 at 1% resolution
  std::vector<int64_t> count = std::vector<int64_t>(kBins, 0);
  int64_t n = 0;
  double sum = 0;
  void add(double v);
  double quantile(double q) const;  // bin midpoint; NaN when empty
  double mean() const { return n ? sum / static_cast<double>(n) : 0; }
};

/// Exact histogram of small non-negative integers (days).
struct IntHistogram {
  std::vector<int64_t> count;
  int64_t n = 0;
  double sum = 0;
  void add(int v);
  double quantile(double q) const;
  double mean() const { return n ? sum / static_cast<double>(n) : 0; }
};

/// Quantile bands of the weekly series: for every (sample, metric) a
/// histogram, shares on 1% linear bins, counts on 5% log bins.
struct SeriesBands {
  static constexpr int kBins = 480;
  int nsample = 0;
  std::vector<int32_t> counts;  // (nsample x kSeriesMetrics x kBins)
  void add(const std::vector<float>& series);
  double quantile(int sample, int metric, double q, int64_t runs) const;
};

struct Interval {
  double p = 0;
  double lo = 0;
  double hi = 0;
};

/// Wilson score interval for k successes in n trials at 95%.
Interval wilson(int64_t k, int64_t n);

/// Distance within which forces of a side an outsider disfavours count as
/// approaching its homeland (the Chongchon line lies about 100 km from the Yalu).
inline constexpr double kApproachKm = 100;

struct Summary {
  int64_t runs = 0;
  int64_t outcome[kOutcomeCount] = {};
  IntHistogram days;
  LogHistogram military_deaths;           // all actors
  std::vector<LogHistogram> killed;       // (nactor)
  LogHistogram civilian_deaths;
  LogHistogram displaced;
  std::vector<int64_t> entered;           // (nactor) runs in which the actor was at war
  std::vector<IntHistogram> entry_day;    // (nactor) day of entry, among runs where it entered after the start
  std::vector<int64_t> approach;          // (nactor x 4) runs by [approached within kApproachKm][entered]
  std::vector<int64_t> control;           // (nregion x nactor) runs ending with each holder
  std::vector<int64_t> checkpoint_met;    // (ncheckpoint)
  std::vector<int64_t> rung;              // (max rung + 1) runs by highest rung
  int64_t truce_broke = 0;
  int64_t dropped_movements = 0;
  // by outcome class: mean duration and military deaths (first-order summaries)
  double outcome_days_sum[kOutcomeCount] = {};
  double outcome_deaths_sum[kOutcomeCount] = {};
  SeriesBands series;
  std::vector<int32_t> snapshots;         // (snapshot_count x nregion x nactor) runs with each holder
};

/// The whole aggregate as JSON and back, exactly: an interrupted ensemble
/// saves it beside its rows and a resumed one continues from it.
nlohmann::json summary_state(const Summary& sum);
bool restore_summary(const Model& m, const nlohmann::json& j, Summary& sum);

Summary make_summary(const Model& m);
void add_run(const Model& m, Summary& sum, const RunRecord& r);

}  // namespace statecraft
