#include <cstdio>
#include <memory>

#include "analysis/backtest.h"
#include "commands.h"
#include "ensemble/ensemble.h"
#include "model/model.h"

namespace statecraft::cli {

namespace {
struct BacktestArgs {
  std::string file;
  int64_t runs = 1000;
  uint64_t seed = 1;
  std::vector<std::string> variants;
  std::vector<std::string> sets;
  int threads = 0;
  bool json = false;
  std::string out;
};
}  // namespace

void add_backtest(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<BacktestArgs>();
  auto* cmd = app.add_subcommand("backtest", "Score an ensemble of a scenario against its history: block");
  cmd->add_option("file", a->file, "Scenario file with a history: block")->required();
  cmd->add_option("--runs,-n", a->runs, "Number of runs")->capture_default_str()->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  cmd->add_option("--seed,-s", a->seed, "Base seed")->capture_default_str();
  cmd->add_option("--variant,-v", a->variants, "Apply a named variant (repeatable, in order)");
  add_set_option(cmd, a->sets);
  cmd->add_option("--threads,-j", a->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--json", a->json, "Print the scores as JSON");
  cmd->add_option("--out,-o", a->out, "Also write runs.csv and summary.json here");
  cmd->callback([a, &exit_code] {
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
    opt.runs = a->runs;
    opt.seed = a->seed;
    opt.threads = a->threads;
    opt.quiet = true;
    opt.out_dir = a->out;
    opt.input_hash = fnv1a(text);
    EnsembleResult r;
    try {
      r = run_ensemble(s, m, opt, EnsembleInfo{a->file, a->variants, a->seed, a->runs});
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
