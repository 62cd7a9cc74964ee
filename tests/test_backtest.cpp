// Scoring an ensemble against a scenario's history: block (analysis/backtest.h).
#include <gtest/gtest.h>

#include "analysis/backtest.h"
#include "ensemble/ensemble.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {

const char* kForces = R"(  - {actor: RED, theater: land, region: r2, personnel: 150000, tanks: 500}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
)";

Backtest score(const std::string& history) {
  const Scenario s = parse_ok(line_scenario(kForces, history));
  const Model m = compile(s);
  EnsembleOptions opt;
  opt.runs = 30;
  opt.seed = 5;
  opt.quiet = true;
  const EnsembleResult r = run_ensemble(s, m, opt, EnsembleInfo{"tiny.yaml", {}, 5, 30});
  return score_history(m, s.history, r.summary);
}

const BacktestLine* line(const Backtest& b, const std::string& what) {
  for (const auto& l : b.lines)
    if (l.what == what) return &l;
  return nullptr;
}

}  // namespace

TEST(Backtest, AnActorAtWarFromTheStartEntersOnTheFirstDay) {
  // RED and BLU are belligerents at the outset: a recorded entry on the start
  // date is met (score near 0), one a year later is missed on timing
  const Backtest on_time = score("history:\n  entries: {RED: 2000-01-01}\n");
  const BacktestLine* l = line(on_time, "RED enters");
  ASSERT_NE(l, nullptr);
  EXPECT_LT(l->score, 0.01) << l->model;
  const Backtest late = score("history:\n  entries: {RED: 2001-01-01}\n");
  l = line(late, "RED enters");
  ASSERT_NE(l, nullptr);
  EXPECT_NEAR(l->score, 0.5, 1e-9) << l->model;  // entered in every run, a year early: timing error 1
}
