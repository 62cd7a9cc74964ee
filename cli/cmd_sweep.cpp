// `statecraft sweep`: outcomes over a grid of one or two parameters, or
// (--morris) which of the scenario's uncertain inputs drive which outcomes.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.h"
#include "ensemble/compare.h"
#include "ensemble/ensemble.h"
#include "report/what_if.h"
#include "scenario/schema.h"

namespace statecraft::cli {

namespace {

struct SweepArgs {
  std::string file;
  std::vector<std::string> params;
  bool morris = false;
  int trajectories = 10;
  int levels = 4;
  int64_t runs = 100;
  uint64_t seed = 1;
  std::string out = "out/sweep";
  std::vector<std::string> variants;
  int threads = 0;
  bool quiet = false;
  std::vector<std::string> sets;
};

void print_grid(const Model& m, const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points) {
  // outcome classes seen anywhere on the grid
  std::vector<int> seen;
  for (int o = 0; o < kOutcomeCount; ++o)
    for (const auto& p : points)
      if (p.summary.outcome[o]) {
        seen.push_back(o);
        break;
      }
  // a parameter is named by the last three parts of its path ("USA.interests.korea")
  auto label = [](const std::string& path) {
    size_t at = path.size();
    for (int k = 0; k < 3 && at != std::string::npos && at > 0; ++k) at = path.rfind('.', at - 1);
    return at == std::string::npos ? path : path.substr(at + 1);
  };
  std::vector<int> width;
  for (const auto& p : params) width.push_back(std::max(10, static_cast<int>(label(p.path).size())));
  std::printf(" ");
  for (size_t k = 0; k < params.size(); ++k) std::printf(" %*s", width[k], label(params[k].path).c_str());
  for (int o : seen) std::printf(" %18.18s", outcome_name(static_cast<Outcome>(o)));
  std::printf(" %9s %13s\n", "days p50", "mil. deaths p50");
  for (const auto& p : points) {
    std::printf(" ");
    for (size_t k = 0; k < p.values.size(); ++k) std::printf(" %*.6g", width[k], p.values[k]);
    for (int o : seen) {
      const Interval i = wilson(p.summary.outcome[o], p.summary.runs);
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.1f%% [%.0f,%.0f]", 100 * i.p, 100 * i.lo, 100 * i.hi);
      std::printf(" %18s", buf);
    }
    std::printf(" %9.0f %13.0f\n", p.summary.days.quantile(0.5), p.summary.military_deaths.quantile(0.5));
  }
  (void)m;
}

void print_morris(const Model& m, const MorrisResult& r) {
  std::printf(
      "which inputs drive which outputs (mu*: mean absolute effect of moving an input across its range;\n"
      "'~' marks effects not above what run-to-run noise alone gives):\n");
  const int n = r.acc.outputs;
  for (int o : varying_outputs(r.acc)) {
    std::vector<size_t> order(r.inputs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t x, size_t y) { return r.indices[x * n + o].mu_star > r.indices[y * n + o].mu_star; });
    const std::string name = morris_output_name(m, o);
    const bool prob = name.rfind("P(", 0) == 0;
    std::printf("  %-28s", name.c_str());
    int shown = 0;
    for (size_t i : order) {
      if (shown == 4) break;
      const MorrisIndex& x = r.indices[i * n + o];
      if (x.mu_star <= 0) break;
      const std::string& path = r.inputs[i].path;
      if (prob) std::printf("  %s %.3f%s", path.c_str(), x.mu_star, x.above_noise ? "" : "~");
      else std::printf("  %s %.3g%s", path.c_str(), x.mu_star, x.above_noise ? "" : "~");
      ++shown;
    }
    if (!shown) std::printf("  (no input moves it)");
    std::printf("\n");
  }
}

}  // namespace

void add_sweep(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<SweepArgs>();
  auto* cmd = app.add_subcommand(
      "sweep",
      "Outcomes over a grid of one or two parameters (--param), or Morris screening of the uncertain inputs "
      "(--morris)");
  cmd->add_option("file", a->file, "Scenario file")->required();
  auto* param = cmd->add_option("--param,-p", a->params,
                                "PATH=lo:hi:n: n values from lo to hi (once or twice); PATH as in --set, e.g. "
                                "actors.CHN.interests.korea=0:1:6");
  auto* morris =
      cmd->add_flag("--morris", a->morris, "Morris elementary-effects screening over the scenario's uncertain: inputs");
  param->excludes(morris);
  cmd->add_option("--trajectories", a->trajectories, "Morris trajectories")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000));
  cmd->add_option("--levels", a->levels, "Morris grid levels (even)")->capture_default_str()->check(CLI::Range(2, 20));
  cmd->add_option("--runs,-n", a->runs, "Runs at each grid or design point")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{2}, int64_t{1} << 32));
  cmd->add_option("--seed,-s", a->seed, "Base seed")->capture_default_str();
  cmd->add_option("--out,-o", a->out, "Output directory")->capture_default_str();
  cmd->add_option("--variant,-v", a->variants, "Apply a named variant first (repeatable, in order)");
  cmd->add_option("--threads,-j", a->threads, "Worker threads (0: all cores)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--quiet,-q", a->quiet, "No progress bar");
  add_set_option(cmd, a->sets);
  cmd->callback([a, &exit_code] {
    if (a->params.empty() && !a->morris) {
      std::fprintf(stderr, "statecraft sweep: error: give --param PATH=lo:hi:n (once or twice) or --morris\n");
      exit_code = kBadInput;
      return;
    }
    if (a->levels % 2) {
      std::fprintf(stderr, "--levels %d: error: the number of levels must be even\n", a->levels);
      exit_code = kBadInput;
      return;
    }
    Scenario s;
    if (!load_with_variants(a->file, a->variants, s, nullptr, a->sets)) {
      exit_code = kBadInput;
      return;
    }
    const BatchOptions opt{a->runs, a->seed, a->threads, a->quiet};
    const EnsembleInfo info{a->file, a->variants, a->seed, a->runs};
    BatchStatus st;
    try {
      if (a->morris) {
        if (morris_inputs(s, a->levels).empty()) {
          std::fprintf(stderr,
                       "%s: error: no uncertain inputs to screen (the scenario's uncertain: block is empty, or "
                       "variants and --set fix every entry)\n",
                       a->file.c_str());
          exit_code = kBadInput;
          return;
        }
        std::filesystem::create_directories(a->out);
        const MorrisOptions mo{a->trajectories, a->levels};
        const MorrisResult r = run_morris(s, mo, opt, st);
        if (st.interrupted) {
          std::fprintf(stderr, "interrupted; nothing written\n");
          exit_code = kRunFailure;
          return;
        }
        const Model m = compile(s);
        write_file_atomic(a->out + "/sensitivity.json", sensitivity_json(m, r, info).dump(2) + "\n");
        write_file_atomic(a->out + "/sensitivity.csv", sensitivity_csv(m, r));
        write_file_atomic(a->out + "/report.html", sensitivity_report_html(m, r, info, s.info.title));
        std::printf(
            "Morris screening of %zu inputs: %d trajectories x %zu points x %lld runs = %lld runs in %.2f s "
            "(%.0f runs/s); wrote %s/: sensitivity.json sensitivity.csv report.html\n",
            r.inputs.size(), a->trajectories, r.inputs.size() + 1, static_cast<long long>(a->runs),
            static_cast<long long>(st.runs_done), st.seconds,
            static_cast<double>(st.runs_done) / std::max(1e-9, st.seconds), a->out.c_str());
        print_morris(m, r);
      } else {
        std::vector<SweepParam> params;
        for (const auto& text : a->params) {
          SweepParam p;
          const std::string err = parse_sweep_param(text, p);
          if (!err.empty()) {
            std::fprintf(stderr, "--param %s: error: %s\n", text.c_str(), err.c_str());
            exit_code = kBadInput;
            return;
          }
          params.push_back(p);
        }
        std::vector<Scenario> grid;
        std::vector<std::vector<double>> values;
        const std::string err = sweep_grid(s, params, grid, values);
        if (!err.empty()) {
          std::fprintf(stderr, "statecraft sweep: error: %s\n", err.c_str());
          exit_code = kBadInput;
          return;
        }
        std::filesystem::create_directories(a->out);
        const std::vector<SweepPoint> points = run_sweep(grid, values, opt, st);
        if (st.interrupted) {
          std::fprintf(stderr, "interrupted; nothing written\n");
          exit_code = kRunFailure;
          return;
        }
        const Model m = compile(s);
        write_file_atomic(a->out + "/sweep.json", sweep_json(m, params, points, info).dump(2) + "\n");
        write_file_atomic(a->out + "/sweep.csv", sweep_csv(m, params, points));
        write_file_atomic(a->out + "/report.html", sweep_report_html(m, params, points, info, s.info.title));
        std::printf(
            "%zu grid points x %lld runs = %lld runs in %.2f s (%.0f runs/s); wrote %s/: sweep.json sweep.csv "
            "report.html\n",
            points.size(), static_cast<long long>(a->runs), static_cast<long long>(st.runs_done), st.seconds,
            static_cast<double>(st.runs_done) / std::max(1e-9, st.seconds), a->out.c_str());
        print_grid(m, params, points);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "statecraft sweep: error: %s\n", e.what());
      exit_code = kRunFailure;
      return;
    }
    exit_code = kOk;
  });
}

}  // namespace statecraft::cli
