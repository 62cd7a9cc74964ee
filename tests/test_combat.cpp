// Combat rules, each checked on a tiny line of regions (tests/tiny.h).
#include <gtest/gtest.h>

#include "combat/combat.h"
#include "combat/forces.h"
#include "combat/operations.h"
#include "engine/war.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {

const char* kFacing = R"(  - {actor: RED, theater: land, region: r2, personnel: 50000}
  - {actor: BLU, theater: land, region: b1, personnel: 50000}
)";

// Orders every force in `from` to attack `to`.
void order_attack(const Model& m, RunState& s, const char* from, const char* to) {
  const int a = find_region(m, from), b = find_region(m, to);
  for (int k = m.adj_begin[a]; k < m.adj_begin[a + 1]; ++k) s.attack_share[k] = m.adj_region[k] == b ? 1.0 : 0.0;
}

void stop_all_attacks(const Model& m, RunState& s) {
  for (int r = 0; r < m.nregion; ++r) clear_attacks(m, s, r);
}

}  // namespace

TEST(Combat, NoAttritionBetweenFriendlyRegions) {
  const Model m = compile_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r1, personnel: 50000}
  - {actor: RED, theater: land, region: r2, personnel: 50000}
)"));
  RunState s = started(m);
  Rng rng(1);
  for (int d = 0; d < 30; ++d) resolve_combat(m, s, rng, nullptr);
  EXPECT_DOUBLE_EQ(personnel(m, s, "RED", "r1"), 50000);
  EXPECT_DOUBLE_EQ(personnel(m, s, "RED", "r2"), 50000);
  EXPECT_EQ(s.killed[0], 0);
}

TEST(Combat, NoAttritionWhenNotAtWar) {
  const Model m = compile_ok(line_scenario(kFacing, "", false));
  RunState s = started(m);
  Rng rng(1);
  for (int d = 0; d < 30; ++d) resolve_combat(m, s, rng, nullptr);
  EXPECT_DOUBLE_EQ(personnel(m, s, "BLU", "b1"), 50000);
}

TEST(Combat, QuietFrontBleedsSlowlyAndDigsIn) {
  const Model m = compile_ok(line_scenario(kFacing));
  RunState s = started(m);
  stop_all_attacks(m, s);
  Rng rng(1);
  resolve_combat(m, s, rng, nullptr);
  const double after_one = personnel(m, s, "BLU", "b1");
  EXPECT_LT(after_one, 50000);
  EXPECT_GT(after_one, 50000 * (1 - 0.01));  // static attrition is a fraction of a percent a day
  for (int d = 0; d < 30; ++d) resolve_combat(m, s, rng, nullptr);
  EXPECT_GT(s.fortification[find_region(m, "b1")], 0.2);
}

TEST(Combat, LargerForceRatioBleedsTheDefenderFaster) {
  auto defender_loss = [](double attackers) {
    const Model m = compile_ok(line_scenario("  - {actor: RED, theater: land, region: r2, personnel: " +
                                             std::to_string(attackers) + "}\n" +
                                             "  - {actor: BLU, theater: land, region: b1, personnel: 50000}\n",
                                             "model: {combat: {noise_sigma: 0, breakthrough_chance_per_day: 0}}\n"));
    RunState s = started(m);
    order_attack(m, s, "r2", "b1");
    Rng rng(1);
    resolve_combat(m, s, rng, nullptr);
    return 50000 - personnel(m, s, "BLU", "b1");
  };
  const double weak = defender_loss(60000), strong = defender_loss(240000);
  EXPECT_GT(weak, 0);
  EXPECT_GT(strong, 1.5 * weak);
}

TEST(Combat, OverwhelmingAttackTakesTheRegion) {
  const Model m = compile_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 300000, tanks: 1000}
  - {actor: BLU, theater: land, region: b1, personnel: 20000}
  - {actor: BLU, theater: land, region: b2, personnel: 20000}
)"));
  RunState s = started(m);
  Rng rng(3);
  const int b1 = find_region(m, "b1");
  for (int d = 0; d < 20 && s.control[b1] != 0; ++d) {
    order_attack(m, s, "r2", "b1");
    resolve_combat(m, s, rng, nullptr);
  }
  EXPECT_EQ(s.control[b1], find_actor(m, "RED"));
  // the attackers moved in, the defenders fell back on b2
  EXPECT_GT(personnel(m, s, "RED", "b1"), 100000);
  EXPECT_EQ(personnel(m, s, "BLU", "b1"), 0);
  EXPECT_GT(personnel(m, s, "BLU", "b2"), 20000);
}

TEST(Combat, WeakAttackGainsNoGround) {
  const Model m = compile_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 30000}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
)"));
  RunState s = started(m);
  Rng rng(3);
  for (int d = 0; d < 30; ++d) {
    order_attack(m, s, "r2", "b1");
    resolve_combat(m, s, rng, nullptr);
  }
  EXPECT_EQ(s.control[find_region(m, "b1")], find_actor(m, "BLU"));
  EXPECT_EQ(s.progress_km[find_region(m, "b1")], 0);
}

TEST(Combat, EncircledDefendersSurrender) {
  // RED holds b2 behind b1: the defenders of b1 have no retreat route
  Scenario sc = parse_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 300000, tanks: 1000}
  - {actor: BLU, theater: land, region: b1, personnel: 20000}
)"));
  sc.theaters[0].regions[3].control = "RED";
  sc.forces.push_back(sc.forces[0]);
  sc.forces.back().region = "b2";
  sc.forces.back().equipment = Equipment{50000, 0, 0, 0, 0};
  const Model enc = compile(sc);
  RunState s = started(enc);
  const int b1 = find_region(enc, "b1");
  order_attack(enc, s, "r2", "b1");
  capture_region(enc, s, b1, 1, find_actor(enc, "RED"), false, nullptr);
  EXPECT_EQ(s.control[b1], find_actor(enc, "RED"));
  EXPECT_NEAR(s.captured[find_actor(enc, "BLU")], 20000 * enc.coef.encircled_surrender, 1);
}

TEST(Combat, CutOffForceLosesEffectiveness) {
  // RED holds b2 and BLU's capital b3: the force in b1 has no supply source left
  Scenario sc = parse_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 50000}
  - {actor: BLU, theater: land, region: b1, personnel: 50000}
)"));
  sc.theaters[0].regions[3].control = "RED";
  sc.theaters[0].regions[4].control = "RED";
  ASSERT_TRUE(check_scenario(sc).empty());
  const Model m = compile(sc);
  RunState s = started(m);
  const int b1 = find_region(m, "b1"), r1 = find_region(m, "r1");
  EXPECT_DOUBLE_EQ(s.supply_eff[b1], m.coef.cutoff_effectiveness);
  EXPECT_DOUBLE_EQ(s.supply_eff[r1], 1.0);  // RED's capital
  const double air = 1 + m.coef.air_support_max * s.theater[0].air_dominance[2];
  EXPECT_NEAR(side_power(m, s, b1, 2), 50000 * m.coef.cutoff_effectiveness * air, 1);
  stop_all_attacks(m, s);
  Rng rng(1);
  for (int d = 0; d < 10; ++d) resolve_combat(m, s, rng, nullptr);
  EXPECT_LT(personnel(m, s, "BLU", "b1"), 50000 * (1 - 5 * m.coef.cutoff_attrition_per_day));
}

TEST(Combat, SupplyThinsWithDistance) {
  const Model m = compile_ok(line_scenario(kFacing));
  RunState s = started(m);
  // b1 is two links from BLU's capital b3, b2 one: b1 is worse supplied
  EXPECT_LT(s.supply_eff[find_region(m, "b1")], s.supply_eff[find_region(m, "b2")]);
  EXPECT_DOUBLE_EQ(s.supply_eff[find_region(m, "b3")], 1.0);
}

TEST(Combat, AirSuperiorityRaisesGroundForceRatio) {
  // a state at war at home puts its whole air force into the theatre
  auto ratio = [](double red_aircraft) {
    Scenario sc = parse_ok(line_scenario(kFacing));
    sc.actors[0].military.stock.aircraft = red_aircraft;
    sc.actors[1].military.stock.aircraft = 50;
    const Model m = compile(sc);
    RunState s = started(m);
    return side_power(m, s, find_region(m, "r2"), 1) / side_power(m, s, find_region(m, "b1"), 2);
  };
  EXPECT_GT(ratio(400), 1.2 * ratio(50));
}

TEST(Combat, SeaLinkCannotBeUsedWithoutSeaControl) {
  // a sea link from RED's port r1 to BLU's port b3, behind BLU's front
  const std::string sea = "      - {between: [r1, b3], kind: sea}\n";
  auto attack_over_sea = [&](double red_ships) {
    Scenario sc = parse_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r1, personnel: 200000}
  - {actor: BLU, theater: land, region: b1, personnel: 50000}
  - {actor: BLU, theater: land, region: b3, personnel: 2000}
)", "", true, "", sea));
    sc.actors[0].military.stock.ships = red_ships;
    sc.actors[1].military.stock.ships = 10;
    const Model m = compile(sc);
    RunState s = started(m);
    Rng rng(1);
    plan_operations(m, s, rng, nullptr);
    return attack_share_toward(m, s, find_region(m, "r1"), find_region(m, "b3"));
  };
  EXPECT_EQ(attack_over_sea(10), 0.0);  // equal navies: nobody holds the sea
  EXPECT_GT(attack_over_sea(90), 0.0);  // RED holds it and lands behind the front
}

TEST(Combat, FightingKillsAndDisplacesCivilians) {
  const Model m = compile_ok(line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 100000}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
)", "model: {combat: {breakthrough_chance_per_day: 0}}\n"));
  RunState s = started(m);
  Rng rng(1);
  for (int d = 0; d < 5; ++d) {
    order_attack(m, s, "r2", "b1");
    resolve_combat(m, s, rng, nullptr);
  }
  EXPECT_GT(s.civilian_deaths, 0);
  EXPECT_GT(s.displaced, 0);
  EXPECT_LT(s.population[find_region(m, "b1")], 1.0e6);
  EXPECT_EQ(s.population[find_region(m, "b3")], 1.0e6);  // far from the fighting
}

TEST(Combat, CasualtiesSplitIntoKilledAndWounded) {
  const Model m = compile_ok(line_scenario(kFacing));
  RunState s = started(m);
  const int blu = find_actor(m, "BLU"), b1 = find_region(m, "b1");
  inflict_losses(m, s, blu, b1, 0.1);
  EXPECT_NEAR(s.killed[blu] + s.wounded[blu], 5000, 1e-6);
  EXPECT_NEAR(s.wounded[blu] / s.killed[blu], m.coef.wounded_per_killed, 1e-9);
}

TEST(Combat, ReservesArriveAtEntryRegionsAfterTheirDelay) {
  // a third state, GRN, holds 30,000 men in reserve five days from BLU's port b3
  Scenario sc = parse_ok(line_scenario(kFacing));
  Actor green = sc.actors[1];
  green.id = "GRN";
  green.name = "Green";
  green.capital.clear();
  sc.actors.push_back(green);
  sc.theaters[0].entry.push_back(ActorRegions{"GRN", {"b3"}, {}});
  Force reserve;
  reserve.actor = "GRN";
  reserve.theater = "land";
  reserve.reserve = true;
  reserve.arrival_days = 5;
  reserve.equipment.personnel = 30000;
  sc.forces.push_back(reserve);
  ASSERT_TRUE(check_scenario(sc).empty());
  const Model mg = compile(sc);
  RunState s = started(mg);
  const int grn = find_actor(mg, "GRN"), b3 = find_region(mg, "b3");
  enter_war(mg, s, 0, grn, 2, 1.0, nullptr);
  for (s.day = 1; s.day <= 4; ++s.day) deliver_movements(mg, s, nullptr);
  EXPECT_EQ(s.personnel[static_cast<size_t>(grn) * mg.nregion + b3], 0);
  s.day = 5;
  deliver_movements(mg, s, nullptr);
  EXPECT_EQ(s.personnel[static_cast<size_t>(grn) * mg.nregion + b3], 30000);
  EXPECT_EQ(s.entered_day[grn], 5);
}
