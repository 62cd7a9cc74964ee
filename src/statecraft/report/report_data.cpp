#include "report/report_data.h"

#include <cstdio>

#include "report/html.h"

namespace statecraft {

namespace {

constexpr const char* kSeriesLabels[kSeriesMetrics] = {
    "Population held by the attackers' side", "Attackers' personnel in the theatre",
    "Defenders' personnel in the theatre",    "Attackers' military deaths",
    "Defenders' military deaths",             "Civilian deaths"};
constexpr const char* kSeriesUnits[kSeriesMetrics] = {"share", "people", "people", "people", "people", "people"};

std::string date_of(const Model& m, int32_t run_day) { return format_date(Date{m.start_day + run_day}); }

nlohmann::json control_shares(const Model& m, const Summary& sum, int snapshot) {
  nlohmann::json control = nlohmann::json::object();
  const double n = static_cast<double>(std::max<int64_t>(1, sum.runs));
  for (int g = 0; g < m.nregion; ++g) {
    nlohmann::json shares = nlohmann::json::object();
    for (int a = 0; a < m.nactor; ++a) {
      const int64_t k = snapshot < 0 ? sum.control[static_cast<size_t>(g) * m.nactor + a]
                                     : sum.snapshots[(static_cast<size_t>(snapshot) * m.nregion + g) * m.nactor + a];
      if (k) shares[m.actor_id[a]] = static_cast<double>(k) / n;
    }
    control[m.region_id[g]] = shares;
  }
  return control;
}

}  // namespace

nlohmann::json report_data(const Model& m, const Summary& sum, const EnsembleInfo& info, const std::string& title) {
  nlohmann::json j;
  j["kind"] = "run";
  j["title"] = title;
  j["scenario"] = m.scenario_id;
  j["summary"] = summary_json(m, sum, info);

  // weekly bands
  nlohmann::json dates = nlohmann::json::array(), metrics = nlohmann::json::object();
  for (int k = 0; k < sum.series.nsample; ++k) dates.push_back(date_of(m, k * kSeriesStepDays));
  for (int q = 0; q < kSeriesMetrics; ++q) {
    nlohmann::json band{{"label", kSeriesLabels[q]}, {"unit", kSeriesUnits[q]}};
    for (const auto& [name, level] : {std::pair{"p10", 0.1}, std::pair{"p50", 0.5}, std::pair{"p90", 0.9}}) {
      nlohmann::json values = nlohmann::json::array();
      for (int k = 0; k < sum.series.nsample; ++k) values.push_back(sum.series.quantile(k, q, level, sum.runs));
      band[name] = values;
    }
    metrics[kSeriesNames[q]] = band;
  }
  j["series"] = {{"dates", dates}, {"metrics", metrics}};

  // the map: regions with their admin-1 units, actors with their side at the start, control snapshots
  nlohmann::json regions = nlohmann::json::array(), actors = nlohmann::json::array(), countries = nlohmann::json::array();
  for (int g = 0; g < m.nregion; ++g) {
    regions.push_back({{"id", m.region_id[g]},
                       {"name", m.region_name[g]},
                       {"admin1", m.region_admin1[g]},
                       {"at", {m.region[g].at.lat, m.region[g].at.lon}},
                       {"owner", m.actor_id[m.region[g].owner]}});
    const std::string& owner = m.actor_id[m.region[g].owner];
    if (owner.size() == 3 && std::find(countries.begin(), countries.end(), owner) == countries.end())
      countries.push_back(owner);
  }
  std::string side_names[3];
  for (int a = 0; a < m.nactor; ++a) {
    const int side = m.nwar > 0 ? m.war_side[a] : 0;
    actors.push_back({{"id", m.actor_id[a]}, {"name", m.actor_name[a]}, {"side", side}});
    if (side) side_names[side] += (side_names[side].empty() ? "" : ", ") + m.actor_id[a];
  }
  nlohmann::json snapshots = nlohmann::json::array();
  const int nsnap = snapshot_count(m);
  for (int k = 0; k < nsnap; k += 3)  // about every three months
    snapshots.push_back({{"date", date_of(m, k * kSnapshotStepDays)}, {"control", control_shares(m, sum, k)}});
  snapshots.push_back({{"date", "final"}, {"control", control_shares(m, sum, -1)}});
  j["map"] = {{"country_codes", countries},
              {"regions", regions},
              {"actors", actors},
              {"sides", {{"1", "attackers (" + side_names[1] + ")"}, {"2", "defenders (" + side_names[2] + ")"}}},
              {"snapshots", snapshots}};
  return j;
}

std::string series_csv(const Model& m, const Summary& sum) {
  std::string out = "date";
  for (const char* name : kSeriesNames) {
    out += std::string(",") + name + "_p10," + name + "_p50," + name + "_p90";
  }
  out += '\n';
  char buf[64];
  for (int k = 0; k < sum.series.nsample; ++k) {
    out += date_of(m, k * kSeriesStepDays);
    for (int q = 0; q < kSeriesMetrics; ++q)
      for (double level : {0.1, 0.5, 0.9}) {
        std::snprintf(buf, sizeof buf, q == 0 ? ",%.2f" : ",%.0f", sum.series.quantile(k, q, level, sum.runs));
        out += buf;
      }
    out += '\n';
  }
  return out;
}

std::string run_report_html(const Model& m, const Summary& sum, const EnsembleInfo& info, const std::string& title) {
  return render_report_html(report_template(), report_data(m, sum, info, title));
}

}  // namespace statecraft
