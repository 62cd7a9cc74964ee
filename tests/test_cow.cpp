#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "data/cow.h"
#include "data/csv.h"
#include "data/system.h"

using namespace statecraft;

namespace {

const std::string kCowDir = std::string(STATECRAFT_SOURCE_DIR) + "/data/cow";

// the project's copy, read once for all tests of this file
const CowData& cow() {
  static const CowData data = load_cow(kCowDir);
  return data;
}

template <class F>
std::string input_error(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

Date ymd(const char* s) { return *parse_date(s); }

const Actor* actor(const SystemYear& y, const std::string& id) {
  for (const auto& a : y.scenario.actors)
    if (a.id == id) return &a;
  return nullptr;
}

const ActorGaps* gaps(const SystemYear& y, const std::string& id) {
  for (const auto& g : y.gaps)
    if (g.id == id) return &g;
  return nullptr;
}

const Treaty* treaty(const SystemYear& y, const std::string& id) {
  for (const auto& t : y.scenario.treaties)
    if (t.id == id) return &t;
  return nullptr;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

// ---- importers on inline rows -----------------------------------------------

constexpr const char* kNmcHeader = "stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\r\n";

TEST(CowImport, MissingCodesAreUnknownNeverZero) {
  const auto rows =
      read_nmc(parse_csv(std::string(kNmcHeader) + "PRK,731,1950,-9,120,0,-8,9488,473,0.0026701791,2021", "n.csv"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].milex.has_value());
  EXPECT_FALSE(rows[0].pec.has_value());
  ASSERT_TRUE(rows[0].irst.has_value());  // a real zero stays a zero
  EXPECT_EQ(*rows[0].irst, 0.0);
  EXPECT_EQ(*rows[0].milper, 120.0);
  EXPECT_EQ(*rows[0].cinc, 0.0026701791);
  EXPECT_EQ(rows[0].line, 2);
}

TEST(CowImport, BadNumbersAreLocatedByLineColumnAndKey) {
  const std::string text = std::string(kNmcHeader) + "USA,2,1950,14559000,1460,87848,x,152271,43964,0.28,2021\r\n" +
                           "USA,2,1951,-5,1460,87848,1,152271,43964,0.28,2021";
  const std::string e = input_error([&] { read_nmc(parse_csv(text, "n.csv")); });
  EXPECT_NE(e.find("n.csv:2:32: error: key 'pec': 'x' is not a number"), std::string::npos) << e;
  EXPECT_NE(e.find("n.csv:3:12: error: key 'milex': negative value -5"), std::string::npos) << e;
}

TEST(CowImport, DuplicateStateYearIsAnError) {
  const std::string text =
      std::string(kNmcHeader) + "USA,2,1950,1,1,1,1,1,1,0.2,2021\r\nUSA,2,1950,1,1,1,1,1,1,0.2,2021\r\n";
  EXPECT_NE(input_error([&] {
              read_nmc(parse_csv(text, "n.csv"));
            }).find("n.csv:3:1: error: duplicate state-year (first at line 2)"),
            std::string::npos);
}

TEST(CowImport, AllianceOpenEndAndTypes) {
  const std::string text =
      "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,"
      "mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,"
      "neutrality,nonaggression,entente,version\n"
      "191,740,\"Japan\",13,4,1941,13,4,1946,\"Type IIa: Non-Aggression Pact\",13,4,1941,9,8,1945,0,0,0,1,0,0,4.1\n"
      "227,2,\"United States of America\",4,4,1949,,,,\"Type I: Defense Pact\",4,4,1949,,,,0,1,1,0,0,1,4.1\n"
      "192,255,\"Germany\",18,6,1941,22,6,1941,\"Type IIb: Non-Aggression Pact\",18,6,1941,22,6,1941,0,0,0,0,1,,4.1\n";
  const auto rows = read_alliances(parse_csv(text, "a.csv"));
  ASSERT_EQ(rows.size(), 3u);  // sorted by alliance id
  EXPECT_EQ(rows[0].type, TreatyType::neutrality);
  EXPECT_EQ(rows[0].member_end, ymd("1945-08-09"));
  EXPECT_EQ(rows[1].type, TreatyType::nonaggression);
  EXPECT_FALSE(rows[1].entente.has_value());
  EXPECT_EQ(rows[2].type, TreatyType::defense);
  EXPECT_FALSE(rows[2].member_end.has_value());
  EXPECT_FALSE(rows[2].alliance_end.has_value());
  EXPECT_EQ(rows[2].right_censor, true);
}

TEST(CowImport, WarSecondSpellAndUnknownDates) {
  const std::string text =
      "WarNum,WarName,WarType,ccode,StateName,Side,StartMonth1,StartDay1,StartYear1,EndMonth1,EndDay1,EndYear1,"
      "StartMonth2,StartDay2,StartYear2,EndMonth2,EndDay2,EndYear2,TransFrom,WhereFought,Initiator,Outcome,TransTo,"
      "BatDeath,Version\r"
      "7,\"A War, Phase 2\",1,2,USA,1,6,-9,1950,7,27,1953,-8,-8,-8,-8,-8,-8,-8,7,2,6,-8,-9,4\r"
      "7,\"A War, Phase 2\",1,2,USA,2,1,1,1954,2,1,1954,3,1,1954,4,1,1954,5,7,1,1,-8,10,4";
  const auto rows = read_wars(parse_csv(text, "w.csv"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].war_name, "A War, Phase 2");
  EXPECT_FALSE(rows[0].spell1.start.has_value());  // day -9: unknown, not the 1st
  EXPECT_EQ(rows[0].spell1.end, ymd("1953-07-27"));
  EXPECT_FALSE(rows[0].spell2.has_value());
  EXPECT_FALSE(rows[0].battle_deaths.has_value());
  EXPECT_TRUE(rows[0].trans_from.empty());
  ASSERT_TRUE(rows[1].spell2.has_value());
  EXPECT_EQ(rows[1].spell2->start, ymd("1954-03-01"));
  EXPECT_EQ(rows[1].trans_from, std::vector<int>{5});
  EXPECT_TRUE(rows[1].initiator);
}

// ---- the project's COW files --------------------------------------------------

TEST(CowData, EveryFileLoadsWithItsRowCount) {
  const CowData& d = cow();
  EXPECT_EQ(d.nmc.size(), 15951u);
  EXPECT_EQ(d.alliances.size(), 1221u);
  EXPECT_EQ(d.states.size(), 243u);
  EXPECT_EQ(d.system.size(), 15951u);
  EXPECT_EQ(d.majors.size(), 14u);
  EXPECT_EQ(d.contiguity.size(), 847u);
  EXPECT_EQ(d.wars.size(), 337u);
}

TEST(CowData, BareCrWarFileReadsAs337Rows) {
  std::ifstream in(kCowDir + "/" + kCowWarFile, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  ASSERT_EQ(text.find('\n'), std::string::npos);  // really bare CR, as the README says
  const CsvTable t = parse_csv(text, kCowWarFile);
  EXPECT_EQ(csv_rows(t), 337u);
  EXPECT_EQ(csv_cols(t), 25u);
  std::set<int> wars;
  for (const auto& w : cow().wars) wars.insert(w.war_num);
  EXPECT_EQ(wars.size(), 95u);
}

TEST(CowData, UnitedStates1950ExactDigits) {
  // USA,2,1950,14559000,1460,87848,1241836,152271,43964,0.28444302,2021
  const NmcRow* r = find_nmc(cow(), 2, 1950);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->abb, "USA");
  EXPECT_EQ(*r->milex, 14559000.0);
  EXPECT_EQ(*r->milper, 1460.0);
  EXPECT_EQ(*r->irst, 87848.0);
  EXPECT_EQ(*r->pec, 1241836.0);
  EXPECT_EQ(*r->tpop, 152271.0);
  EXPECT_EQ(*r->upop, 43964.0);
  EXPECT_EQ(*r->cinc, 0.28444302);
}

TEST(CowData, ChinaAndBothKoreas1950) {
  // facts sheet section 4: PRK milper 120, ROK 109, CHN 4,000; CINC CHN 0.118, ROK 0.0047, PRK 0.0027
  const NmcRow* chn = find_nmc(cow(), 710, 1950);
  const NmcRow* prk = find_nmc(cow(), 731, 1950);
  const NmcRow* rok = find_nmc(cow(), 732, 1950);
  ASSERT_TRUE(chn && prk && rok);
  EXPECT_EQ(*chn->milper, 4000.0);
  EXPECT_EQ(*chn->cinc, 0.11849532);
  EXPECT_EQ(*chn->tpop, 571889.0);
  EXPECT_EQ(*prk->milper, 120.0);
  EXPECT_EQ(*prk->cinc, 0.0026701791);
  EXPECT_EQ(*rok->milper, 109.0);
  EXPECT_EQ(*rok->milex, 32000.0);
  EXPECT_EQ(*rok->cinc, 0.0047363089);
}

TEST(CowData, RealMinus9IsMissing) {
  // PRK,731,1950,-9,120,38,170,9488,473,0.0026701791,2021
  const NmcRow* prk = find_nmc(cow(), 731, 1950);
  ASSERT_NE(prk, nullptr);
  EXPECT_FALSE(prk->milex.has_value());
  EXPECT_EQ(*prk->irst, 38.0);

  const SystemYear y = system_year(cow(), 1950);
  const Actor* a = actor(y, "PRK");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->military.spending_usd, 0.0);  // the documented default, flagged below
  EXPECT_EQ(gaps(y, "PRK")->missing, std::vector<std::string>{"military.spending_usd"});
  EXPECT_TRUE(gaps(y, "USA")->missing.empty());
}

TEST(CowSystem, Actors1950) {
  const SystemYear y = system_year(cow(), 1950);
  EXPECT_EQ(y.scenario.actors.size(), 75u);
  ASSERT_EQ(y.gaps.size(), y.scenario.actors.size());
  std::set<std::string> ids;
  for (size_t i = 0; i < y.scenario.actors.size(); ++i) {
    EXPECT_TRUE(ids.insert(y.scenario.actors[i].id).second);
    EXPECT_EQ(y.gaps[i].id, y.scenario.actors[i].id);
    if (i > 0) {
      EXPECT_LT(y.scenario.actors[i - 1].cow, y.scenario.actors[i].cow);
    }
  }
  const Actor* usa = actor(y, "USA");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->name, "United States of America");
  EXPECT_EQ(usa->cow, 2);
  EXPECT_EQ(usa->military.stock.personnel, 1460000.0);
  EXPECT_EQ(usa->military.spending_usd, 14559000000.0);
  EXPECT_EQ(usa->population, 152271000.0);
  EXPECT_EQ(usa->urban_population, 43964000.0);
  EXPECT_EQ(usa->industry.iron_steel_tons, 87848000.0);
  EXPECT_EQ(usa->industry.energy_coal_tons, 1241836000.0);
  EXPECT_EQ(usa->cinc, 0.28444302);
  EXPECT_TRUE(usa->major_power);
  EXPECT_TRUE(actor(y, "CHN")->major_power);  // a major from 1950-01-01
  EXPECT_TRUE(actor(y, "RUS")->major_power);
  EXPECT_FALSE(actor(y, "ROK")->major_power);
  EXPECT_EQ(actor(y, "JPN"), nullptr);  // occupied: out of the system 1945-1952
  EXPECT_EQ(actor(y, "PRK")->military.stock.personnel, 120000.0);
  EXPECT_EQ(actor(y, "ROK")->military.stock.personnel, 109000.0);
  EXPECT_EQ(actor(y, "CHN")->military.stock.personnel, 4000000.0);
  EXPECT_EQ(y.scenario.info.start, ymd("1950-01-01"));
  EXPECT_EQ(y.scenario.info.horizon, ymd("1950-12-31"));
}

TEST(CowSystem, NatoMembersInForce1950And1952) {
  const SystemYear y = system_year(cow(), 1950);
  const Treaty* nato = treaty(y, "cow-alliance-227");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->type, TreatyType::defense);
  EXPECT_EQ(nato->signed_on, ymd("1949-04-04"));
  EXPECT_FALSE(nato->ends_on.has_value());
  EXPECT_EQ(nato->members, (std::vector<std::string>{"USA", "CAN", "UKG", "NTH", "BEL", "LUX", "FRN", "POR", "ITA",
                                                     "NOR", "DEN", "ICE"}));
  const SystemYear y52 = system_year(cow(), 1952);
  const Treaty* nato52 = treaty(y52, "cow-alliance-227");
  ASSERT_NE(nato52, nullptr);
  EXPECT_EQ(nato52->members.size(), 14u);
  EXPECT_TRUE(has(nato52->members, "GRC") && has(nato52->members, "TUR"));
}

TEST(CowSystem, SinoSovietTreatyIsADefencePactIn1950) {
  const SystemYear y = system_year(cow(), 1950);
  const Treaty* t = treaty(y, "cow-alliance-229");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->type, TreatyType::defense);
  EXPECT_EQ(t->members, (std::vector<std::string>{"RUS", "CHN"}));
  EXPECT_EQ(t->signed_on, ymd("1950-02-14"));
  EXPECT_EQ(t->ends_on, ymd("1980-02-14"));
  // not yet in 1949
  EXPECT_EQ(treaty(system_year(cow(), 1949), "cow-alliance-229"), nullptr);
  // treaties come sorted by alliance id and every member is an actor of the year
  for (size_t i = 1; i < y.scenario.treaties.size(); ++i)
    EXPECT_LT(std::stoi(y.scenario.treaties[i - 1].id.substr(13)), std::stoi(y.scenario.treaties[i].id.substr(13)));
  for (const auto& tr : y.scenario.treaties) {
    EXPECT_GE(tr.members.size(), 2u);
    for (const auto& m : tr.members) EXPECT_NE(actor(y, m), nullptr) << tr.id << " " << m;
  }
}

TEST(CowSystem, ContiguityUsaCanadaLandAndCubaBySea) {
  const SystemYear y = system_year(cow(), 1950);
  const Contiguity* can = nullptr;
  const Contiguity* cub = nullptr;
  for (const auto& c : y.contiguity) {
    if (c.a == "USA" && c.b == "CAN") can = &c;
    if (c.a == "USA" && c.b == "CUB") cub = &c;
    EXPECT_LT(c.ccode_a, c.ccode_b);
  }
  ASSERT_NE(can, nullptr);
  EXPECT_EQ(can->conttype, 1);
  EXPECT_EQ(can->kind, LinkKind::land);
  ASSERT_NE(cub, nullptr);
  EXPECT_EQ(cub->conttype, 4);
  EXPECT_EQ(cub->kind, LinkKind::sea);
  EXPECT_EQ(cub->max_water_miles, 150.0);
  for (size_t i = 1; i < y.contiguity.size(); ++i)
    EXPECT_LT(std::pair(y.contiguity[i - 1].ccode_a, y.contiguity[i - 1].ccode_b),
              std::pair(y.contiguity[i].ccode_a, y.contiguity[i].ccode_b));
}

TEST(CowSystem, ContiguityTypeChangingInAYearTakesTheClosest) {
  // Greece-Turkey: land 1828..1913-08, water (2) 1913-08..1919-11, land again from 1919-11
  auto type_in = [](int year) {
    for (const auto& c : system_year(cow(), year).contiguity)
      if (c.a == "GRC" && c.b == "TUR") return c.conttype;
    return 0;
  };
  EXPECT_EQ(type_in(1913), 1);
  EXPECT_EQ(type_in(1915), 2);
  EXPECT_EQ(type_in(1920), 1);
}

TEST(CowSystem, Pre1914SpendingCarriesThePoundsNote) {
  const SystemYear y = system_year(cow(), 1900);
  ASSERT_NE(gaps(y, "UKG"), nullptr);
  ASSERT_EQ(gaps(y, "UKG")->notes.size(), 1u);
  EXPECT_NE(gaps(y, "UKG")->notes[0].find("British pounds"), std::string::npos);
  EXPECT_TRUE(gaps(system_year(cow(), 1914), "UKG")->notes.empty());
}

TEST(CowSystem, SameYearSameResult) {
  const SystemYear a = system_year(cow(), 1962), b = system_year(cow(), 1962);
  ASSERT_EQ(a.scenario.actors.size(), b.scenario.actors.size());
  for (size_t i = 0; i < a.scenario.actors.size(); ++i) EXPECT_EQ(a.scenario.actors[i].id, b.scenario.actors[i].id);
  ASSERT_EQ(a.scenario.treaties.size(), b.scenario.treaties.size());
  for (size_t i = 0; i < a.scenario.treaties.size(); ++i)
    EXPECT_EQ(a.scenario.treaties[i].members, b.scenario.treaties[i].members);
  EXPECT_EQ(a.notes, b.notes);
}

TEST(CowSystem, YearOutsideTheSystemIsAnInputError) { EXPECT_THROW(system_year(cow(), 1700), InputError); }

TEST(CowWar, KoreanWar151) {
  const auto w = war_participants(cow(), 151);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->name, "Korean");
  EXPECT_EQ(w->participants.size(), 16u);
  EXPECT_EQ(w->side_battle_deaths[0], 170893.0);
  EXPECT_EQ(w->side_battle_deaths[1], 739191.0);
  EXPECT_EQ(w->side_battle_deaths[0] + w->side_battle_deaths[1], 910084.0);
  EXPECT_EQ(w->unknown_battle_deaths, 0);
  EXPECT_EQ(w->initiators, std::vector<std::string>{"PRK"});
  EXPECT_EQ(w->start, ymd("1950-06-24"));
  EXPECT_EQ(w->end, ymd("1953-07-27"));
  int side1 = 0;
  for (const auto& p : w->participants) {
    EXPECT_EQ(p.outcome, 6);  // stalemate for all
    side1 += p.side == 1;
    if (p.id == "CHN") {
      EXPECT_EQ(p.side, 2);
      EXPECT_EQ(p.spell1.start, ymd("1950-10-27"));
      EXPECT_EQ(p.battle_deaths, 422612.0);
    }
    if (p.id == "USA") {
      EXPECT_EQ(p.spell1.start, ymd("1950-06-27"));
    }
  }
  EXPECT_EQ(side1, 14);
  EXPECT_FALSE(war_participants(cow(), 152).has_value());
}

TEST(CowWar, QuotedNameWithACommaIsOneField) {
  const auto w = war_participants(cow(), 163);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->name, "Vietnam War, Phase 2");
}

TEST(CowWar, TransformedFromSeveralWars) {
  // Spanish-American (79) has TransFrom "404, 410": two wars of the extra-state list
  for (const auto& w : cow().wars)
    if (w.war_num == 79) {
      EXPECT_EQ(w.trans_from, (std::vector<int>{404, 410}));
    }
}

TEST(CowWar, StateThatChangedSidesAppearsOnBoth) {
  const auto w = war_participants(cow(), 139);  // World War II: Italy on side 2, then side 1
  ASSERT_TRUE(w.has_value());
  int italy = 0;
  for (const auto& p : w->participants) italy += p.id == "ITA";
  EXPECT_EQ(italy, 2);
}
