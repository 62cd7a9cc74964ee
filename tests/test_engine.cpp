// The step loop of one run: determinism, termination, invariants, and the
// opening of the Korean War when nobody intervenes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "engine/engine.h"
#include "ensemble/ensemble.h"
#include "scenario/load.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {

bool same_record(const RunRecord& a, const RunRecord& b) {
  return a.seed == b.seed && a.outcome == b.outcome && a.end_day == b.end_day && a.killed == b.killed &&
         a.wounded == b.wounded && a.captured == b.captured && a.civilian_deaths == b.civilian_deaths &&
         a.displaced == b.displaced && a.final_control == b.final_control && a.entered_day == b.entered_day &&
         a.checkpoint_met == b.checkpoint_met && a.max_rung == b.max_rung && a.truce_broke == b.truce_broke;
}

const char* kEven = R"(  - {actor: RED, theater: land, region: r2, personnel: 150000, tanks: 500}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
  - {actor: BLU, theater: land, region: b3, personnel: 30000}
)";

Scenario korea(const char* variant) {
  Scenario s = load_scenario(std::string(STATECRAFT_SOURCE_DIR) + "/scenarios/korea-1950.yaml");
  return variant ? apply_variant(s, variant) : s;
}

}  // namespace

TEST(Engine, SameSeedSameRecordDifferentSeedDifferentRecord) {
  const Model m = compile_ok(line_scenario(kEven));
  RunState s1, s2;
  RunRecord a, b, c;
  run_one(m, 42, s1, a);
  run_one(m, 42, s2, b);
  EXPECT_TRUE(same_record(a, b));
  run_one(m, 43, s1, c);
  EXPECT_FALSE(same_record(a, c));
}

TEST(Engine, ReusedWorldGivesTheSameRecordAsAFreshOne) {
  const Model m = compile_ok(line_scenario(kEven));
  RunState reused, fresh;
  RunRecord warm, a, b;
  run_one(m, 7, reused, warm);
  run_one(m, 42, reused, a);
  run_one(m, 42, fresh, b);
  EXPECT_TRUE(same_record(a, b));
}

TEST(Engine, WarEndsWhenOneSideHoldsTheOthersRegions) {
  const Model m = compile_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 300000, tanks: 1500}
  - {actor: BLU, theater: land, region: b1, personnel: 10000}
)"));
  RunState s;
  RunRecord r;
  run_one(m, 1, s, r);
  EXPECT_EQ(r.outcome, Outcome::victory_attackers);
  EXPECT_LT(r.end_day, 120);
  for (int g = m.theater[0].region_begin; g < m.theater[0].region_end; ++g)
    EXPECT_EQ(m.actor_id[r.final_control[g]], "RED") << m.region_id[g];
}

TEST(Engine, RunStopsAtTheHorizonWhenNothingEndsIt) {
  // nobody dares attack and nobody negotiates: the war is still on at the horizon
  const Model m = compile_ok(line_scenario(
      kEven, "model: {operations: {attack_min_ratio: 20, landing_min_ratio: 50}}\ntheory: {bargaining: {enabled: false}}\n"));
  RunState s;
  RunRecord r;
  run_one(m, 1, s, r);
  EXPECT_EQ(r.outcome, Outcome::ongoing);
  EXPECT_EQ(r.end_day, m.horizon_day - m.start_day);
}

TEST(Engine, InvariantsHoldEveryDay) {
  const Model m = compile_ok(line_scenario(kEven));
  RunState s = make_world(m);
  RunRngs rng(9);
  start_run(m, s, nullptr);
  std::vector<double> killed = s.killed;
  while (!run_finished(m, s)) {
    step(m, s, rng, nullptr);
    const char* bad = check_invariants(m, s);
    ASSERT_EQ(bad, nullptr) << "day " << s.day << ": " << bad;
    for (int a = 0; a < m.nactor; ++a) ASSERT_GE(s.killed[a], killed[a]) << "deaths decreased";
    killed = s.killed;
  }
}

TEST(Engine, InvariantCheckerCatchesNegativeForces) {
  const Model m = compile_ok(line_scenario(kEven));
  RunState s = make_world(m);
  EXPECT_EQ(check_invariants(m, s), nullptr);
  s.personnel[0] = -1;
  EXPECT_NE(check_invariants(m, s), nullptr);
  s.personnel[0] = 0;
  s.control[0] = m.nactor;
  EXPECT_NE(check_invariants(m, s), nullptr);
}

// Issue 2: with only the two Koreas acting, the combat model gets the first
// weeks right on its own: Seoul falls within ten days in most runs and the
// North holds most of the South within about three months.
TEST(Engine, KoreaWithoutInterventionSeoulFallsFastAndTheSouthWithinMonths) {
  const Scenario sc = korea("no-intervention");
  const Model base = compile(sc);
  RunModels rm = make_run_models(sc, base);
  const int prk = find_actor(base, "PRK");
  const int seoul = find_region(base, "seoul");
  const int n = 200;
  int seoul_by_day_10 = 0, south_by_day_100 = 0;
  RunState s;
  for (int i = 0; i < n; ++i) {
    const uint64_t seed = run_seed(2024, static_cast<uint64_t>(i));
    const Model& m = model_for_seed(rm, seed);
    if (!shaped_for(m, s)) s = make_world(m);
    RunRngs rng(seed);
    start_run(m, s, nullptr);
    bool seoul_fell = false;
    while (!run_finished(m, s) && s.day <= 100) {
      step(m, s, rng, nullptr);
      if (s.day <= 10 && s.control[seoul] == prk) seoul_fell = true;
    }
    seoul_by_day_10 += seoul_fell;
    double south = 0, held = 0;
    for (int r = 0; r < m.nregion; ++r) {
      if (m.actor_id[m.region[r].owner] != "KOR") continue;
      south += m.region[r].population;
      if (s.control[r] == prk) held += m.region[r].population;
    }
    south_by_day_100 += held >= 0.75 * south;
  }
  EXPECT_GT(seoul_by_day_10, n / 2) << seoul_by_day_10 << " of " << n;
  EXPECT_GT(south_by_day_100, 3 * n / 4) << south_by_day_100 << " of " << n;
}
