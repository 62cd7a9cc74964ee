// What-if comparison on common random numbers: the paired statistics against
// published values and exact cases, and `compare` end to end on a tiny
// scenario (same seeds as `run`, no effect for identical arms, a clear effect
// for a strong variant, independent of threads, bad input refused).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli.h"
#include "analysis/compare.h"
#include "analysis/paired.h"
#include "ensemble/compare.h"
#include "ensemble/ensemble.h"
#include "report/what_if.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {

const char* kForces = R"(  - {actor: RED, theater: land, region: r2, personnel: 150000, tanks: 500}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
  - {actor: BLU, theater: land, region: b3, personnel: 30000}
)";

const char* kWhatIf = R"(uncertain:
  - {path: actors.RED.military.quality, dist: {uniform: [0.6, 1.4]}}
variants:
  red-strong:
    description: Red fights far better
    set: [{path: actors.RED.military.quality, value: 2.5}]
  blue-strong:
    description: Blue fights far better
    set: [{path: actors.BLU.military.quality, value: 2.5}]
)";

Scenario tiny_what_if() { return parse_ok(line_scenario(kForces, kWhatIf)); }

const Effect* find_effect(const std::vector<Effect>& effects, const std::string& variant, const std::string& metric) {
  for (const auto& e : effects)
    if (e.variant == variant && e.metric == metric) return &e;
  return nullptr;
}

}  // namespace

// Fagerland, Lydersen and Laake (2017), ch. 8: complete response before and
// after consolidation therapy (Cavo et al. 2012), table [[59, 6], [16, 80]];
// the Newcombe square-and-add interval is -0.0621 (-0.1186 to -0.0046).
TEST(PairedProportion, NewcombeIntervalMatchesThePublishedExample) {
  PairedBinary t;
  t.both = 59;
  t.variant_only = 6;  // yes in the first classification only
  t.base_only = 16;    // yes in the second only
  t.neither = 80;
  const PairedEffect e = paired_proportion(t);
  EXPECT_NEAR(e.diff, -0.0621, 5e-5);
  EXPECT_NEAR(e.lo, -0.1186, 5e-5);
  EXPECT_NEAR(e.hi, -0.0046, 5e-5);
  EXPECT_NEAR(e.value, 65.0 / 161, 1e-12);
  EXPECT_NEAR(e.base, 75.0 / 161, 1e-12);
}

TEST(PairedProportion, McNemarExactPValue) {
  // 2 P(X <= 6), X ~ Binomial(22, 1/2) = 2 * 110056 / 2^22
  EXPECT_NEAR(mcnemar_exact_p(6, 16), 2.0 * 110056 / 4194304, 1e-12);
  EXPECT_NEAR(mcnemar_exact_p(16, 6), 2.0 * 110056 / 4194304, 1e-12);
  EXPECT_NEAR(mcnemar_exact_p(0, 10), 2.0 / 1024, 1e-15);
  EXPECT_EQ(mcnemar_exact_p(0, 0), 1.0);
  EXPECT_EQ(mcnemar_exact_p(7, 7), 1.0);
  // large counts stay finite and tiny
  EXPECT_LT(mcnemar_exact_p(10000, 12000), 1e-20);
  EXPECT_GE(mcnemar_exact_p(10000, 12000), 0.0);
}

TEST(PairedProportion, NoDiscordantPairsMeansNoEffect) {
  PairedBinary t;
  for (int i = 0; i < 300; ++i) t.add(i % 3 == 0, i % 3 == 0);
  const PairedEffect e = paired_proportion(t);
  EXPECT_EQ(e.diff, 0);
  EXPECT_EQ(e.p_value, 1);
  EXPECT_LE(e.lo, 0);
  EXPECT_GE(e.hi, 0);
  // perfectly correlated arms: the interval is far narrower than for independent ones
  EXPECT_LT(e.hi - e.lo, 0.05);
}

TEST(PairedMean, IntervalFromTheDifferences) {
  PairedMean m;
  const double base[] = {10, 12, 9, 14, 11};
  const double var[] = {12, 15, 10, 17, 12};  // differences 2 3 1 3 1: mean 2, sd 1
  for (int i = 0; i < 5; ++i) m.add(base[i], var[i]);
  const PairedEffect e = paired_mean(m);
  EXPECT_DOUBLE_EQ(e.base, 11.2);
  EXPECT_DOUBLE_EQ(e.value, 13.2);
  EXPECT_NEAR(e.diff, 2, 1e-12);
  const double se = 1 / std::sqrt(5.0);
  EXPECT_NEAR(e.lo, 2 - 1.959963984540054 * se, 1e-12);
  EXPECT_NEAR(e.hi, 2 + 1.959963984540054 * se, 1e-12);
  EXPECT_LT(e.p_value, 1e-5);
}

TEST(Bootstrap, WeightsArePoissonOneAndFixedBySeed) {
  std::vector<uint8_t> w, again;
  double sum = 0, sum2 = 0;
  int n = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    bootstrap_weights(seed, 200, w);
    bootstrap_weights(seed, 200, again);
    ASSERT_EQ(w, again);
    for (uint8_t x : w) {
      sum += x;
      sum2 += x * x;
      ++n;
    }
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 1, 0.02);
  EXPECT_NEAR(var, 1, 0.04);
}

TEST(Bootstrap, UnitWeightsGiveTheSummaryQuantiles) {
  // a replicate with every weight 1 is the sample itself: same bins, same rule
  BootstrapHistogram days = make_bootstrap_histogram(BinScale::days, 1000, 1);
  BootstrapHistogram deaths = make_bootstrap_histogram(BinScale::log, 0, 1);
  IntHistogram d;
  LogHistogram l;
  const std::vector<uint8_t> one{1};
  Rng rng(5);
  for (int i = 0; i < 999; ++i) {
    const int day = static_cast<int>(rng.below(900));
    const double dead = i % 10 == 0 ? 0 : rng.lognormal(20000, 1.5);
    days.add(day, one);
    d.add(day);
    deaths.add(dead, one);
    l.add(dead);
  }
  for (double q : {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
    EXPECT_EQ(days.quantile(0, q), d.quantile(q)) << q;
    EXPECT_EQ(deaths.quantile(0, q), l.quantile(q)) << q;
  }
}

TEST(Bootstrap, QuantileShiftIntervalCoversAKnownShift) {
  // variant = base + 50 days exactly: every replicate's shift of the median is 50
  const int B = 100;
  BootstrapHistogram hb = make_bootstrap_histogram(BinScale::days, 2000, B);
  BootstrapHistogram hv = make_bootstrap_histogram(BinScale::days, 2000, B);
  IntHistogram b, v;
  std::vector<uint8_t> w;
  Rng rng(11);
  for (uint64_t i = 0; i < 2000; ++i) {
    const int day = 100 + static_cast<int>(rng.below(1000));
    bootstrap_weights(i, B, w);
    hb.add(day, w);
    hv.add(day + 50, w);
    b.add(day);
    v.add(day + 50);
  }
  const PairedEffect e = quantile_shift(b.quantile(0.5), v.quantile(0.5), hb, hv, 0.5);
  EXPECT_EQ(e.diff, 50);
  EXPECT_EQ(e.lo, 50);
  EXPECT_EQ(e.hi, 50);
  EXPECT_TRUE(std::isnan(e.p_value));
}

TEST(Compare, IdenticalArmsHaveNoEffectAtAll) {
  const Scenario s = tiny_what_if();
  BatchStatus st;
  const Comparison c = run_compare({s, s}, {"base", "same"}, {200, 3, 2, true}, 50, st);
  ASSERT_EQ(st.completed, 200);
  const Model m = compile(s);
  const auto effects = comparison_effects(m, c);
  ASSERT_FALSE(effects.empty());
  for (const auto& e : effects) {
    EXPECT_EQ(e.e.diff, 0) << e.metric;
    EXPECT_EQ(e.discordant_base + e.discordant_variant, 0) << e.metric;
    if (e.method == "poisson-bootstrap") {
      EXPECT_EQ(e.e.lo, 0) << e.metric;
      EXPECT_EQ(e.e.hi, 0) << e.metric;
    }
  }
}

TEST(Compare, ArmsRunOnTheSeedsOfRun) {
  // each arm of a comparison is exactly `statecraft run --variant` with the same seed
  const Scenario s = tiny_what_if();
  const Scenario strong = apply_variant(s, "red-strong");
  BatchStatus st;
  const Comparison c = run_compare({s, strong}, {"base", "red-strong"}, {150, 9, 2, true}, 0, st);
  for (int a = 0; a < 2; ++a) {
    const Scenario& arm = a == 0 ? s : strong;
    const Model m = compile(arm);
    EnsembleOptions opt;
    opt.runs = 150;
    opt.seed = 9;
    opt.threads = 2;
    opt.quiet = true;
    const EnsembleResult r = run_ensemble(arm, m, opt, {});
    EXPECT_EQ(summary_json(m, r.summary, {}).dump(), summary_json(m, c.summary[a], {}).dump()) << a;
  }
}

TEST(Compare, AStrongerAttackerWinsMoreOften) {
  const Scenario s = tiny_what_if();
  BatchStatus st;
  const Comparison c = run_compare({s, apply_variant(s, "red-strong"), apply_variant(s, "blue-strong")},
                                   {"base", "red-strong", "blue-strong"}, {200, 1, 0, true}, 100, st);
  const auto effects = comparison_effects(compile(s), c);
  const Effect* red = find_effect(effects, "red-strong", "P(victory:attackers)");
  const Effect* blue = find_effect(effects, "blue-strong", "P(victory:attackers)");
  ASSERT_NE(red, nullptr);
  ASSERT_NE(blue, nullptr);
  EXPECT_GT(red->e.lo, 0) << red->e.diff;
  EXPECT_LT(red->e.p_value, 0.001);
  EXPECT_LT(blue->e.hi, 0) << blue->e.diff;
  EXPECT_LT(blue->e.p_value, 0.001);
  // ... and more people end up on the side that is not their owner's (the stronger
  // defender counter-attacks, so that share need not fall for blue-strong)
  const Effect* red_ground = find_effect(effects, "red-strong", "people_occupied_pct mean");
  ASSERT_NE(red_ground, nullptr);
  EXPECT_GT(red_ground->e.lo, 0) << red_ground->e.diff;
  // the interval holds the estimate, and for a probability stays inside [-1, 1]
  for (const auto& e : effects) {
    if (!std::isfinite(e.e.lo)) continue;
    if (e.method == "newcombe+mcnemar") {
      EXPECT_GE(e.e.lo, -1);
      EXPECT_LE(e.e.hi, 1);
    }
    if (e.method != "poisson-bootstrap") {
      EXPECT_LE(e.e.lo, e.e.diff) << e.metric;
      EXPECT_GE(e.e.hi, e.e.diff) << e.metric;
    }
  }
}

TEST(Compare, ThreadCountDoesNotChangeTheResult) {
  const Scenario s = tiny_what_if();
  const std::vector<Scenario> arms{s, apply_variant(s, "red-strong")};
  const Model m = compile(s);
  BatchStatus st;
  const Comparison one = run_compare(arms, {"base", "red-strong"}, {120, 5, 1, true}, 50, st);
  const Comparison three = run_compare(arms, {"base", "red-strong"}, {120, 5, 3, true}, 50, st);
  EXPECT_EQ(compare_json(m, one, comparison_effects(m, one), {}).dump(),
            compare_json(m, three, comparison_effects(m, three), {}).dump());
  EXPECT_EQ(compare_csv(comparison_effects(m, one)), compare_csv(comparison_effects(m, three)));
}

TEST(CompareCli, WritesTheTableJsonCsvAndReport) {
  const std::string dir = testing::TempDir() + "statecraft-compare-cli";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/tiny.yaml";
  std::ofstream(file) << line_scenario(kForces, kWhatIf);
  const Cli r = run_cli("compare " + file + " --variant red-strong --variant red-strong+blue-strong --runs 30 --seed 3 " +
                        "--bootstrap 40 -q --out " + dir + "/out");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("red-strong+blue-strong"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("P(victory:attackers)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("duration_days p50"), std::string::npos) << r.out;
  for (const char* f : {"compare.json", "compare.csv", "report.html"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/out/" + f)) << f;
  std::filesystem::remove_all(dir);
}

TEST(CompareCli, BadInputIsExitCodeTwoAndWritesNothing) {
  const std::string dir = testing::TempDir() + "statecraft-compare-bad";
  std::filesystem::remove_all(dir);
  Cli r = run_cli("compare scenarios/korea-1950.yaml --variant china-nuetral --runs 10 -q --out " + dir);
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("china-neutral"), std::string::npos) << "no suggestion: " << r.out;
  r = run_cli("compare scenarios/korea-1950.yaml --variant china-neutral --variant china-neutral -q --out " + dir);
  EXPECT_EQ(r.code, 2) << r.out;
  r = run_cli("compare scenarios/korea-1950.yaml --runs 10 -q --out " + dir);
  EXPECT_EQ(r.code, 2) << r.out;
  r = run_cli("compare scenarios/korea-1950.yaml --variant china-neutral --set actors.CHN.nope=1 -q --out " + dir);
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir));
}
