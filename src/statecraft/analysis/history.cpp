#include "analysis/history.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "ensemble/ensemble.h"
#include "model/model.h"
#include "scenario/load.h"
#include "util/date.h"

namespace statecraft {

double brier(double p, bool happened) {
  const double d = p - (happened ? 1.0 : 0.0);
  return d * d;
}

double log_loss(double p, bool happened) {
  const double q = std::clamp(happened ? p : 1 - p, kLogLossClamp, 1 - kLogLossClamp);
  return -std::log(q);
}

const char* period_name(Period p) {
  switch (p) {
    case Period::fitted: return "fitted";
    case Period::held_out: return "held_out";
    case Period::korea: return "korea";
  }
  return "?";
}

Period period_of(int war_num, int start_year) {
  if (war_num == kKoreaWar) return Period::korea;
  return start_year < kFirstHeldOutYear ? Period::fitted : Period::held_out;
}

namespace {

InputError error_of(const std::string& key, const std::string& message, const std::string& expected) {
  return InputError({Diagnostic{"--set", Loc{}, key, message, expected, ""}});
}

bool in_force(const Treaty& t, Date d) {
  return (!t.signed_on || *t.signed_on <= d) && (!t.ends_on || *t.ends_on > d);
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// 1 for a hit, 0 for a miss, half for a forecast of exactly one half
double hit(double p, bool happened) {
  if (p == 0.5) return 0.5;
  return (p > 0.5) == happened ? 1.0 : 0.0;
}

struct BinaryAcc {
  int n = 0;
  double acc = 0, br = 0, ll = 0;
  void add(double p, bool y) {
    ++n;
    acc += hit(p, y);
    br += brier(p, y);
    ll += log_loss(p, y);
  }
  BinaryScore score() const {
    if (!n) return {};
    return {n, acc / n, br / n, ll / n};
  }
};

struct ErrorAcc {
  int n = 0;
  double sum = 0;
  void add(double e) {
    ++n;
    sum += e;
  }
  ErrorScore score() const { return n ? ErrorScore{n, sum / n} : ErrorScore{}; }
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t k = v.size() / 2;
  return v.size() % 2 ? v[k] : 0.5 * (v[k - 1] + v[k]);
}

double p_real_winner(const WarCase& w, double p_attackers) { return w.winner == 1 ? p_attackers : 1 - p_attackers; }

}  // namespace

WarCase war_case(const CowData& cow, const BuiltScenario& b, int war_num) {
  const auto rec = war_participants(cow, war_num);
  WarCase w;
  w.war_num = war_num;
  if (!rec) return w;
  w.name = rec->name;
  const Scenario& s = b.scenario;
  const Date start = s.info.start;
  w.year = civil_from_days(start.day).year;
  w.period = period_of(war_num, w.year);
  w.attackers = b.attackers;
  w.defenders = b.defenders;

  // the COW side of the attackers; a participant's model side follows from it
  int attacking_cow_side = 1;
  for (const auto& p : rec->participants)
    if (!b.attackers.empty() && p.id == b.attackers.front()) {
      attacking_cow_side = p.side;
      break;
    }
  auto model_side = [&](int cow_side) { return cow_side == attacking_cow_side ? 1 : 2; };

  std::map<std::string, const Actor*> actor;
  for (const auto& a : s.actors) actor[a.id] = &a;
  for (int side = 1; side <= 2; ++side)
    for (const auto& id : side == 1 ? b.attackers : b.defenders)
      if (actor.count(id)) w.cinc[side] += actor.at(id)->cinc.value_or(0);

  // the winner: the one side with participants coded as winning
  bool won[3] = {false, false, false};
  for (const auto& p : rec->participants)
    if (p.outcome == 1) won[model_side(p.side)] = true;
  w.winner = won[1] != won[2] ? (won[1] ? 1 : 2) : 0;

  if (rec->start && rec->end && *rec->end >= *rec->start) w.real_days = rec->end->day - rec->start->day + 1;
  if (rec->unknown_battle_deaths < static_cast<int>(rec->participants.size()))
    w.real_deaths = rec->side_battle_deaths[0] + rec->side_battle_deaths[1];

  // candidates: defence-pact partners and land neighbours of the belligerents at the opening
  std::vector<std::string> bel = b.attackers;
  bel.insert(bel.end(), b.defenders.begin(), b.defenders.end());
  const CivilDate cd = civil_from_days(start.day);
  const int yyyymm = cd.year * 100 + static_cast<int>(cd.month);
  auto land_border = [&](int c1, int c2) {
    const int lo = std::min(c1, c2), hi = std::max(c1, c2);
    for (const auto& c : cow.contiguity)
      if (c.ccode1 == lo && c.ccode2 == hi && c.conttype == 1 && c.begin <= yyyymm && yyyymm <= c.end) return true;
    return false;
  };
  auto defense_pact = [&](const std::string& x, const std::string& y) {
    for (const auto& t : s.treaties)
      if (t.type == TreatyType::defense && in_force(t, start) && has(t.members, x) && has(t.members, y)) return true;
    return false;
  };
  for (const auto& a : s.actors) {
    if (a.kind != ActorKind::state || has(bel, a.id)) continue;
    Candidate c;
    c.id = a.id;
    for (const auto& id : bel) {
      c.defense_pact = c.defense_pact || defense_pact(a.id, id);
      if (a.cow && actor.count(id) && actor.at(id)->cow) c.land_neighbour = c.land_neighbour || land_border(a.cow, actor.at(id)->cow);
    }
    if (!c.defense_pact && !c.land_neighbour) continue;
    c.joined = has(b.joiners, a.id);
    if (c.joined) {
      // the side of its earliest participation
      std::optional<Date> first;
      for (const auto& p : rec->participants) {
        if (p.id != a.id) continue;
        if (!c.joined_side || (p.spell1.start && (!first || *p.spell1.start < *first))) {
          c.joined_side = model_side(p.side);
          first = p.spell1.start;
        }
      }
    }
    for (const auto& d : b.defenders)
      if (defense_pact(a.id, d)) w.obligations.push_back({a.id, d, c.joined && c.joined_side == 2, 0});
    w.candidates.push_back(std::move(c));
  }
  for (const auto& d : b.defenders)
    for (const auto& x : bel)
      if (x != d && defense_pact(x, d)) {
        ++w.opening_obligations;
        w.opening_honoured += has(b.defenders, x);
      }
  for (const auto& id : b.joiners) {
    bool candidate = false;
    for (const auto& c : w.candidates) candidate = candidate || c.id == id;
    if (!candidate) w.other_joiners.push_back(id);
  }
  return w;
}

HistoryRun run_history(const CowData& cow, const std::vector<CapitalRow>& capitals, const HistoryOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  HistoryRun out;
  std::set<int> nums;
  for (const auto& r : cow.wars) nums.insert(r.war_num);
  for (int num : nums) {
    const auto rec = war_participants(cow, num);
    if (!rec) continue;
    if (!rec->start) {
      // no year to filter on: listed only when every year is asked for
      if (opt.from_year <= 1816 && opt.to_year >= 2016)
        out.skipped.push_back({num, rec->name, "no participant has a known start date"});
      continue;
    }
    const int year = civil_from_days(rec->start->day).year;
    if (year < opt.from_year || year > opt.to_year) continue;

    BuiltScenario b;
    try {
      b = build_war_scenario(cow, capitals, num, std::nullopt, opt.build);
    } catch (const InputError& e) {
      std::string why;
      for (const auto& d : e.diagnostics) why += (why.empty() ? "" : "; ") + d.message;
      out.skipped.push_back({num, rec->name, why});
      continue;
    }
    Scenario& s = b.scenario;
    for (const auto& kv : opt.sets) {
      const std::string err = set_assignment(s, kv);
      if (!err.empty()) throw error_of(kv, err, "a path of `statecraft params` and a value in its range");
    }
    const auto problems = check_scenario(s);
    if (!problems.empty()) {
      if (!opt.sets.empty()) throw InputError(problems);
      out.skipped.push_back({num, rec->name, "the generated scenario does not validate: " + problems.front().message});
      continue;
    }

    WarCase w = war_case(cow, b, num);
    try {
      const Model m = compile(s);
      std::vector<int> idx;
      for (const auto& c : w.candidates) idx.push_back(find_actor(m, c.id));
      std::vector<std::array<int64_t, 3>> entered(w.candidates.size(), {0, 0, 0});
      auto sink = [&](int64_t, const RunRecord& r) {
        for (size_t i = 0; i < idx.size(); ++i) {
          const int a = idx[i];
          if (a == kNone || r.entered_day[a] < 0) continue;  // its forces never fought
          ++entered[i][0];
          const int side = a < static_cast<int>(r.entered_side.size()) ? r.entered_side[a] : 0;
          if (side == 1 || side == 2) ++entered[i][side];
        }
      };
      EnsembleOptions eo;
      eo.runs = opt.runs;
      eo.seed = opt.seed;
      eo.threads = opt.threads;
      eo.quiet = true;
      const EnsembleResult r = run_ensemble(s, m, eo, EnsembleInfo{s.info.id, {}, opt.seed, opt.runs}, sink);
      if (r.interrupted) throw std::runtime_error("interrupted");
      const Summary& sum = r.summary;
      const double n = std::max<double>(1, static_cast<double>(sum.runs));
      w.runs = sum.runs;
      const double va = static_cast<double>(sum.outcome[static_cast<int>(Outcome::victory_attackers)]);
      const double vd = static_cast<double>(sum.outcome[static_cast<int>(Outcome::victory_defenders)]);
      w.p_attackers_win = (va + 0.5 * (n - va - vd)) / n;
      if (sum.days.n > 0) w.model_days = std::max(1.0, sum.days.quantile(0.5));
      if (sum.military_deaths.n > 0) w.model_deaths = std::max(1.0, sum.military_deaths.quantile(0.5));
      w.quiet = sum.military_deaths.n == 0 || sum.military_deaths.quantile(0.5) < 1;
      for (size_t i = 0; i < w.candidates.size(); ++i) {
        w.candidates[i].p_enter = static_cast<double>(entered[i][0]) / n;
        for (int side = 1; side <= 2; ++side) w.candidates[i].p_side[side] = static_cast<double>(entered[i][side]) / n;
      }
      for (auto& o : w.obligations)
        for (const auto& c : w.candidates)
          if (c.id == o.ally) o.p_honoured = c.p_side[2];
    } catch (const std::exception& e) {
      out.skipped.push_back({num, rec->name, std::string("the ensemble failed: ") + e.what()});
      continue;
    }
    out.wars.push_back(std::move(w));
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

HistoryScores score_cases(const std::vector<WarCase>& wars) {
  HistoryScores out;
  std::vector<double> days, deaths;
  for (const auto& w : wars) {
    if (w.period != Period::fitted) continue;
    if (w.real_days) days.push_back(*w.real_days);
    if (w.real_deaths) deaths.push_back(*w.real_deaths);
  }
  out.median_days = median(days);
  out.median_deaths = median(deaths);

  const char* names[] = {"model", "more_cinc_wins", "all_allies_join", "nobody_joins", "fitted_median"};
  constexpr int kRows = 5;
  struct Acc {
    BinaryAcc join, winner;
    ErrorAcc duration, deaths;
  };
  Acc acc[kPeriodCount][kRows];
  int rel_n[kPeriodCount + 1] = {}, honoured[kPeriodCount + 1] = {};
  int open_n[kPeriodCount + 1] = {}, open_honoured[kPeriodCount + 1] = {};
  double rel_model[kPeriodCount + 1] = {};
  auto days_err = [](double f, double r) { return std::fabs(std::log(std::max(1.0, f) / std::max(1.0, r))); };
  auto deaths_err = [](double f, double r) { return std::fabs(std::log10(std::max(1.0, f) / std::max(1.0, r))); };

  for (const auto& w : wars) {
    const int p = static_cast<int>(w.period);
    ++out.period[p].wars;
    out.period[p].other_joiners += static_cast<int>(w.other_joiners.size());
    out.period[p].quiet += w.quiet;
    for (const auto& c : w.candidates) out.period[p].joined += c.joined;
    Acc* a = acc[p];
    for (const auto& c : w.candidates) {
      a[0].join.add(c.p_enter, c.joined);
      a[2].join.add(c.defense_pact ? kBaselineYes : 1 - kBaselineYes, c.joined);
      a[3].join.add(1 - kBaselineYes, c.joined);
    }
    if (w.winner) {
      a[0].winner.add(p_real_winner(w, w.p_attackers_win), true);
      const double cinc_att = w.cinc[1] > w.cinc[2] ? kBaselineYes : w.cinc[1] < w.cinc[2] ? 1 - kBaselineYes : 0.5;
      a[1].winner.add(p_real_winner(w, cinc_att), true);
    } else {
      ++out.no_winner;
    }
    if (w.real_days) {
      if (w.model_days) a[0].duration.add(days_err(*w.model_days, *w.real_days));
      if (out.median_days > 0) a[4].duration.add(days_err(out.median_days, *w.real_days));
    }
    if (w.real_deaths) {
      if (w.model_deaths) a[0].deaths.add(deaths_err(*w.model_deaths, *w.real_deaths));
      if (out.median_deaths > 0) a[4].deaths.add(deaths_err(out.median_deaths, *w.real_deaths));
    }
    for (int k : {p, kPeriodCount}) {
      open_n[k] += w.opening_obligations;
      open_honoured[k] += w.opening_honoured;
    }
    for (const auto& o : w.obligations)
      for (int k : {p, kPeriodCount}) {
        ++rel_n[k];
        honoured[k] += o.honoured;
        rel_model[k] += o.p_honoured;
      }
  }
  auto rel = [&](int k) {
    Reliability r;
    r.obligations = rel_n[k];
    if (rel_n[k]) {
      r.model = rel_model[k] / rel_n[k];
      r.history = static_cast<double>(honoured[k]) / rel_n[k];
    }
    r.opening_obligations = open_n[k];
    if (rel_n[k] + open_n[k])
      r.history_with_opening = static_cast<double>(honoured[k] + open_honoured[k]) / (rel_n[k] + open_n[k]);
    return r;
  };
  for (int p = 0; p < kPeriodCount; ++p) {
    for (int k = 0; k < kRows; ++k)
      out.period[p].rows.push_back({names[k], acc[p][k].join.score(), acc[p][k].winner.score(),
                                    acc[p][k].duration.score(), acc[p][k].deaths.score()});
    out.period[p].reliability = rel(p);
  }
  out.reliability = rel(kPeriodCount);
  return out;
}

namespace {

std::string cell(int n, double v, const char* fmt) {
  if (!n) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

const char* period_title(int p) {
  switch (static_cast<Period>(p)) {
    case Period::fitted: return "fitted: wars starting before 1946";
    case Period::held_out: return "held out: wars starting 1946 on, Korea apart";
    case Period::korea: return "Korean War (COW 151), apart";
  }
  return "?";
}

nlohmann::json binary_json(const BinaryScore& b) {
  if (!b.n) return nullptr;
  return {{"n", b.n}, {"accuracy", b.accuracy}, {"brier", b.brier}, {"log_loss", b.log_loss}};
}
nlohmann::json error_json(const ErrorScore& e) {
  if (!e.n) return nullptr;
  return {{"n", e.n}, {"mean", e.mean}};
}
nlohmann::json reliability_json(const Reliability& r) {
  return {{"obligations", r.obligations},
          {"model", r.model},
          {"history", r.history},
          {"opening_obligations", r.opening_obligations},
          {"history_with_opening", r.history_with_opening}};
}

}  // namespace

std::string history_table(const HistoryScores& s) {
  std::string out;
  char buf[512];
  for (int p = 0; p < kPeriodCount; ++p) {
    const PeriodScores& ps = s.period[p];
    const ScoreRow& m = ps.rows.front();
    std::snprintf(buf, sizeof buf,
                  "%s: %d wars, %d candidates (%d joined; %d other later joiners, not scored), %d wars with a "
                  "winner, %d with nothing fought in the median run\n",
                  period_title(p), ps.wars, m.join.n, ps.joined, ps.other_joiners, m.winner.n, ps.quiet);
    out += buf;
    std::snprintf(buf, sizeof buf, "  %-16s %8s %8s %8s | %8s %8s %8s | %9s | %10s\n", "forecaster", "join acc",
                  "Brier", "log loss", "win acc", "Brier", "log loss", "dur |ln|", "deaths |lg|");
    out += buf;
    for (const auto& r : ps.rows) {
      std::snprintf(buf, sizeof buf, "  %-16s %8s %8s %8s | %8s %8s %8s | %9s | %10s\n", r.name.c_str(),
                    cell(r.join.n, r.join.accuracy, "%.3f").c_str(), cell(r.join.n, r.join.brier, "%.3f").c_str(),
                    cell(r.join.n, r.join.log_loss, "%.3f").c_str(), cell(r.winner.n, r.winner.accuracy, "%.3f").c_str(),
                    cell(r.winner.n, r.winner.brier, "%.3f").c_str(), cell(r.winner.n, r.winner.log_loss, "%.3f").c_str(),
                    cell(r.duration.n, r.duration.mean, "%.2f").c_str(), cell(r.deaths.n, r.deaths.mean, "%.2f").c_str());
      out += buf;
    }
    const Reliability& rl = ps.reliability;
    std::snprintf(buf, sizeof buf,
                  "  defence pacts honoured: model %s, COW %s (%d obligations of outsiders); COW %s counting "
                  "the %d pacts among belligerents at the opening\n\n",
                  cell(rl.obligations, 100 * rl.model, "%.0f%%").c_str(),
                  cell(rl.obligations, 100 * rl.history, "%.0f%%").c_str(), rl.obligations,
                  cell(rl.obligations + rl.opening_obligations, 100 * rl.history_with_opening, "%.0f%%").c_str(),
                  rl.opening_obligations);
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "baselines: more_cinc_wins and all_allies_join forecast %.1f/%.1f, nobody_joins %.1f; fitted_median "
                "forecasts %.0f days and %.0f battle deaths (medians of the fitted wars) everywhere\n",
                kBaselineYes, 1 - kBaselineYes, 1 - kBaselineYes, s.median_days, s.median_deaths);
  out += buf;
  std::snprintf(buf, sizeof buf, "winner scores leave out %d wars with no single winning side (compromise, stalemate)\n",
                s.no_winner);
  out += buf;
  const Reliability& r = s.reliability;
  std::snprintf(buf, sizeof buf,
                "alliance reliability, all wars: model %s, COW record %s of %d defence-pact obligations of "
                "outsiders to a belligerent attacked at the opening (COW %s counting the %d pacts among "
                "belligerents at the opening); literature: ~27%% (Sabrosky 1980, COW), ~75%% (Leeds, Long and "
                "Mitchell 2000, ATOP, obligations whose conditions were triggered)\n",
                cell(r.obligations, 100 * r.model, "%.0f%%").c_str(), cell(r.obligations, 100 * r.history, "%.0f%%").c_str(),
                r.obligations, cell(r.obligations + r.opening_obligations, 100 * r.history_with_opening, "%.0f%%").c_str(),
                r.opening_obligations);
  out += buf;
  return out;
}

nlohmann::json history_json(const HistoryScores& s) {
  nlohmann::json periods = nlohmann::json::object();
  for (int p = 0; p < kPeriodCount; ++p) {
    const PeriodScores& ps = s.period[p];
    nlohmann::json rows = nlohmann::json::object();
    for (const auto& r : ps.rows)
      rows[r.name] = {{"join", binary_json(r.join)},
                      {"winner", binary_json(r.winner)},
                      {"duration_ln_error", error_json(r.duration)},
                      {"deaths_log10_error", error_json(r.deaths)}};
    periods[period_name(static_cast<Period>(p))] = {
        {"wars", ps.wars}, {"candidates_joined", ps.joined}, {"other_joiners", ps.other_joiners}, {"quiet_wars", ps.quiet}, {"rows", rows}, {"reliability", reliability_json(ps.reliability)}};
  }
  return {{"periods", periods},
          {"reliability", reliability_json(s.reliability)},
          {"baselines",
           {{"yes", kBaselineYes}, {"median_days", s.median_days}, {"median_battle_deaths", s.median_deaths}}},
          {"log_loss_clamp", kLogLossClamp},
          {"no_winner", s.no_winner}};
}

nlohmann::json wars_json(const std::vector<WarCase>& wars) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : wars) {
    nlohmann::json cands = nlohmann::json::array();
    for (const auto& c : w.candidates)
      cands.push_back({{"id", c.id},
                       {"defense_pact", c.defense_pact},
                       {"land_neighbour", c.land_neighbour},
                       {"joined", c.joined},
                       {"joined_side", c.joined_side},
                       {"p_enter", c.p_enter},
                       {"p_attackers_side", c.p_side[1]},
                       {"p_defenders_side", c.p_side[2]}});
    auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    out.push_back({{"war", w.war_num},
                   {"name", w.name},
                   {"year", w.year},
                   {"period", period_name(w.period)},
                   {"attackers", w.attackers},
                   {"defenders", w.defenders},
                   {"cinc_attackers", w.cinc[1]},
                   {"cinc_defenders", w.cinc[2]},
                   {"winner", w.winner == 1 ? "attackers" : w.winner == 2 ? "defenders" : "none"},
                   {"p_attackers_win", w.p_attackers_win},
                   {"real_days", opt(w.real_days)},
                   {"model_median_days", opt(w.model_days)},
                   {"real_battle_deaths", opt(w.real_deaths)},
                   {"model_median_deaths", opt(w.model_deaths)},
                   {"quiet", w.quiet},
                   {"candidates", cands},
                   {"other_joiners", w.other_joiners},
                   {"runs", w.runs}});
  }
  return out;
}

}  // namespace statecraft
