// `statecraft compare`: the base scenario and each variant on common random
// numbers, with the effect of every variant on every outcome and its interval.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>

#include "commands.h"
#include "ensemble/compare.h"
#include "ensemble/ensemble.h"
#include "report/what_if.h"

namespace statecraft::cli {

namespace {

struct CompareArgs {
  std::string file;
  std::vector<std::string> variants;
  int64_t runs = 1000;
  uint64_t seed = 1;
  std::string out = "out/compare";
  int threads = 0;
  bool quiet = false;
  int bootstrap = kBootstrapReplicates;
  std::vector<std::string> sets;
};

std::vector<std::string> split_plus(const std::string& v) {
  std::vector<std::string> out;
  size_t at = 0;
  for (;;) {
    const size_t plus = v.find('+', at);
    out.push_back(v.substr(at, plus - at));
    if (plus == std::string::npos) return out;
    at = plus + 1;
  }
}

bool is_prob(const std::string& metric) { return metric.rfind("P(", 0) == 0; }

std::string cell(const std::string& metric, double v, bool signed_) {
  if (!std::isfinite(v)) return "-";
  char buf[48];
  if (is_prob(metric)) std::snprintf(buf, sizeof buf, signed_ ? "%+.1f" : "%.1f%%", 100 * v);
  else if (metric.find("_pct") != std::string::npos) std::snprintf(buf, sizeof buf, signed_ ? "%+.2f" : "%.2f%%", v);
  else if (std::fabs(v) >= 1e6) std::snprintf(buf, sizeof buf, signed_ ? "%+.3gM" : "%.3gM", v / 1e6);
  else std::snprintf(buf, sizeof buf, signed_ ? "%+.0f" : "%.0f", v);
  return buf;
}

std::string p_text(double p) {
  if (!std::isfinite(p)) return "-";
  char buf[16];
  if (p < 0.001) return "<0.001";
  std::snprintf(buf, sizeof buf, "%.3f", p);
  return buf;
}

}  // namespace

void add_compare(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<CompareArgs>();
  auto* cmd = app.add_subcommand(
      "compare", "Run the base scenario and each variant on the same seeds; report each variant's effects");
  cmd->add_option("file", a->file, "Scenario file")->required();
  cmd->add_option("--variant,-v", a->variants, "A variant to compare with the base (repeatable); A+B applies both")
      ->required();
  cmd->add_option("--runs,-n", a->runs, "Runs of each arm")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{2}, int64_t{1} << 40));
  cmd->add_option("--seed,-s", a->seed, "Base seed; run i of every arm uses the seed derived from (seed, i)")
      ->capture_default_str();
  cmd->add_option("--out,-o", a->out, "Output directory")->capture_default_str();
  cmd->add_option("--threads,-j", a->threads, "Worker threads (0: all cores)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--bootstrap", a->bootstrap, "Poisson bootstrap replicates for quantile shifts (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 2000));
  cmd->add_flag("--quiet,-q", a->quiet, "No progress bar");
  add_set_option(cmd, a->sets);
  cmd->callback([a, &exit_code] {
    // the base and every arm, each with the overrides applied after its variants (as `run` does)
    std::vector<Scenario> arms(1);
    std::vector<std::string> names{"base"};
    if (!load_with_variants(a->file, {}, arms[0], nullptr, a->sets)) {
      exit_code = kBadInput;
      return;
    }
    std::set<std::string> seen;
    for (const auto& v : a->variants) {
      if (!seen.insert(v).second) {
        std::fprintf(stderr, "--variant %s: error: given twice\n", v.c_str());
        exit_code = kBadInput;
        return;
      }
      Scenario s;
      if (!load_with_variants(a->file, split_plus(v), s, nullptr, a->sets)) {
        exit_code = kBadInput;
        return;
      }
      arms.push_back(std::move(s));
      names.push_back(v);
    }
    BatchOptions opt{a->runs, a->seed, a->threads, a->quiet};
    BatchStatus st;
    Comparison c;
    Model m;
    std::vector<Effect> effects;
    const EnsembleInfo info{a->file, a->variants, a->seed, a->runs};
    try {
      std::filesystem::create_directories(a->out);
      c = run_compare(arms, names, opt, a->bootstrap, st);
      if (st.interrupted) {
        std::fprintf(stderr, "interrupted after %lld of %lld runs of each arm; nothing written\n",
                     static_cast<long long>(st.completed), static_cast<long long>(a->runs));
        exit_code = kRunFailure;
        return;
      }
      m = compile(arms[0]);
      effects = comparison_effects(m, c);
      write_file_atomic(a->out + "/compare.json", compare_json(m, c, effects, info).dump(2) + "\n");
      write_file_atomic(a->out + "/compare.csv", compare_csv(effects));
      write_file_atomic(a->out + "/report.html", compare_report_html(m, c, effects, info, arms[0].info.title));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "statecraft compare: error: %s\n", e.what());
      exit_code = kRunFailure;
      return;
    }
    std::printf(
        "%lld runs of each of %zu arms in %.2f s (%.0f runs/s); wrote %s/: compare.json compare.csv report.html\n",
        static_cast<long long>(st.completed), arms.size(), st.seconds,
        static_cast<double>(st.runs_done) / std::max(1e-9, st.seconds), a->out.c_str());
    std::printf(
        "effects: variant minus base on the same seeds, 95%% intervals; probabilities in %%, differences in "
        "percentage points\n");
    std::printf("  %-22s %-28s %9s %9s %9s %22s %8s\n", "variant", "metric", "base", "variant", "diff", "95% interval",
                "p");
    for (const auto& e : effects) {
      const std::string iv = std::isfinite(e.e.lo) && std::isfinite(e.e.hi)
                                 ? "[" + cell(e.metric, e.e.lo, true) + ", " + cell(e.metric, e.e.hi, true) + "]"
                                 : "-";
      std::printf("  %-22s %-28s %9s %9s %9s %22s %8s\n", e.variant.c_str(), e.metric.c_str(),
                  cell(e.metric, e.e.base, false).c_str(), cell(e.metric, e.e.value, false).c_str(),
                  cell(e.metric, e.e.diff, true).c_str(), iv.c_str(), p_text(e.e.p_value).c_str());
    }
    exit_code = kOk;
  });
}

}  // namespace statecraft::cli
