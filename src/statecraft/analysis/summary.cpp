#include "analysis/summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace statecraft {

namespace {
const double kLogStep = std::log(1.01);
}

void LogHistogram::add(double v) {
  ++n;
  sum += v;
  if (!(v >= 1)) {  // zero, fractions of a person and NaN share the bottom bin
    ++count[0];
    return;
  }
  const int bin = 1 + static_cast<int>(std::log(v) / kLogStep);
  ++count[std::min(bin, kBins - 1)];
}

double LogHistogram::quantile(double q) const {
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const auto target = static_cast<int64_t>(std::ceil(q * static_cast<double>(n)));
  int64_t seen = 0;
  for (int b = 0; b < kBins; ++b) {
    seen += count[b];
    if (seen >= std::max<int64_t>(1, target)) return b == 0 ? 0.0 : std::exp((b - 0.5) * kLogStep);
  }
  return std::exp((kBins - 0.5) * kLogStep);
}

void IntHistogram::add(int v) {
  v = std::max(v, 0);
  if (static_cast<size_t>(v) >= count.size()) count.resize(static_cast<size_t>(v) + 1, 0);
  ++count[v];
  ++n;
  sum += v;
}

double IntHistogram::quantile(double q) const {
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const auto target = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(q * static_cast<double>(n))));
  int64_t seen = 0;
  for (size_t v = 0; v < count.size(); ++v) {
    seen += count[v];
    if (seen >= target) return static_cast<double>(v);
  }
  return static_cast<double>(count.size() - 1);
}

Interval wilson(int64_t k, int64_t n) {
  if (n <= 0) return {0, 0, 1};
  const double z = 1.959963984540054;
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double denom = 1 + z * z / nn;
  const double centre = (p + z * z / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
  return {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

namespace {
const double kLog5 = std::log(1.05);

int series_bin(int metric, double v) {
  if (metric == 0) return std::clamp(static_cast<int>(std::lround(v * 100)), 0, 100);  // a share, 1% bins
  if (!(v >= 1)) return 0;
  return std::min(SeriesBands::kBins - 1, 1 + static_cast<int>(std::log(v) / kLog5));
}

double bin_value(int metric, int bin) {
  if (metric == 0) return bin / 100.0;
  return bin == 0 ? 0.0 : std::exp((bin - 0.5) * kLog5);
}
}  // namespace

void SeriesBands::add(const std::vector<float>& series) {
  for (int k = 0; k < nsample; ++k)
    for (int q = 0; q < kSeriesMetrics; ++q)
      ++counts[(static_cast<size_t>(k) * kSeriesMetrics + q) * kBins +
               series_bin(q, series[static_cast<size_t>(k) * kSeriesMetrics + q])];
}

double SeriesBands::quantile(int sample, int metric, double q, int64_t runs) const {
  if (runs <= 0) return std::numeric_limits<double>::quiet_NaN();
  const auto target = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(q * static_cast<double>(runs))));
  const int32_t* c = counts.data() + (static_cast<size_t>(sample) * kSeriesMetrics + metric) * kBins;
  int64_t seen = 0;
  for (int b = 0; b < kBins; ++b) {
    seen += c[b];
    if (seen >= target) return bin_value(metric, b);
  }
  return bin_value(metric, kBins - 1);
}

Summary make_summary(const Model& m) {
  Summary s;
  s.series.nsample = series_samples(m);
  s.series.counts.assign(static_cast<size_t>(s.series.nsample) * kSeriesMetrics * SeriesBands::kBins, 0);
  s.snapshots.assign(static_cast<size_t>(snapshot_count(m)) * m.nregion * m.nactor, 0);
  s.killed.resize(m.nactor);
  s.entered.assign(m.nactor, 0);
  s.entry_day.resize(m.nactor);
  s.approach.assign(static_cast<size_t>(m.nactor) * 4, 0);
  s.control.assign(static_cast<size_t>(m.nregion) * m.nactor, 0);
  s.checkpoint_met.assign(m.checkpoint.size(), 0);
  return s;
}

void add_run(const Model& m, Summary& sum, const RunRecord& r) {
  ++sum.runs;
  ++sum.outcome[static_cast<int>(r.outcome)];
  sum.days.add(r.end_day);
  double total = 0;
  for (int a = 0; a < m.nactor; ++a) {
    sum.killed[a].add(r.killed[a]);
    total += r.killed[a];
    if (r.closest_km.size() == static_cast<size_t>(m.nactor))
      ++sum.approach[static_cast<size_t>(a) * 4 + 2 * (r.closest_km[a] <= kApproachKm) + (r.entered_day[a] >= 0)];
    if (r.entered_day[a] >= 0) {
      ++sum.entered[a];
      if (r.entered_day[a] > 0) sum.entry_day[a].add(r.entered_day[a]);
    }
  }
  sum.military_deaths.add(total);
  sum.civilian_deaths.add(r.civilian_deaths);
  sum.displaced.add(r.displaced);
  for (int g = 0; g < m.nregion; ++g) ++sum.control[static_cast<size_t>(g) * m.nactor + r.final_control[g]];
  for (size_t i = 0; i < r.checkpoint_met.size(); ++i) sum.checkpoint_met[i] += r.checkpoint_met[i] == 1;
  if (static_cast<size_t>(r.max_rung) >= sum.rung.size()) sum.rung.resize(static_cast<size_t>(r.max_rung) + 1, 0);
  ++sum.rung[r.max_rung];
  sum.truce_broke += r.truce_broke;
  sum.dropped_movements += r.dropped_movements;
  sum.outcome_days_sum[static_cast<int>(r.outcome)] += r.end_day;
  sum.outcome_deaths_sum[static_cast<int>(r.outcome)] += total;
  if (r.series.size() == static_cast<size_t>(sum.series.nsample) * kSeriesMetrics) sum.series.add(r.series);
  if (r.snapshots.size() * m.nactor == sum.snapshots.size())
    for (size_t i = 0; i < r.snapshots.size(); ++i) ++sum.snapshots[i * m.nactor + r.snapshots[i]];
}

namespace {
nlohmann::json hist_state(const LogHistogram& h) { return {{"n", h.n}, {"sum", h.sum}, {"count", h.count}}; }
nlohmann::json hist_state(const IntHistogram& h) { return {{"n", h.n}, {"sum", h.sum}, {"count", h.count}}; }
template <class H>
bool hist_restore(const nlohmann::json& j, H& h) {
  if (!j.is_object()) return false;
  h.n = j.at("n").get<int64_t>();
  h.sum = j.at("sum").get<double>();
  h.count = j.at("count").get<std::vector<int64_t>>();
  return true;
}
}  // namespace

nlohmann::json summary_state(const Summary& sum) {
  nlohmann::json j;
  j["runs"] = sum.runs;
  j["outcome"] = std::vector<int64_t>(sum.outcome, sum.outcome + kOutcomeCount);
  j["days"] = hist_state(sum.days);
  j["military_deaths"] = hist_state(sum.military_deaths);
  nlohmann::json killed = nlohmann::json::array(), entry = nlohmann::json::array();
  for (const auto& h : sum.killed) killed.push_back(hist_state(h));
  for (const auto& h : sum.entry_day) entry.push_back(hist_state(h));
  j["killed"] = killed;
  j["entry_day"] = entry;
  j["civilian_deaths"] = hist_state(sum.civilian_deaths);
  j["displaced"] = hist_state(sum.displaced);
  j["entered"] = sum.entered;
  j["approach"] = sum.approach;
  j["control"] = sum.control;
  j["checkpoint_met"] = sum.checkpoint_met;
  j["rung"] = sum.rung;
  j["truce_broke"] = sum.truce_broke;
  j["dropped_movements"] = sum.dropped_movements;
  j["outcome_days_sum"] = std::vector<double>(sum.outcome_days_sum, sum.outcome_days_sum + kOutcomeCount);
  j["outcome_deaths_sum"] = std::vector<double>(sum.outcome_deaths_sum, sum.outcome_deaths_sum + kOutcomeCount);
  j["series"] = sum.series.counts;
  j["snapshots"] = sum.snapshots;
  return j;
}

bool restore_summary(const Model& m, const nlohmann::json& j, Summary& sum) {
  try {
    Summary s = make_summary(m);
    s.runs = j.at("runs").get<int64_t>();
    const auto outcome = j.at("outcome").get<std::vector<int64_t>>();
    const auto days_sum = j.at("outcome_days_sum").get<std::vector<double>>();
    const auto deaths_sum = j.at("outcome_deaths_sum").get<std::vector<double>>();
    if (outcome.size() != kOutcomeCount || days_sum.size() != kOutcomeCount || deaths_sum.size() != kOutcomeCount)
      return false;
    for (int o = 0; o < kOutcomeCount; ++o) {
      s.outcome[o] = outcome[o];
      s.outcome_days_sum[o] = days_sum[o];
      s.outcome_deaths_sum[o] = deaths_sum[o];
    }
    bool ok = hist_restore(j.at("days"), s.days) && hist_restore(j.at("military_deaths"), s.military_deaths) &&
              hist_restore(j.at("civilian_deaths"), s.civilian_deaths) && hist_restore(j.at("displaced"), s.displaced);
    const auto& killed = j.at("killed");
    const auto& entry = j.at("entry_day");
    if (!ok || killed.size() != static_cast<size_t>(m.nactor) || entry.size() != static_cast<size_t>(m.nactor)) return false;
    for (int a = 0; a < m.nactor; ++a)
      if (!hist_restore(killed[a], s.killed[a]) || !hist_restore(entry[a], s.entry_day[a])) return false;
    s.entered = j.at("entered").get<std::vector<int64_t>>();
    s.approach = j.at("approach").get<std::vector<int64_t>>();
    if (s.approach.size() != static_cast<size_t>(m.nactor) * 4) return false;
    s.control = j.at("control").get<std::vector<int64_t>>();
    s.checkpoint_met = j.at("checkpoint_met").get<std::vector<int64_t>>();
    s.rung = j.at("rung").get<std::vector<int64_t>>();
    s.truce_broke = j.at("truce_broke").get<int64_t>();
    s.dropped_movements = j.at("dropped_movements").get<int64_t>();
    auto series = j.at("series").get<std::vector<int32_t>>();
    auto snapshots = j.at("snapshots").get<std::vector<int32_t>>();
    if (s.entered.size() != static_cast<size_t>(m.nactor) || series.size() != s.series.counts.size() ||
        snapshots.size() != s.snapshots.size() || s.control.size() != static_cast<size_t>(m.nregion) * m.nactor ||
        s.checkpoint_met.size() != m.checkpoint.size())
      return false;
    s.series.counts = std::move(series);
    s.snapshots = std::move(snapshots);
    sum = std::move(s);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace statecraft
