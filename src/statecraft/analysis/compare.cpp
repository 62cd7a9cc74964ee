#include "analysis/compare.h"

#include <cmath>

namespace statecraft {

namespace {

double metric_value(const RunRecord& r, int k) {
  switch (k) {
    case 0: return r.end_day;
    case 1: {
      double total = 0;  // summed as add_run sums it
      for (double v : r.killed) total += v;
      return total;
    }
    case 2: return r.civilian_deaths;
    default: return r.displaced;
  }
}

const Summary& arm(const Comparison& c, size_t a) { return c.summary[a]; }

double summary_quantile(const Summary& s, int k, double q) {
  switch (k) {
    case 0: return s.days.quantile(q);
    case 1: return s.military_deaths.quantile(q);
    case 2: return s.civilian_deaths.quantile(q);
    default: return s.displaced.quantile(q);
  }
}

}  // namespace

Comparison make_comparison(const Model& m, const std::vector<std::string>& arms, int replicates) {
  Comparison c;
  c.arms = arms;
  const size_t narm = arms.size(), nvar = narm > 0 ? narm - 1 : 0;
  c.summary.reserve(narm);
  for (size_t a = 0; a < narm; ++a) c.summary.push_back(make_summary(m));
  c.outcome.assign(nvar * kOutcomeCount, {});
  c.at_war.assign(nvar * m.nactor, {});
  c.truce.assign(nvar, {});
  c.occupied.assign(nvar, {});
  c.mean.assign(nvar * kCompareMetrics, {});
  c.replicates = replicates;
  if (replicates > 0)
    for (size_t a = 0; a < narm; ++a)
      for (int k = 0; k < kCompareMetrics; ++k)
        c.boot.push_back(
            make_bootstrap_histogram(k == 0 ? BinScale::days : BinScale::log, m.horizon_day - m.start_day, replicates));
  return c;
}

void add_paired_runs(const Model& m, Comparison& c, const RunRecord* records) {
  const size_t narm = c.arms.size();
  for (size_t a = 0; a < narm; ++a) add_run(m, c.summary[a], records[a]);
  const RunRecord& base = records[0];
  for (size_t v = 1; v < narm; ++v) {
    const RunRecord& r = records[v];
    const size_t i = v - 1;
    for (int o = 0; o < kOutcomeCount; ++o)
      c.outcome[i * kOutcomeCount + o].add(static_cast<int>(base.outcome) == o, static_cast<int>(r.outcome) == o);
    for (int a = 0; a < m.nactor; ++a) c.at_war[i * m.nactor + a].add(base.entered_day[a] >= 0, r.entered_day[a] >= 0);
    c.truce[i].add(base.truce_broke, r.truce_broke);
    c.occupied[i].add(100 * (1 - base.status_quo_share), 100 * (1 - r.status_quo_share));
    for (int k = 0; k < kCompareMetrics; ++k)
      c.mean[i * kCompareMetrics + k].add(metric_value(base, k), metric_value(r, k));
  }
  if (c.replicates > 0) {
    // one set of weights per run, shared by its arms: the replicates stay paired
    bootstrap_weights(base.seed, c.replicates, c.weights);
    for (size_t a = 0; a < narm; ++a)
      for (int k = 0; k < kCompareMetrics; ++k)
        c.boot[a * kCompareMetrics + k].add(metric_value(records[a], k), c.weights);
  }
}

std::vector<Effect> comparison_effects(const Model& m, const Comparison& c) {
  std::vector<Effect> out;
  const size_t narm = c.arms.size();
  if (narm < 2) return out;
  const int64_t runs = arm(c, 0).runs;
  auto proportion = [&](size_t v, const std::string& metric, const PairedBinary& t) {
    Effect e{c.arms[v], metric, "newcombe+mcnemar", paired_proportion(t), t.base_only, t.variant_only};
    out.push_back(e);
  };
  // outcome classes that happened in some arm
  for (int o = 0; o < kOutcomeCount; ++o) {
    bool seen = false;
    for (size_t a = 0; a < narm; ++a) seen = seen || arm(c, a).outcome[o] > 0;
    if (!seen) continue;
    const std::string metric = std::string("P(") + outcome_name(static_cast<Outcome>(o)) + ")";
    for (size_t v = 1; v < narm; ++v) proportion(v, metric, c.outcome[(v - 1) * kOutcomeCount + o]);
  }
  // actors whose being at war varies somewhere
  for (int a = 0; a < m.nactor; ++a) {
    bool varies = false;
    for (size_t k = 0; k < narm; ++k) {
      const int64_t e = arm(c, k).entered[a];
      varies = varies || (e > 0 && e < runs) || e != arm(c, 0).entered[a];
    }
    if (!varies) continue;
    const std::string metric = "P(at war: " + m.actor_id[a] + ")";
    for (size_t v = 1; v < narm; ++v) proportion(v, metric, c.at_war[(v - 1) * m.nactor + a]);
  }
  bool truce = false;
  for (size_t a = 0; a < narm; ++a) truce = truce || arm(c, a).truce_broke > 0;
  if (truce)
    for (size_t v = 1; v < narm; ++v) proportion(v, "P(truce broke)", c.truce[v - 1]);
  // who gained ground: a war of position changes no outcome class but moves the line
  std::vector<PairedEffect> occupied(narm - 1);
  bool any_occupied = false;
  for (size_t v = 1; v < narm; ++v) {
    occupied[v - 1] = paired_mean(c.occupied[v - 1]);
    any_occupied = any_occupied || occupied[v - 1].base != 0 || occupied[v - 1].value != 0;
  }
  if (any_occupied)
    for (size_t v = 1; v < narm; ++v)
      out.push_back({c.arms[v], "people_occupied_pct mean", "paired-t", occupied[v - 1], 0, 0});
  // means, then quantile shifts
  for (int k = 0; k < kCompareMetrics; ++k) {
    for (size_t v = 1; v < narm; ++v)
      out.push_back({c.arms[v], std::string(kCompareMetricNames[k]) + " mean", "paired-t",
                     paired_mean(c.mean[(v - 1) * kCompareMetrics + k]), 0, 0});
    for (const auto& [label, q] : {std::pair{"p10", 0.1}, std::pair{"p50", 0.5}, std::pair{"p90", 0.9}}) {
      for (size_t v = 1; v < narm; ++v) {
        const double b = summary_quantile(arm(c, 0), k, q), x = summary_quantile(arm(c, v), k, q);
        PairedEffect e{b, x, x - b, std::nan(""), std::nan(""), std::nan("")};
        if (c.replicates > 0) e = quantile_shift(b, x, c.boot[k], c.boot[v * kCompareMetrics + k], q);
        out.push_back({c.arms[v], std::string(kCompareMetricNames[k]) + " " + label,
                       c.replicates > 0 ? "poisson-bootstrap" : "point", e, 0, 0});
      }
    }
  }
  return out;
}

}  // namespace statecraft
