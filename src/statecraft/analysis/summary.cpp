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

Summary make_summary(const Model& m) {
  Summary s;
  s.killed.resize(m.nactor);
  s.entered.assign(m.nactor, 0);
  s.entry_day.resize(m.nactor);
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
}

}  // namespace statecraft
