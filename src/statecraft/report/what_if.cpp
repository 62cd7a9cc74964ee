#include "report/what_if.h"

#include <cmath>

#include "report/html.h"
#include "report/report_data.h"
#include "scenario/schema.h"

namespace statecraft {

namespace {

// shortest exact text; empty for NaN (an undefined value)
std::string num(double v) { return std::isfinite(v) ? schema::format_number(v) : std::string(); }

// a CSV field: quoted when it holds a comma, quote or line break
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

nlohmann::json interval(int64_t k, int64_t n) {
  const Interval i = wilson(k, n);
  return {{"p", i.p}, {"lo", i.lo}, {"hi", i.hi}, {"count", k}};
}

nlohmann::json effect_json(const Effect& e) {
  nlohmann::json j = {{"variant", e.variant}, {"metric", e.metric}, {"method", e.method},
                      {"base", e.e.base},     {"value", e.e.value}, {"diff", e.e.diff},
                      {"lo", e.e.lo},         {"hi", e.e.hi},       {"p_value", e.e.p_value}};
  if (e.method == "newcombe+mcnemar") {
    j["discordant_base"] = e.discordant_base;
    j["discordant_variant"] = e.discordant_variant;
  }
  return j;
}

std::vector<std::string> compared(const Comparison& c) {
  return std::vector<std::string>(c.arms.begin() + (c.arms.empty() ? 0 : 1), c.arms.end());
}

nlohmann::json dist_json(const Distribution& d) {
  static const char* kinds[] = {"uniform", "normal", "lognormal", "triangular", "choice"};
  return {{static_cast<size_t>(d.kind) < 5 ? kinds[static_cast<size_t>(d.kind)] : "?", d.args}};
}

}  // namespace

// ---- compare ----------------------------------------------------------------

nlohmann::json compare_json(const Model& m, const Comparison& c, const std::vector<Effect>& effects,
                            const EnsembleInfo& info) {
  nlohmann::json j;
  j["scenario"] = m.scenario_id;
  j["scenario_file"] = info.scenario_file;
  j["seed"] = info.seed;
  j["runs"] = c.summary.empty() ? 0 : c.summary[0].runs;
  j["base"] = c.arms.empty() ? "base" : c.arms[0];
  j["variants"] = compared(c);
  j["bootstrap_replicates"] = c.replicates;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : effects) list.push_back(effect_json(e));
  j["effects"] = list;
  nlohmann::json arms = nlohmann::json::object();
  for (size_t a = 0; a < c.arms.size(); ++a) {
    EnsembleInfo ai = info;
    ai.variants = a == 0 ? std::vector<std::string>{} : std::vector<std::string>{c.arms[a]};
    arms[c.arms[a]] = summary_json(m, c.summary[a], ai);
  }
  j["arms"] = arms;
  return j;
}

std::string compare_csv(const std::vector<Effect>& effects) {
  std::string out = "variant,metric,method,base,value,diff,lo,hi,p_value,discordant_base,discordant_variant\n";
  for (const auto& e : effects) {
    const bool prop = e.method == "newcombe+mcnemar";
    out += field(e.variant) + ',' + field(e.metric) + ',' + e.method + ',' + num(e.e.base) + ',' + num(e.e.value) +
           ',' + num(e.e.diff) + ',' + num(e.e.lo) + ',' + num(e.e.hi) + ',' + num(e.e.p_value) + ',' +
           (prop ? std::to_string(e.discordant_base) : "") + ',' + (prop ? std::to_string(e.discordant_variant) : "") +
           '\n';
  }
  return out;
}

std::string compare_report_html(const Model& m, const Comparison& c, const std::vector<Effect>& effects,
                                const EnsembleInfo& info, const std::string& title) {
  EnsembleInfo base = info;
  base.variants.clear();
  nlohmann::json data = report_data(m, c.summary.at(0), base, title);
  data["kind"] = "compare";
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : effects) list.push_back(effect_json(e));
  nlohmann::json arms = nlohmann::json::array();
  for (size_t a = 0; a < c.arms.size(); ++a) {
    nlohmann::json outcomes = nlohmann::json::object();
    for (int o = 0; o < kOutcomeCount; ++o)
      outcomes[outcome_name(static_cast<Outcome>(o))] = interval(c.summary[a].outcome[o], c.summary[a].runs);
    arms.push_back({{"name", c.arms[a]}, {"outcomes", outcomes}});
  }
  data["compare"] = {{"base", c.arms.empty() ? "base" : c.arms[0]},
                     {"variants", compared(c)},
                     {"runs", c.summary.at(0).runs},
                     {"effects", list},
                     {"arms", arms}};
  return render_report_html(report_template(), data);
}

// ---- sweep ------------------------------------------------------------------

namespace {

nlohmann::json grid_point(const Model& m, const SweepPoint& p) {
  const Summary& s = p.summary;
  nlohmann::json outcomes = nlohmann::json::object();
  for (int o = 0; o < kOutcomeCount; ++o)
    outcomes[outcome_name(static_cast<Outcome>(o))] = interval(s.outcome[o], s.runs);
  nlohmann::json at_war = nlohmann::json::object();
  for (int a = 0; a < m.nactor; ++a) at_war[m.actor_id[a]] = interval(s.entered[a], s.runs);
  return {{"values", p.values},
          {"runs", s.runs},
          {"outcomes", outcomes},
          {"at_war", at_war},
          {"duration_p10", s.days.quantile(0.1)},
          {"duration_p50", s.days.quantile(0.5)},
          {"duration_p90", s.days.quantile(0.9)},
          {"military_deaths_p10", s.military_deaths.quantile(0.1)},
          {"military_deaths_p50", s.military_deaths.quantile(0.5)},
          {"military_deaths_p90", s.military_deaths.quantile(0.9)},
          {"civilian_deaths_p50", s.civilian_deaths.quantile(0.5)}};
}

nlohmann::json param_names(const std::vector<SweepParam>& params) {
  nlohmann::json names = nlohmann::json::array();
  for (const auto& p : params) names.push_back(p.path);
  return names;
}

}  // namespace

nlohmann::json sweep_json(const Model& m, const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points,
                          const EnsembleInfo& info) {
  nlohmann::json j;
  j["scenario"] = m.scenario_id;
  j["scenario_file"] = info.scenario_file;
  j["variants"] = info.variants;
  j["seed"] = info.seed;
  j["runs_per_point"] = info.runs;
  j["params"] = param_names(params);
  nlohmann::json specs = nlohmann::json::array();
  for (const auto& p : params) specs.push_back({{"path", p.path}, {"lo", p.lo}, {"hi", p.hi}, {"n", p.n}});
  j["grid_spec"] = specs;
  nlohmann::json grid = nlohmann::json::array();
  for (const auto& p : points) {
    nlohmann::json g = grid_point(m, p);
    g["summary"] = summary_json(m, p.summary, info);
    grid.push_back(g);
  }
  j["grid"] = grid;
  return j;
}

std::string sweep_csv(const Model& m, const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points) {
  std::string out;
  for (const auto& p : params) out += field(p.path) + ',';
  out += "runs";
  for (int o = 0; o < kOutcomeCount; ++o) {
    const std::string name = outcome_name(static_cast<Outcome>(o));
    out += ",p_" + name + ",p_" + name + "_lo,p_" + name + "_hi";
  }
  for (const auto& a : m.actor_id) out += ",p_at_war_" + a;
  out +=
      ",duration_p10,duration_p50,duration_p90,military_deaths_p10,military_deaths_p50,military_deaths_p90,"
      "civilian_deaths_p50\n";
  for (const auto& p : points) {
    const Summary& s = p.summary;
    for (double v : p.values) out += num(v) + ',';
    out += std::to_string(s.runs);
    for (int o = 0; o < kOutcomeCount; ++o) {
      const Interval i = wilson(s.outcome[o], s.runs);
      out += ',' + num(i.p) + ',' + num(i.lo) + ',' + num(i.hi);
    }
    for (int a = 0; a < m.nactor; ++a) out += ',' + num(wilson(s.entered[a], s.runs).p);
    for (double v : {s.days.quantile(0.1), s.days.quantile(0.5), s.days.quantile(0.9), s.military_deaths.quantile(0.1),
                     s.military_deaths.quantile(0.5), s.military_deaths.quantile(0.9), s.civilian_deaths.quantile(0.5)})
      out += ',' + num(v);
    out += '\n';
  }
  return out;
}

std::string sweep_report_html(const Model& m, const std::vector<SweepParam>& params,
                              const std::vector<SweepPoint>& points, const EnsembleInfo& info,
                              const std::string& title) {
  nlohmann::json grid = nlohmann::json::array();
  for (const auto& p : points) grid.push_back(grid_point(m, p));
  nlohmann::json data = {{"kind", "sweep"},
                         {"title", title},
                         {"scenario", m.scenario_id},
                         {"sweep",
                          {{"params", param_names(params)},
                           {"runs_per_point", info.runs},
                           {"seed", info.seed},
                           {"variants", info.variants},
                           {"grid", grid}}}};
  return render_report_html(report_template(), data);
}

// ---- sensitivity --------------------------------------------------------------

namespace {

nlohmann::json morris_data(const Model& m, const MorrisResult& r, bool full) {
  const std::vector<int> outs = varying_outputs(r.acc);
  nlohmann::json outputs = nlohmann::json::array();
  for (int o : outs) outputs.push_back(morris_output_name(m, o));
  nlohmann::json inputs = nlohmann::json::array();
  const int n = r.acc.outputs;
  for (size_t i = 0; i < r.inputs.size(); ++i) {
    nlohmann::json mu = nlohmann::json::array(), mu_star = nlohmann::json::array(), sigma = nlohmann::json::array(),
                   se = nlohmann::json::array(), noise = nlohmann::json::array(), above = nlohmann::json::array();
    for (int o : outs) {
      const MorrisIndex& x = r.indices[i * n + o];
      mu.push_back(x.mu);
      mu_star.push_back(x.mu_star);
      sigma.push_back(x.sigma);
      se.push_back(x.mu_star_se);
      noise.push_back(x.noise_mu_star);
      above.push_back(x.above_noise);
    }
    nlohmann::json in = {{"path", r.inputs[i].path}, {"mu_star", mu_star}, {"sigma", sigma}, {"above_noise", above}};
    if (full) {
      in["distribution"] = dist_json(r.inputs[i].dist);
      in["level_values"] = r.inputs[i].level_values;
      in["mu"] = mu;
      in["mu_star_se"] = se;
      in["noise_mu_star"] = noise;
    }
    inputs.push_back(in);
  }
  return {{"method", "morris"},      {"trajectories", r.design.trajectories}, {"levels", r.design.levels},
          {"delta", r.design.delta}, {"runs_per_point", r.runs_per_point},    {"outputs", outputs},
          {"inputs", inputs}};
}

}  // namespace

nlohmann::json sensitivity_json(const Model& m, const MorrisResult& r, const EnsembleInfo& info) {
  nlohmann::json j = morris_data(m, r, true);
  j["scenario"] = m.scenario_id;
  j["scenario_file"] = info.scenario_file;
  j["variants"] = info.variants;
  j["seed"] = info.seed;
  j["runs"] = r.acc.runs;
  nlohmann::json means = nlohmann::json::object();
  for (int o : varying_outputs(r.acc))
    means[morris_output_name(m, o)] = r.acc.runs ? r.acc.sum[o] / static_cast<double>(r.acc.runs) : 0.0;
  j["output_means"] = means;
  return j;
}

std::string sensitivity_csv(const Model& m, const MorrisResult& r) {
  std::string out = "input,output,mu,mu_star,sigma,mu_star_se,noise_mu_star,above_noise\n";
  const int n = r.acc.outputs;
  for (size_t i = 0; i < r.inputs.size(); ++i)
    for (int o : varying_outputs(r.acc)) {
      const MorrisIndex& x = r.indices[i * n + o];
      out += field(r.inputs[i].path) + ',' + field(morris_output_name(m, o)) + ',' + num(x.mu) + ',' + num(x.mu_star) +
             ',' + num(x.sigma) + ',' + num(x.mu_star_se) + ',' + num(x.noise_mu_star) + ',' +
             (x.above_noise ? "1" : "0") + '\n';
    }
  return out;
}

std::string sensitivity_report_html(const Model& m, const MorrisResult& r, const EnsembleInfo& info,
                                    const std::string& title) {
  nlohmann::json se = morris_data(m, r, false);
  se["seed"] = info.seed;
  se["variants"] = info.variants;
  nlohmann::json data = {{"kind", "sensitivity"}, {"title", title}, {"scenario", m.scenario_id}, {"sensitivity", se}};
  return render_report_html(report_template(), data);
}

}  // namespace statecraft
