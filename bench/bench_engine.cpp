// Google Benchmark: for every scenario of the library (scenarios/*.yaml), one
// whole run as an ensemble does it (draws, compile of the drawn model, the
// run, its record) and one step of the step loop in the opening weeks; plus
// taking a record into the aggregates and writing its runs.csv row, the work
// the ensemble's consumer does per run. Results and commands: bench/README.md.
//   build/bench/statecraft_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analysis/summary.h"
#include "engine/engine.h"
#include "ensemble/ensemble.h"
#include "model/model.h"
#include "report/runs_csv.h"
#include "scenario/load.h"

using namespace statecraft;

namespace {

const Scenario& scenario(const std::string& path) {
  static std::map<std::string, Scenario> cache;
  auto it = cache.find(path);
  if (it == cache.end()) it = cache.emplace(path, load_scenario(path)).first;
  return it->second;
}

void WholeRun(benchmark::State& st, const std::string& path) {
  const Scenario& s = scenario(path);
  const Model base = compile(s);
  RunModels rm = make_run_models(s, base);
  RunState world;
  RunRecord record;
  uint64_t i = 0;
  int64_t days = 0;
  for (auto _ : st) {
    const uint64_t seed = run_seed(1, i++);
    const Model& m = model_for_seed(rm, seed);
    run_one(m, seed, world, record);
    days += record.end_day;
    benchmark::DoNotOptimize(record.outcome);
  }
  const double n = static_cast<double>(std::max<int64_t>(1, st.iterations()));
  st.counters["runs/s"] = benchmark::Counter(static_cast<double>(st.iterations()), benchmark::Counter::kIsRate);
  st.counters["days/run"] = static_cast<double>(days) / n;
  st.counters["days/s"] = benchmark::Counter(static_cast<double>(days), benchmark::Counter::kIsRate);
}

// One step of the opening weeks (combat, operations and decisions all busy),
// on a world reset every 60 days or when the run ends.
void Step(benchmark::State& st, const std::string& path) {
  const Model m = compile(scenario(path));
  RunState s = make_world(m);
  RunRngs rng(7);
  start_run(m, s, nullptr);
  for (auto _ : st) {
    if (s.day >= 60 || run_finished(m, s)) {
      st.PauseTiming();
      start_run(m, s, nullptr);
      st.ResumeTiming();
    }
    step(m, s, rng, nullptr);
  }
  st.counters["steps/s"] = benchmark::Counter(static_cast<double>(st.iterations()), benchmark::Counter::kIsRate);
}

// What the ensemble's consumer thread does with every record: the aggregates
// and the runs.csv row. It bounds an ensemble's throughput from above.
void TakeRecord(benchmark::State& st, const std::string& path) {
  const Scenario& s = scenario(path);
  const Model m = compile(s);
  RunState world;
  std::vector<RunRecord> records(16);
  for (size_t k = 0; k < records.size(); ++k) run_one(m, run_seed(1, k), world, records[k]);
  Summary sum = make_summary(m);
  std::string buffer;
  size_t k = 0;
  for (auto _ : st) {
    add_run(m, sum, records[k % records.size()]);
    append_runs_csv_row(m, records[k % records.size()], static_cast<int64_t>(k), buffer);
    if (buffer.size() > (1 << 20)) buffer.clear();
    ++k;
  }
  st.counters["records/s"] = benchmark::Counter(static_cast<double>(st.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(std::string(STATECRAFT_SOURCE_DIR) + "/scenarios"))
    if (e.path().extension() == ".yaml") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    const std::string name = std::filesystem::path(p).stem().string();
    benchmark::RegisterBenchmark(("WholeRun/" + name).c_str(), WholeRun, p)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("Step/" + name).c_str(), Step, p)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("TakeRecord/" + name).c_str(), TakeRecord, p)->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
