#include <cstdio>
#include <memory>

#include "commands.h"
#include "ensemble/cluster.h"
#include "ensemble/ensemble.h"
#include "model/model.h"

namespace statecraft::cli {

namespace {
struct RunArgs {
  std::string file;
  int64_t runs = 1000;
  uint64_t seed = 1;
  std::string out = "out";
  std::vector<std::string> variants;
  int threads = 0;
  bool quiet = false;
  bool resume = false;
  std::vector<std::string> sets;
};
}  // namespace

void add_run(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<RunArgs>();
  auto* cmd = app.add_subcommand("run", "Run an ensemble of a scenario; write runs.csv and summary.json");
  cmd->add_option("file", a->file, "Scenario file")->required();
  cmd->add_option("--runs,-n", a->runs, "Number of runs")->capture_default_str()->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  cmd->add_option("--seed,-s", a->seed, "Base seed; run i uses a seed derived from (seed, i)")->capture_default_str();
  cmd->add_option("--out,-o", a->out, "Output directory")->capture_default_str();
  cmd->add_option("--variant,-v", a->variants, "Apply a named variant (repeatable, in order)");
  cmd->add_option("--threads,-j", a->threads, "Worker threads (0: all cores)")->capture_default_str()->check(CLI::Range(0, 1024));
  cmd->add_flag("--quiet,-q", a->quiet, "No progress bar");
  cmd->add_flag("--resume", a->resume, "Continue an interrupted ensemble in --out");
  add_set_option(cmd, a->sets);
  cmd->callback([a, &exit_code] {
    Scenario s;
    std::string text;
    if (!load_with_variants(a->file, a->variants, s, &text, a->sets)) {
      exit_code = kBadInput;
      return;
    }
    const Model m = compile(s);
    EnsembleOptions opt;
    opt.runs = a->runs;
    opt.seed = a->seed;
    opt.threads = a->threads;
    opt.out_dir = a->out;
    opt.quiet = a->quiet;
    opt.resume = a->resume;
    uint64_t h = fnv1a(text);
    for (const auto& v : a->variants) h = fnv1a(v, fnv1a("\n", h));
    opt.input_hash = h;
    EnsembleInfo info{a->file, a->variants, a->seed, a->runs};
    EnsembleResult r;
    try {
      r = run_ensemble(s, m, opt, info);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "statecraft run: error: %s\n", e.what());
      exit_code = kRunFailure;
      return;
    }
    // under mpirun, rank 0 reports and writes; the others only computed
    if (cluster().rank != 0) {
      exit_code = kOk;
      return;
    }
    if (r.interrupted) {
      std::fprintf(stderr, "interrupted after %lld of %lld runs; continue with: statecraft run %s --resume --out %s ...\n",
                   static_cast<long long>(r.completed), static_cast<long long>(a->runs), a->file.c_str(), a->out.c_str());
      exit_code = kRunFailure;
      return;
    }
    std::printf("%lld runs in %.2f s (%.0f runs/s); wrote %s/: runs.csv summary.json series.csv report.html\n",
                static_cast<long long>(r.completed), r.seconds, static_cast<double>(r.completed) / std::max(1e-9, r.seconds),
                a->out.c_str());
    const Summary& sum = r.summary;
    for (int o = 0; o < kOutcomeCount; ++o) {
      if (!sum.outcome[o]) continue;
      const Interval iv = wilson(sum.outcome[o], sum.runs);
      std::printf("  %-18s %5.1f%%  [%4.1f, %4.1f]\n", outcome_name(static_cast<Outcome>(o)), 100 * iv.p, 100 * iv.lo,
                  100 * iv.hi);
    }
    std::printf("  duration (days)    p10 %.0f  p50 %.0f  p90 %.0f\n", sum.days.quantile(0.1), sum.days.quantile(0.5),
                sum.days.quantile(0.9));
    std::printf("  military deaths    p10 %.0f  p50 %.0f  p90 %.0f\n", sum.military_deaths.quantile(0.1),
                sum.military_deaths.quantile(0.5), sum.military_deaths.quantile(0.9));
    exit_code = kOk;
  });
}

}  // namespace statecraft::cli
