#include "analysis/paired.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/summary.h"

namespace statecraft {

namespace {

constexpr double kZ95 = 1.959963984540054;
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kLogStep = std::log(1.01);  // LogHistogram's bins

// two-sided normal p value of z
double normal_p(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

}  // namespace

double mcnemar_exact_p(int64_t b, int64_t c) {
  const int64_t m = b + c;
  if (m == 0) return 1;
  const int64_t k = std::min(b, c);
  // P(X <= k) for X ~ Binomial(m, 1/2), summed in log space (m can be large)
  const double lm = std::lgamma(static_cast<double>(m) + 1) - static_cast<double>(m) * std::log(2.0);
  double max_term = -std::numeric_limits<double>::infinity();
  std::vector<double> terms(static_cast<size_t>(k) + 1);
  for (int64_t i = 0; i <= k; ++i) {
    const double di = static_cast<double>(i);
    terms[static_cast<size_t>(i)] = lm - std::lgamma(di + 1) - std::lgamma(static_cast<double>(m) - di + 1);
    max_term = std::max(max_term, terms[static_cast<size_t>(i)]);
  }
  double s = 0;
  for (double t : terms) s += std::exp(t - max_term);
  const double tail = std::exp(max_term) * s;
  return std::min(1.0, 2 * tail);
}

PairedEffect paired_proportion(const PairedBinary& t) {
  PairedEffect e;
  const int64_t n = t.n();
  if (n == 0) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  const double nn = static_cast<double>(n);
  const int64_t yes_base = t.both + t.base_only, yes_variant = t.both + t.variant_only;
  const Interval ib = wilson(yes_base, n), iv = wilson(yes_variant, n);
  e.base = ib.p;
  e.value = iv.p;
  e.diff = (static_cast<double>(t.variant_only) - static_cast<double>(t.base_only)) / nn;
  // the correlation of the two margins, phi of the 2x2 table, with
  // Newcombe's adjustment of a positive ad - bc by n/2; 0 when a margin is
  // empty (then the arms cannot co-vary)
  const double a = static_cast<double>(t.both), b = static_cast<double>(t.variant_only),
               c = static_cast<double>(t.base_only), d = static_cast<double>(t.neither);
  const double denom = (a + b) * (c + d) * (a + c) * (b + d);
  const double cross = a * d - b * c;
  const double adjusted = cross > nn / 2 ? cross - nn / 2 : (cross >= 0 ? 0.0 : cross);
  const double phi = denom > 0 ? adjusted / std::sqrt(denom) : 0;
  // Newcombe's method 10 for theta = p_variant - p_base
  const double dv_lo = iv.p - iv.lo, dv_hi = iv.hi - iv.p, db_lo = ib.p - ib.lo, db_hi = ib.hi - ib.p;
  const double delta = std::sqrt(std::max(0.0, dv_lo * dv_lo - 2 * phi * dv_lo * db_hi + db_hi * db_hi));
  const double eps = std::sqrt(std::max(0.0, dv_hi * dv_hi - 2 * phi * dv_hi * db_lo + db_lo * db_lo));
  e.lo = std::max(-1.0, e.diff - delta);
  e.hi = std::min(1.0, e.diff + eps);
  e.p_value = mcnemar_exact_p(t.base_only, t.variant_only);
  return e;
}

void PairedMean::add(double base, double variant) {
  ++n;
  const double k = static_cast<double>(n);
  mean_base += (base - mean_base) / k;
  mean_variant += (variant - mean_variant) / k;
  const double d = variant - base;
  const double delta = d - mean_diff;
  mean_diff += delta / k;
  m2_diff += delta * (d - mean_diff);
}

PairedEffect paired_mean(const PairedMean& m) {
  if (m.n == 0) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  PairedEffect e{m.mean_base, m.mean_variant, m.mean_diff, kNaN, kNaN, kNaN};
  if (m.n < 2) return e;
  const double se = std::sqrt(m.m2_diff / static_cast<double>(m.n - 1) / static_cast<double>(m.n));
  e.lo = m.mean_diff - kZ95 * se;
  e.hi = m.mean_diff + kZ95 * se;
  e.p_value = se > 0 ? normal_p(m.mean_diff / se) : (m.mean_diff == 0 ? 1.0 : 0.0);
  return e;
}

void bootstrap_weights(uint64_t seed, int replicates, std::vector<uint8_t>& out) {
  out.resize(static_cast<size_t>(replicates));
  // a stream of its own, apart from the run's four, so it never shifts a run's draws
  Rng rng(mix_seed(seed, 0xB0075ull));
  const double e1 = std::exp(-1.0);
  for (auto& w : out) {
    // Poisson(1) by inversion
    const double u = rng.uniform();
    int k = 0;
    double p = e1, cdf = e1;
    while (u >= cdf && k < 255) {
      ++k;
      p /= k;
      cdf += p;
    }
    w = static_cast<uint8_t>(k);
  }
}

BootstrapHistogram make_bootstrap_histogram(BinScale scale, int max_days, int replicates) {
  BootstrapHistogram h;
  h.scale = scale;
  h.nbins = scale == BinScale::days ? std::max(0, max_days) + 1 : LogHistogram::kBins;
  h.replicates = replicates;
  h.count.assign(static_cast<size_t>(h.nbins) * static_cast<size_t>(replicates), 0);
  h.total.assign(static_cast<size_t>(replicates), 0);
  return h;
}

void BootstrapHistogram::add(double v, const std::vector<uint8_t>& weights) {
  int bin;
  if (scale == BinScale::days) {
    bin = std::clamp(static_cast<int>(v), 0, nbins - 1);
  } else if (!(v >= 1)) {
    bin = 0;
  } else {
    bin = std::min(1 + static_cast<int>(std::log(v) / kLogStep), nbins - 1);
  }
  for (int b = 0; b < replicates; ++b) {
    const uint8_t w = weights[static_cast<size_t>(b)];
    if (!w) continue;
    count[static_cast<size_t>(b) * nbins + bin] += w;
    total[static_cast<size_t>(b)] += w;
  }
}

double BootstrapHistogram::quantile(int b, double q) const {
  const int64_t n = total[static_cast<size_t>(b)];
  if (n == 0) return kNaN;
  const auto target = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(q * static_cast<double>(n))));
  const int32_t* c = count.data() + static_cast<size_t>(b) * nbins;
  int64_t seen = 0;
  int bin = nbins - 1;
  for (int k = 0; k < nbins; ++k) {
    seen += c[k];
    if (seen >= target) {
      bin = k;
      break;
    }
  }
  if (scale == BinScale::days) return bin;
  return bin == 0 ? 0.0 : std::exp((bin - 0.5) * kLogStep);
}

PairedEffect quantile_shift(double base, double value, const BootstrapHistogram& hb, const BootstrapHistogram& hv,
                            double q) {
  PairedEffect e{base, value, value - base, kNaN, kNaN, kNaN};
  std::vector<double> shifts;
  shifts.reserve(static_cast<size_t>(hb.replicates));
  for (int b = 0; b < hb.replicates && b < hv.replicates; ++b) {
    const double x = hv.quantile(b, q) - hb.quantile(b, q);
    if (std::isfinite(x)) shifts.push_back(x);
  }
  if (shifts.size() < 20) return e;  // too few replicates for a 95% percentile interval
  std::sort(shifts.begin(), shifts.end());
  const auto at = [&](double level) {
    const auto i = static_cast<size_t>(std::clamp(std::ceil(level * static_cast<double>(shifts.size())) - 1, 0.0,
                                                  static_cast<double>(shifts.size() - 1)));
    return shifts[i];
  };
  e.lo = at(0.025);
  e.hi = at(0.975);
  return e;
}

}  // namespace statecraft
