// Wars already under way or under a truce at the start, their guarantors,
// and the paths variants use to set them.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "scenario/load.h"
#include "scenario/write.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {

const char* kForces = R"(  - {actor: RED, theater: land, region: r2, personnel: 100000}
  - {actor: BLU, theater: land, region: b1, personnel: 100000}
)";

// The line scenario with a third state GRN that may guarantee BLU; `war` is the wars: entry.
std::string with_war(const std::string& war) {
  std::string y = line_scenario(kForces, "", false);
  y.replace(y.find("actors:\n"), 8,
            "actors:\n  - {id: GRN, name: Green, population: 1.0e8, gdp_usd: 1.0e12, major_power: true,\n"
            "     nuclear: {warheads: 1000}, military: {personnel: 1000000}}\n");
  return y + "wars:\n" + war;
}

}  // namespace

TEST(Wars, StartedStatusAndGuarantorsParseAndRoundTrip) {
  const Scenario s = parse_ok(with_war(
      "  - {id: w, attackers: [RED], defenders: [BLU], theater: land, started: 1999-01-01, status: ceasefire,\n"
      "     guarantors: [GRN]}\n"));
  ASSERT_EQ(s.wars.size(), 1u);
  EXPECT_EQ(format_date(*s.wars[0].started), "1999-01-01");
  EXPECT_EQ(s.wars[0].status, WarStart::ceasefire);
  EXPECT_EQ(s.wars[0].guarantors, std::vector<std::string>{"GRN"});
  std::vector<Diagnostic> problems;
  const Scenario back = parse_scenario(write_scenario(s), "<written>", problems);
  ASSERT_TRUE(problems.empty());
  EXPECT_EQ(back.wars[0].status, WarStart::ceasefire);
  EXPECT_EQ(back.wars[0].guarantors, s.wars[0].guarantors);
}

TEST(Wars, StartAfterTheScenarioStartIsAnError) {
  std::vector<Diagnostic> problems;
  parse_scenario(with_war("  - {id: w, attackers: [RED], defenders: [BLU], theater: land, started: 2000-02-01}\n"), "x",
                 problems);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].key.find("started"), std::string::npos) << format_diagnostic(problems[0]);
}

TEST(Wars, AnAttackerCannotGuaranteeTheTruce) {
  std::vector<Diagnostic> problems;
  parse_scenario(with_war("  - {id: w, attackers: [RED], defenders: [BLU], theater: land, guarantors: [RED]}\n"), "x",
                 problems);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(format_diagnostic(problems[0]).find("cannot guarantee"), std::string::npos);
}

TEST(Wars, PathsSetStatusAimsAndGuarantors) {
  Scenario s = parse_ok(with_war("  - {id: w, attackers: [RED], defenders: [BLU], theater: land}\n"));
  EXPECT_EQ(set_field(s, "wars.w.status", "armistice"), "");
  EXPECT_EQ(s.wars[0].status, WarStart::armistice);
  EXPECT_EQ(set_field(s, "wars.w.aims.RED", "all"), "");
  ASSERT_EQ(s.wars[0].aims.size(), 1u);
  EXPECT_EQ(s.wars[0].aims[0].kind, Aim::Kind::all);
  EXPECT_EQ(set_field(s, "wars.w.guarantors.GRN", "true"), "");
  EXPECT_EQ(s.wars[0].guarantors, std::vector<std::string>{"GRN"});
  EXPECT_EQ(set_field(s, "wars.w.guarantors.GRN", "false"), "");
  EXPECT_TRUE(s.wars[0].guarantors.empty());
  EXPECT_NE(set_field(s, "wars.w.status", "paused"), "");
  EXPECT_NE(set_field(s, "wars.w.aims.GRN", "all"), "");  // not a belligerent
  EXPECT_NE(set_field(s, "wars.x.status", "ceasefire"), "");
}

TEST(Wars, AValueAVariantSetsIsNotDrawn) {
  Scenario s = parse_ok(line_scenario(kForces, R"(uncertain:
  - {path: actors.RED.casualty_tolerance, dist: {uniform: [0.1, 0.2]}}
  - {path: actors.BLU.casualty_tolerance, dist: {uniform: [0.1, 0.2]}}
variants:
  brave: {set: [{path: actors.RED.casualty_tolerance, value: 0.9}]}
)"));
  Scenario v = apply_variant(s, "brave");
  Rng a(5), b(5);
  draw_uncertain(v, a);
  draw_uncertain(s, b);
  EXPECT_EQ(v.actors[0].casualty_tolerance, 0.9);
  // the other draw is the same as in the base scenario: common random numbers
  EXPECT_EQ(v.actors[1].casualty_tolerance, s.actors[1].casualty_tolerance);
  EXPECT_LE(s.actors[0].casualty_tolerance, 0.2);
}

TEST(Wars, AWarUnderWayHasNoOpeningSurpriseAndIsMobilized) {
  const Model fresh = compile_ok(with_war("  - {id: w, attackers: [RED], defenders: [BLU], theater: land}\n"));
  const Model old = compile_ok(
      with_war("  - {id: w, attackers: [RED], defenders: [BLU], theater: land, started: 1998-01-01}\n"));
  RunState a = started(fresh), b = started(old);
  const int red = find_actor(fresh, "RED");
  EXPECT_EQ(a.mobilization[red], 0);
  EXPECT_EQ(b.mobilization[red], 1);
  EXPECT_LT(a.day - a.war[0].started_day, fresh.coef.surprise_days);
  EXPECT_GT(b.day - b.war[0].started_day, old.coef.surprise_days);
}

TEST(Wars, GuarantorsMakeATruceHoldLonger) {
  auto broke = [](const char* guarantors) {
    const Model m = compile_ok(with_war(std::string("  - {id: w, attackers: [RED], defenders: [BLU], theater: land, "
                                                    "status: ceasefire, guarantors: [") +
                                       guarantors + "]}\n"));
    RunState s;
    RunRecord r;
    int n = 0;
    for (int i = 0; i < 400; ++i) {
      run_one(m, run_seed(3, static_cast<uint64_t>(i)), s, r);
      n += r.truce_broke;
      if (!r.truce_broke) {
        EXPECT_EQ(r.outcome, Outcome::frozen);
      }
    }
    return n;
  };
  const int without = broke(""), with = broke("GRN");
  EXPECT_GT(without, 0);
  EXPECT_LT(with, without);
}
