#include <cmath>
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "engine/engine.h"
#include "ensemble/ensemble.h"
#include "model/model.h"

namespace statecraft::cli {

namespace {

struct ExplainArgs {
  std::string file;
  uint64_t seed = 1;
  std::vector<std::string> variants;
  bool json = false;
  bool battles = false;
  std::string focus;
  std::vector<std::string> sets;
};

std::string date_of(const Model& m, int32_t day) { return format_date(Date{m.start_day + day}); }

std::string thousands(double v) {
  const auto n = static_cast<long long>(std::llround(v));
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

nlohmann::json trace_json(const Model& m, const Trace& t, const RunRecord& r) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : t.entries) {
    nlohmann::json j{{"date", date_of(m, e.day)}, {"day", e.day}, {"kind", e.kind}, {"actor", e.actor}, {"text", e.text}};
    nlohmann::json terms = nlohmann::json::array();
    for (const auto& term : e.terms) terms.push_back({{"name", term.name}, {"value", term.value}, {"why", term.why}});
    j["terms"] = terms;
    if (!e.options.empty()) {
      nlohmann::json options = nlohmann::json::array();
      for (const auto& o : e.options) {
        nlohmann::json oterms = nlohmann::json::array();
        for (const auto& term : o.terms) oterms.push_back({{"name", term.name}, {"value", term.value}, {"why", term.why}});
        options.push_back({{"option", o.name}, {"score", o.score}, {"terms", oterms}});
      }
      j["options"] = options;
    }
    entries.push_back(j);
  }
  nlohmann::json deaths = nlohmann::json::object();
  for (int a = 0; a < m.nactor; ++a)
    if (r.killed[a] > 0) deaths[m.actor_id[a]] = r.killed[a];
  nlohmann::json control = nlohmann::json::object();
  for (int g = 0; g < m.nregion; ++g) control[m.region_id[g]] = m.actor_id[r.final_control[g]];
  return {{"scenario", m.scenario_id},
          {"seed", r.seed},
          {"outcome", outcome_name(r.outcome)},
          {"end_date", date_of(m, r.end_day)},
          {"days", r.end_day},
          {"military_deaths", deaths},
          {"civilian_deaths", r.civilian_deaths},
          {"displaced", r.displaced},
          {"final_control", control},
          {"narrative", entries}};
}

}  // namespace

void add_explain(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<ExplainArgs>();
  auto* cmd = app.add_subcommand("explain", "Replay one run and print its dated narrative with the reasons for each decision");
  cmd->add_option("file", a->file, "Scenario file")->required();
  cmd->add_option("--seed,-s", a->seed, "The run's seed (the seed column of runs.csv)")->capture_default_str();
  cmd->add_option("--variant,-v", a->variants, "Apply a named variant (repeatable, in order)");
  cmd->add_flag("--json", a->json, "Print the narrative as JSON");
  add_set_option(cmd, a->sets);
  cmd->add_flag("--battles", a->battles, "Include weekly battle reports");
  cmd->add_option("--focus", a->focus, "Also show every decision round of this actor, including weeks it changed nothing");
  cmd->callback([a, &exit_code] {
    Scenario s;
    if (!load_with_variants(a->file, a->variants, s, nullptr, a->sets)) {
      exit_code = kBadInput;
      return;
    }
    const Model base = compile(s);
    RunModels rm = make_run_models(s, base);
    const Model& m = model_for_seed(rm, a->seed);
    RunState state;
    RunRecord record;
    Trace trace;
    trace.focus_actor = a->focus;
    run_one(m, a->seed, state, record, &trace);
    if (a->json) {
      std::printf("%s\n", trace_json(m, trace, record).dump(2).c_str());
      exit_code = kOk;
      return;
    }
    std::printf("%s, seed %llu%s\n", m.scenario_id.c_str(), static_cast<unsigned long long>(a->seed),
                s.applied_variants.empty() ? "" : (", variants: " + [&] {
                  std::string v;
                  for (const auto& n : s.applied_variants) v += (v.empty() ? "" : " ") + n;
                  return v;
                }()).c_str());
    for (const auto& e : trace.entries) {
      if (e.kind == "battle" && !a->battles) continue;
      std::printf("%s  %-12s %s\n", date_of(m, e.day).c_str(), e.kind.c_str(), e.text.c_str());
      for (const auto& o : e.options) {
        std::printf("%14s option %-28s score %+.3f", "", o.name.c_str(), o.score);
        if (!a->focus.empty() && e.actor == a->focus)
          for (const auto& t : o.terms)
            if (t.value != 0) std::printf("  %s %+.2f", t.name.c_str(), t.value);
        std::printf("\n");
      }
      for (const auto& t : e.terms)
        std::printf("%14s   %-30s %+.3f%s%s\n", "", t.name.c_str(), t.value, t.why.empty() ? "" : "  ", t.why.c_str());
    }
    std::printf("\noutcome: %s on %s after %d days\n", outcome_name(record.outcome), date_of(m, record.end_day).c_str(),
                record.end_day);
    std::printf("military deaths:");
    for (int i = 0; i < m.nactor; ++i)
      if (record.killed[i] >= 1) std::printf(" %s %s", m.actor_id[i].c_str(), thousands(record.killed[i]).c_str());
    std::printf("\ncivilian deaths: %s, displaced: %s\n", thousands(record.civilian_deaths).c_str(),
                thousands(record.displaced).c_str());
    exit_code = kOk;
  });
}

}  // namespace statecraft::cli
