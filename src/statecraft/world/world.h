// The world of one run: everything a run changes (forces by region, control,
// wars and their sides, losses), preallocated from the Model so the step loop
// never allocates. Invariants are checked in debug builds.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/model.h"
#include "world/views.h"

namespace statecraft {

/// Forces of one actor in transit: they leave now and join `region` on `arrive_day`.
struct Movement {
  int actor = 0;
  int region = kNone;      // destination; kNone = the actor's entry regions of `theater`
  int theater = 0;
  int32_t arrive_day = 0;  // run day (0 = start)
  double personnel = 0;
  double tanks = 0;
  double artillery = 0;
  double aircraft = 0;     // join the theatre air pool on arrival
  double ships = 0;        // join the theatre naval pool on arrival
};

inline constexpr int kMaxMovements = 1024;

enum class WarStatus : uint8_t { fighting, ceasefire, armistice, peace, ended };

struct WarState {
  WarStatus status = WarStatus::fighting;
  int32_t started_day = 0;  // run day
  int32_t ended_day = -1;
  int winner_side = 0;      // 1 attackers, 2 defenders, 0 none
};

/// Per-theatre results of the air and sea contest, recomputed each day.
struct TheaterState {
  int war = kNone;          // the war fought in this theatre, if any
  double air_share[3] = {0, 0.5, 0.5};  // [side] share of air strength (index 0 unused)
  double air_dominance[3] = {0, 0, 0};  // [side] max(0, 2 * share - 1)
  int sea_control = 0;      // side holding sea control, 0 = nobody
  double supply_dominance[3] = {0, 0, 0};  // air dominance when supply was last traced
  int landing_target[3] = {kNone, kNone, kNone};  // [side] region a landing is planned against
  int landing_port[3] = {kNone, kNone, kNone};    // [side] port where the landing force gathers
  int32_t lost_ground_day[3] = {-1, -1, -1};      // [side] last run day the side lost a region here
};

struct RunState {
  int32_t day = 0;                     // days since the scenario start

  // --- territory (nregion) ---
  std::vector<int> control;            // actor holding each region
  std::vector<double> fortification;   // prepared defences 0..fortification_max
  std::vector<double> progress_km;     // attackers' advance into each region
  std::vector<double> disorder;        // 0..1 disorganization of the forces in a region after a rout
  std::vector<double> attack_share;    // (adjacency entries) share of a region's attacking force sent
                                       // over each of its links; sums to at most 1 per region
  std::vector<double> population;      // people still living in each region
  std::vector<uint8_t> fought;         // region saw combat today

  // --- forces (nactor x nregion) ---
  std::vector<double> personnel;
  std::vector<double> tanks;
  std::vector<double> artillery;
  // --- theatre air and naval pools (nactor x ntheater) ---
  std::vector<double> aircraft;
  std::vector<double> ships;
  // --- reserves outside a theatre (Model::force with no region) sail on entry ---
  std::vector<uint8_t> reserve_sent;   // (nactor x ntheater)
  // --- home pools not deployed anywhere (nactor) ---
  std::vector<Equip> pool;
  std::vector<double> mobilization;    // 0 peace .. 1 fully mobilized
  std::vector<double> commitment;      // (nactor) share of its deployable forces an actor sends to its war
  std::vector<int> leader_epoch;       // (nactor) bumped by leader changes and elections

  Movement movement[kMaxMovements];
  int nmovement = 0;
  int dropped_movements = 0;           // counted anomaly: queue full

  // --- supply (nregion): for the side holding the region ---
  std::vector<double> supply_km;       // path length to a source, +inf if cut off
  std::vector<double> supply_eff;      // combat effectiveness from supply, 0..1
  std::vector<int> supply_parent;      // next region towards the source, kNone at a source or cut off
  std::vector<int> capital;            // (nactor) current capital region (relocates)
  bool supply_dirty = true;
  bool replan = false;                 // ground changed hands: commanders re-plan tomorrow

  // --- wars (nwar) and sides (nwar x nactor) ---
  std::vector<WarState> war;
  std::vector<int8_t> side;            // 0 out, 1 attackers, 2 defenders
  std::vector<int> members;            // (nwar x nactor) belligerents of each war first, in actor order
  std::vector<int> nmembers;           // (nwar) how many; see refresh_members
  std::vector<int32_t> entered_day;    // (nactor) first day its forces fought (home states: day it joined), -1 never
  std::vector<int8_t> entered_side;    // (nactor) side it first joined a war on (1 attackers, 2 defenders), 0 never;
                                       // kept after it leaves, so a backtest can ask whose side it took
  std::vector<double> closest_km;      // (nactor) closest approach of forces of a side it disfavours to its
                                       // homeland while it stood outside the war, km (1e9 never)
  std::vector<TheaterState> theater;   // (ntheater)
  // war aims are state: the strategic layer widens and narrows them
  std::vector<AimKind> aim;            // (nwar x nactor) what each belligerent claims
  std::vector<uint8_t> claim;          // (nactor x nregion) regions named by an `regions` aim

  // --- diplomacy that events change ---
  std::vector<uint8_t> treaty_active;  // (ntreaty)
  std::vector<uint8_t> council_absent; // (norg x nactor)
  std::vector<uint8_t> event_fired;    // (nevent)

  // --- losses (nactor); they never decrease ---
  std::vector<double> killed;
  std::vector<double> wounded;
  std::vector<double> captured;
  double civilian_deaths = 0;
  double displaced = 0;
  std::vector<double> region_civilian_deaths;  // (nregion)

  // --- escalation and how wars ended ---
  int max_rung = 0;                    // highest escalation rung any actor reached
  std::vector<uint8_t> homeland_struck; // (nactor) its homeland beyond the theatre has been attacked
  bool great_power_war = false;        // major powers fought each other directly
  bool nuclear_used = false;
  bool truce_broke = false;            // a ceasefire or armistice collapsed
  std::vector<int> ceasefire_control;  // (nregion) control when the last ceasefire took hold; empty if none

  // --- the strategic layer's state (engine/strategy.cpp) ---
  std::vector<int> rung;                // (nactor) escalation rung, 0 none .. 6 nuclear use
  std::vector<int8_t> alignment;        // (nwar x nactor) side an actor has aligned with without fighting
  std::vector<double> aid_usd;          // (nactor x nactor) aid per year now, [from * nactor + to]
  std::vector<uint8_t> sanctioned;      // (nactor x nactor) [by * nactor + on]
  std::vector<uint8_t> warned;          // (nwar x nactor x 3) the actor has warned a side off
  std::vector<uint8_t> ready;           // (nactor) it has readied forces for the theatre (a warning backed by troops)
  std::vector<double> optimism;         // (nactor) bias of its leader's beliefs, logit units
  std::vector<double> belief;           // (nwar x 3) each side's belief in its own victory
  std::vector<double> decisive;         // (nwar x 3) each side's belief that arms will decide the war (0..1)
  std::vector<double> exposure_seen;    // (nwar x 3) highest exposure of each side's ground seen in the war
  std::vector<double> outside_belief;   // (nwar x nactor x 3) an outsider's belief in each side's victory, -1 unset
  std::vector<uint8_t> authorized;      // (norg x nwar) council authorized action against the attackers
  std::vector<int32_t> authorized_day;  // (norg x nwar) run day of the authorization
  std::vector<int32_t> talks_day;       // (nwar) day armistice talks opened, -1 none
  std::vector<int8_t> offer_side;       // (nwar) side with a ceasefire offer on the table, 0 none
  std::vector<int32_t> truce_break_day; // (nwar) day a truce will collapse, -1 never
  std::vector<double> war_cost;         // (nactor) cumulative war cost, USD
  std::vector<double> holdings_hist;    // (nwar x 8) weekly holdings of the attackers' side, ring
  int hist_pos = 0;
  std::vector<double> killed_mark;      // (nactor) deaths at the last decision round
  std::vector<int> epoch_seen;          // (nactor) leader epoch the beliefs were drawn for
  std::vector<WarView> war_view;        // (nwar) recomputed each decision round
  std::vector<ActorView> actor_view;    // (nactor) recomputed per war scored

  // --- history checkpoints (ncheckpoint): -1 unknown, 0 failed, 1 met ---
  std::vector<int8_t> checkpoint_met;

  /// Working arrays of the step; not state, sized once so the step never allocates.
  struct Scratch {
    std::vector<double> power;        // (nregion) effective power of the side holding it
    std::vector<double> attack_power; // (nregion) power attacking it today
    std::vector<double> dist;         // (nregion) Dijkstra distances
    std::vector<uint8_t> done;        // (nregion)
    std::vector<int> parent;          // (nregion) supply tree
    std::vector<double> value;        // (nregion) operational scores
    std::vector<double> need;         // (nregion) operational reinforcement need
    std::vector<double> killed_here;  // (nregion) military deaths today, for civilian harm
    std::vector<int> component;       // (nregion) connected friendly territory
    std::vector<double> side_personnel;  // (3 x nregion) personnel of each side by region
    std::vector<uint8_t> claimed;     // (nregion) enemy regions the planning side may take
    std::vector<double> pull;         // (nregion) nearness to an enemy seat of government, 0..1
  } scratch;
};

/// A fresh world at the scenario's start: forces placed, reserves and pools
/// filled, wars open. Allocates; call once per run (or reuse with reset).
RunState make_world(const Model& m);

/// Share of region `from`'s attacking force sent against its neighbour `to`.
double attack_share_toward(const Model& m, const RunState& s, int from, int to);

/// Stops every attack from and into `region`.
void clear_attacks(const Model& m, RunState& s, int region);

/// Whether `s` has the array sizes of model `m` (so it can be reset, not rebuilt).
bool shaped_for(const Model& m, const RunState& s);

/// Returns `s` to the start state without reallocating.
void reset_world(const Model& m, RunState& s);

/// Belligerents of war `w` on either side, in actor order (see refresh_members).
inline std::span<const int> belligerents(const Model& m, const RunState& s, int w) {
  return {s.members.data() + static_cast<size_t>(w) * m.nactor, static_cast<size_t>(s.nmembers[w])};
}

inline int side_of(const RunState& s, const Model& m, int war, int actor) {
  return war == kNone ? 0 : s.side[war * m.nactor + actor];
}

/// Rebuilds the belligerent lists after sides change (entries, exits, resets).
void refresh_members(const Model& m, RunState& s);

/// Side holding a region in its theatre's war (0 if its holder is not at war there).
inline int region_side(const Model& m, const RunState& s, int region) {
  const int war = s.theater[m.region[region].theater].war;
  return war == kNone ? 0 : s.side[war * m.nactor + s.control[region]];
}

/// Two actors are enemies when both fight in the same war on opposite sides.
bool hostile(const Model& m, const RunState& s, int war, int a, int b);

/// The actor that takes a region when `side` captures it: the owner if it
/// fights on that side (liberation), else `taker`.
int new_controller(const Model& m, const RunState& s, int war, int region, int side, int taker);

/// Checks the invariants: forces non-negative and finite, control a known
/// actor, losses non-negative. Returns a description of the first
/// violation, or nullptr. Cheap enough for tests; debug builds call it each step.
const char* check_invariants(const Model& m, const RunState& s);

/// Adds losses; asserts they are non-negative so totals never decrease.
void add_losses(RunState& s, int actor, double killed, double wounded, double captured);

/// Whether `actor`'s aims in `war` include taking or keeping `region`:
/// `all` claims every region of the theatre, `own` the regions owned by
/// actors of its side, `regions` the listed ones.
bool claims_region(const Model& m, const RunState& s, int war, int actor, int region);

/// Evaluates a compiled condition against the world.
bool eval_condition(const Model& m, const RunState& s, int node);

}  // namespace statecraft
