// Paths into a scenario, variants and the draws of uncertain parameters.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "scenario/load.h"
#include "scenario/params.h"

using namespace statecraft;

namespace {

Scenario full() {
  return load_scenario((std::filesystem::path(STATECRAFT_SOURCE_DIR) / "tests/scenarios/valid/full.yaml").string());
}

Scenario parse_ok(const std::string& yaml) {
  std::vector<Diagnostic> problems;
  Scenario s = parse_scenario(yaml, "test.yaml", problems);
  std::string text;
  for (const auto& d : problems) text += format_diagnostic(d) + "\n";
  EXPECT_TRUE(problems.empty()) << text;
  return s;
}

const std::string kBase = R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea, military: {personnel: 1000}, interests: {korea: 0.9}}
  - {id: KOR, name: South Korea, military: {personnel: 1000}}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, coastal: true, at: [39, 126]}
      - {id: south, name: South, owner: KOR, coastal: true, port: true, at: [36, 128]}
    links: [[north, south]]
)";

}  // namespace

// --- numeric_field ---

TEST(ScenarioPaths, NumericFieldAddressesEveryDocumentedNumber) {
  Scenario s = full();
  std::string error;
  for (const char* path : {
           "actors.PRK.population", "actors.PRK.urban_population", "actors.PRK.gdp_usd",
           "actors.PRK.casualty_tolerance", "actors.PRK.cinc", "actors.PRK.military.personnel",
           "actors.PRK.military.tanks", "actors.PRK.military.artillery", "actors.PRK.military.aircraft",
           "actors.PRK.military.ships", "actors.PRK.military.quality", "actors.PRK.military.spending_usd",
           "actors.PRK.military.deployable_share", "actors.PRK.military.deploy_days",
           "actors.PRK.military.production_per_year.personnel", "actors.PRK.military.production_per_year.ships",
           "actors.PRK.industry.iron_steel_tons", "actors.PRK.industry.energy_coal_tons",
           "actors.PRK.nuclear.warheads", "actors.PRK.interests.korea", "actors.PRK.ideology.1",
           "organizations.un.reliability", "treaties.sino-soviet-1950.reliability", "relations.CHN.PRK.affinity",
           "relations.PRK.CHN.trade_usd", "relations.aid.SOV.PRK.usd_per_year",
           "theaters.korea.regions.seoul.population", "theaters.korea.regions.seoul.fortification",
           "theaters.korea.links.seoul.incheon.km", "forces.PRK.kaesong.personnel", "forces.USA.reserve.tanks",
           "model.combat.attrition_rate", "model.terrain_defense.mountain", "theory.collective_security.weight"}) {
    double* p = numeric_field(s, path, error);
    EXPECT_NE(p, nullptr) << path << ": " << error;
  }
}

TEST(ScenarioPaths, NumericFieldPointsAtTheField) {
  Scenario s = full();
  std::string error;
  *numeric_field(s, "actors.KOR.military.personnel", error) = 123;
  EXPECT_EQ(s.actors[1].military.stock.personnel, 123);
  *numeric_field(s, "relations.PRK.CHN.affinity", error) = -0.5;  // either order of the pair
  EXPECT_EQ(s.relations[0].affinity, -0.5);
  *numeric_field(s, "forces.USA.reserve.personnel", error) = 7;
  EXPECT_EQ(s.forces[3].equipment.personnel, 7);
  *numeric_field(s, "actors.SOV.ideology.0", error) = 0.25;
  EXPECT_EQ(s.actors[4].ideology[0], 0.25);
}

TEST(ScenarioPaths, BooleansDatesEnumsAndIdsAreNotNumeric) {
  Scenario s = full();
  std::string error;
  for (const char* path : {"actors.CHN.abstain", "actors.CHN.regime", "actors.CHN.capital", "scenario.start",
                           "treaties.us-rok.signed", "theaters.korea.regions.seoul.control",
                           "theaters.korea.links.seoul.incheon.river", "theory.deterrence.enabled"}) {
    error.clear();
    EXPECT_EQ(numeric_field(s, path, error), nullptr) << path;
    EXPECT_NE(error.find("is not numeric"), std::string::npos) << path << ": " << error;
  }
}

TEST(ScenarioPaths, ErrorsNameTheFailingSegmentAndSuggest) {
  Scenario s = full();
  std::string error;
  EXPECT_EQ(numeric_field(s, "actors.CHA.population", error), nullptr);
  EXPECT_NE(error.find("segment 2 'CHA' is not an actor id"), std::string::npos) << error;
  EXPECT_NE(error.find("did you mean 'CHN'?"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "actors.CHN.military.tnaks", error), nullptr);
  EXPECT_NE(error.find("segment 4 'tnaks' is not a field of 'actors.CHN.military'"), std::string::npos) << error;
  EXPECT_NE(error.find("did you mean 'tanks'?"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "theaters.korea.regions.seol.population", error), nullptr);
  EXPECT_NE(error.find("did you mean 'seoul'?"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "actor.CHN.population", error), nullptr);
  EXPECT_NE(error.find("did you mean 'actors'?"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "actors.CHN", error), nullptr);
  EXPECT_NE(error.find("incomplete"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "actors.CHN.population.men", error), nullptr);
  EXPECT_NE(error.find("'population' is a single value"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "actors..population", error), nullptr);
  EXPECT_NE(error.find("empty segment 2"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "actors.PRK.ideology.2", error), nullptr);
  EXPECT_NE(error.find("not an ideology axis of PRK (2 axes)"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "relations.PRK.KOR.affinity", error), nullptr);
  EXPECT_NE(error.find("no relation between PRK and KOR"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "forces.PRK.seoul.personnel", error), nullptr);
  EXPECT_NE(error.find("PRK has no force there"), std::string::npos) << error;
  EXPECT_EQ(numeric_field(s, "model.combat.atrition_rate", error), nullptr);
  EXPECT_NE(error.find("did you mean 'model.combat.attrition_rate'?"), std::string::npos) << error;
}

TEST(ScenarioPaths, AbsentInterestAndCoefficientAreAddedWithTheirDefault) {
  Scenario s = full();
  std::string error;
  const size_t params = s.params.size();
  double* p = numeric_field(s, "model.supply.cutoff_effectiveness", error);
  ASSERT_NE(p, nullptr) << error;
  EXPECT_EQ(*p, Coefficients{}.cutoff_effectiveness);
  EXPECT_EQ(s.params.size(), params + 1);
  EXPECT_EQ(numeric_field(s, "model.supply.cutoff_effectiveness", error), p) << "added once";
  double* stake = numeric_field(s, "actors.SOV.interests.manchuria", error);
  ASSERT_NE(stake, nullptr) << error;
  EXPECT_EQ(*stake, 0);
  ASSERT_EQ(s.actors[4].interests.size(), 1u);
  EXPECT_EQ(s.actors[4].interests[0].theater, "manchuria");
  EXPECT_EQ(numeric_field(s, "actors.SOV.interests.europe", error), nullptr);
  EXPECT_NE(error.find("not a theatre id"), std::string::npos) << error;
}

TEST(ScenarioPaths, AbsentLinkLengthStartsFromTheGreatCircle) {
  Scenario s = full();
  std::string error;
  double* km = numeric_field(s, "theaters.korea.links.kaesong.pyongyang.km", error);
  ASSERT_NE(km, nullptr) << error;
  // Pyongyang (39.03, 125.75) to Kaesong (37.97, 126.55): about 137 km
  EXPECT_NEAR(*km, 137, 3);
  EXPECT_TRUE(s.theaters[0].links[0].km.has_value());
}

// --- set_field ---

TEST(ScenarioPaths, SetFieldWritesEveryKindOfValue) {
  Scenario s = full();
  EXPECT_EQ(set_field(s, "actors.CHN.abstain", "true"), "");
  EXPECT_TRUE(s.actors[3].abstain);
  EXPECT_EQ(set_field(s, "actors.CHN.regime", "democracy"), "");
  EXPECT_EQ(s.actors[3].regime, Regime::democracy);
  EXPECT_EQ(set_field(s, "actors.CHN.interests.korea", "0.25"), "");
  EXPECT_EQ(s.actors[3].interests[0].stake, 0.25);
  EXPECT_EQ(set_field(s, "scenario.horizon", "1955-01-01"), "");
  EXPECT_EQ(format_date(s.info.horizon), "1955-01-01");
  EXPECT_EQ(set_field(s, "scenario.step", "day"), "");
  EXPECT_EQ(s.info.step, StepUnit::day);
  EXPECT_EQ(set_field(s, "treaties.us-rok.signed", "1953-10-01"), "");
  EXPECT_EQ(format_date(*s.treaties[1].signed_on), "1953-10-01");
  EXPECT_EQ(set_field(s, "treaties.us-rok.type", "defense"), "");
  EXPECT_EQ(s.treaties[1].type, TreatyType::defense);
  EXPECT_EQ(set_field(s, "theaters.korea.regions.seoul.control", "PRK"), "");
  EXPECT_EQ(s.theaters[0].regions[2].control, "PRK");
  EXPECT_EQ(set_field(s, "theaters.korea.regions.kaesong.terrain", "mountain"), "");
  EXPECT_EQ(s.theaters[0].regions[1].terrain, Terrain::mountain);
  EXPECT_EQ(set_field(s, "theaters.korea.links.incheon.busan.kind", "land"), "");
  EXPECT_EQ(s.theaters[0].links[4].kind, LinkKind::land);
  EXPECT_EQ(set_field(s, "actors.PRK.capital", "kaesong"), "");
  EXPECT_EQ(s.actors[0].capital, "kaesong");
  EXPECT_EQ(set_field(s, "organizations.un.council.veto", "false"), "");
  EXPECT_FALSE(s.organizations[0].council->veto);
  EXPECT_EQ(set_field(s, "theory.deterrence.enabled", "false"), "");
  EXPECT_EQ(coefficients_of(s).deterrence_enabled, 0.0);
  EXPECT_EQ(set_field(s, "actors.KOR.cinc", "0.01"), "");
  EXPECT_EQ(s.actors[1].cinc, 0.01);
}

TEST(ScenarioPaths, SetFieldRejectsBadValuesAndLeavesTheScenarioAlone) {
  const Scenario base = full();
  Scenario s = base;
  const struct {
    const char* path;
    const char* value;
    const char* error;
  } cases[] = {
      {"actors.CHN.abstain", "yes", "not true or false"},
      {"actors.CHN.population", "lots", "not a number"},
      {"actors.CHN.population", "-1", "out of range (expected a number >= 0)"},
      {"actors.CHN.casualty_tolerance", "1.5", "out of range (expected a number in 0..1)"},
      {"actors.CHN.military.quality", "0", "out of range (expected a number in 0.1..5)"},
      {"actors.CHN.regime", "monarchy", "unknown name"},
      {"theaters.korea.regions.seoul.terrain", "mountian", "did you mean 'mountain'?"},
      {"theaters.korea.regions.seoul.control", "PKR", "did you mean 'PRK'?"},
      {"actors.PRK.capital", "seol", "did you mean 'seoul'?"},
      {"scenario.start", "1950-02-30", "not a date that exists"},
      {"theaters.korea.links.seoul.incheon.km", "0", "out of range (expected a number > 0)"},
      {"model.combat.attrition_rate", "0.9", "out of range (expected a number in 0..0.5)"},
      {"model.supply.interdiction", "nan", "not a number"},
      {"theory.deterrence.enabled", "1", "not true or false"},
      {"actors.SOV.interests.manchuria", "2", "out of range"},
  };
  for (const auto& c : cases) {
    const std::string error = set_field(s, c.path, c.value);
    EXPECT_NE(error.find(c.error), std::string::npos) << c.path << " = " << c.value << ": " << error;
  }
  // nothing was written, not even the interest or coefficient the paths would create
  EXPECT_EQ(s.actors[3].population, base.actors[3].population);
  EXPECT_EQ(s.params.size(), base.params.size());
  EXPECT_TRUE(s.actors[4].interests.empty());
  EXPECT_EQ(s.theaters[0].regions[2].terrain, base.theaters[0].regions[2].terrain);
}

// --- variants ---

TEST(ScenarioVariants, ApplyVariantLeavesTheBaseAlone) {
  const Scenario base = full();
  const Scenario v = apply_variant(base, "late-aid");
  EXPECT_EQ(base.relations[3].usd_per_year, 1e8);
  EXPECT_EQ(v.relations[3].usd_per_year, 2e8);
  EXPECT_EQ(base.theaters[0].regions[2].terrain, Terrain::urban);
  EXPECT_EQ(v.theaters[0].regions[2].terrain, Terrain::mountain);
  EXPECT_EQ(coefficients_of(v).deterrence_enabled, 0.0);
  EXPECT_EQ(coefficients_of(base).deterrence_enabled, 1.0);
  EXPECT_TRUE(base.applied_variants.empty());
  ASSERT_EQ(v.applied_variants.size(), 1u);
  EXPECT_EQ(v.applied_variants[0], "late-aid");
}

TEST(ScenarioVariants, VariantsStack) {
  const Scenario both = apply_variant(apply_variant(full(), "china-neutral"), "late-aid");
  EXPECT_TRUE(both.actors[3].abstain);
  EXPECT_EQ(both.relations[3].usd_per_year, 2e8);
  EXPECT_EQ(both.applied_variants, (std::vector<std::string>{"china-neutral", "late-aid"}));
}

TEST(ScenarioVariants, UnknownVariantSuggestsTheNearest) {
  try {
    apply_variant(full(), "china-nuetral");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics.size(), 1u);
    EXPECT_EQ(e.diagnostics[0].suggestion, "china-neutral");
    EXPECT_NE(std::string(e.what()).find("unknown variant 'china-nuetral'"), std::string::npos);
  }
}

TEST(ScenarioVariants, ApplyVariantRechecksTheResult) {
  Scenario base = parse_ok(kBase);
  // a variant made in code, not checked at parse: it leaves a port inland
  Variant v;
  v.name = "inland";
  v.set.push_back(SetValue{"theaters.korea.regions.south.coastal", "false", {20, 7}});
  base.variants.push_back(v);
  try {
    apply_variant(base, "inland");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics.size(), 1u) << e.what();
    EXPECT_EQ(e.diagnostics[0].key, "theaters[0].regions[1].port");
    EXPECT_NE(e.diagnostics[0].message.find("with variant 'inland' applied"), std::string::npos);
  }
}

TEST(ScenarioVariants, BadSetIsReportedAtItsEntry) {
  Scenario base = parse_ok(kBase);
  Variant v;
  v.name = "bad";
  v.set.push_back(SetValue{"actors.PRK.military.personel", "5", {20, 7}});
  base.variants.push_back(v);
  try {
    apply_variant(base, "bad");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics.size(), 1u);
    EXPECT_EQ(e.diagnostics[0].key, "variants.bad.set[0].path");
    EXPECT_EQ(e.diagnostics[0].loc.line, 20);
    EXPECT_EQ(e.diagnostics[0].suggestion, "personnel");
  }
}

// --- draws ---

TEST(ScenarioDraws, SameSeedSameDrawsOtherSeedOtherDraws) {
  const Scenario base = full();
  Scenario a = base, b = base, c = base;
  Rng ra(7), rb(7), rc(8);
  draw_uncertain(a, ra);
  draw_uncertain(b, rb);
  draw_uncertain(c, rc);
  std::string error;
  for (const auto& u : base.uncertain) {
    const double x = *numeric_field(a, u.path, error);
    EXPECT_EQ(x, *numeric_field(b, u.path, error)) << u.path;
    EXPECT_NE(x, *numeric_field(c, u.path, error)) << u.path;
  }
  EXPECT_EQ(ra.next(), rb.next()) << "the same number of values was drawn";
}

TEST(ScenarioDraws, DrawsFollowTheirDistributions) {
  const Scenario base = full();
  std::string error;
  double sum_uniform = 0, sum_normal = 0, sum_log = 0, tri_min = 1, tri_max = 0;
  int choice_counts[3] = {};
  const int n = 20000;
  Rng rng(11);
  for (int i = 0; i < n; ++i) {
    Scenario s = base;
    draw_uncertain(s, rng);
    const double chn = *numeric_field(s, "actors.CHN.interests.korea", error);
    ASSERT_GE(chn, 0.6);
    ASSERT_LT(chn, 1.0);
    sum_uniform += chn;
    sum_normal += *numeric_field(s, "actors.PRK.military.quality", error);
    sum_log += std::log(*numeric_field(s, "model.combat.attrition_rate", error));
    const double tri = *numeric_field(s, "theaters.korea.regions.seoul.fortification", error);
    tri_min = std::min(tri_min, tri);
    tri_max = std::max(tri_max, tri);
    const double pick = *numeric_field(s, "actors.USA.casualty_tolerance", error);
    ASSERT_TRUE(pick == 0.3 || pick == 0.4 || pick == 0.6) << pick;
    ++choice_counts[pick == 0.3 ? 0 : pick == 0.4 ? 1 : 2];
  }
  EXPECT_NEAR(sum_uniform / n, 0.8, 0.01);
  EXPECT_NEAR(sum_normal / n, 1.0, 0.01);
  EXPECT_NEAR(sum_log / n, std::log(0.012), 0.01);
  EXPECT_GE(tri_min, 0.0);
  EXPECT_LE(tri_max, 0.5);
  for (int c : choice_counts) EXPECT_NEAR(c, n / 3.0, n * 0.03);
}

TEST(ScenarioDraws, DrawsAreClippedThenClampedToTheFieldRange) {
  Scenario base = parse_ok(kBase + R"(uncertain:
  - {path: actors.PRK.military.quality, dist: {normal: [1.0, 10]}, clip: [0.5, 1.5]}
  - {path: actors.PRK.interests.korea, dist: {normal: [0.9, 5]}}
  - {path: actors.KOR.military.personnel, dist: {normal: [0, 1000]}}
  - {path: model.combat.attrition_rate, dist: {uniform: [0.3, 0.9]}}
)");
  std::string error;
  Rng rng(3);
  bool clipped_low = false, clipped_high = false;
  for (int i = 0; i < 2000; ++i) {
    Scenario s = base;
    draw_uncertain(s, rng);
    const double q = *numeric_field(s, "actors.PRK.military.quality", error);
    ASSERT_GE(q, 0.5);
    ASSERT_LE(q, 1.5);
    clipped_low |= q == 0.5;
    clipped_high |= q == 1.5;
    const double stake = *numeric_field(s, "actors.PRK.interests.korea", error);
    ASSERT_GE(stake, 0.0);
    ASSERT_LE(stake, 1.0);
    ASSERT_GE(*numeric_field(s, "actors.KOR.military.personnel", error), 0.0);
    ASSERT_LE(*numeric_field(s, "model.combat.attrition_rate", error), 0.5) << "the registry's range";
    ASSERT_TRUE(check_scenario(s).empty());
  }
  EXPECT_TRUE(clipped_low && clipped_high);
}

TEST(ScenarioDraws, DrawingAnAbsentCoefficientAddsIt) {
  Scenario s = parse_ok(kBase + "uncertain:\n  - {path: model.supply.interdiction, dist: {uniform: [1, 2]}}\n");
  Rng rng(1);
  draw_uncertain(s, rng);
  ASSERT_EQ(s.params.size(), 1u);
  EXPECT_GE(coefficients_of(s).interdiction, 1.0);
  EXPECT_LT(coefficients_of(s).interdiction, 2.0);
}
