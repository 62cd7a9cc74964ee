// The strategic layer: theory terms respond to what the theories say they
// should, councils vote, decisions are explained, wars end by bargaining.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/strategy.h"
#include "engine/war.h"
#include "theory/context.h"
#include "theory/theory.h"
#include "paired_stats.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {

// RED attacks BLU on the line; GRN, a great power with a stake in the
// theatre, decides whether to help BLU; BLK sympathizes with RED. An
// organization with a council may authorize collective action.
std::string crisis(const std::string& extra_actors = "", const std::string& orgs = "",
                   const std::string& relations = "", const std::string& model = "") {
  std::string y = line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 150000, tanks: 500}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
)",
                                model);
  y.replace(y.find("actors:\n"), 8,
            "actors:\n"
            "  - {id: GRN, name: Green, population: 1.5e8, gdp_usd: 3.0e11, cinc: 0.3, major_power: true, regime: democracy,\n"
            "     at: [0.0, 6.0], ideology: [0.8], interests: {land: 0.6}, casualty_tolerance: 0.5,\n"
            "     military: {personnel: 1500000, tanks: 3000, aircraft: 4000, ships: 600}, nuclear: {warheads: 300}}\n"
            "  - {id: BLK, name: Black, population: 2.0e8, gdp_usd: 1.0e11, cinc: 0.2, major_power: true,\n"
            "     at: [5.0, 1.0], ideology: [-0.9], interests: {land: 0.5},\n"
            "     military: {personnel: 4000000, tanks: 20000}, nuclear: {warheads: 5}}\n" +
                extra_actors);
  // give RED and BLU ideologies, and the sides their sympathies
  y.replace(y.find("  - {id: RED, name: Red,"), 24, "  - {id: RED, name: Red, ideology: [-0.9], cinc: 0.01,");
  y.replace(y.find("  - {id: BLU, name: Blue,"), 25, "  - {id: BLU, name: Blue, ideology: [0.6], cinc: 0.01,");
  y += "relations:\n  - {between: [GRN, BLU], affinity: 0.6}\n  - {between: [BLK, RED], affinity: 0.8}\n"
       "  - {between: [GRN, BLK], affinity: -0.6}\n" + relations;
  y += orgs;
  return y;
}

struct Views {
  Model m;
  RunState s;
  TheoryContext ctx;
};

// The world after one decision round's views are computed (no choices applied).
Views views_of(const std::string& yaml) {
  Views v{compile_ok(yaml), {}, {}};
  v.s = started(v.m);
  compute_war_view(v.m, v.s, 0);
  compute_actor_views(v.m, v.s, 0);
  v.ctx = TheoryContext{&v.m, &v.s, v.s.war_view.data(), v.s.actor_view.data(), 0};
  return v;
}

double term(const Views& v, const char* module, const char* actor, OptionKind kind, int side) {
  for (const TheoryModule& mod : theory_modules())
    if (std::string(mod.name) == module) return mod.score(v.ctx, find_actor(v.m, actor), Option{kind, 0, side});
  ADD_FAILURE() << "no module " << module;
  return 0;
}

double entry_rate(const std::string& yaml, const char* actor, int runs = 200) {
  const Model m = compile_ok(yaml);
  RunState s;
  RunRecord r;
  int entered = 0;
  for (int i = 0; i < runs; ++i) {
    run_one(m, run_seed(17, static_cast<uint64_t>(i)), s, r);
    entered += r.entered_day[find_actor(m, actor)] >= 0;
  }
  return static_cast<double>(entered) / runs;
}

const char* kUn = R"(organizations:
  - {id: UN, members: [GRN, BLK, RED, BLU], council: {permanent: [GRN, BLK], veto: true}, reliability: 0.8}
)";
const char* kUnBoycotted = R"(organizations:
  - {id: UN, members: [GRN, BLK, RED, BLU], council: {permanent: [GRN, BLK], veto: true, absent: [BLK]}, reliability: 0.8}
)";

}  // namespace

TEST(Theory, APresentPermanentMemberVetoesAnAbsentOneCannot) {
  for (const char* orgs : {kUn, kUnBoycotted}) {
    const Model m = compile_ok(crisis("", orgs));
    RunState s = started(m);
    RunRngs rng(1);
    decide_strategy(m, s, rng, nullptr);
    EXPECT_EQ(s.authorized[0] != 0, orgs == kUnBoycotted) << orgs;
  }
}

TEST(Theory, AnAuthorizedCallPullsMembersTowardsTheVictim) {
  Views present = views_of(crisis("", kUn)), absent = views_of(crisis("", kUnBoycotted));
  RunRngs rng(1);
  decide_strategy(absent.m, absent.s, rng, nullptr);  // the council authorizes
  compute_actor_views(absent.m, absent.s, 0);
  EXPECT_GT(term(absent, "collective_security", "GRN", OptionKind::enter_full, 2),
            term(present, "collective_security", "GRN", OptionKind::enter_full, 2));
}

TEST(Theory, ADefencePactBindsOnlyWhenThePartnersOwnTerritoryIsAttacked) {
  // GRN has a defence pact with BLU (attacked at home) and with YEL (not in the war)
  const std::string yel = "  - {id: YEL, name: Yellow, population: 1.0e6, at: [0.0, 9.0], military: {personnel: 1000}}\n";
  const std::string pacts = "treaties:\n  - {id: p1, type: defense, members: [GRN, BLU], reliability: 0.7}\n"
                            "  - {id: p2, type: defense, members: [GRN, YEL], reliability: 0.7}\n";
  Views v = views_of(crisis(yel, pacts));
  EXPECT_NEAR(treaty_with_side(v.ctx, find_actor(v.m, "GRN"), 2, TreatyType::defense), 0.7, 1e-12);
  // YEL joins BLU's side from abroad: a pact with YEL alone binds nobody
  Views w = views_of(crisis(yel, "treaties:\n  - {id: p2, type: defense, members: [GRN, YEL], reliability: 0.7}\n"));
  enter_war(w.m, w.s, 0, find_actor(w.m, "YEL"), 2, 1.0, nullptr);
  compute_actor_views(w.m, w.s, 0);
  EXPECT_EQ(treaty_with_side(w.ctx, find_actor(w.m, "GRN"), 2, TreatyType::defense), 0.0);
}

TEST(Theory, ThreatGrowsAsTheEnemyApproachesTheHomeland) {
  // BLK's homeland borders region b3; RED's army far from it, then next to it in b2
  std::string far = crisis();
  far.replace(far.find("    links:"), 10, "    borders: {BLK: [b3]}\n    links:");
  std::string near = far;
  near.replace(near.find("region: r2, personnel: 150000"), 29, "region: b2, personnel: 150000");
  near.replace(near.find("{id: b2, name: B2, owner: BLU,"), 30, "{id: b2, name: B2, owner: BLU, control: RED,");
  Views a = views_of(far), b = views_of(near);
  const int blk = find_actor(a.m, "BLK");
  EXPECT_GT(b.s.actor_view[blk].proximity[1], a.s.actor_view[blk].proximity[1]);
  EXPECT_GT(threat_from(b.ctx, blk, 1), threat_from(a.ctx, blk, 1));
  EXPECT_GT(term(b, "balance_of_threat", "BLK", OptionKind::enter_full, 2),
            term(a, "balance_of_threat", "BLK", OptionKind::enter_full, 2));
}

TEST(Theory, ANuclearArmedDefenderDetersEntry) {
  // BLK considers helping RED against BLU once GRN (300 warheads) fights for BLU
  auto deterrence_with_warheads = [](const char* warheads) {
    std::string y = crisis();
    y.replace(y.find("nuclear: {warheads: 300}"), 24, std::string("nuclear: {warheads: ") + warheads + "}");
    Views v = views_of(y);
    enter_war(v.m, v.s, 0, find_actor(v.m, "GRN"), 2, 1.0, nullptr);
    compute_war_view(v.m, v.s, 0);
    compute_actor_views(v.m, v.s, 0);
    return term(v, "deterrence", "BLK", OptionKind::enter_full, 1);
  };
  EXPECT_LT(deterrence_with_warheads("300"), deterrence_with_warheads("0"));
  EXPECT_LT(deterrence_with_warheads("0"), 0.0);
}

TEST(Theory, SwitchingAModuleOffRemovesItsTerm) {
  const std::string on = crisis("", kUnBoycotted);
  const std::string off = crisis("", kUnBoycotted, "", "theory: {collective_security: {enabled: false}}\n");
  // with the call in force, GRN enters more often when collective security counts
  EXPECT_GT(entry_rate(on, "GRN", 150), entry_rate(off, "GRN", 150));
}

TEST(Theory, EveryDecisionIsExplainedByNamedTerms) {
  const Model m = compile_ok(crisis("", kUnBoycotted));
  RunState s;
  RunRecord r;
  Trace trace;
  run_one(m, 5, s, r, &trace);
  int decisions = 0;
  for (const auto& e : trace.entries) {
    if (e.kind != "decision") continue;
    ++decisions;
    EXPECT_FALSE(e.options.empty()) << e.text;
    EXPECT_FALSE(e.terms.empty()) << e.text;
    for (const auto& t : e.terms) {
      const bool known = t.name == "inertia" || std::any_of(theory_modules().begin(), theory_modules().end(),
                                                            [&](const TheoryModule& mod) { return t.name == mod.name; });
      EXPECT_TRUE(known) << t.name;
    }
  }
  EXPECT_GT(decisions, 0);
}

TEST(Theory, TalksEndInAnArmisticeThatFreezesTheLine) {
  // two evenly matched, war-weary sides that cannot break through
  const std::string y = line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 100000}
  - {actor: BLU, theater: land, region: b1, personnel: 100000}
)", "theory: {bargaining: {talks_weeks: 4, settle_scale: 10}, realism: {weariness_ref: 0.0005}}\n");
  const Model m = compile_ok(y);
  RunState s;
  RunRecord r;
  int armistices = 0;
  for (int i = 0; i < 50; ++i) {
    run_one(m, run_seed(8, static_cast<uint64_t>(i)), s, r);
    if (r.outcome != Outcome::armistice) continue;
    ++armistices;
    ASSERT_EQ(r.ceasefire_control.size(), static_cast<size_t>(m.nregion));
    if (!r.truce_broke) {
      EXPECT_EQ(r.ceasefire_control, r.final_control);
    }
  }
  EXPECT_GT(armistices, 25);
}

TEST(Theory, MoreAidToASideNeverHelpsTheOtherOnAverage) {
  // DESIGN: monotone responses. GRN's yearly aid to BLU at three levels, on
  // the same seeds: RED's territorial gains may not rise beyond the noise of
  // the paired runs (two standard errors), and a large flow must clearly cut them
  constexpr int kRuns = 300;
  auto red_gains = [](const char* aid) {
    // GRN only sends what it is told to (it abstains from every decision), so aid is the one difference
    std::string y = line_scenario(R"(  - {actor: RED, theater: land, region: r2, personnel: 150000, tanks: 500}
  - {actor: BLU, theater: land, region: b1, personnel: 80000}
)");
    y.replace(y.find("actors:\n"), 8,
              "actors:\n  - {id: GRN, name: Green, population: 1.5e8, gdp_usd: 3.0e11, abstain: true,\n"
              "     military: {personnel: 1500000, tanks: 3000, artillery: 3000,\n"
              "                production_per_year: {tanks: 2000, artillery: 2000}}}\n");
    y += std::string("relations:\n  - {aid: {from: GRN, to: BLU, usd_per_year: ") + aid + "}}\n";
    const Model m = compile_ok(y);
    RunState s;
    RunRecord r;
    std::vector<double> gains(kRuns);  // share of the people RED holds beyond its own ground
    for (int i = 0; i < kRuns; ++i) {
      run_one(m, run_seed(21, static_cast<uint64_t>(i)), s, r);
      gains[i] = 1 - r.status_quo_share;
    }
    return gains;
  };
  const auto none = red_gains("0"), some = red_gains("1.0e10"), lots = red_gains("1.0e11");
  double se = 0;
  const double some_minus_none = paired_difference(none, some, se);
  EXPECT_LE(some_minus_none, 2 * se + 1e-12);
  const double lots_minus_some = paired_difference(some, lots, se);
  EXPECT_LE(lots_minus_some, 2 * se + 1e-12);
  const double lots_minus_none = paired_difference(none, lots, se);
  EXPECT_LT(lots_minus_none, -2 * se);
}

// --- one behaviour per module, on hand-built worlds whose right answer is clear ---

TEST(Theory, RealismPullsHarderTheMoreAnOutsiderHasAtStake) {
  auto realism_for_stake = [](const char* stake) {
    std::string y = crisis();
    y.replace(y.find("interests: {land: 0.6}"), 22, std::string("interests: {land: ") + stake + "}");
    return term(views_of(y), "realism", "GRN", OptionKind::enter_full, 2);
  };
  EXPECT_GT(realism_for_stake("0.9"), realism_for_stake("0.3"));
}

TEST(Theory, AClientDefendingOnlyItsOwnGroundNeedsNoRescue) {
  // the same war, but RED claims only its own regions: BLU's ground is not at risk
  std::string limited = crisis();
  limited.replace(limited.find("aims: {RED: {claims: all}}"), 26, "aims: {RED: {claims: own}}");
  const Views all = views_of(crisis()), own = views_of(limited);
  EXPECT_NEAR(own.s.war_view[0].exposure[2], 0.0, 1e-12);
  EXPECT_GT(all.s.war_view[0].exposure[2], 0.9);
  EXPECT_LT(term(own, "realism", "GRN", OptionKind::enter_full, 2), term(all, "realism", "GRN", OptionKind::enter_full, 2));
}

TEST(Theory, AGreatPowerBalancesAgainstABlocNearingPreponderance) {
  // BLK, a giant that sides with RED, makes RED's camp near-preponderant in the system
  auto bop_with_blk_cinc = [](const char* cinc) {
    std::string y = crisis();
    y.replace(y.find("cinc: 0.2, major_power: true"), 9, std::string("cinc: ") + cinc);
    return term(views_of(y), "balance_of_power", "GRN", OptionKind::enter_full, 2);
  };
  EXPECT_GT(bop_with_blk_cinc("0.6"), 2 * bop_with_blk_cinc("0.05"));
}

TEST(Theory, ATinyStateNextToAHugeAggressorBandwagons) {
  // TNY borders the front; RED's camp (RED with BLK behind it) dwarfs it, then a
  // strong TNY faces the same threat
  auto views_with_tiny = [](const char* cinc) {
    const std::string tiny = std::string("  - {id: TNY, name: Tiny, population: 1.0e5, cinc: ") + cinc +
                             ", at: [0.0, 1.2], ideology: [0.0], military: {personnel: 1000}}\n";
    std::string y = crisis(tiny);
    y.replace(y.find("    links:"), 10, "    borders: {TNY: [b1]}\n    links:");
    return views_of(y);
  };
  const Views weak = views_with_tiny("0.0001"), strong = views_with_tiny("0.5");
  // the weak state's threat term favours siding with the aggressor over fighting it
  EXPECT_GT(term(weak, "balance_of_threat", "TNY", OptionKind::align, 1),
            term(weak, "balance_of_threat", "TNY", OptionKind::enter_full, 2));
  // a strong one balances instead
  EXPECT_LT(term(strong, "balance_of_threat", "TNY", OptionKind::align, 1),
            term(strong, "balance_of_threat", "TNY", OptionKind::enter_full, 2));
}

TEST(Theory, ACouncilCallFadesForThoseStillOutside) {
  Views v = views_of(crisis("", kUnBoycotted));
  RunRngs rng(1);
  decide_strategy(v.m, v.s, rng, nullptr);  // authorizes
  compute_actor_views(v.m, v.s, 0);
  const double fresh = term(v, "collective_security", "GRN", OptionKind::enter_full, 2);
  v.s.day += 730;
  const double old = term(v, "collective_security", "GRN", OptionKind::enter_full, 2);
  EXPECT_GT(fresh, 0.0);
  EXPECT_LT(old, 0.5 * fresh);
}

TEST(Theory, NearEqualGreatPowersDeterEachOtherStructurally) {
  // BLK considers fighting GRN (in the war for BLU): near-equal capability deters more than a wide gap
  auto deterrence_with_cinc = [](const char* cinc) {
    std::string y = crisis();
    y.replace(y.find("cinc: 0.2, major_power: true"), 9, std::string("cinc: ") + cinc);
    y.replace(y.find("nuclear: {warheads: 300}"), 24, "nuclear: {warheads: 0}");
    Views v = views_of(y);
    enter_war(v.m, v.s, 0, find_actor(v.m, "GRN"), 2, 1.0, nullptr);
    compute_war_view(v.m, v.s, 0);
    compute_actor_views(v.m, v.s, 0);
    return term(v, "deterrence", "BLK", OptionKind::enter_full, 1);
  };
  EXPECT_LT(deterrence_with_cinc("0.3"), deterrence_with_cinc("0.03"));
}

TEST(Theory, FightingANuclearGreatPowerAsOneIsTheDirectGreatPowerWarRung) {
  // BLK (5 warheads) weighs joining RED against GRN (300 warheads), then against BLU alone
  Views v = views_of(crisis());
  const int blk = find_actor(v.m, "BLK");
  const Option full{OptionKind::enter_full, 0, 1};
  EXPECT_EQ(entry_rung(v.ctx, blk, full), 3);
  const double before = term(v, "escalation", "BLK", OptionKind::enter_full, 1);
  enter_war(v.m, v.s, 0, find_actor(v.m, "GRN"), 2, 1.0, nullptr);
  compute_war_view(v.m, v.s, 0);
  compute_actor_views(v.m, v.s, 0);
  EXPECT_EQ(entry_rung(v.ctx, blk, full), 4);
  EXPECT_LT(term(v, "escalation", "BLK", OptionKind::enter_full, 1), 4 * before);
}

TEST(Theory, AStalemateMakesTheLineWorthSettlingFor) {
  // RED claims all and believes it would win with even odds; as it learns that
  // arms will not decide the war, settling on the line gains
  Views v = views_of(crisis());
  const int red = find_actor(v.m, "RED");
  v.s.actor_view[red].p_win[1] = 0.5;
  v.s.actor_view[red].decisive = 1.0;
  const double decisive = settlement_gain(v.ctx, red);
  v.s.actor_view[red].decisive = 0.1;
  const double stalemate = settlement_gain(v.ctx, red);
  EXPECT_LT(decisive, 0.0);
  EXPECT_GT(stalemate, decisive + 0.3);
}

TEST(Theory, FightingATradingPartnerCostsMore) {
  auto economy_with_trade = [](const char* usd) {
    return term(views_of(crisis("", "", std::string("  - {between: [GRN, RED], trade_usd: ") + usd + "}\n")),
                "economy", "GRN", OptionKind::enter_full, 2);
  };
  EXPECT_LT(economy_with_trade("3.0e10"), economy_with_trade("0"));
}
