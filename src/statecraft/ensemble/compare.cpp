#include "ensemble/compare.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "ensemble/ensemble.h"
#include "ensemble/ordered.h"
#include "scenario/load.h"
#include "scenario/schema.h"

namespace statecraft {

namespace {

// Shows progress on a terminal and measures time; polled by the consumer.
struct Meter {
  std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now(), last = t0;
  bool show = false;
  int64_t total = 0;
  void tick(int64_t done) {
    if (!show) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::milliseconds(200)) return;
    last = now;
    print_progress(done, total, std::chrono::duration<double>(now - t0).count(), false);
  }
  double finish(int64_t done) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (show) print_progress(done, total, s, true);
    return s;
  }
};

Meter meter(const BatchOptions& opt, int64_t total) {
  Meter m;
  m.show = !opt.quiet && isatty(STDERR_FILENO);
  m.total = total;
  return m;
}

bool interrupted() { return interrupt_requested().load(); }

}  // namespace

// ---- compare ----------------------------------------------------------------

Comparison run_compare(const std::vector<Scenario>& arms, const std::vector<std::string>& names,
                       const BatchOptions& opt, int replicates, BatchStatus& status) {
  if (arms.empty() || arms.size() != names.size()) throw std::invalid_argument("run_compare: arms and names differ");
  std::vector<Model> models;
  models.reserve(arms.size());
  for (const auto& s : arms) models.push_back(models.empty() ? compile(s) : compile(s, models[0]));
  Comparison c = make_comparison(models[0], names, replicates);
  const size_t narm = arms.size();
  Meter mt = meter(opt, opt.runs);
  auto make_work = [&] {
    struct Work {
      const std::vector<Scenario>* arms;
      const std::vector<Model>* models;
      uint64_t seed;
      std::vector<RunModels> rm;
      RunState state;
      void operator()(int64_t i, std::vector<RunRecord>& out) {
        if (rm.empty())
          for (size_t a = 0; a < arms->size(); ++a) rm.push_back(make_run_models((*arms)[a], (*models)[a]));
        out.resize(arms->size());
        const uint64_t s = run_seed(seed, static_cast<uint64_t>(i));
        for (size_t a = 0; a < rm.size(); ++a) run_one(model_for_seed(rm[a], s), s, state, out[a]);
      }
    };
    return Work{&arms, &models, opt.seed, {}, {}};
  };
  // every slot holds a record per arm; fewer slots keep the window small
  const int64_t window = std::max<int64_t>(16, 128 / static_cast<int64_t>(narm));
  status.total = opt.runs;
  status.completed = run_ordered<std::vector<RunRecord>>(
      0, opt.runs, opt.threads, window, make_work,
      [&](int64_t i, std::vector<RunRecord>& recs) {
        add_paired_runs(models[0], c, recs.data());
        mt.tick(i + 1);
      },
      interrupted);
  status.interrupted = status.completed < opt.runs;
  status.runs_done = status.completed * static_cast<int64_t>(narm);
  status.seconds = mt.finish(status.completed);
  return c;
}

// ---- sweep ------------------------------------------------------------------

std::string parse_sweep_param(const std::string& text, SweepParam& out) {
  const auto eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0) return "expected PATH=lo:hi:n, e.g. actors.CHN.interests.korea=0:1:5";
  out.path = text.substr(0, eq);
  const std::string spec = text.substr(eq + 1);
  const auto c1 = spec.find(':'), c2 = c1 == std::string::npos ? c1 : spec.find(':', c1 + 1);
  if (c2 == std::string::npos || spec.find(':', c2 + 1) != std::string::npos)
    return "expected lo:hi:n after '=', got '" + spec + "'";
  auto number = [](const std::string& s, double& v) {
    const char* end = s.data() + s.size();
    auto r = std::from_chars(s.data(), end, v);
    return !s.empty() && r.ec == std::errc() && r.ptr == end && std::isfinite(v);
  };
  double n = 0;
  if (!number(spec.substr(0, c1), out.lo)) return "lo '" + spec.substr(0, c1) + "' is not a number";
  if (!number(spec.substr(c1 + 1, c2 - c1 - 1), out.hi))
    return "hi '" + spec.substr(c1 + 1, c2 - c1 - 1) + "' is not a number";
  if (!number(spec.substr(c2 + 1), n) || n != std::floor(n) || n < 2 || n > 1000)
    return "n '" + spec.substr(c2 + 1) + "' is not a whole number of points from 2 to 1000";
  if (!(out.hi > out.lo)) return "hi must be greater than lo";
  out.n = static_cast<int>(n);
  return {};
}

std::string sweep_grid(const Scenario& base, const std::vector<SweepParam>& params, std::vector<Scenario>& scenarios,
                       std::vector<std::vector<double>>& values) {
  scenarios.clear();
  values.clear();
  if (params.empty() || params.size() > 2) return "a sweep takes one or two --param";
  if (params.size() == 2 && params[0].path == params[1].path) return "the two --param name the same path";
  const int n1 = params[0].n, n2 = params.size() > 1 ? params[1].n : 1;
  if (static_cast<int64_t>(n1) * n2 > 10000) return "the grid has more than 10000 points";
  auto at = [](const SweepParam& p, int j) { return p.lo + (p.hi - p.lo) * j / (p.n - 1); };
  for (int a = 0; a < n1; ++a)
    for (int b = 0; b < n2; ++b) {
      Scenario s = base;
      std::vector<double> v;
      for (size_t k = 0; k < params.size(); ++k) {
        const double x = at(params[k], k == 0 ? a : b);
        const std::string err = set_field(s, params[k].path, schema::format_number(x));
        if (!err.empty()) return "--param " + params[k].path + " at " + schema::format_number(x) + ": " + err;
        v.push_back(x);
      }
      const auto problems = check_scenario(s);
      if (!problems.empty())
        return "--param at " + schema::format_number(v[0]) + (v.size() > 1 ? ", " + schema::format_number(v[1]) : "") +
               ": " + format_diagnostic(problems[0]);
      scenarios.push_back(std::move(s));
      values.push_back(std::move(v));
    }
  return {};
}

std::vector<SweepPoint> run_sweep(const std::vector<Scenario>& scenarios,
                                  const std::vector<std::vector<double>>& values, const BatchOptions& opt,
                                  BatchStatus& status) {
  std::vector<Model> models;
  models.reserve(scenarios.size());
  for (const auto& s : scenarios) models.push_back(models.empty() ? compile(s) : compile(s, models[0]));
  std::vector<SweepPoint> points(scenarios.size());
  for (size_t p = 0; p < points.size(); ++p) {
    points[p].values = values[p];
    points[p].summary = make_summary(models[p]);
    // a grid of points would hold a full set of weekly bands each; summary.json needs none
    points[p].summary.series = SeriesBands{};
    points[p].summary.snapshots.clear();
  }
  const int64_t per = opt.runs, total = per * static_cast<int64_t>(scenarios.size());
  Meter mt = meter(opt, total);
  auto make_work = [&] {
    struct Work {
      const std::vector<Scenario>* scenarios;
      const std::vector<Model>* models;
      uint64_t seed;
      int64_t per;
      int64_t point = -1;
      RunModels rm;
      RunState state;
      void operator()(int64_t i, RunRecord& out) {
        const int64_t p = i / per;
        if (p != point) {
          rm = make_run_models((*scenarios)[p], (*models)[p]);
          point = p;
        }
        const uint64_t s = run_seed(seed, static_cast<uint64_t>(i % per));
        run_one(model_for_seed(rm, s), s, state, out);
      }
    };
    return Work{&scenarios, &models, opt.seed, per, -1, {}, {}};
  };
  status.total = total;
  status.completed = run_ordered<RunRecord>(
      0, total, opt.threads, 256, make_work,
      [&](int64_t i, RunRecord& r) {
        const auto p = static_cast<size_t>(i / per);
        add_run(models[p], points[p].summary, r);
        mt.tick(i + 1);
      },
      interrupted);
  status.interrupted = status.completed < total;
  status.runs_done = status.completed;
  status.seconds = mt.finish(status.completed);
  return points;
}

// ---- Morris screening ---------------------------------------------------------

namespace {

// Sets every input of `s` to its value at unit coordinates `x` (one per
// input) the way a draw would (clip, then the field's valid range), and
// fixes them so that the runs draw nothing.
void set_point(Scenario& s, const std::vector<size_t>& which, const std::vector<MorrisInput>& inputs, const double* x) {
  for (size_t i = 0; i < which.size(); ++i) {
    Distribution one;
    one.kind = Distribution::Kind::choice;
    one.args = {morris_value(inputs[i].dist, x[i])};
    s.uncertain[which[i]].dist = one;
  }
  Rng unused(0);
  draw_uncertain(s, unused);
  for (const auto& in : inputs) s.fixed_paths.push_back(in.path);
}

std::vector<size_t> input_entries(const Scenario& s) {
  std::vector<size_t> out;
  for (size_t u = 0; u < s.uncertain.size(); ++u)
    if (std::find(s.fixed_paths.begin(), s.fixed_paths.end(), s.uncertain[u].path) == s.fixed_paths.end())
      out.push_back(u);
  return out;
}

}  // namespace

std::vector<MorrisInput> morris_inputs(const Scenario& s, int levels) {
  std::vector<MorrisInput> inputs;
  const std::vector<size_t> which = input_entries(s);
  for (size_t u : which) inputs.push_back({s.uncertain[u].path, s.uncertain[u].dist, {}});
  // the values the grid's levels stand for, as the runs will see them
  for (int l = 0; l < levels && !inputs.empty(); ++l) {
    Scenario t = s;
    const std::vector<double> x(inputs.size(), static_cast<double>(l) / (levels - 1));
    set_point(t, which, inputs, x.data());
    for (auto& in : inputs) {
      std::string err;
      const double* v = numeric_field(t, in.path, err);
      in.level_values.push_back(v ? *v : std::nan(""));
    }
  }
  return inputs;
}

MorrisResult run_morris(const Scenario& s, const MorrisOptions& mo, const BatchOptions& opt, BatchStatus& status) {
  MorrisResult res;
  res.inputs = morris_inputs(s, mo.levels);
  if (res.inputs.empty()) throw std::invalid_argument("the scenario has no uncertain inputs to screen");
  const std::vector<size_t> which = input_entries(s);
  const int k = static_cast<int>(res.inputs.size());
  res.design = morris_design(k, mo.trajectories, mo.levels, opt.seed);
  const Model base = compile(s);
  const int nout = morris_output_count(base);
  res.acc = make_morris_accumulator(res.design, nout);
  const int64_t per = opt.runs, total = per * mo.trajectories;
  Meter mt = meter(opt, total);
  auto make_work = [&] {
    struct Work {
      const Scenario* s;
      const Model* base;
      const MorrisResult* res;
      const std::vector<size_t>* which;
      uint64_t seed;
      int64_t per;
      int nout;
      int trajectory = -1;
      std::vector<Model> models;  // (inputs + 1) the points of the current trajectory
      RunState state;
      RunRecord record;
      void operator()(int64_t i, std::vector<double>& out) {
        const int t = static_cast<int>(i / per);
        const int k = res->design.inputs;
        if (t != trajectory) {
          models.clear();
          for (int p = 0; p <= k; ++p) {
            Scenario point = *s;
            set_point(point, *which, res->inputs, res->design.point(t, p));
            models.push_back(compile(point, *base));
          }
          trajectory = t;
        }
        out.resize(static_cast<size_t>(k + 1) * nout);
        // every point of a trajectory runs on the same seed
        const uint64_t sd = run_seed(seed, static_cast<uint64_t>(i));
        for (int p = 0; p <= k; ++p) {
          run_one(models[p], sd, state, record);
          morris_outputs(models[p], record, out.data() + static_cast<size_t>(p) * nout);
        }
      }
    };
    return Work{&s, &base, &res, &which, opt.seed, per, nout, -1, {}, {}, {}};
  };
  status.total = total;
  status.completed = run_ordered<std::vector<double>>(
      0, total, opt.threads, 64, make_work,
      [&](int64_t i, std::vector<double>& y) {
        add_trajectory_runs(res.acc, static_cast<int>(i / per), y.data());
        mt.tick(i + 1);
      },
      interrupted);
  status.interrupted = status.completed < total;
  status.runs_done = status.completed * (k + 1);
  res.runs_per_point = status.interrupted ? 0 : per;
  status.seconds = mt.finish(status.completed);
  res.indices = morris_indices(res.design, res.acc);
  return res;
}

}  // namespace statecraft
