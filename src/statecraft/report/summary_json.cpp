#include "report/summary_json.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace statecraft {

namespace {

nlohmann::json interval_json(int64_t k, int64_t n) {
  const Interval i = wilson(k, n);
  return {{"p", i.p}, {"lo", i.lo}, {"hi", i.hi}, {"count", k}};
}

nlohmann::json quantiles_json(const LogHistogram& h) {
  if (h.n == 0) return nullptr;
  return {{"mean", h.mean()},        {"p10", h.quantile(0.1)}, {"p25", h.quantile(0.25)},
          {"p50", h.quantile(0.5)},  {"p75", h.quantile(0.75)}, {"p90", h.quantile(0.9)}};
}

nlohmann::json days_json(const Model& m, const IntHistogram& h) {
  if (h.n == 0) return nullptr;
  auto date = [&](double day) { return format_date(Date{m.start_day + static_cast<int32_t>(day)}); };
  return {{"mean", h.mean()},
          {"p10", h.quantile(0.1)},
          {"p50", h.quantile(0.5)},
          {"p90", h.quantile(0.9)},
          {"date_p10", date(h.quantile(0.1))},
          {"date_p50", date(h.quantile(0.5))},
          {"date_p90", date(h.quantile(0.9))}};
}

}  // namespace

nlohmann::json summary_json(const Model& m, const Summary& sum, const EnsembleInfo& info) {
  nlohmann::json j;
  j["scenario"] = m.scenario_id;
  j["scenario_file"] = info.scenario_file;
  j["variants"] = info.variants;
  j["seed"] = info.seed;
  j["runs"] = sum.runs;
  j["start"] = format_date(Date{m.start_day});
  j["horizon"] = format_date(Date{m.horizon_day});
  nlohmann::json outcomes = nlohmann::json::object();
  for (int o = 0; o < kOutcomeCount; ++o)
    outcomes[outcome_name(static_cast<Outcome>(o))] = interval_json(sum.outcome[o], sum.runs);
  j["outcomes"] = outcomes;
  j["duration_days"] = days_json(m, sum.days);
  j["military_deaths"] = quantiles_json(sum.military_deaths);
  j["civilian_deaths"] = quantiles_json(sum.civilian_deaths);
  j["displaced"] = quantiles_json(sum.displaced);
  nlohmann::json by_actor = nlohmann::json::object(), entry = nlohmann::json::object();
  for (int a = 0; a < m.nactor; ++a) {
    by_actor[m.actor_id[a]] = quantiles_json(sum.killed[a]);
    nlohmann::json e = interval_json(sum.entered[a], sum.runs);
    e["entry_day"] = days_json(m, sum.entry_day[a]);
    entry[m.actor_id[a]] = e;
  }
  j["deaths_by_actor"] = by_actor;
  j["at_war"] = entry;
  // entry conditional on hostile forces nearing the homeland (balance of threat at work)
  nlohmann::json approach = nlohmann::json::object();
  for (int a = 0; a < m.nactor; ++a) {
    const int64_t* c = sum.approach.data() + static_cast<size_t>(a) * 4;
    if (c[2] + c[3] == 0) continue;
    approach[m.actor_id[a]] = {{"within_km", kApproachKm},
                               {"runs_approached", c[2] + c[3]},
                               {"entered_if_approached", interval_json(c[3], c[2] + c[3])},
                               {"entered_otherwise", interval_json(c[1], c[0] + c[1])}};
  }
  j["approach"] = approach;
  nlohmann::json control = nlohmann::json::object();
  for (int g = 0; g < m.nregion; ++g) {
    nlohmann::json shares = nlohmann::json::object();
    for (int a = 0; a < m.nactor; ++a) {
      const int64_t k = sum.control[static_cast<size_t>(g) * m.nactor + a];
      if (k) shares[m.actor_id[a]] = static_cast<double>(k) / static_cast<double>(sum.runs);
    }
    control[m.region_id[g]] = shares;
  }
  j["final_control"] = control;
  nlohmann::json checkpoints = nlohmann::json::array();
  for (size_t i = 0; i < m.checkpoint.size(); ++i) {
    nlohmann::json c = interval_json(sum.checkpoint_met[i], sum.runs);
    c["date"] = format_date(Date{m.checkpoint[i].day});
    c["label"] = m.checkpoint[i].label;
    checkpoints.push_back(c);
  }
  j["checkpoints"] = checkpoints;
  nlohmann::json rung = nlohmann::json::object();
  for (size_t r = 0; r < sum.rung.size(); ++r) rung[std::to_string(r)] = interval_json(sum.rung[r], sum.runs);
  j["max_rung"] = rung;
  j["truce_broke"] = interval_json(sum.truce_broke, sum.runs);
  nlohmann::json by_outcome = nlohmann::json::object();
  for (int o = 0; o < kOutcomeCount; ++o) {
    if (!sum.outcome[o]) continue;
    const double k = static_cast<double>(sum.outcome[o]);
    by_outcome[outcome_name(static_cast<Outcome>(o))] = {{"mean_days", sum.outcome_days_sum[o] / k},
                                                         {"mean_military_deaths", sum.outcome_deaths_sum[o] / k}};
  }
  j["by_outcome"] = by_outcome;
  j["anomalies"] = {{"dropped_movements", sum.dropped_movements}};
  return j;
}

void write_file_atomic(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  }
}

}  // namespace statecraft
