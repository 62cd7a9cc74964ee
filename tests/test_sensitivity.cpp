// Sensitivity: the Morris design and the value of an input at a level, the
// screening on a tiny scenario (an input that does nothing has no effect at
// all, one that decides the war stands out above run noise), and the grid
// sweep (same seeds as `run --set`, bad parameters refused).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "analysis/sensitivity.h"
#include "ensemble/compare.h"
#include "ensemble/ensemble.h"
#include "report/what_if.h"
#include "scenario/load.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {

const char* kForces = R"(  - {actor: RED, theater: land, region: r2, personnel: 150000, tanks: 500}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
  - {actor: BLU, theater: land, region: b3, personnel: 30000}
)";

// RED's quality decides the war; there are no sea links, so the landing
// threshold is never consulted
const char* kUncertain = R"(uncertain:
  - {path: actors.RED.military.quality, dist: {uniform: [0.4, 2.0]}}
  - {path: model.operations.landing_min_ratio, dist: {triangular: [1.0, 3.0, 8.0]}}
variants:
  fixed-red:
    description: RED's quality known
    set: [{path: actors.RED.military.quality, value: 1.0}]
)";

Scenario tiny() { return parse_ok(line_scenario(kForces, kUncertain)); }

int output_index(const Model& m, const std::string& name) {
  for (int k = 0; k < morris_output_count(m); ++k)
    if (morris_output_name(m, k) == name) return k;
  return -1;
}

int cli(const std::string& args) {
  const int status = std::system((std::string(STATECRAFT_CLI) + " " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(Morris, NormalQuantile) {
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-13);
  EXPECT_NEAR(normal_quantile(0.5), 0, 1e-15);
  EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 1e-13);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-10);
  EXPECT_NEAR(normal_quantile(0.9), 1.2815515655446004, 1e-13);
}

TEST(Morris, ValuesAtLevelsFollowTheDistribution) {
  Distribution u{Distribution::Kind::uniform, {2, 6}};
  EXPECT_EQ(morris_value(u, 0), 2);
  EXPECT_EQ(morris_value(u, 1), 6);
  EXPECT_EQ(morris_value(u, 0.25), 3);
  Distribution t{Distribution::Kind::triangular, {0, 1, 4}};
  EXPECT_NEAR(morris_value(t, 0.25), 1, 1e-12);  // F(mode) = (mode - lo) / (hi - lo)
  EXPECT_EQ(morris_value(t, 0), 0);
  EXPECT_EQ(morris_value(t, 1), 4);
  Distribution ln{Distribution::Kind::lognormal, {5e7, 0.7}};
  EXPECT_NEAR(morris_value(ln, 0.5), 5e7, 1e-3);
  EXPECT_NEAR(morris_value(ln, 1), 5e7 * std::exp(0.7 * 1.959963984540054), 1);  // the central 95%
  Distribution n{Distribution::Kind::normal, {1, 0.2}};
  EXPECT_NEAR(morris_value(n, 0), 1 - 0.2 * 1.959963984540054, 1e-12);
  Distribution c{Distribution::Kind::choice, {0.3, 0.4, 0.6}};
  EXPECT_EQ(morris_value(c, 0), 0.3);
  EXPECT_EQ(morris_value(c, 0.5), 0.4);
  EXPECT_EQ(morris_value(c, 1), 0.6);
}

TEST(Morris, EachTrajectoryMovesEveryInputOnceByDelta) {
  const int k = 5, r = 30, p = 4;
  const MorrisDesign d = morris_design(k, r, p, 77);
  EXPECT_DOUBLE_EQ(d.delta, 2.0 / 3.0);
  for (int t = 0; t < r; ++t) {
    std::set<int> moved;
    for (int s = 0; s < k; ++s) {
      const double* a = d.point(t, s);
      const double* b = d.point(t, s + 1);
      const int i = d.moved[static_cast<size_t>(t) * k + s];
      moved.insert(i);
      for (int j = 0; j < k; ++j) {
        // on the grid and in the unit cube
        EXPECT_NEAR(b[j] * (p - 1), std::round(b[j] * (p - 1)), 1e-12);
        EXPECT_GE(b[j], 0);
        EXPECT_LE(b[j], 1);
        if (j == i) {
          EXPECT_NEAR(b[j] - a[j], d.step[static_cast<size_t>(t) * k + s], 1e-12);
        } else {
          EXPECT_EQ(b[j], a[j]);
        }
      }
    }
    EXPECT_EQ(moved.size(), static_cast<size_t>(k));
  }
  // a different seed, a different design; the same seed, the same one
  EXPECT_NE(morris_design(k, r, p, 78).x, d.x);
  EXPECT_EQ(morris_design(k, r, p, 77).x, d.x);
}

TEST(Morris, InertInputHasNoEffectAndTheDecisiveOneStandsOut) {
  const Scenario s = tiny();
  BatchStatus st;
  const MorrisResult r = run_morris(s, {8, 4}, {30, 2, 2, true}, st);
  ASSERT_FALSE(st.interrupted);
  ASSERT_EQ(r.inputs.size(), 2u);
  EXPECT_EQ(r.inputs[0].path, "actors.RED.military.quality");
  ASSERT_EQ(r.inputs[0].level_values.size(), 4u);
  EXPECT_NEAR(r.inputs[0].level_values[0], 0.4, 1e-12);
  EXPECT_NEAR(r.inputs[0].level_values[3], 2.0, 1e-12);
  EXPECT_EQ(st.runs_done, 8 * 3 * 30);
  const Model m = compile(s);
  const int n = r.acc.outputs;
  // common random numbers: moving an input the model never reads changes no run
  for (int o = 0; o < n; ++o) {
    EXPECT_EQ(r.indices[static_cast<size_t>(1) * n + o].mu_star, 0) << morris_output_name(m, o);
    EXPECT_FALSE(r.indices[static_cast<size_t>(1) * n + o].above_noise);
  }
  const int duration = output_index(m, "duration_days");
  ASSERT_GE(duration, 0);
  const MorrisIndex& q = r.indices[static_cast<size_t>(duration)];
  EXPECT_GT(q.mu_star, 0);
  EXPECT_TRUE(q.above_noise) << q.mu_star << " noise " << q.noise_mu_star;
  // a better attacker ends the war sooner
  EXPECT_LT(q.mu, 0);
}

TEST(Morris, InputsFixedByAVariantAreNotScreened) {
  const Scenario s = apply_variant(tiny(), "fixed-red");
  const auto inputs = morris_inputs(s, 4);
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].path, "model.operations.landing_min_ratio");
}

TEST(Morris, ThreadCountDoesNotChangeTheResult) {
  const Scenario s = tiny();
  const Model m = compile(s);
  BatchStatus st;
  const MorrisResult a = run_morris(s, {4, 4}, {10, 6, 1, true}, st);
  const MorrisResult b = run_morris(s, {4, 4}, {10, 6, 3, true}, st);
  EXPECT_EQ(sensitivity_json(m, a, {}).dump(), sensitivity_json(m, b, {}).dump());
}

TEST(Sweep, ParsesParameters) {
  SweepParam p;
  EXPECT_EQ(parse_sweep_param("actors.CHN.interests.korea=0:1:5", p), "");
  EXPECT_EQ(p.path, "actors.CHN.interests.korea");
  EXPECT_EQ(p.lo, 0);
  EXPECT_EQ(p.hi, 1);
  EXPECT_EQ(p.n, 5);
  EXPECT_EQ(parse_sweep_param("model.combat.attrition_rate=0.005:2e-2:4", p), "");
  EXPECT_EQ(p.hi, 0.02);
  for (const char* bad :
       {"x", "=0:1:3", "a=0:1", "a=0:1:3:4", "a=x:1:3", "a=0:1:1", "a=0:1:2.5", "a=1:0:3", "a=0:1:100000", "a=0:nan:3"})
    EXPECT_NE(parse_sweep_param(bad, p), "") << bad;
}

TEST(Sweep, GridPointsRunOnTheSeedsOfRunWithSet) {
  const Scenario s = tiny();
  SweepParam p;
  ASSERT_EQ(parse_sweep_param("actors.BLU.military.quality=0.5:1.5:3", p), "");
  std::vector<Scenario> grid;
  std::vector<std::vector<double>> values;
  ASSERT_EQ(sweep_grid(s, {p}, grid, values), "");
  ASSERT_EQ(grid.size(), 3u);
  BatchStatus st;
  const auto points = run_sweep(grid, values, {80, 4, 2, true}, st);
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[1].values, std::vector<double>{1.0});
  Scenario at = s;
  ASSERT_EQ(set_field(at, "actors.BLU.military.quality", "1.5"), "");
  const Model m = compile(at);
  EnsembleOptions opt;
  opt.runs = 80;
  opt.seed = 4;
  opt.quiet = true;
  const EnsembleResult r = run_ensemble(at, m, opt, {});
  EXPECT_EQ(summary_json(m, r.summary, {}).dump(), summary_json(m, points[2].summary, {}).dump());
  // a better defender: fewer attacker victories at the top of the grid than at the bottom
  const int win = static_cast<int>(Outcome::victory_attackers);
  EXPECT_GT(points[0].summary.outcome[win], points[2].summary.outcome[win]);
}

TEST(Sweep, TwoParametersMakeAGridFirstSlowest) {
  SweepParam a, b;
  ASSERT_EQ(parse_sweep_param("actors.BLU.military.quality=0.5:1.5:3", a), "");
  ASSERT_EQ(parse_sweep_param("actors.RED.military.quality=1:2:2", b), "");
  std::vector<Scenario> grid;
  std::vector<std::vector<double>> values;
  ASSERT_EQ(sweep_grid(tiny(), {a, b}, grid, values), "");
  ASSERT_EQ(values.size(), 6u);
  EXPECT_EQ(values[0], (std::vector<double>{0.5, 1}));
  EXPECT_EQ(values[1], (std::vector<double>{0.5, 2}));
  EXPECT_EQ(values[5], (std::vector<double>{1.5, 2}));
}

TEST(Sweep, BadParametersAreRefused) {
  std::vector<Scenario> grid;
  std::vector<std::vector<double>> values;
  SweepParam p;
  ASSERT_EQ(parse_sweep_param("actors.BLU.military.qualty=0.5:1.5:3", p), "");
  EXPECT_NE(sweep_grid(tiny(), {p}, grid, values).find("quality"), std::string::npos);  // did you mean
  ASSERT_EQ(parse_sweep_param("actors.BLU.interests.land=0:3:3", p), "");               // a share above 1
  EXPECT_NE(sweep_grid(tiny(), {p}, grid, values), "");
  EXPECT_NE(sweep_grid(tiny(), {}, grid, values), "");
}

TEST(SweepCli, ExitCodes) {
  const std::string dir = testing::TempDir() + "statecraft-sweep-cli";
  std::filesystem::remove_all(dir);
  EXPECT_EQ(cli("sweep scenarios/korea-1950.yaml -q --out " + dir), 2);
  EXPECT_EQ(cli("sweep scenarios/korea-1950.yaml --param actors.CHN.interests.korea=0:1 -q --out " + dir), 2);
  EXPECT_EQ(cli("sweep scenarios/korea-1950.yaml --param actors.CHN.intrests.korea=0:1:3 -q --out " + dir), 2);
  EXPECT_EQ(cli("sweep scenarios/korea-1950.yaml --morris --levels 3 -q --out " + dir), 2);
  EXPECT_EQ(cli("sweep scenarios/korea-1950.yaml --morris --param actors.CHN.interests.korea=0:1:3 -q --out " + dir),
            2);
  EXPECT_FALSE(std::filesystem::exists(dir));
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/tiny.yaml";
  std::ofstream(file) << line_scenario(kForces, kUncertain);
  EXPECT_EQ(cli("sweep " + file + " --param actors.BLU.military.quality=0.5:1.5:2 --runs 6 -q --out " + dir + "/grid"), 0);
  for (const char* f : {"sweep.json", "sweep.csv", "report.html"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/grid/" + f)) << f;
  EXPECT_EQ(cli("sweep " + file + " --morris --trajectories 2 --runs 3 -q --out " + dir + "/morris"), 0);
  for (const char* f : {"sensitivity.json", "sensitivity.csv", "report.html"})
    EXPECT_TRUE(std::filesystem::exists(dir + "/morris/" + f)) << f;
  // a scenario whose uncertain inputs a variant fixes has nothing to screen
  EXPECT_EQ(cli("sweep " + file + " --morris --variant fixed-red --set model.operations.landing_min_ratio=2 -q --out " +
                dir + "/none"),
            2);
  std::filesystem::remove_all(dir);
}
