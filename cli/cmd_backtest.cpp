#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "analysis/backtest.h"
#include "analysis/history.h"
#include "commands.h"
#include "data/cow.h"
#include "data/theatre.h"
#include "ensemble/ensemble.h"
#include "model/model.h"

namespace statecraft::cli {

namespace {

// the project's calibration on the fitted (pre-1946) wars, written by tools/calibrate_history.py
constexpr const char* kDefaultHistoryCalibration = STATECRAFT_DATA_DIR "/../calibration/history.json";

struct BacktestArgs {
  std::string file;
  std::optional<int64_t> runs;  // default 1000 for a file, 50 with --cow
  uint64_t seed = 1;
  std::vector<std::string> variants;
  std::vector<std::string> sets;
  int threads = 0;
  bool json = false;
  std::string out;
  bool cow = false;
  int from_year = 1816, to_year = 2016;
  std::string calibration = kDefaultHistoryCalibration;
  bool no_calibration = false;
  std::string data_dir = STATECRAFT_DATA_DIR;
};

// The coefficients tools/calibrate_history.py chose on the fitted wars, as
// PATH=VALUE settings; an explicit file that is missing or malformed is bad
// input, the default one may be absent (then nothing is applied).
bool calibration_sets(const BacktestArgs& a, std::vector<std::string>& sets, std::string& used) {
  if (a.no_calibration) return true;
  const bool is_default = a.calibration == kDefaultHistoryCalibration;
  std::ifstream f(a.calibration);
  if (!f) {
    if (is_default) return true;
    std::fprintf(stderr, "statecraft backtest: error: --calibration %s: cannot read the file\n", a.calibration.c_str());
    return false;
  }
  try {
    const nlohmann::json j = nlohmann::json::parse(f);
    for (const auto& [path, value] : j.at("best").items()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", value.get<double>());
      sets.push_back(path + "=" + buf);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr,
                 "statecraft backtest: error: --calibration %s: expected JSON with an object \"best\" of "
                 "PATH: number (%s)\n",
                 a.calibration.c_str(), e.what());
    return false;
  }
  used = std::filesystem::path(a.calibration).lexically_normal().string();
  return true;
}

void run_cow(const BacktestArgs& a, int& exit_code) {
  exit_code = kBadInput;
  if (a.from_year < 1816 || a.to_year > 2016 || a.from_year > a.to_year) {
    std::fprintf(stderr, "statecraft backtest: error: --from %d --to %d: expected 1816 <= from <= to <= 2016\n",
                 a.from_year, a.to_year);
    return;
  }
  if (!a.variants.empty()) {
    std::fprintf(stderr, "statecraft backtest: error: --variant needs a scenario file; --cow builds its own\n");
    return;
  }
  HistoryOptions opt;
  opt.runs = a.runs.value_or(50);
  opt.seed = a.seed;
  opt.threads = a.threads;
  opt.from_year = a.from_year;
  opt.to_year = a.to_year;
  std::string used;
  if (!calibration_sets(a, opt.sets, used)) return;
  opt.sets.insert(opt.sets.end(), a.sets.begin(), a.sets.end());  // the command line wins over the calibration
  CowData cow;
  std::vector<CapitalRow> capitals;
  HistoryRun run;
  try {
    cow = load_cow(a.data_dir + "/cow");
    capitals = load_capitals(a.data_dir + "/capitals");
    run = run_history(cow, capitals, opt);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics) std::fprintf(stderr, "statecraft backtest: error: %s\n", format_diagnostic(d).c_str());
    return;
  }
  if (run.wars.empty()) {
    std::fprintf(stderr, "statecraft backtest: error: --from %d --to %d: no expressible COW war starts in these years\n",
                 a.from_year, a.to_year);
    return;
  }
  const HistoryScores sc = score_cases(run.wars);
  nlohmann::json j = history_json(sc);
  j["runs_per_war"] = opt.runs;
  j["seed"] = opt.seed;
  j["from"] = opt.from_year;
  j["to"] = opt.to_year;
  j["calibration"] = used.empty() ? nlohmann::json(nullptr) : nlohmann::json(used);
  j["sets"] = opt.sets;
  j["seconds"] = run.seconds;
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& s : run.skipped) skipped.push_back({{"war", s.war_num}, {"name", s.name}, {"reason", s.reason}});
  j["skipped"] = skipped;
  j["wars"] = wars_json(run.wars);

  std::string text = "COW inter-state wars " + std::to_string(opt.from_year) + ".." + std::to_string(opt.to_year) +
                     ": " + std::to_string(run.wars.size()) + " run, " + std::to_string(run.skipped.size()) +
                     " skipped; " + std::to_string(opt.runs) + " runs each, seed " + std::to_string(opt.seed) + "\n";
  text += "coefficients: " + (used.empty() ? std::string("scenario defaults") : "calibration " + used);
  for (const auto& s : opt.sets) text += ", " + s;
  text += "\n\n" + history_table(sc);
  if (!run.skipped.empty()) {
    text += "\nskipped wars (the generator cannot express them):\n";
    for (const auto& s : run.skipped)
      text += "  " + std::to_string(s.war_num) + " " + s.name + ": " + s.reason + "\n";
  }
  if (!a.out.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(a.out, ec);
    if (ec || !write_file(a.out + "/backtest-cow.json", j.dump(2) + "\n") ||
        !write_file(a.out + "/backtest-cow.txt", text)) {
      std::fprintf(stderr, "statecraft backtest: error: cannot write into %s\n", a.out.c_str());
      exit_code = kRunFailure;
      return;
    }
  }
  if (a.json)
    std::printf("%s\n", j.dump(2).c_str());
  else
    std::fwrite(text.data(), 1, text.size(), stdout);
  exit_code = kOk;
}

}  // namespace

void add_backtest(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<BacktestArgs>();
  auto* cmd = app.add_subcommand(
      "backtest", "Score an ensemble of a scenario against its history: block, or (--cow) every COW inter-state war");
  cmd->add_option("file", a->file, "Scenario file with a history: block");
  cmd->add_flag("--cow", a->cow, "Backtest on every Correlates of War inter-state war the generator can express");
  cmd->add_option("--from", a->from_year, "--cow: first start year")->capture_default_str();
  cmd->add_option("--to", a->to_year, "--cow: last start year")->capture_default_str();
  cmd->add_option("--calibration", a->calibration, "--cow: coefficients fitted by tools/calibrate_history.py")
      ->capture_default_str();
  cmd->add_flag("--no-calibration", a->no_calibration, "--cow: use the scenario defaults, not the calibration");
  cmd->add_option("--data-dir", a->data_dir, "--cow: directory holding cow/ and capitals/")->capture_default_str();
  cmd->add_option("--runs,-n", a->runs, "Number of runs (per war with --cow; default 1000, with --cow 50)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  cmd->add_option("--seed,-s", a->seed, "Base seed")->capture_default_str();
  cmd->add_option("--variant,-v", a->variants, "Apply a named variant (repeatable, in order)");
  add_set_option(cmd, a->sets);
  cmd->add_option("--threads,-j", a->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--json", a->json, "Print the scores as JSON");
  cmd->add_option("--out,-o", a->out, "Also write runs.csv and summary.json here");
  cmd->callback([a, &exit_code] {
    if (a->cow != a->file.empty()) {
      std::fprintf(stderr, "statecraft backtest: error: give a scenario FILE or --cow, not %s\n",
                   a->cow ? "both" : "neither");
      exit_code = kBadInput;
      return;
    }
    if (a->cow) {
      run_cow(*a, exit_code);
      return;
    }
    Scenario s;
    std::string text;
    if (!load_with_variants(a->file, a->variants, s, &text, a->sets)) {
      exit_code = kBadInput;
      return;
    }
    if (!s.history.present) {
      std::fprintf(stderr, "%s: error: the scenario has no history: block to score against\n", a->file.c_str());
      exit_code = kBadInput;
      return;
    }
    const Model m = compile(s);
    EnsembleOptions opt;
    opt.runs = a->runs.value_or(1000);
    opt.seed = a->seed;
    opt.threads = a->threads;
    opt.quiet = true;
    opt.out_dir = a->out;
    opt.input_hash = fnv1a(text);
    EnsembleResult r;
    try {
      r = run_ensemble(s, m, opt, EnsembleInfo{a->file, a->variants, a->seed, opt.runs});
    } catch (const std::exception& e) {
      std::fprintf(stderr, "statecraft backtest: error: %s\n", e.what());
      exit_code = kRunFailure;
      return;
    }
    if (r.interrupted) {
      exit_code = kRunFailure;
      return;
    }
    const Backtest b = score_history(m, s.history, r.summary);
    if (a->json) {
      nlohmann::json j = backtest_json(b);
      j["scenario"] = m.scenario_id;
      j["runs"] = r.completed;
      j["seed"] = a->seed;
      j["seconds"] = r.seconds;
      std::printf("%s\n", j.dump(2).c_str());
    } else {
      std::printf("%s backtest: %lld runs, seed %llu\n\n%s", m.scenario_id.c_str(), static_cast<long long>(r.completed),
                  static_cast<unsigned long long>(a->seed), backtest_table(b).c_str());
    }
    exit_code = kOk;
  });
}

}  // namespace statecraft::cli
