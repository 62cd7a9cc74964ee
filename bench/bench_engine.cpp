// Google Benchmark: the step loop and whole runs of each library scenario.
//   build/bench/statecraft_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "engine/engine.h"
#include "ensemble/ensemble.h"
#include "model/model.h"
#include "scenario/load.h"

using namespace statecraft;

namespace {

const Scenario& scenario(const std::string& name) {
  static std::map<std::string, Scenario> cache;
  auto it = cache.find(name);
  if (it == cache.end())
    it = cache.emplace(name, load_scenario(std::string(STATECRAFT_SOURCE_DIR) + "/scenarios/" + name + ".yaml")).first;
  return it->second;
}

// One whole run (draws, compile of the drawn model, the run, its record), as an ensemble does it.
void WholeRun(benchmark::State& st, const char* name) {
  const Scenario& s = scenario(name);
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
  st.counters["runs/s"] = benchmark::Counter(static_cast<double>(st.iterations()), benchmark::Counter::kIsRate);
  st.counters["days/run"] = static_cast<double>(days) / static_cast<double>(std::max<int64_t>(1, st.iterations()));
}
BENCHMARK_CAPTURE(WholeRun, korea_1950, "korea-1950")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(WholeRun, ukraine_2024, "ukraine-2024")->Unit(benchmark::kMillisecond);

// One step of the opening weeks of the Korean War (combat, operations and
// decisions all busy), on a world reset every 60 days.
void KoreaStep(benchmark::State& st) {
  const Model m = compile(scenario("korea-1950"));
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
BENCHMARK(KoreaStep);

}  // namespace

BENCHMARK_MAIN();
