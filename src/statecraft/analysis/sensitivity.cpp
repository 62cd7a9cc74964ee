#include "analysis/sensitivity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

#include "util/rng.h"

namespace statecraft {

double normal_quantile(double p) {
  if (!(p > 0)) return -std::numeric_limits<double>::infinity();
  if (!(p < 1)) return std::numeric_limits<double>::infinity();
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double lo = 0.02425;
  double x;
  if (p < lo || p > 1 - lo) {
    const double q = std::sqrt(-2 * std::log(p < lo ? p : 1 - p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    if (p > 1 - lo) x = -x;
  } else {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  // one Halley step on the exact distribution function
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

double morris_value(const Distribution& d, double x) {
  const std::vector<double>& a = d.args;
  x = std::clamp(x, 0.0, 1.0);
  switch (d.kind) {
    case Distribution::Kind::uniform: return a.size() >= 2 ? a[0] + x * (a[1] - a[0]) : 0;
    case Distribution::Kind::triangular: {
      if (a.size() < 3) return 0;
      const double lo = a[0], mode = a[1], hi = a[2];
      if (!(hi > lo)) return lo;
      const double f = (mode - lo) / (hi - lo);
      if (x < f) return lo + std::sqrt(x * (hi - lo) * (mode - lo));
      return hi - std::sqrt((1 - x) * (hi - lo) * (hi - mode));
    }
    case Distribution::Kind::normal: return a.size() >= 2 ? a[0] + a[1] * normal_quantile(0.025 + 0.95 * x) : 0;
    case Distribution::Kind::lognormal:
      return a.size() >= 2 ? a[0] * std::exp(a[1] * normal_quantile(0.025 + 0.95 * x)) : 0;
    case Distribution::Kind::choice: {
      if (a.empty()) return 0;
      const auto i = std::min(a.size() - 1, static_cast<size_t>(x * static_cast<double>(a.size())));
      return a[i];
    }
  }
  return 0;
}

MorrisDesign morris_design(int inputs, int trajectories, int levels, uint64_t seed) {
  MorrisDesign d;
  d.inputs = inputs;
  d.trajectories = trajectories;
  d.levels = levels;
  d.delta = static_cast<double>(levels) / (2.0 * (levels - 1));
  d.x.resize(static_cast<size_t>(trajectories) * (inputs + 1) * inputs);
  d.moved.resize(static_cast<size_t>(trajectories) * inputs);
  d.step.resize(static_cast<size_t>(trajectories) * inputs);
  // the design's own stream, apart from every run's
  Rng rng(mix_seed(seed, 0x302215ull));
  const int half = levels / 2;
  std::vector<int> level(static_cast<size_t>(inputs)), order(static_cast<size_t>(inputs));
  for (int t = 0; t < trajectories; ++t) {
    // a random start on the grid; with an even number of levels each level
    // can move by delta in exactly one direction
    for (int i = 0; i < inputs; ++i) level[i] = static_cast<int>(rng.below(static_cast<uint32_t>(levels)));
    std::iota(order.begin(), order.end(), 0);
    for (int i = inputs - 1; i > 0; --i) std::swap(order[i], order[rng.below(static_cast<uint32_t>(i + 1))]);
    double* p0 = d.x.data() + static_cast<size_t>(t) * (inputs + 1) * inputs;
    for (int i = 0; i < inputs; ++i) p0[i] = static_cast<double>(level[i]) / (levels - 1);
    for (int s = 0; s < inputs; ++s) {
      const int i = order[s];
      double* prev = p0 + static_cast<size_t>(s) * inputs;
      double* next = prev + inputs;
      std::copy(prev, prev + inputs, next);
      const bool up = level[i] < half;
      level[i] += up ? half : -half;
      next[i] = static_cast<double>(level[i]) / (levels - 1);
      d.moved[static_cast<size_t>(t) * inputs + s] = i;
      d.step[static_cast<size_t>(t) * inputs + s] = up ? d.delta : -d.delta;
    }
  }
  return d;
}

int morris_output_count(const Model& m) { return kOutcomeCount + m.nactor + 4; }

std::string morris_output_name(const Model& m, int k) {
  if (k < kOutcomeCount) return std::string("P(") + outcome_name(static_cast<Outcome>(k)) + ")";
  k -= kOutcomeCount;
  if (k < m.nactor) return "P(at war: " + m.actor_id[k] + ")";
  k -= m.nactor;
  static const char* names[] = {"duration_days", "military_deaths", "civilian_deaths", "displaced"};
  return names[std::clamp(k, 0, 3)];
}

void morris_outputs(const Model& m, const RunRecord& r, double* out) {
  for (int o = 0; o < kOutcomeCount; ++o) out[o] = static_cast<int>(r.outcome) == o ? 1 : 0;
  for (int a = 0; a < m.nactor; ++a) out[kOutcomeCount + a] = r.entered_day[a] >= 0 ? 1 : 0;
  double total = 0;
  for (double v : r.killed) total += v;
  double* rest = out + kOutcomeCount + m.nactor;
  rest[0] = r.end_day;
  rest[1] = total;
  rest[2] = r.civilian_deaths;
  rest[3] = r.displaced;
}

MorrisAccumulator make_morris_accumulator(const MorrisDesign& d, int outputs) {
  MorrisAccumulator acc;
  acc.trajectories = d.trajectories;
  acc.inputs = d.inputs;
  acc.outputs = outputs;
  acc.steps.assign(static_cast<size_t>(d.trajectories) * d.inputs * outputs, {});
  acc.lo.assign(static_cast<size_t>(outputs), std::numeric_limits<double>::infinity());
  acc.hi.assign(static_cast<size_t>(outputs), -std::numeric_limits<double>::infinity());
  acc.sum.assign(static_cast<size_t>(outputs), 0);
  return acc;
}

void add_trajectory_runs(MorrisAccumulator& acc, int t, const double* values) {
  const int k = acc.inputs, n = acc.outputs;
  for (int p = 0; p <= k; ++p) {
    const double* y = values + static_cast<size_t>(p) * n;
    for (int o = 0; o < n; ++o) {
      acc.lo[o] = std::min(acc.lo[o], y[o]);
      acc.hi[o] = std::max(acc.hi[o], y[o]);
      acc.sum[o] += y[o];
    }
    ++acc.runs;
    if (p == 0) continue;
    const double* prev = y - n;
    PairedMean* steps = acc.steps.data() + (static_cast<size_t>(t) * k + (p - 1)) * n;
    for (int o = 0; o < n; ++o) steps[o].add(prev[o], y[o]);
  }
}

std::vector<int> varying_outputs(const MorrisAccumulator& acc) {
  std::vector<int> out;
  for (int o = 0; o < acc.outputs; ++o)
    if (acc.hi[o] > acc.lo[o]) out.push_back(o);
  return out;
}

std::vector<MorrisIndex> morris_indices(const MorrisDesign& d, const MorrisAccumulator& acc) {
  const int k = d.inputs, n = acc.outputs, r = d.trajectories;
  std::vector<MorrisIndex> out(static_cast<size_t>(k) * n);
  const double kHalfNormal = std::sqrt(2 / std::numbers::pi);  // E|Z| for a standard normal Z
  std::vector<double> ee(static_cast<size_t>(r)), se(static_cast<size_t>(r));
  for (int i = 0; i < k; ++i) {
    for (int o = 0; o < n; ++o) {
      // the elementary effect of input i on output o in each trajectory
      int m = 0;
      for (int t = 0; t < r; ++t) {
        for (int s = 0; s < k; ++s) {
          if (d.moved[static_cast<size_t>(t) * k + s] != i) continue;
          const PairedMean& pm = acc.steps[(static_cast<size_t>(t) * k + s) * n + o];
          if (pm.n == 0) continue;
          const double step = d.step[static_cast<size_t>(t) * k + s];
          ee[m] = pm.mean_diff / step;
          se[m] = pm.n > 1 ? std::sqrt(pm.m2_diff / static_cast<double>(pm.n - 1) / static_cast<double>(pm.n)) /
                                 std::fabs(step)
                           : 0;
          ++m;
        }
      }
      MorrisIndex& x = out[static_cast<size_t>(i) * n + o];
      if (m == 0) continue;
      double sum = 0, sum_abs = 0, se2 = 0;
      for (int j = 0; j < m; ++j) {
        sum += ee[j];
        sum_abs += std::fabs(ee[j]);
        se2 += se[j] * se[j];
      }
      x.mu = sum / m;
      x.mu_star = sum_abs / m;
      double var = 0, var_abs = 0, noise_mean = 0;
      for (int j = 0; j < m; ++j) {
        var += (ee[j] - x.mu) * (ee[j] - x.mu);
        var_abs += (std::fabs(ee[j]) - x.mu_star) * (std::fabs(ee[j]) - x.mu_star);
        noise_mean += se[j] * kHalfNormal;
      }
      x.sigma = m > 1 ? std::sqrt(var / (m - 1)) : 0;
      x.mu_star_se = m > 1 ? std::sqrt(var_abs / (m - 1) / m) : 0;
      x.noise = std::sqrt(se2 / m);
      // with no true effect each |effect| is the absolute value of a normal
      // of its run-noise spread: mean se*sqrt(2/pi), variance se^2 (1 - 2/pi)
      x.noise_mu_star = noise_mean / m;
      const double noise_sd = std::sqrt(se2 * (1 - kHalfNormal * kHalfNormal) / m / m);
      x.above_noise = x.mu_star > x.noise_mu_star + 2 * noise_sd;
    }
  }
  return out;
}

}  // namespace statecraft
