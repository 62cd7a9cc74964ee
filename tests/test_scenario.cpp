// Reading scenario files: what parses, what defaults apply, and that every
// class of mistake is reported at the right line:column with its key.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/load.h"
#include "scenario/params.h"

using namespace statecraft;

namespace {

struct Parsed {
  Scenario s;
  std::vector<Diagnostic> problems;
};

Parsed parse(const std::string& yaml) {
  Parsed p;
  p.s = parse_scenario(yaml, "test.yaml", p.problems);
  return p;
}

// The first problem whose printed form contains `text`, or null.
const Diagnostic* find(const Parsed& p, const std::string& text) {
  for (const auto& d : p.problems)
    if (format_diagnostic(d).find(text) != std::string::npos) return &d;
  return nullptr;
}

std::string all(const Parsed& p) {
  std::string out;
  for (const auto& d : p.problems) out += format_diagnostic(d) + "\n";
  return out;
}

// Lines 1-11 of every small scenario below; extra sections start at line 12.
const std::string kBase = R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea, military: {personnel: 1000, tanks: 10}}
  - {id: KOR, name: South Korea, military: {personnel: 1000}}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, coastal: true, at: [36, 128]}
    links: [[north, south]]
)";

#define EXPECT_PROBLEM(parsed, text, line_, column_, key_)              \
  do {                                                                  \
    const Diagnostic* d_ = find(parsed, text);                          \
    ASSERT_NE(d_, nullptr) << "no problem containing: " << (text) << "\n" << all(parsed); \
    EXPECT_EQ(d_->loc.line, line_) << format_diagnostic(*d_);           \
    EXPECT_EQ(d_->loc.column, column_) << format_diagnostic(*d_);       \
    EXPECT_EQ(d_->key, key_) << format_diagnostic(*d_);                 \
    EXPECT_EQ(d_->file, "test.yaml");                                   \
  } while (0)

}  // namespace

// --- what parses ---

TEST(ScenarioParse, MinimalScenarioParsesClean) {
  Parsed p = parse(kBase);
  ASSERT_TRUE(p.problems.empty()) << all(p);
  EXPECT_EQ(p.s.info.id, "t");
  EXPECT_EQ(format_date(p.s.info.start), "1950-06-25");
  ASSERT_EQ(p.s.actors.size(), 2u);
  EXPECT_EQ(p.s.actors[0].military.stock.personnel, 1000);
  ASSERT_EQ(p.s.theaters.size(), 1u);
  ASSERT_EQ(p.s.theaters[0].links.size(), 1u);
  EXPECT_EQ(p.s.theaters[0].links[0].a, "north");
  EXPECT_EQ(p.s.theaters[0].links[0].b, "south");
  EXPECT_EQ(p.s.file, "test.yaml");
}

TEST(ScenarioParse, DefaultsAreApplied) {
  Parsed p = parse(kBase + R"(organizations:
  - {id: un, members: [PRK, KOR], council: {permanent: [KOR]}}
treaties:
  - {id: pact, type: entente, members: [PRK, KOR]}
)");
  ASSERT_TRUE(p.problems.empty()) << all(p);
  EXPECT_EQ(p.s.info.step, StepUnit::day);
  const Actor& a = p.s.actors[0];
  EXPECT_EQ(a.kind, ActorKind::state);
  EXPECT_EQ(a.regime, Regime::autocracy);
  EXPECT_EQ(a.casualty_tolerance, 0.5);
  EXPECT_EQ(a.military.quality, 1.0);
  EXPECT_EQ(a.military.deployable_share, 0.5);
  EXPECT_EQ(a.military.deploy_days, 30);
  EXPECT_FALSE(a.cinc.has_value());
  EXPECT_FALSE(a.at.has_value());
  EXPECT_EQ(a.cow, 0);
  const Region& r = p.s.theaters[0].regions[0];
  EXPECT_EQ(r.control, "PRK") << "control defaults to the owner";
  EXPECT_EQ(r.terrain, Terrain::mixed);
  EXPECT_FALSE(r.coastal);
  EXPECT_EQ(r.fortification, 0);
  EXPECT_EQ(p.s.theaters[0].links[0].kind, LinkKind::land);
  EXPECT_FALSE(p.s.theaters[0].links[0].km.has_value());
  EXPECT_EQ(p.s.organizations[0].kind, OrgKind::collective_security);
  EXPECT_EQ(p.s.organizations[0].reliability, 0.5);
  ASSERT_TRUE(p.s.organizations[0].council.has_value());
  EXPECT_TRUE(p.s.organizations[0].council->veto);
  EXPECT_EQ(p.s.treaties[0].reliability, 0.5);
  EXPECT_FALSE(p.s.history.present);
  EXPECT_TRUE(p.s.params.empty());
}

TEST(ScenarioParse, EntitiesKeepTheirPositions) {
  Parsed p = parse(kBase + R"(forces:
  - {actor: PRK, theater: korea, region: north, personnel: 500}
)");
  ASSERT_TRUE(p.problems.empty()) << all(p);
  EXPECT_EQ(p.s.actors[1].loc.line, 5);
  EXPECT_EQ(p.s.actors[1].loc.column, 5);
  EXPECT_EQ(p.s.theaters[0].loc.line, 7);
  EXPECT_EQ(p.s.theaters[0].regions[1].loc.line, 10);
  EXPECT_EQ(p.s.theaters[0].regions[1].loc.column, 9);
  EXPECT_EQ(p.s.forces[0].loc.line, 13);
}

TEST(ScenarioParse, ModelAndTheoryBlocksAreFlattenedToRegistryKeys) {
  Parsed p = parse(kBase + R"(model:
  combat: {attrition_rate: 0.02}
  terrain_defense: {mountain: 2.0}
theory:
  balance_of_threat: {enabled: false, weight: 2}
)");
  ASSERT_TRUE(p.problems.empty()) << all(p);
  ASSERT_EQ(p.s.params.size(), 4u);
  EXPECT_EQ(p.s.params[0].key, "model.combat.attrition_rate");
  EXPECT_EQ(p.s.params[0].value, 0.02);
  EXPECT_EQ(p.s.params[0].loc.line, 13);
  EXPECT_EQ(p.s.params[1].key, "model.terrain_defense.mountain");
  EXPECT_EQ(p.s.params[2].key, "theory.balance_of_threat.enabled");
  EXPECT_EQ(p.s.params[2].value, 0.0);
  const Coefficients c = coefficients_of(p.s);
  EXPECT_EQ(c.attrition_rate, 0.02);
  EXPECT_EQ(c.terrain_defense[4], 2.0);
  EXPECT_EQ(c.balance_of_threat_enabled, 0.0);
  EXPECT_EQ(c.balance_of_threat_weight, 2.0);
}

TEST(ScenarioParse, ConditionsBecomeTrees) {
  Parsed p = parse(kBase + R"(history:
  checkpoints:
    - {date: 1950-07-01, controls: {actor: PRK, region: south}}
    - {date: 1950-08-01, any: [{at_war: [PRK, KOR]}, {not: {deaths_above: {actor: KOR, value: 10}}}]}
    - {date: 1950-09-01, after: 1950-08-01, before: 1951-01-01}
)");
  ASSERT_TRUE(p.problems.empty()) << all(p);
  using Op = Condition::Op;
  const auto& cps = p.s.history.checkpoints;
  ASSERT_EQ(cps.size(), 3u);
  ASSERT_EQ(cps[0].condition.nodes.size(), 1u);
  EXPECT_EQ(cps[0].condition.nodes[0].op, Op::controls);
  EXPECT_EQ(cps[0].condition.nodes[0].region, "south");
  // any -> [all -> [at_war PRK, at_war KOR], not -> deaths_above]
  const auto& n = cps[1].condition.nodes;
  ASSERT_EQ(n.size(), 6u);
  EXPECT_EQ(n[0].op, Op::any);
  ASSERT_EQ(n[0].children.size(), 2u);
  EXPECT_EQ(n[static_cast<size_t>(n[0].children[0])].op, Op::all);
  const auto& neg = n[static_cast<size_t>(n[0].children[1])];
  EXPECT_EQ(neg.op, Op::not_);
  EXPECT_EQ(n[static_cast<size_t>(neg.children[0])].op, Op::deaths_above);
  EXPECT_EQ(n[static_cast<size_t>(neg.children[0])].actor, "KOR");
  // several keys in one mapping mean all of them
  EXPECT_EQ(cps[2].condition.nodes[0].op, Op::all);
  EXPECT_EQ(cps[2].condition.nodes[0].children.size(), 2u);
}

TEST(ScenarioParse, EveryValidCorpusFileParsesClean) {
  const auto dir = std::filesystem::path(STATECRAFT_SOURCE_DIR) / "tests/scenarios/valid";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++files;
    SCOPED_TRACE(entry.path().string());
    EXPECT_NO_THROW(load_scenario(entry.path().string()));
  }
  EXPECT_GE(files, 2);
}

TEST(ScenarioParse, LoadScenarioThrowsWithEveryProblem) {
  const auto path = std::filesystem::temp_directory_path() / "statecraft_test_two_problems.yaml";
  {
    std::ofstream out(path);
    out << kBase << "colour: red\nmodel: {combat: {attrition_rate: 9}}\n";
  }
  try {
    load_scenario(path.string());
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics.size(), 2u) << e.what();
    EXPECT_EQ(e.diagnostics[0].file, path.string());
    EXPECT_NE(std::string(e.what()).find("unknown key 'colour'"), std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST(ScenarioParse, UnreadableFileIsOneProblemWithoutPosition) {
  try {
    load_scenario("/nonexistent/statecraft/scenario.yaml");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics.size(), 1u);
    EXPECT_EQ(e.diagnostics[0].loc.line, 0);
    EXPECT_NE(e.diagnostics[0].message.find("cannot read"), std::string::npos);
  }
}

// --- every problem, not the first ---

TEST(ScenarioErrors, AllProblemsAreCollectedInFileOrder) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea, populaton: 5}
  - {id: KOR, name: South Korea, casualty_tolerance: 3}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, terrain: swamp, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
)");
  ASSERT_EQ(p.problems.size(), 3u) << all(p);
  EXPECT_EQ(p.problems[0].loc.line, 4);
  EXPECT_EQ(p.problems[1].loc.line, 5);
  EXPECT_EQ(p.problems[2].loc.line, 9);
}

// --- syntax and structure ---

TEST(ScenarioErrors, YamlSyntaxErrorIsLocated) {
  Parsed p = parse("statecraft: 1\nscenario: [a, b\nactors: x\n");
  ASSERT_EQ(p.problems.size(), 1u) << all(p);
  EXPECT_NE(p.problems[0].message.find("YAML syntax error"), std::string::npos);
  EXPECT_EQ(p.problems[0].loc.line, 2);
  EXPECT_EQ(p.problems[0].loc.column, 11);
}

TEST(ScenarioErrors, TabIndentationIsNamed) {
  Parsed p = parse("statecraft: 1\nscenario:\n\tid: t\n");
  EXPECT_PROBLEM(p, "tab character in indentation", 3, 1, "");
}

TEST(ScenarioErrors, EmptyFileIsOneProblem) {
  Parsed p = parse("");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_NE(p.problems[0].message.find("empty"), std::string::npos);
  EXPECT_EQ(parse("# only a comment\n").problems.size(), 1u);
}

TEST(ScenarioErrors, TopLevelMustBeAMapping) {
  Parsed p = parse("- a\n- b\n");
  EXPECT_PROBLEM(p, "wrong type: a list", 1, 1, "");
}

TEST(ScenarioErrors, UnknownKeyIsLocatedWithSuggestion) {
  Parsed p = parse(kBase + "theatres: []\n");
  EXPECT_PROBLEM(p, "unknown key 'theatres'", 12, 1, "theatres");
  EXPECT_EQ(find(p, "theatres")->suggestion, "theaters");
}

TEST(ScenarioErrors, MisspeltNestedKeyIsLocatedWithSuggestion) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - id: KOR
    name: South Korea
    military: {personnel: 10, tansk: 3}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
)");
  EXPECT_PROBLEM(p, "unknown key 'tansk'", 7, 31, "actors[1].military.tansk");
  EXPECT_EQ(find(p, "tansk")->suggestion, "tanks");
}

TEST(ScenarioErrors, DuplicateKeyIsReportedAtTheSecond) {
  Parsed p = parse(R"(statecraft: 1
scenario:
  id: t
  title: T
  start: 1950-06-25
  horizon: 1953-07-27
  title: U
)" + kBase.substr(kBase.find("actors:")));
  EXPECT_PROBLEM(p, "given twice", 7, 3, "scenario.title");
}

TEST(ScenarioErrors, WrongTypesNameWhatWasFound) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27, sources: {a: b}}
actors:
  - {id: PRK, name: North Korea, population: [1, 2], major_power: yes, gdp_usd: "5"}
  - {id: KOR, name: [South Korea]}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: 39}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
)");
  EXPECT_PROBLEM(p, "wrong type: a mapping (expected a list", 2, 78, "scenario.sources");
  EXPECT_PROBLEM(p, "wrong type: a list (expected a number)", 4, 46, "actors[0].population");
  EXPECT_PROBLEM(p, "not true or false: 'yes'", 4, 67, "actors[0].major_power");
  EXPECT_PROBLEM(p, "the quoted string '5'", 4, 81, "actors[0].gdp_usd");
  EXPECT_PROBLEM(p, "wrong type: a list (expected a string)", 5, 21, "actors[1].name");
  EXPECT_PROBLEM(p, "wrong type: '39'", 9, 50, "theaters[0].regions[0].at");
}

TEST(ScenarioErrors, NumbersMustBeDecimalAndFinite) {
  for (const char* bad : {".inf", "0x10", "1_000", "1e", "nan", "12abc"}) {
    Parsed p = parse(kBase + "model: {combat: {attrition_rate: " + bad + "}}\n");
    EXPECT_NE(find(p, "not a number"), nullptr) << bad << "\n" << all(p);
  }
  for (const char* good : {"0.012", "1.2e-2", "+0.012", ".012"}) {
    Parsed p = parse(kBase + "model: {combat: {attrition_rate: " + good + "}}\n");
    EXPECT_TRUE(p.problems.empty()) << good << "\n" << all(p);
  }
}

TEST(ScenarioErrors, MissingRequiredKeyPointsAtItsMapping) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, at: [36, 128]}
    links: [[north, south]]
)");
  EXPECT_PROBLEM(p, "missing required key 'title'", 2, 11, "scenario.title");
  EXPECT_PROBLEM(p, "missing required key 'owner'", 10, 9, "theaters[0].regions[1].owner");
  EXPECT_EQ(p.problems.size(), 2u) << "no follow-on problems from the missing owner\n" << all(p);
}

TEST(ScenarioErrors, MissingSectionsAreReported) {
  Parsed p = parse("statecraft: 1\nscenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}\n");
  EXPECT_NE(find(p, "missing required key 'actors'"), nullptr) << all(p);
  EXPECT_NE(find(p, "missing required key 'theaters'"), nullptr) << all(p);
}

TEST(ScenarioErrors, SchemaVersionMustBeOne) {
  Parsed p = parse("statecraft: 2\n" + kBase.substr(kBase.find('\n') + 1));
  EXPECT_PROBLEM(p, "unsupported schema version 2", 1, 13, "statecraft");
}

TEST(ScenarioErrors, NonStringKeysAreRejected) {
  Parsed p = parse(kBase + "? [a, b]\n: 1\n");
  EXPECT_NE(find(p, "a key must be a plain string"), nullptr) << all(p);
}

TEST(ScenarioErrors, SeveralDocumentsAreRejected) {
  Parsed p = parse(kBase + "---\n" + kBase);
  EXPECT_NE(find(p, "more than one YAML document"), nullptr) << all(p);
}

// --- values ---

TEST(ScenarioErrors, OutOfRangeValuesGiveTheRange) {
  Parsed p = parse(kBase + R"(relations:
  - {between: [PRK, KOR], affinity: -1.5, trade_usd: -1}
organizations:
  - {id: un, members: [PRK], reliability: 1.01}
)");
  EXPECT_PROBLEM(p, "-1.5 is out of range (expected a number in -1..1)", 13, 37, "relations[0].affinity");
  EXPECT_PROBLEM(p, "-1 is out of range (expected a number >= 0)", 13, 54, "relations[0].trade_usd");
  EXPECT_PROBLEM(p, "1.01 is out of range", 15, 43, "organizations[0].reliability");
}

TEST(ScenarioErrors, NegativeCountIsOutOfRange) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea, military: {personnel: -198380}}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
)");
  EXPECT_PROBLEM(p, "-198380 is out of range", 4, 56, "actors[0].military.personnel");
}

TEST(ScenarioErrors, LatitudeAndLongitudeAreChecked) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea, at: [39, 190]}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [91, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128, 3]}
    links: [[north, south]]
)");
  EXPECT_PROBLEM(p, "190 is out of range (expected a number in -180..180)", 4, 43, "actors[0].at[1]");
  EXPECT_PROBLEM(p, "91 is out of range (expected a number in -90..90)", 9, 51, "theaters[0].regions[0].at[0]");
  EXPECT_PROBLEM(p, "3 numbers given", 10, 50, "theaters[0].regions[1].at");
}

TEST(ScenarioErrors, UnknownEnumValueSuggestsNearest) {
  Parsed p = parse(kBase + "treaties:\n  - {id: pact, type: defence, members: [PRK, KOR]}\n");
  EXPECT_PROBLEM(p, "unknown value 'defence'", 13, 22, "treaties[0].type");
  EXPECT_EQ(find(p, "defence")->suggestion, "defense");
}

TEST(ScenarioErrors, ImpossibleDateIsNamed) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-02-29}
)" + kBase.substr(kBase.find("actors:")));
  EXPECT_PROBLEM(p, "impossible date '1953-02-29'", 2, 57, "scenario.horizon");
  EXPECT_EQ(p.problems.size(), 1u) << all(p);
  Parsed q = parse(kBase + "events:\n  - {at: 25/06/1950, kind: election, actor: KOR}\n");
  EXPECT_PROBLEM(q, "not a date: '25/06/1950'", 13, 10, "events[0].at");
}

TEST(ScenarioErrors, HorizonMustBeAfterStart) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1950-06-25}
)" + kBase.substr(kBase.find("actors:")));
  EXPECT_PROBLEM(p, "horizon 1950-06-25 is not after start 1950-06-25", 2, 57, "scenario.horizon");
}

TEST(ScenarioErrors, InvalidIdsAreRejected) {
  Parsed p = parse(kBase + "wars:\n  - {id: Korean War, attackers: [PRK], defenders: [KOR], theater: korea}\n");
  EXPECT_PROBLEM(p, "'Korean War' is not a valid id", 13, 10, "wars[0].id");
}

TEST(ScenarioErrors, ConditionsAreChecked) {
  Parsed p = parse(kBase + R"(variants:
  v:
    when: {all: [{controls: {actor: PRK, region: sooth}}, {at_war: KRO}, {after: 1950-13-01}, {whenever: 1}]}
)");
  EXPECT_PROBLEM(p, "unknown region 'sooth'", 14, 50, "variants.v.when.all[0].controls.region");
  EXPECT_EQ(find(p, "sooth")->suggestion, "south");
  EXPECT_PROBLEM(p, "unknown actor 'KRO'", 14, 68, "variants.v.when.all[1].at_war");
  EXPECT_PROBLEM(p, "impossible date '1950-13-01'", 14, 82, "variants.v.when.all[2].after");
  EXPECT_PROBLEM(p, "unknown condition 'whenever'", 14, 96, "variants.v.when.all[3].whenever");
}

// --- references ---

TEST(ScenarioErrors, DanglingReferencesSuggestTheNearestId) {
  Parsed p = parse(kBase + R"(forces:
  - {actor: PKR, theater: koreа, region: north}
wars:
  - {id: w, attackers: [PRK], defenders: [KOR], theater: korea, aims: {PRK: {claims: [souht]}}}
events:
  - {at: 1951-01-01, kind: council_absent, actor: KOR, organization: nu}
)");
  EXPECT_PROBLEM(p, "unknown actor 'PKR'", 13, 13, "forces[0].actor");
  EXPECT_EQ(find(p, "PKR")->suggestion, "PRK");
  EXPECT_PROBLEM(p, "unknown theatre", 13, 27, "forces[0].theater");
  EXPECT_PROBLEM(p, "unknown region 'souht' in theatre 'korea'", 15, 87, "wars[0].aims.PRK.claims[0]");
  EXPECT_PROBLEM(p, "unknown organization 'nu'", 17, 70, "events[0].organization");
}

TEST(ScenarioErrors, DuplicateIdsAreReported) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
  - id: china
    regions:
      - {id: south, name: South China, owner: KOR, at: [25, 110]}
      - {id: west, name: West China, owner: KOR, at: [30, 90]}
    links: [[south, west]]
)");
  EXPECT_PROBLEM(p, "duplicate region id 'south' (first defined in theatre 'korea', line 10)", 14, 14,
                 "theaters[1].regions[0].id");
}

TEST(ScenarioErrors, LinksMustJoinRegionsOfTheirTheatre) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links:
      - [north, south]
      - [north, nowhere]
      - {between: [north, west], kind: land}
      - [south, north]
      - [south, south]
  - id: china
    regions:
      - {id: east, name: East, owner: KOR, at: [25, 110]}
      - {id: west, name: West, owner: KOR, at: [30, 90]}
    links: [[east, west]]
)");
  EXPECT_PROBLEM(p, "unknown region 'nowhere'", 13, 17, "theaters[0].links[1].between[1]");
  EXPECT_PROBLEM(p, "region 'west' belongs to theatre 'china', not 'korea'", 14, 27, "theaters[0].links[2].between[1]");
  EXPECT_PROBLEM(p, "the link south-north is listed twice", 15, 9, "theaters[0].links[3].between");
  EXPECT_PROBLEM(p, "a link from 'south' to itself", 16, 9, "theaters[0].links[4].between");
}

TEST(ScenarioErrors, SeaLinksNeedCoastalEndsAndPortsNeedCoast) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, port: true, at: [39, 126]}
      - {id: south, name: South, owner: KOR, coastal: true, at: [36, 128]}
    links:
      - {between: [north, south], kind: sea}
)");
  EXPECT_PROBLEM(p, "sea link between non-coastal regions: 'north' is not coastal", 12, 41,
                 "theaters[0].links[0].kind");
  EXPECT_PROBLEM(p, "region 'north' is a port but not coastal", 9, 52, "theaters[0].regions[0].port");
}

TEST(ScenarioErrors, EntryAndBordersNameKnownActorsAndRegions) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
    entry: {CHN: [north]}
    borders: {PRK: [nort]}
)");
  EXPECT_PROBLEM(p, "unknown actor 'CHN'", 12, 13, "theaters[0].entry.CHN");
  EXPECT_PROBLEM(p, "unknown region 'nort'", 13, 21, "theaters[0].borders.PRK[0]");
}

// --- semantics ---

TEST(ScenarioErrors, ActorOnBothSidesOfAWar) {
  Parsed p = parse(kBase + "wars:\n  - {id: w, attackers: [PRK, KOR], defenders: [KOR], theater: korea}\n");
  EXPECT_PROBLEM(p, "'KOR' is on both sides of war 'w'", 13, 48, "wars[0].defenders[0]");
}

TEST(ScenarioErrors, AimsOnlyForBelligerents) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - {id: KOR, name: South Korea}
  - {id: CHN, name: China}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
wars:
  - id: w
    attackers: [PRK]
    defenders: [KOR]
    theater: korea
    aims:
      CHN: {claims: all}
)");
  EXPECT_PROBLEM(p, "'CHN' is not a belligerent of war 'w'", 19, 7, "wars[0].aims.CHN");
}

TEST(ScenarioErrors, IdeologyVectorsMustHaveOneLength) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea, ideology: [-0.9]}
  - {id: KOR, name: South Korea, ideology: [0.8, 0.1]}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: [39, 126]}
      - {id: south, name: South, owner: KOR, at: [36, 128]}
    links: [[north, south]]
)");
  EXPECT_PROBLEM(p, "2 ideology axes, but PRK has 1", 5, 44, "actors[1].ideology");
}

TEST(ScenarioErrors, ForcesMayNotExceedTheStock) {
  Parsed p = parse(kBase + R"(forces:
  - {actor: PRK, theater: korea, region: north, personnel: 600, tanks: 10}
  - {actor: PRK, theater: korea, reserve: true, personnel: 600}
)");
  EXPECT_PROBLEM(p, "PRK's forces add up to 1200 personnel, more than its military stock of 1000", 14, 60,
                 "forces[1].personnel");
  EXPECT_EQ(p.problems.size(), 1u) << all(p);
}

TEST(ScenarioErrors, ForceMayNotStandInEnemyHeldRegion) {
  Parsed p = parse(kBase + R"(wars:
  - {id: w, attackers: [PRK], defenders: [KOR], theater: korea}
forces:
  - {actor: PRK, theater: korea, region: south, personnel: 100}
)");
  EXPECT_PROBLEM(p, "region 'south' is held by the enemy side (KOR)", 15, 42, "forces[0].region");
}

TEST(ScenarioErrors, ForceMayStandInAnAllysRegion) {
  Parsed p = parse(kBase + R"(treaties:
  - {id: pact, type: defense, members: [PRK, KOR]}
forces:
  - {actor: PRK, theater: korea, region: south, personnel: 100}
)");
  EXPECT_TRUE(p.problems.empty()) << all(p);
}

TEST(ScenarioErrors, ForceMustStandInItsTheatre) {
  Parsed p = parse(kBase + R"(forces:
  - {actor: PRK, theater: korea, personnel: 100}
  - {actor: PRK, theater: korea, region: north, arrival_days: 3}
)");
  EXPECT_PROBLEM(p, "missing required key 'region'", 13, 5, "forces[0].region");
  EXPECT_PROBLEM(p, "only a reserve has an arrival time", 14, 63, "forces[1].arrival_days");
}

TEST(ScenarioErrors, EventsAreCheckedByKind) {
  Parsed p = parse(kBase + R"(organizations:
  - {id: un, members: [PRK, KOR], council: {permanent: [KOR]}}
  - {id: pact, members: [PRK]}
events:
  - {at: 1950-06-24, kind: election, actor: KOR}
  - {at: 1951-01-01, kind: council_absent, organization: un, actor: PRK}
  - {at: 1951-01-01, kind: council_present, organization: pact, actor: PRK}
  - {at: 1951-01-01, kind: treaty_signed}
  - {kind: election, actor: KOR}
)");
  EXPECT_PROBLEM(p, "1950-06-24 is outside the simulated period 1950-06-25..1953-07-27", 16, 10, "events[0].at");
  EXPECT_PROBLEM(p, "'PRK' is not a permanent member of un's council", 17, 69, "events[1].actor");
  EXPECT_PROBLEM(p, "organization 'pact' has no council", 18, 59, "events[2].organization");
  EXPECT_PROBLEM(p, "missing required key 'treaty'", 19, 5, "events[3].treaty");
  EXPECT_PROBLEM(p, "missing required key 'at' (or 'when')", 20, 5, "events[4].at");
}

TEST(ScenarioErrors, CouncilAbsenteesMustBePermanentMembers) {
  Parsed p = parse(kBase + "organizations:\n  - {id: un, members: [PRK, KOR], council: {permanent: [KOR], absent: [PRK]}}\n");
  EXPECT_PROBLEM(p, "'PRK' is not a permanent member of the council", 13, 72, "organizations[0].council.absent[0]");
}

TEST(ScenarioErrors, RelationsHaveExactlyOneForm) {
  Parsed p = parse(kBase + R"(relations:
  - {between: [PRK, KOR], sanctions: {by: [KOR], on: PRK}}
  - {between: [PRK, PRK]}
  - {aid: {from: KOR, to: PRK}}
  - {between: [KOR, PRK], affinity: 0.1}
  - {between: [PRK, KOR]}
)");
  EXPECT_PROBLEM(p, "a relation mixes several forms", 13, 5, "relations[0]");
  EXPECT_PROBLEM(p, "a relation of 'PRK' with itself", 14, 15, "relations[1].between");
  EXPECT_PROBLEM(p, "missing required key 'usd_per_year'", 15, 11, "relations[2].aid.usd_per_year");
  EXPECT_PROBLEM(p, "the pair PRK-KOR is listed twice", 17, 15, "relations[4].between");
}

TEST(ScenarioErrors, TreatiesNeedTwoMembersAndOrderedDates) {
  Parsed p = parse(kBase + "treaties:\n  - {id: t1, type: defense, members: [PRK], signed: 1950-01-01, ends: 1949-01-01}\n");
  EXPECT_PROBLEM(p, "1 member(s)", 13, 38, "treaties[0].members");
  EXPECT_PROBLEM(p, "ends 1949-01-01 is not after signed 1950-01-01", 13, 71, "treaties[0].ends");
}

TEST(ScenarioErrors, UnknownModelKeySuggestsTheRegistryKey) {
  Parsed p = parse(kBase + R"(model:
  combat:
    attrition_rte: 0.01
  combt: {attrition_rate: 0.01}
theory:
  balance_of_power: {enabled: 1}
)");
  EXPECT_PROBLEM(p, "unknown coefficient 'model.combat.attrition_rte'", 14, 5, "model.combat.attrition_rte");
  EXPECT_EQ(find(p, "attrition_rte")->suggestion, "model.combat.attrition_rate");
  EXPECT_PROBLEM(p, "unknown coefficient 'model.combt'", 15, 3, "model.combt");
  EXPECT_EQ(find(p, "model.combt")->suggestion, "model.combat");
  EXPECT_PROBLEM(p, "not true or false: '1'", 17, 31, "theory.balance_of_power.enabled");
}

TEST(ScenarioErrors, ModelValueOutOfRange) {
  Parsed p = parse(kBase + "model:\n  combat: {attrition_rate: 0.9}\n");
  EXPECT_PROBLEM(p, "0.9 is out of range (expected a number in 0..0.5)", 13, 28, "model.combat.attrition_rate");
}

TEST(ScenarioErrors, UncertainPathsMustBeNumeric) {
  Parsed p = parse(kBase + R"(uncertain:
  - {path: actors.PRK.regime, dist: {uniform: [0, 1]}}
  - {path: actors.PRK.intrests.korea, dist: {uniform: [0, 1]}}
  - {path: actors.PRK.casualty_tolerance, dist: {uniform: [0.2, 0.8]}}
  - {path: actors.PRK.casualty_tolerance, dist: {uniform: [0.2, 0.8]}}
)");
  EXPECT_PROBLEM(p, "path 'actors.PRK.regime' is not numeric", 13, 12, "uncertain[0].path");
  EXPECT_PROBLEM(p, "segment 3 'intrests'", 14, 12, "uncertain[1].path");
  EXPECT_EQ(find(p, "intrests")->suggestion, "interests");
  EXPECT_PROBLEM(p, "'actors.PRK.casualty_tolerance' is drawn twice", 16, 12, "uncertain[3].path");
}

TEST(ScenarioErrors, BadDistributionsAreRejected) {
  Parsed p = parse(kBase + R"(uncertain:
  - {path: actors.PRK.population, dist: {uniform: [5, 5]}}
  - {path: actors.PRK.gdp_usd, dist: {normal: [1, -1]}}
  - {path: actors.KOR.population, dist: {triangular: [0, 5, 4]}}
  - {path: actors.KOR.gdp_usd, dist: {lognormal: [0, 1]}, clip: [2, 1]}
  - {path: actors.PRK.urban_population, dist: {choice: []}}
  - {path: actors.KOR.urban_population, dist: {uniform: [0, 1], normal: [0, 1]}}
)");
  EXPECT_PROBLEM(p, "lo 5 is not below hi 5", 13, 51, "uncertain[0].dist.uniform");
  EXPECT_PROBLEM(p, "sd -1 is negative", 14, 47, "uncertain[1].dist.normal");
  EXPECT_PROBLEM(p, "[0, 5, 4] is not lo <= mode <= hi", 15, 54, "uncertain[2].dist.triangular");
  EXPECT_PROBLEM(p, "median 0 is not positive", 16, 50, "uncertain[3].dist.lognormal");
  EXPECT_PROBLEM(p, "lo 2 is above hi 1", 16, 65, "uncertain[3].clip");
  EXPECT_PROBLEM(p, "0 numbers given", 17, 56, "uncertain[4].dist.choice");
  EXPECT_PROBLEM(p, "2 distributions given", 18, 47, "uncertain[5].dist");
}

TEST(ScenarioErrors, VariantSetPathsMustMatchSomething) {
  Parsed p = parse(kBase + R"(variants:
  v:
    set:
      - {path: actors.PRK.intrests.korea, value: 0.1}
      - {path: theaters.korea.regions.nroth.terrain, value: hills}
      - {path: forces.PRK.north.personnel, value: 5}
)");
  EXPECT_PROBLEM(p, "segment 3 'intrests' is not a field of 'actors.PRK'", 15, 16, "variants.v.set[0].path");
  EXPECT_PROBLEM(p, "segment 4 'nroth' is not a region of theatre 'korea'", 16, 16, "variants.v.set[1].path");
  EXPECT_EQ(find(p, "nroth")->suggestion, "north");
  EXPECT_PROBLEM(p, "PRK has no force there", 17, 16, "variants.v.set[2].path");
}

TEST(ScenarioErrors, VariantValuesAreCheckedLikeTheField) {
  Parsed p = parse(kBase + R"(variants:
  v:
    set:
      - {path: actors.PRK.casualty_tolerance, value: 1.5}
      - {path: theaters.korea.regions.north.terrain, value: mountian}
      - {path: theaters.korea.regions.north.control, value: KRO}
      - {path: scenario.horizon, value: 1953-02-30}
)");
  EXPECT_PROBLEM(p, "value '1.5' for 'actors.PRK.casualty_tolerance': out of range", 15, 54,
                 "variants.v.set[0].value");
  EXPECT_PROBLEM(p, "value 'mountian'", 16, 61, "variants.v.set[1].value");
  EXPECT_EQ(find(p, "mountian")->suggestion, "mountain");
  EXPECT_PROBLEM(p, "value 'KRO'", 17, 61, "variants.v.set[2].value");
  EXPECT_EQ(find(p, "KRO")->suggestion, "KOR");
  EXPECT_PROBLEM(p, "value '1953-02-30'", 18, 41, "variants.v.set[3].value");
}

TEST(ScenarioErrors, VariantThatBreaksTheScenarioIsReportedAtParse) {
  Parsed p = parse(kBase + R"(variants:
  v:
    set: [{path: theaters.korea.regions.south.coastal, value: false}]
theaters_extra: 1
)");
  ASSERT_NE(find(p, "unknown key 'theaters_extra'"), nullptr);
  Parsed q = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea}
  - {id: KOR, name: South Korea}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, coastal: true, at: [39, 126]}
      - {id: south, name: South, owner: KOR, coastal: true, port: true, at: [36, 128]}
    links: [[north, south]]
variants:
  inland:
    set: [{path: theaters.korea.regions.south.coastal, value: false}]
)");
  EXPECT_PROBLEM(q, "with variant 'inland' applied: region 'south' is a port but not coastal", 10, 67,
                 "theaters[0].regions[1].port");
}

TEST(ScenarioErrors, HistoryIsChecked) {
  Parsed p = parse(kBase + R"(history:
  outcome: victory:attacker
  end: 1950-01-01
  checkpoints:
    - {date: 1960-01-01, at_war: PRK}
    - {at_war: PRK}
  battle_deaths: {total: -1, by_actor: {PKR: 5}}
  entries: {KOR: 1950-06-25, CHA: 1950-10-19}
)");
  EXPECT_PROBLEM(p, "unknown outcome 'victory:attacker'", 13, 12, "history.outcome");
  EXPECT_EQ(find(p, "victory:attacker")->suggestion, "victory:attackers");
  EXPECT_PROBLEM(p, "end 1950-01-01 is before the start 1950-06-25", 14, 8, "history.end");
  EXPECT_PROBLEM(p, "1960-01-01 is outside the simulated period", 16, 14, "history.checkpoints[0].date");
  EXPECT_PROBLEM(p, "missing required key 'date'", 17, 7, "history.checkpoints[1].date");
  EXPECT_PROBLEM(p, "-1 is out of range", 18, 26, "history.battle_deaths.total");
  EXPECT_PROBLEM(p, "unknown actor 'PKR'", 18, 41, "history.battle_deaths.by_actor.PKR");
  EXPECT_PROBLEM(p, "unknown actor 'CHA'", 19, 30, "history.entries.CHA");
}

// --- hostile input ---

TEST(ScenarioHostile, DeepNestingIsRejectedBeforeYamlCpp) {
  Parsed p = parse(kBase + "model: " + std::string(100000, '[') + "\n");
  EXPECT_PROBLEM(p, "nesting deeper than 64 levels", 12, 71, "");
  std::string block;
  for (int i = 0; i < 200; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  Parsed q = parse(block);
  EXPECT_NE(find(q, "nesting deeper than 64 levels"), nullptr) << all(q);
  Parsed r = parse(std::string(5000, '-') + " x\n" + std::string(3000, '-'));
  EXPECT_FALSE(r.problems.empty());
}

TEST(ScenarioHostile, StrayCommaIsASyntaxErrorNotAHang) {
  // yaml-cpp 0.7's LoadAll never returns on these
  for (const char* text : {",", "'x',", "[a], b", "{a: b},\n"}) {
    Parsed p = parse(text);
    ASSERT_EQ(p.problems.size(), 1u) << text;
    EXPECT_EQ(p.problems[0].message, "YAML syntax error: unexpected ','") << text;
  }
}

TEST(ScenarioHostile, OversizedInputIsRejected) {
  Parsed p = parse(std::string(5u << 20, ' '));
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_NE(p.problems[0].message.find("too large"), std::string::npos);
}

TEST(ScenarioHostile, BinaryAndBrokenEncodingsAreRejected) {
  Parsed p = parse(std::string("statecraft: 1\n\x01\x02", 16));
  EXPECT_PROBLEM(p, "control character 0x01", 2, 1, "");
  Parsed q = parse("statecraft: 1\nscenario: {title: \"\xff\xfe\"}\n");
  EXPECT_PROBLEM(q, "invalid UTF-8 byte 0xFF", 2, 20, "");
  Parsed u = parse(kBase.substr(0, kBase.find("North Korea")) + "Korea \xec\xa1\xb0\xec\x84\xa0" +
                   kBase.substr(kBase.find("North Korea") + 11));
  EXPECT_TRUE(u.problems.empty()) << "UTF-8 text is fine\n" << all(u);
}

TEST(ScenarioHostile, EscapesThatDecodeToBrokenUtf8AreRejected) {
  Parsed p = parse(kBase + "history: {source: \"a\\Nb\"}\n");
  EXPECT_PROBLEM(p, "not UTF-8", 12, 19, "history.source");
  Parsed q = parse(kBase + "history: {source: \"a\\u0085b\"}\n");
  EXPECT_TRUE(q.problems.empty()) << all(q);
  EXPECT_EQ(q.s.history.source, "a\xC2\x85" "b");
}

TEST(ScenarioHostile, AliasExpansionIsBounded) {
  std::string yaml = kBase + "variants:\n  v:\n    when: &a0 {after: 1950-07-01}\n";
  // each level refers to the previous one ten times: 10^8 leaves
  std::string levels = "  w:\n    when: ";
  for (int i = 1; i <= 8; ++i) {
    std::string refs;
    for (int k = 0; k < 10; ++k) refs += (k ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "  v" + std::to_string(i) + ":\n    when: &a" + std::to_string(i) + " {all: [" + refs + "]}\n";
  }
  Parsed p = parse(yaml);
  EXPECT_NE(find(p, "too many values"), nullptr) << all(p);
}

TEST(ScenarioParse, AnchorsAndAliasesCanRepeatABlock) {
  Parsed p = parse(R"(statecraft: 1
scenario: {id: t, title: T, start: 1950-06-25, horizon: 1953-07-27}
actors:
  - {id: PRK, name: North Korea, military: &army {personnel: 1000, tanks: 10, quality: 0.9}}
  - {id: KOR, name: South Korea, military: *army}
theaters:
  - id: korea
    regions:
      - {id: north, name: North, owner: PRK, at: &spot [39, 126]}
      - {id: south, name: South, owner: KOR, at: *spot}
    links: [[north, south]]
)");
  ASSERT_TRUE(p.problems.empty()) << all(p);
  EXPECT_EQ(p.s.actors[1].military.stock.tanks, 10);
  EXPECT_EQ(p.s.actors[1].military.quality, 0.9);
  EXPECT_EQ(p.s.theaters[0].regions[1].at.lat, 39);
}

TEST(ScenarioHostile, RecursiveAliasEnds) {
  Parsed p = parse(kBase + "variants:\n  v:\n    when: &loop {any: [*loop]}\n");
  EXPECT_NE(find(p, "condition nested too deeply"), nullptr) << all(p);
}

TEST(ScenarioHostile, TooManyProblemsStopsTheReader) {
  std::string yaml = kBase + "events:\n";
  for (int i = 0; i < 5000; ++i) yaml += "  - {at: 1950-02-30, kind: nonsense, actor: XXX}\n";
  Parsed p = parse(yaml);
  EXPECT_LE(p.problems.size(), 2100u);
  EXPECT_NE(find(p, "too many problems"), nullptr);
}

// --- check_scenario on its own ---

TEST(ScenarioCheck, ChecksScenariosBuiltInCode) {
  Parsed p = parse(kBase);
  ASSERT_TRUE(p.problems.empty());
  Scenario s = p.s;
  EXPECT_TRUE(check_scenario(s).empty());
  s.actors[0].casualty_tolerance = 2;
  s.theaters[0].regions[1].owner = "KRO";
  s.theaters[0].regions[1].control = "KRO";
  s.forces.push_back(Force{"PRK", "korea", "north", false, 0, Equipment{5000, 0, 0, 0, 0}, {}});
  auto ds = check_scenario(s);
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].key, "actors[0].casualty_tolerance");
  EXPECT_EQ(ds[0].loc.line, 4) << "an entity's own Loc when there is no source map";
  EXPECT_EQ(ds[1].key, "theaters[0].regions[1].owner");
  EXPECT_EQ(ds[1].suggestion, "KOR");
  EXPECT_EQ(ds[2].key, "forces[0].personnel");
  EXPECT_EQ(ds[2].loc.line, 0);
}

TEST(ScenarioCheck, MalformedConditionTreeIsReportedNotFollowed) {
  Scenario s = parse(kBase).s;
  Variant v;
  v.name = "v";
  v.when.nodes.resize(2);
  v.when.nodes[0].op = Condition::Op::not_;
  v.when.nodes[0].children = {1};
  v.when.nodes[1].op = Condition::Op::any;
  v.when.nodes[1].children = {0, 7};
  s.variants.push_back(v);
  auto ds = check_scenario(s);
  ASSERT_FALSE(ds.empty());
  EXPECT_NE(ds[0].message.find("malformed condition"), std::string::npos);
}
