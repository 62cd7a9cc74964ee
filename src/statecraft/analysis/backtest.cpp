#include "analysis/backtest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "engine/engine.h"

namespace statecraft {

namespace {

std::string pct(double p) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * p);
  return buf;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  std::string digits = buf, out;
  const size_t start = digits[0] == '-' ? 1 : 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > start && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string date_of(const Model& m, double run_day) {
  return format_date(Date{m.start_day + static_cast<int32_t>(std::lround(run_day))});
}

double sq(double x) { return x * x; }

}  // namespace

Backtest score_history(const Model& m, const History& h, const Summary& sum) {
  Backtest b;
  const double n = std::max<double>(1, static_cast<double>(sum.runs));

  // what held on given dates
  for (size_t i = 0; i < m.checkpoint.size(); ++i) {
    const double p = static_cast<double>(sum.checkpoint_met[i]) / n;
    b.lines.push_back({"checkpoint", m.checkpoint[i].label + " on " + format_date(Date{m.checkpoint[i].day}), "yes",
                       pct(p) + " of runs", sq(1 - p)});
  }

  // how it ended, and when
  if (!h.outcome.empty()) {
    Outcome o;
    if (parse_outcome(h.outcome, o)) {
      const double p = static_cast<double>(sum.outcome[static_cast<int>(o)]) / n;
      int modal = 0;
      for (int k = 1; k < kOutcomeCount; ++k)
        if (sum.outcome[k] > sum.outcome[modal]) modal = k;
      b.lines.push_back({"outcome", "outcome", h.outcome,
                         pct(p) + " (modal: " + outcome_name(static_cast<Outcome>(modal)) + ")", sq(1 - p)});
    }
  }
  if (h.end && sum.days.n > 0) {
    const double median = sum.days.quantile(0.5);
    const double hist = h.end->day - m.start_day;
    b.lines.push_back({"end", "end date", format_date(*h.end),
                       date_of(m, median) + " (p10 " + date_of(m, sum.days.quantile(0.1)) + ", p90 " +
                           date_of(m, sum.days.quantile(0.9)) + ")",
                       sq(std::min(1.0, std::fabs(median - hist) / 730))});
  }

  // who entered, and when their forces first fought
  std::vector<bool> listed(m.nactor, false);
  for (const auto& [id, date] : h.entries) {
    const int a = find_actor(m, id);
    if (a == kNone) continue;
    listed[a] = true;
    const double p = static_cast<double>(sum.entered[a]) / n;
    const IntHistogram& d = sum.entry_day[a];
    std::string model = pct(p);
    double timing = 1;
    if (d.n > 0 || p > 0) {
      // the histogram holds entries after the start; an actor that entered in
      // no run later than the start entered on day 0 (at war from the outset)
      const double median = d.n > 0 ? d.quantile(0.5) : 0;
      model += ", median " + date_of(m, median);
      timing = std::min(1.0, std::fabs(median - (date.day - m.start_day)) / 120);
    }
    b.lines.push_back({"entry", id + " enters", format_date(date), model, 0.5 * sq(1 - p) + 0.5 * sq(timing)});
  }
  // states outside the war at the start that history says stayed out
  if (!h.entries.empty()) {
    for (int a = 0; a < m.nactor; ++a) {
      bool at_start = false;
      for (int w = 0; w < m.nwar; ++w) at_start |= m.war_side[w * m.nactor + a] != 0;
      if (listed[a] || at_start || m.actor[a].kind != ActorKind::state) continue;
      const double p = static_cast<double>(sum.entered[a]) / n;
      b.lines.push_back({"no_entry", m.actor_id[a] + " stays out", "stayed out", pct(p) + " entered", sq(p)});
    }
  }

  // battle deaths, in orders of magnitude
  if (h.battle_deaths_total && sum.military_deaths.n > 0) {
    const double median = std::max(1.0, sum.military_deaths.quantile(0.5));
    const double err = std::fabs(std::log10(median / std::max(1.0, *h.battle_deaths_total)));
    b.lines.push_back({"deaths", "battle deaths", num(*h.battle_deaths_total),
                       num(median) + " (p10 " + num(sum.military_deaths.quantile(0.1)) + ", p90 " +
                           num(sum.military_deaths.quantile(0.9)) + ")",
                       sq(std::min(1.0, err))});
  }
  for (const auto& [id, deaths] : h.battle_deaths_by_actor) {
    const int a = find_actor(m, id);
    if (a == kNone || deaths < 10000 || sum.killed[a].n == 0) continue;  // small contingents say little
    const double median = std::max(1.0, sum.killed[a].quantile(0.5));
    const double err = std::fabs(std::log10(median / deaths));
    b.lines.push_back({"deaths", id + " battle deaths", num(deaths), num(median), sq(std::min(1.0, err))});
  }

  std::map<std::string, std::pair<double, int>> groups;
  for (const auto& l : b.lines) {
    auto& g = groups[l.group];
    g.first += l.score;
    ++g.second;
  }
  for (const char* name : {"checkpoint", "outcome", "end", "entry", "no_entry", "deaths"}) {
    auto it = groups.find(name);
    if (it == groups.end()) continue;
    b.group_scores.emplace_back(name, it->second.first / it->second.second);
  }
  double total = 0;
  for (const auto& [name, score] : b.group_scores) total += score;
  b.loss = b.group_scores.empty() ? 0 : total / static_cast<double>(b.group_scores.size());
  return b;
}

std::string backtest_table(const Backtest& b) {
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-10s %-52s %-14s %-44s %s\n", "part", "what", "history", "model", "score");
  out += buf;
  for (const auto& l : b.lines) {
    std::snprintf(buf, sizeof buf, "%-10s %-52.52s %-14s %-44.44s %.3f\n", l.group.c_str(), l.what.c_str(),
                  l.history.c_str(), l.model.c_str(), l.score);
    out += buf;
  }
  out += "\n";
  for (const auto& [name, score] : b.group_scores) {
    std::snprintf(buf, sizeof buf, "%-10s mean score %.3f\n", name.c_str(), score);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "loss (mean of parts, 0 = history) %.4f\n", b.loss);
  out += buf;
  return out;
}

nlohmann::json backtest_json(const Backtest& b) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : b.lines)
    lines.push_back({{"group", l.group}, {"what", l.what}, {"history", l.history}, {"model", l.model}, {"score", l.score}});
  nlohmann::json groups = nlohmann::json::object();
  for (const auto& [name, score] : b.group_scores) groups[name] = score;
  return {{"lines", lines}, {"groups", groups}, {"loss", b.loss}};
}

}  // namespace statecraft
