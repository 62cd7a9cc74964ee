#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "data/cow.h"
#include "data/system.h"
#include "data/theatre.h"
#include "engine/engine.h"
#include "model/model.h"
#include "scenario/load.h"
#include "scenario/write.h"
#include "world/world.h"

using namespace statecraft;

namespace {

const std::string kDataDir = std::string(STATECRAFT_SOURCE_DIR) + "/data";

const CowData& cow() {
  static const CowData data = load_cow(kDataDir + "/cow");
  return data;
}

const std::vector<CapitalRow>& capitals() {
  static const std::vector<CapitalRow> rows = load_capitals(kDataDir + "/capitals");
  return rows;
}

Date ymd(const char* s) { return *parse_date(s); }

// output, stderr and exit code of the statecraft program
struct Cli {
  std::string out;
  int code = -1;
};

Cli run_cli(const std::string& args) {
  Cli r;
  FILE* p = popen((std::string(STATECRAFT_CLI) + " " + args + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// the scenario as the file a user gets: written, read back and validated
Scenario round_trip(const Scenario& s, std::vector<Diagnostic>& problems) {
  return parse_scenario(write_scenario(s), s.info.id + ".yaml", problems);
}

std::string problems_text(const std::vector<Diagnostic>& ps) {
  std::string t;
  for (const auto& d : ps) t += format_diagnostic(d) + "\n";
  return t;
}

const Actor* actor(const Scenario& s, const std::string& id) {
  for (const auto& a : s.actors)
    if (a.id == id) return &a;
  return nullptr;
}

const Region* region(const Scenario& s, const std::string& id) {
  for (const auto& t : s.theaters)
    for (const auto& g : t.regions)
      if (g.id == id) return &g;
  return nullptr;
}

double km(LatLon a, LatLon b) { return distance_km(a, b); }

// a few whole runs of a scenario; every run must end with sound state
void run_seeds(const Scenario& s, int seeds) {
  const Model m = compile(s);
  RunState st;
  RunRecord rec;
  for (int seed = 1; seed <= seeds; ++seed) {
    run_one(m, static_cast<uint64_t>(seed), st, rec);
    EXPECT_EQ(check_invariants(m, st), nullptr) << s.info.id << " seed " << seed;
    EXPECT_GE(rec.end_day, 0);
    EXPECT_EQ(rec.final_control.size(), static_cast<size_t>(m.nregion));
  }
}

Scenario built_war(int war) {
  std::vector<Diagnostic> problems;
  Scenario s = round_trip(build_war_scenario(cow(), capitals(), war).scenario, problems);
  EXPECT_TRUE(problems.empty()) << problems_text(problems);
  return s;
}

}  // namespace

// ---- capitals.csv -------------------------------------------------------------

TEST(Capitals, EveryStateYearOfTheSystemHasACapital) {
  std::set<int> ccodes;
  for (const auto& m : cow().system) {
    ccodes.insert(m.ccode);
    EXPECT_NE(find_capital(capitals(), m.ccode, m.year), nullptr) << m.abb << " " << m.year;
  }
  EXPECT_EQ(ccodes.size(), 217u);
  std::set<int> covered;
  for (const auto& c : capitals()) covered.insert(c.ccode);
  EXPECT_EQ(covered, ccodes);
}

TEST(Capitals, CapitalOfThePeriodNotOfToday) {
  EXPECT_EQ(find_capital(capitals(), 140, 1950)->capital, "Rio de Janeiro");
  EXPECT_EQ(find_capital(capitals(), 140, 1960)->capital, "Brasília");
  EXPECT_EQ(find_capital(capitals(), 260, 1970)->capital, "Bonn");
  EXPECT_EQ(find_capital(capitals(), 365, 1905)->capital, "Saint Petersburg");
  EXPECT_EQ(find_capital(capitals(), 365, 1950)->capital, "Moscow");
  EXPECT_EQ(find_capital(capitals(), 325, 1866)->capital, "Florence");
  EXPECT_EQ(find_capital(capitals(), 710, 1937)->capital, "Nanjing");
  EXPECT_EQ(find_capital(capitals(), 245, 1866)->capital, "Munich");
  EXPECT_TRUE(find_capital(capitals(), 245, 1866)->landlocked);     // Bavaria
  EXPECT_FALSE(find_capital(capitals(), 145, 1879)->landlocked);    // Bolivia before the War of the Pacific
  EXPECT_TRUE(find_capital(capitals(), 145, 1932)->landlocked);     // and after
  EXPECT_EQ(find_capital(capitals(), 2, 1815), nullptr);
}

TEST(Capitals, OverlappingPeriodsAndBadCoordinatesAreErrors) {
  const std::string head = "ccode,stateabb,name,capital,lat,lon,from_year,to_year,landlocked,source,note\n";
  try {
    read_capitals(parse_csv(head + "2,USA,US,Washington,38.9,-77.0,1816,2016,0,s,\n"
                                   "2,USA,US,Philadelphia,39.9,-75.2,1900,1910,0,s,\n"
                                   "20,CAN,Canada,Ottawa,95.4,-75.7,1920,2016,2,s,\n",
                            "c.csv"));
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string w = e.what();
    EXPECT_NE(w.find("c.csv:4:"), std::string::npos) << w;        // lat 95.4 and landlocked 2
    EXPECT_NE(w.find("key 'lat'"), std::string::npos) << w;
    EXPECT_NE(w.find("key 'landlocked'"), std::string::npos) << w;
    EXPECT_NE(w.find("overlaps the one at line 2"), std::string::npos) << w;
  }
}

// ---- the whole system of a year ---------------------------------------------------

TEST(BuildSystem, Year1950ValidatesWithTheCincDigitsOfTheFile) {
  const Cli r = run_cli("build-system --year 1950");
  ASSERT_EQ(r.code, 0) << r.out.substr(0, 2000);
  EXPECT_EQ(r.out.rfind("# Generated by `statecraft build-system --year 1950`", 0), 0u);
  std::vector<Diagnostic> problems;
  const Scenario s = parse_scenario(r.out, "year-1950.yaml", problems);
  ASSERT_TRUE(problems.empty()) << problems_text(problems);
  EXPECT_EQ(s.actors.size(), 75u);
  // every actor's cinc is the NMC value to the digit, e.g. USA,2,1950,...,0.28444302
  int checked = 0;
  for (const auto& a : s.actors) {
    const NmcRow* n = find_nmc(cow(), a.cow, 1950);
    ASSERT_NE(n, nullptr) << a.id;
    ASSERT_TRUE(a.cinc.has_value()) << a.id;
    EXPECT_EQ(*a.cinc, *n->cinc) << a.id;
    ++checked;
  }
  EXPECT_EQ(checked, 75);
  EXPECT_EQ(*actor(s, "USA")->cinc, 0.28444302);
  EXPECT_EQ(*actor(s, "CHN")->cinc, 0.11849532);
  EXPECT_EQ(*actor(s, "PRK")->cinc, 0.0026701791);
  // every actor sits at its capital on a one-region-per-state map; no war yet
  EXPECT_LT(km(*actor(s, "USA")->at, {38.8951, -77.0364}), 5);
  ASSERT_EQ(s.theaters.size(), 1u);
  EXPECT_EQ(s.theaters[0].regions.size(), 75u);
  EXPECT_TRUE(s.wars.empty());
  EXPECT_TRUE(s.forces.empty());
  EXPECT_EQ(actor(s, "BRA")->capital, "bra");
  EXPECT_LT(km(region(s, "bra")->at, {-22.9064, -43.1822}), 5);  // Rio de Janeiro in 1950
  EXPECT_EQ(s.info.start, ymd("1950-01-01"));
  EXPECT_EQ(s.info.horizon, ymd("1960-01-01"));
  const Model m = compile(s);
  EXPECT_EQ(m.nactor, 75);
  run_seeds(s, 1);
}

TEST(BuildSystem, SameInputSameFile) {
  const Cli a = run_cli("build-system --year 1870 --war 58"), b = run_cli("build-system --year 1870 --war 58");
  ASSERT_EQ(a.code, 0) << a.out.substr(0, 2000);
  EXPECT_EQ(a.out, b.out);
}

TEST(BuildSystem, BadFlagsExitWithTwoAndNameTheFlag) {
  Cli r = run_cli("build-system --war 152");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--war 152"), std::string::npos) << r.out;
  r = run_cli("build-system --year 1700");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--year 1700"), std::string::npos) << r.out;
  r = run_cli("build-system --year 2017 --war 151");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--year 2017"), std::string::npos) << r.out;
  r = run_cli("build-system");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--year"), std::string::npos) << r.out;
  // a year in which the opening belligerents did not exist
  r = run_cli("build-system --war 151 --year 1900");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("not in the state system of 1900"), std::string::npos) << r.out;
}

TEST(BuildSystem, OutFileIsWrittenWholeAndValidates) {
  const std::string path = ::testing::TempDir() + "statecraft-cow-war-151.yaml";
  Cli r = run_cli("build-system --war 151 --out " + path);
  ASSERT_EQ(r.code, 0) << r.out;
  r = run_cli("validate " + path);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find(": ok ("), std::string::npos) << r.out;
  std::remove(path.c_str());
}

// ---- wars ---------------------------------------------------------------------

TEST(BuildWar, KoreanWarOpensWithPrkAgainstRokOnly) {
  const BuiltScenario b = build_war_scenario(cow(), capitals(), 151);
  EXPECT_EQ(b.attackers, std::vector<std::string>{"PRK"});
  EXPECT_EQ(b.defenders, std::vector<std::string>{"ROK"});
  // the USA (27 June, three days in) and China (October) joined later: actors, not belligerents
  EXPECT_TRUE(std::count(b.joiners.begin(), b.joiners.end(), "USA"));
  EXPECT_TRUE(std::count(b.joiners.begin(), b.joiners.end(), "CHN"));

  const Scenario s = built_war(151);
  ASSERT_EQ(s.wars.size(), 1u);
  EXPECT_EQ(s.wars[0].attackers, std::vector<std::string>{"PRK"});
  EXPECT_EQ(s.wars[0].defenders, std::vector<std::string>{"ROK"});
  EXPECT_EQ(s.info.start, ymd("1950-06-24"));
  EXPECT_EQ(s.info.horizon, ymd("1960-06-24"));
  ASSERT_NE(actor(s, "USA"), nullptr);
  ASSERT_NE(actor(s, "CHN"), nullptr);
  for (const auto& f : s.forces) EXPECT_TRUE(f.actor == "PRK" || f.actor == "ROK") << f.actor;

  // capitals at Pyongyang and Seoul (reference points 39.0392 N 125.7625 E, 37.5665 N 126.9780 E)
  EXPECT_EQ(actor(s, "PRK")->capital, "prk-capital");
  EXPECT_EQ(actor(s, "ROK")->capital, "rok-capital");
  EXPECT_LT(km(region(s, "prk-capital")->at, {39.0392, 125.7625}), 50);
  EXPECT_LT(km(region(s, "rok-capital")->at, {37.5665, 126.9780}), 50);
  // the border regions, 30% of the way across, and the front between them
  const Region* pb = region(s, "prk-border-rok");
  ASSERT_NE(pb, nullptr);
  const double across = km(region(s, "prk-capital")->at, region(s, "rok-capital")->at);
  EXPECT_NEAR(km(region(s, "prk-capital")->at, pb->at), 0.3 * across, 1.0);
  bool front = false;
  for (const auto& l : s.theaters[0].links)
    front |= (l.a == "prk-border-rok" && l.b == "rok-border-prk") && l.kind == LinkKind::land;
  EXPECT_TRUE(front);
  // China and the Soviet Union border North Korea; the US may land at Seoul's port
  bool china_borders = false;
  for (const auto& ar : s.theaters[0].borders) china_borders |= ar.actor == "CHN";
  EXPECT_TRUE(china_borders);
  for (const auto& ar : s.theaters[0].entry) {
    if (ar.actor == "USA") {
      EXPECT_TRUE(std::count(ar.regions.begin(), ar.regions.end(), "rok-capital"));
    }
  }

  // the record for backtests: who joined when, battle deaths
  std::map<std::string, Date> entries(s.history.entries.begin(), s.history.entries.end());
  EXPECT_EQ(entries.at("USA"), ymd("1950-06-27"));
  EXPECT_EQ(entries.at("CHN"), ymd("1950-10-27"));
  EXPECT_EQ(entries.count("PRK"), 0u);
  EXPECT_EQ(s.history.battle_deaths_total, 910084.0);
  EXPECT_EQ(s.history.end, ymd("1953-07-27"));

  run_seeds(s, 3);
}

TEST(BuildWar, RulesSplitPopulationAndForces) {
  // Franco-Prussian War: France against the North German Confederation and the south German states
  const Scenario s = built_war(58);
  ASSERT_EQ(s.wars.size(), 1u);
  const Actor* frn = actor(s, "FRN");
  std::vector<const Region*> fr_borders;
  for (const auto& g : s.theaters[0].regions)
    if (g.owner == "FRN" && g.id != "frn-capital") fr_borders.push_back(&g);
  ASSERT_FALSE(fr_borders.empty());
  double pop = 0, border_pop = 0, men = 0, border_men = 0;
  for (const auto& g : s.theaters[0].regions)
    if (g.owner == "FRN") {
      pop += g.population;
      if (g.id != "frn-capital") border_pop += g.population;
    }
  for (const auto& f : s.forces)
    if (f.actor == "FRN") {
      men += f.equipment.personnel;
      if (f.region != "frn-capital") border_men += f.equipment.personnel;
    }
  EXPECT_NEAR(pop, frn->population, 1e-6 * frn->population);
  EXPECT_NEAR(border_pop, 0.3 * frn->population, 1e-6 * frn->population);
  EXPECT_EQ(men, frn->military.stock.personnel);
  EXPECT_NEAR(border_men, 0.6 * men, static_cast<double>(fr_borders.size()));
  // Paris a coastal port; Bavaria landlocked
  EXPECT_TRUE(region(s, "frn-capital")->port);
  EXPECT_FALSE(region(s, "bav-capital")->coastal);
  // the attacker claims the borderlands facing it, the defenders their own
  for (const auto& aim : s.wars[0].aims) {
    if (aim.actor == "FRN") {
      EXPECT_EQ(aim.kind, Aim::Kind::regions);
      for (const auto& r : aim.regions) EXPECT_NE(region(s, r)->owner, "FRN");
    } else {
      EXPECT_EQ(aim.kind, Aim::Kind::own);
    }
  }
  run_seeds(s, 3);
}

TEST(BuildWar, FalklandsSeaOnlyLinksTheCapitalsBySeaAndMeetsOnAnOverseasFront) {
  const Scenario s = built_war(202);
  ASSERT_EQ(s.wars.size(), 1u);
  EXPECT_EQ(s.wars[0].attackers, std::vector<std::string>{"ARG"});
  EXPECT_EQ(s.wars[0].defenders, std::vector<std::string>{"UKG"});
  // the two capitals, the British coast and the Argentine landing on the overseas front
  ASSERT_EQ(s.theaters[0].regions.size(), 4u);
  ASSERT_EQ(s.theaters[0].links.size(), 4u);
  bool capitals_by_sea = false;
  for (const auto& l : s.theaters[0].links)
    capitals_by_sea |= l.a == "arg-capital" && l.b == "ukg-capital" && l.kind == LinkKind::sea;
  EXPECT_TRUE(capitals_by_sea);
  EXPECT_LT(km(region(s, "ukg-capital")->at, {51.5074, -0.1278}), 50);
  run_seeds(s, 3);
}

// Spanish-American War (1898): no land border, so the two sides meet on an overseas front midway
// between Washington and Madrid: Spain's coast (land to Madrid) against the US landing (sea to Washington)
TEST(BuildWar, SeaWarForcesMeetOnAnOverseasFront) {
  const Scenario s = built_war(79);
  ASSERT_EQ(s.wars.size(), 1u);
  EXPECT_EQ(s.wars[0].attackers, std::vector<std::string>{"USA"});
  EXPECT_EQ(s.wars[0].defenders, std::vector<std::string>{"SPN"});
  const Region* coast = region(s, "spn-coast-usa");
  const Region* landing = region(s, "usa-landing-spn");
  ASSERT_NE(coast, nullptr);
  ASSERT_NE(landing, nullptr);
  EXPECT_EQ(coast->control, "SPN");
  EXPECT_EQ(landing->control, "USA");
  EXPECT_TRUE(coast->port);
  EXPECT_EQ(landing->population, 0);
  const double across = km(region(s, "usa-capital")->at, region(s, "spn-capital")->at);
  EXPECT_NEAR(km(region(s, "spn-capital")->at, coast->at), 0.5 * across, 1.0);
  auto link_kind = [&](const std::string& a, const std::string& b) -> std::optional<LinkKind> {
    for (const auto& l : s.theaters[0].links)
      if ((l.a == a && l.b == b) || (l.a == b && l.b == a)) return l.kind;
    return std::nullopt;
  };
  EXPECT_EQ(link_kind("spn-capital", "spn-coast-usa"), LinkKind::land);
  EXPECT_EQ(link_kind("usa-capital", "usa-landing-spn"), LinkKind::sea);
  EXPECT_EQ(link_kind("usa-capital", "spn-capital"), LinkKind::sea);
  // the forces meet: a region held by one side next by land to a region held by the other, both manned
  std::map<std::string, double> men;
  for (const auto& f : s.forces) men[f.region] += f.equipment.personnel;
  bool meet = false;
  for (const auto& l : s.theaters[0].links) {
    if (l.kind != LinkKind::land) continue;
    const Region* a = region(s, l.a);
    const Region* b = region(s, l.b);
    meet |= a->control != b->control && men[l.a] > 0 && men[l.b] > 0;
  }
  EXPECT_TRUE(meet);
  // 30% of each side's personnel stands on the overseas front, the rest at home
  const double usa = actor(s, "USA")->military.stock.personnel, spn = actor(s, "SPN")->military.stock.personnel;
  EXPECT_NEAR(men["usa-landing-spn"], 0.3 * usa, 1.0);
  EXPECT_NEAR(men["spn-coast-usa"], 0.3 * spn, 1.0);
  EXPECT_NEAR(men["usa-capital"] + men["usa-landing-spn"], usa, 1e-6);
  // no outcome is written: the attacker claims all, as without a land front
  for (const auto& aim : s.wars[0].aims)
    EXPECT_EQ(aim.kind, aim.actor == "USA" ? Aim::Kind::all : Aim::Kind::own);
  // and in a run they do fight
  const Model m = compile(s);
  RunState st;
  RunRecord rec;
  run_one(m, 1, st, rec);
  double killed = 0;
  for (double k : rec.killed) killed += k;
  EXPECT_GT(killed, 0);
  run_seeds(s, 3);
}

TEST(BuildWar, EveryCowWarBuildsValidatesAndCompiles) {
  std::set<int> wars;
  for (const auto& w : cow().wars) wars.insert(w.war_num);
  ASSERT_EQ(wars.size(), 95u);
  int built = 0;
  std::string failures;
  for (const int w : wars) {
    try {
      const BuiltScenario b = build_war_scenario(cow(), capitals(), w);
      std::vector<Diagnostic> problems;
      const Scenario s = round_trip(b.scenario, problems);
      if (!problems.empty()) {
        failures += "war " + std::to_string(w) + ": " + problems_text(problems);
        continue;
      }
      const Model m = compile(s);
      EXPECT_GE(m.nregion, 2);
      ++built;
    } catch (const InputError& e) {
      failures += "war " + std::to_string(w) + ": " + e.what() + "\n";
    }
  }
  std::printf("[ build-system ] %d of %zu COW wars build, validate and compile\n%s", built, wars.size(),
              failures.c_str());
  EXPECT_EQ(built, 95) << failures;
}

TEST(BuildWar, UnknownWarIsAnInputError) {
  EXPECT_THROW(build_war_scenario(cow(), capitals(), 152), InputError);
  EXPECT_THROW(build_war_scenario(cow(), capitals(), 151, 1900), InputError);  // no Korea in 1900
}
