// One run end to end: the step loop (events, strategic decisions, operations,
// combat, economy, termination) from the scenario start to its end.
// A run is a pure function of (model, seed): the same inputs give the same
// record bit for bit, whatever thread runs it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"
#include "util/rng.h"
#include "world/trace.h"
#include "world/world.h"

namespace statecraft {

enum class Outcome : uint8_t {
  victory_attackers,
  victory_defenders,
  armistice,
  peace_treaty,
  frozen,
  great_power_war,
  nuclear_use,
  ongoing,
};
inline constexpr int kOutcomeCount = 8;

/// "victory:attackers", "armistice", ...
const char* outcome_name(Outcome o);
bool parse_outcome(std::string_view name, Outcome& out);

/// Weekly series of a run, in the order of kSeriesNames.
inline constexpr int kSeriesMetrics = 6;
inline constexpr const char* kSeriesNames[kSeriesMetrics] = {
    "territory_attackers", "personnel_attackers", "personnel_defenders",
    "military_deaths_attackers", "military_deaths_defenders", "civilian_deaths"};
inline constexpr int kSeriesStepDays = 7;     // one sample a week
inline constexpr int kSnapshotStepDays = 30;  // control of every region, every 30 days

/// Number of weekly samples and control snapshots from the start to the horizon.
int series_samples(const Model& m);
int snapshot_count(const Model& m);

/// What one run produced. Vectors are sized by the model and reused across
/// runs by the caller, so recording a run does not allocate after the first.
struct RunRecord {
  uint64_t seed = 0;
  Outcome outcome = Outcome::ongoing;
  int32_t end_day = 0;                 // run day the run ended (days since the start)
  std::vector<double> killed;          // (nactor) military battle deaths
  std::vector<double> wounded;         // (nactor)
  std::vector<double> captured;        // (nactor) prisoners and missing
  double civilian_deaths = 0;
  double displaced = 0;
  std::vector<int> final_control;      // (nregion) actor id
  double status_quo_share = 1;         // share of the first war's theatre people held, at the end, by the side
                                       // of the region's pre-war owner (1: the line of the start)
  std::vector<int32_t> entered_day;    // (nactor) run day each actor entered a war, -1 never
  std::vector<int8_t> entered_side;    // (nactor) side it first joined a war on: 1 attackers, 2 defenders, 0 never
  std::vector<double> closest_km;      // (nactor) closest approach of forces it disfavours to its homeland
                                       // while it was outside the war, whole km; 1e9 never
  std::vector<int8_t> checkpoint_met;  // (ncheckpoint) 1 met, 0 missed
  int max_rung = 0;                    // highest escalation rung reached (see theory/escalation)
  bool truce_broke = false;            // a ceasefire or armistice collapsed before the horizon
  std::vector<int> ceasefire_control;  // (nregion) control when the last ceasefire took hold; empty if none
  int dropped_movements = 0;           // anomaly counter: the movement queue overflowed
  // the course of the run: after it ends the final state is carried to the horizon
  std::vector<float> series;           // (series_samples x kSeriesMetrics) state of the war's first theatre each week
  std::vector<int16_t> snapshots;      // (snapshot_count x nregion) holder of each region every 30 days
};

/// Advances the world by one step (a day or a week). `rng` holds the run's
/// streams; `trace` may be null.
void step(const Model& m, RunState& s, RunRngs& rng, Trace* trace);

/// Prepares `s` for a run: the start state plus what the wars at the start
/// set in motion (home air and naval forces committed, reserves called).
void start_run(const Model& m, RunState& s, Trace* trace);

/// True when nothing is left to simulate before the horizon.
bool run_finished(const Model& m, const RunState& s);

/// Runs one whole simulation with `seed`, reusing `s` and `out` (sized on
/// first use). `trace` may be null.
void run_one(const Model& m, uint64_t seed, RunState& s, RunRecord& out, Trace* trace = nullptr);

/// The record of a finished (or interrupted) world.
void record_run(const Model& m, const RunState& s, uint64_t seed, RunRecord& out);

}  // namespace statecraft
