#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "cow_data.h"
#include "analysis/history.h"
#include "data/cow.h"
#include "data/theatre.h"

using namespace statecraft;
using namespace statecraft::test;

namespace {


const ScoreRow& row(const PeriodScores& p, const std::string& name) {
  for (const auto& r : p.rows)
    if (r.name == name) return r;
  static const ScoreRow none;
  ADD_FAILURE() << "no row " << name;
  return none;
}

Candidate cand(const char* id, bool pact, bool joined, double p, int side = 2) {
  Candidate c;
  c.id = id;
  c.defense_pact = pact;
  c.land_neighbour = !pact;
  c.joined = joined;
  c.joined_side = joined ? side : 0;
  c.p_enter = p;
  return c;
}

}  // namespace

TEST(History, BrierAndLogLoss) {
  EXPECT_NEAR(brier(0.7, true), 0.09, 1e-12);
  EXPECT_NEAR(brier(0.7, false), 0.49, 1e-12);
  EXPECT_NEAR(brier(0, true), 1, 1e-12);
  EXPECT_NEAR(log_loss(0.5, true), std::log(2.0), 1e-12);
  EXPECT_NEAR(log_loss(0.8, false), -std::log(0.2), 1e-12);
  // certainty is clamped: a confident miss costs ln(1/clamp), a confident hit almost nothing
  EXPECT_NEAR(log_loss(0, true), -std::log(kLogLossClamp), 1e-12);
  EXPECT_NEAR(log_loss(1, false), -std::log(kLogLossClamp), 1e-12);
  EXPECT_NEAR(log_loss(1, true), -std::log(1 - kLogLossClamp), 1e-12);
  EXPECT_TRUE(std::isfinite(log_loss(0, true)));
}

TEST(History, SplitByYearWithKoreaApart) {
  EXPECT_EQ(period_of(1, 1823), Period::fitted);
  EXPECT_EQ(period_of(139, 1939), Period::fitted);
  EXPECT_EQ(period_of(147, 1945), Period::fitted);
  EXPECT_EQ(period_of(148, 1946), Period::held_out);
  EXPECT_EQ(period_of(227, 2003), Period::held_out);
  EXPECT_EQ(period_of(kKoreaWar, 1950), Period::korea);
  EXPECT_STREQ(period_name(Period::held_out), "held_out");
}

TEST(History, ScoresOfATinyHandBuiltInput) {
  WarCase a;  // fitted: attackers stronger and winning; one ally joins, a neighbour stays out
  a.war_num = 1;
  a.year = 1850;
  a.period = Period::fitted;
  a.cinc[1] = 0.2;
  a.cinc[2] = 0.1;
  a.winner = 1;
  a.p_attackers_win = 0.8;
  a.real_days = 100;
  a.model_days = 100 * std::exp(1.0);
  a.real_deaths = 1000;
  a.model_deaths = 100000;
  a.candidates = {cand("ALY", true, true, 0.6), cand("NBR", false, false, 0.2)};
  a.obligations = {{"ALY", "DEF", true, 0.6}};
  a.opening_obligations = 2;  // one honoured, one broken by an ally on the attacking side
  a.opening_honoured = 1;

  WarCase b;  // held out: the weaker defenders win, nobody joins, the model is unsure
  b.war_num = 200;
  b.year = 1990;
  b.period = Period::held_out;
  b.cinc[1] = 0.3;
  b.cinc[2] = 0.1;
  b.winner = 2;
  b.p_attackers_win = 0.5;
  b.real_days = 400;
  b.model_days = 400;
  b.real_deaths = 10000;
  b.model_deaths = 10000;
  b.candidates = {cand("XXX", true, false, 0.0)};
  b.obligations = {{"XXX", "DEF", false, 0.0}};

  WarCase k;  // Korea: a stalemate, so no winner scores
  k.war_num = kKoreaWar;
  k.year = 1950;
  k.period = Period::korea;
  k.winner = 0;
  k.candidates = {cand("CHN", false, true, 1.0, 2)};

  const HistoryScores s = score_cases({a, b, k});
  const PeriodScores& f = s.period[static_cast<int>(Period::fitted)];
  const PeriodScores& h = s.period[static_cast<int>(Period::held_out)];
  const PeriodScores& kp = s.period[static_cast<int>(Period::korea)];
  EXPECT_EQ(f.wars, 1);
  EXPECT_EQ(h.wars, 1);
  EXPECT_EQ(kp.wars, 1);
  EXPECT_EQ(s.no_winner, 1);

  // model, fitted: join Brier ((0.4)^2 + (0.2)^2) / 2, accuracy 1 (0.6 joins, 0.2 stays out)
  const ScoreRow& m = row(f, "model");
  EXPECT_EQ(m.join.n, 2);
  EXPECT_NEAR(m.join.brier, (0.16 + 0.04) / 2, 1e-12);
  EXPECT_NEAR(m.join.accuracy, 1.0, 1e-12);
  EXPECT_NEAR(m.join.log_loss, (-std::log(0.6) - std::log(0.8)) / 2, 1e-12);
  EXPECT_NEAR(m.winner.brier, 0.04, 1e-12);
  EXPECT_NEAR(m.duration.mean, 1.0, 1e-9);  // e times too long: |ln e| = 1
  EXPECT_NEAR(m.deaths.mean, 2.0, 1e-9);    // a hundred times too many

  // baselines, fitted
  EXPECT_NEAR(row(f, "more_cinc_wins").winner.brier, 0.01, 1e-12);  // 0.9 on the real winner
  EXPECT_EQ(row(f, "more_cinc_wins").join.n, 0);
  EXPECT_NEAR(row(f, "all_allies_join").join.brier, (0.01 + 0.01) / 2, 1e-12);
  EXPECT_NEAR(row(f, "nobody_joins").join.brier, (0.81 + 0.01) / 2, 1e-12);
  EXPECT_NEAR(row(f, "nobody_joins").join.accuracy, 0.5, 1e-12);

  // held out: a forecast of one half is half right; CINC backs the loser
  const ScoreRow& mh = row(h, "model");
  EXPECT_NEAR(mh.winner.accuracy, 0.5, 1e-12);
  EXPECT_NEAR(mh.winner.brier, 0.25, 1e-12);
  EXPECT_NEAR(row(h, "more_cinc_wins").winner.accuracy, 0.0, 1e-12);
  EXPECT_NEAR(row(h, "more_cinc_wins").winner.brier, 0.81, 1e-12);
  EXPECT_NEAR(row(h, "all_allies_join").join.brier, 0.81, 1e-12);
  // the duration and deaths baseline is the fitted wars' median, used on the held-out ones too
  EXPECT_NEAR(s.median_days, 100, 1e-12);
  EXPECT_NEAR(s.median_deaths, 1000, 1e-12);
  EXPECT_NEAR(row(h, "fitted_median").duration.mean, std::log(4.0), 1e-9);
  EXPECT_NEAR(row(h, "fitted_median").deaths.mean, 1.0, 1e-9);

  // Korea is in none of the other periods
  EXPECT_EQ(row(kp, "model").join.n, 1);
  EXPECT_EQ(row(kp, "model").winner.n, 0);
  EXPECT_EQ(m.join.n + mh.join.n, 3);

  // reliability: one of two obligations honoured in COW; the model 0.6 and 0
  EXPECT_EQ(s.reliability.obligations, 2);
  EXPECT_NEAR(s.reliability.history, 0.5, 1e-12);
  EXPECT_NEAR(s.reliability.model, 0.3, 1e-12);
  EXPECT_NEAR(f.reliability.model, 0.6, 1e-12);
  EXPECT_EQ(s.reliability.opening_obligations, 2);
  EXPECT_NEAR(s.reliability.history_with_opening, 2.0 / 4, 1e-12);
  EXPECT_NEAR(f.reliability.history_with_opening, 2.0 / 3, 1e-12);

  const nlohmann::json j = history_json(s);
  EXPECT_NEAR(j["periods"]["fitted"]["rows"]["model"]["join"]["brier"].get<double>(), 0.1, 1e-12);
  EXPECT_TRUE(j["periods"]["korea"]["rows"]["model"]["winner"].is_null());
}

// Franco-Prussian War (COW 58): France attacked with the larger summed CINC
// and lost, so the CINC baseline backs the loser.
TEST(History, CincBaselineOnTheFrancoPrussianWar) {
  const BuiltScenario b = build_war_scenario(cow(), capitals(), 58);
  const WarCase w = war_case(cow(), b, 58);
  EXPECT_EQ(w.attackers, std::vector<std::string>{"FRN"});
  EXPECT_GT(w.cinc[1], w.cinc[2]);
  EXPECT_EQ(w.winner, 2);
  EXPECT_EQ(w.period, Period::fitted);
  ASSERT_TRUE(w.real_days);
  EXPECT_NEAR(*w.real_days, 223, 1);
  WarCase m = w;
  m.p_attackers_win = 0.2;
  const HistoryScores s = score_cases({m});
  const PeriodScores& f = s.period[static_cast<int>(Period::fitted)];
  EXPECT_NEAR(row(f, "more_cinc_wins").winner.accuracy, 0.0, 1e-12);
  EXPECT_NEAR(row(f, "model").winner.accuracy, 1.0, 1e-12);
}

// World War I (COW 106) opens with Austria-Hungary against Serbia: Germany
// (an ally of the attacker) and Italy (an ally that joined the other side)
// are defence-pact candidates; Russia a neighbour that joined the defenders.
TEST(History, CandidatesAndObligationsOfWorldWarOne) {
  const BuiltScenario b = build_war_scenario(cow(), capitals(), 106);
  const WarCase w = war_case(cow(), b, 106);
  auto find = [&](const std::string& id) -> const Candidate* {
    for (const auto& c : w.candidates)
      if (c.id == id) return &c;
    return nullptr;
  };
  ASSERT_TRUE(find("GMY") && find("ITA") && find("RUS"));
  EXPECT_TRUE(find("GMY")->defense_pact);
  EXPECT_TRUE(find("GMY")->joined);
  EXPECT_EQ(find("GMY")->joined_side, 1);
  EXPECT_TRUE(find("ITA")->defense_pact);
  EXPECT_EQ(find("ITA")->joined_side, 2);
  EXPECT_FALSE(find("RUS")->defense_pact);
  EXPECT_TRUE(find("RUS")->land_neighbour);
  EXPECT_EQ(find("RUS")->joined_side, 2);
  EXPECT_EQ(find("USA"), nullptr);  // neither an ally nor a neighbour of the belligerents at the opening
  EXPECT_NE(std::find(w.other_joiners.begin(), w.other_joiners.end(), "USA"), w.other_joiners.end());
  // obligations run only to the attacked side: Germany's alliance with the attacker is none
  for (const auto& o : w.obligations) {
    EXPECT_NE(o.ally, "GMY");
    EXPECT_EQ(o.attacked, w.defenders.front());
  }
}

TEST(History, CommandPrintsTheTable) {
  const Cli r = run_cli("backtest --cow --from 1859 --to 1870 --runs 5 --threads 2 --no-calibration");
  ASSERT_EQ(r.code, 0) << r.out;
  for (const char* s : {"fitted: wars starting before 1946", "model", "more_cinc_wins", "all_allies_join",
                        "nobody_joins", "fitted_median", "defence pacts honoured", "Sabrosky"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
  EXPECT_NE(r.out.find("COW inter-state wars 1859..1870: 11 run, 0 skipped"), std::string::npos) << r.out;

  const Cli j = run_cli("backtest --cow --from 1859 --to 1870 --runs 5 --threads 2 --no-calibration --json");
  ASSERT_EQ(j.code, 0) << j.out;
  const auto js = nlohmann::json::parse(j.out);
  EXPECT_EQ(js["periods"]["fitted"]["wars"].get<int>(), 11);
  EXPECT_EQ(js["periods"]["held_out"]["wars"].get<int>(), 0);
  EXPECT_EQ(js["wars"].size(), 11u);
  for (const auto& w : js["wars"]) {
    EXPECT_GE(w["year"].get<int>(), 1859);
    EXPECT_LE(w["year"].get<int>(), 1870);
  }
}

TEST(History, CommandRejectsBadInput) {
  EXPECT_EQ(run_cli("backtest --cow --from 1900 --to 1850").code, 2);
  EXPECT_EQ(run_cli("backtest --cow --from 1800").code, 2);
  EXPECT_EQ(run_cli("backtest").code, 2);
  EXPECT_EQ(run_cli("backtest --cow scenarios/korea-1950.yaml").code, 2);
  EXPECT_EQ(run_cli("backtest --cow --from 1859 --to 1860 --runs 2 --set theory.nope.weight=1").code, 2);
  EXPECT_EQ(run_cli("backtest --cow --from 1859 --to 1860 --runs 2 --calibration /nonexistent/history.json").code, 2);
}
