// The compiled, immutable model of a scenario: flat arrays indexed by small
// integer ids (actors, regions, links, treaties, ...), all coefficients
// resolved. Compiled once; every run reads it and never changes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/params.h"
#include "scenario/scenario.h"
#include "util/date.h"

namespace statecraft {

inline constexpr int kNone = -1;

/// Men and materiel as numbers; also used for rates (per year).
struct Equip {
  double personnel = 0;
  double tanks = 0;
  double artillery = 0;
  double aircraft = 0;
  double ships = 0;
};

struct ActorModel {
  ActorKind kind = ActorKind::state;
  double population = 0;
  double gdp_usd = 0;
  Equip stock;                 // all armed forces at the start
  Equip production_per_year;
  double quality = 1;
  double spending_usd = 0;
  double deployable_share = 0.5;
  double deploy_days = 30;
  double warheads = 0;
  Regime regime = Regime::autocracy;
  double casualty_tolerance = 0.5;
  double cinc = 0;             // from the file, else computed from capabilities
  bool major_power = false;
  bool abstain = false;
  bool has_at = false;
  LatLon at;
  int capital = kNone;         // region id
};

struct RegionModel {
  int theater = 0;
  int owner = 0;               // actor id
  int control = 0;             // at the start
  double population = 0;
  Terrain terrain = Terrain::mixed;
  bool coastal = false;
  bool port = false;
  LatLon at;
  double fortification = 0;
};

struct LinkModel {
  int a = 0;
  int b = 0;
  LinkKind kind = LinkKind::land;
  double km = 0;
  bool river = false;
};

struct TheaterModel {
  int region_begin = 0;        // regions of a theatre have consecutive ids
  int region_end = 0;
  double population = 0;
};

struct ForceModel {
  int actor = 0;
  int theater = 0;
  int region = kNone;          // kNone for a reserve outside the theatre
  double arrival_days = 0;
  Equip equip;
};

struct TreatyModel {
  TreatyType type = TreatyType::defense;
  double reliability = 0.5;
  int32_t signed_day = INT32_MIN;  // day number; INT32_MIN = always
  int32_t ends_day = INT32_MAX;
  int member_begin = 0;        // into treaty_member
  int member_end = 0;
};

struct OrgModel {
  OrgKind kind = OrgKind::collective_security;
  double reliability = 0.5;
  bool has_council = false;
  bool veto = true;
  int member_begin = 0, member_end = 0;        // into org_member
  int permanent_begin = 0, permanent_end = 0;  // into org_member
  int elected_begin = 0, elected_end = 0;      // into org_member
};

enum class AimKind : uint8_t { all, own, regions };

struct WarModel {
  int theater = 0;
  int aim_begin = 0;           // into war_aim, one per belligerent at the start
  int aim_end = 0;
  int32_t started_day = 0;     // run day the fighting began (negative: before the scenario start)
  WarStart status = WarStart::fighting;  // at the scenario start
  int guarantor_begin = 0;     // into war_guarantor
  int guarantor_end = 0;
};

struct AimModel {
  int actor = 0;
  AimKind kind = AimKind::own;
  int region_begin = 0;        // into aim_region
  int region_end = 0;
};

/// A condition node; children are node indices in cond_child[begin, end).
struct CondNode {
  Condition::Op op = Condition::Op::always;
  int actor = kNone;
  int region = kNone;
  int32_t day = 0;             // day number for after/before
  double value = 0;
  int child_begin = 0;
  int child_end = 0;
};

struct EventModel {
  Event::Kind kind = Event::Kind::leader_change;
  int32_t at_day = INT32_MIN;  // INT32_MIN: use `cond`
  int cond = kNone;            // root node in cond_node
  int actor = kNone;
  int treaty = kNone;
  int organization = kNone;
};

struct CheckpointModel {
  int32_t day = 0;
  int cond = kNone;
  std::string label;  // "PRK side holds seoul"
};

struct Model {
  // --- identity and time ---
  std::string scenario_id;
  int32_t start_day = 0;       // day numbers (days since 1970-01-01)
  int32_t horizon_day = 0;
  int step_days = 1;
  Coefficients coef;

  // --- actors (nactor) ---
  int nactor = 0;
  std::vector<std::string> actor_id;
  std::vector<std::string> actor_name;
  std::vector<ActorModel> actor;
  int naxes = 0;
  std::vector<double> ideology;        // (nactor x naxes), 0 where absent
  std::vector<double> interest;        // (nactor x ntheater) stake 0..1
  std::vector<double> affinity;        // (nactor x nactor) symmetric
  std::vector<double> trade_usd;       // (nactor x nactor) symmetric
  std::vector<uint8_t> sanctions;      // (nactor x nactor) [by * nactor + on] at the start
  std::vector<double> aid_usd;         // (nactor x nactor) [from * nactor + to] per year at the start

  // --- theatres, regions, links ---
  int ntheater = 0;
  std::vector<std::string> theater_id;
  std::vector<TheaterModel> theater;
  int nregion = 0;
  std::vector<std::string> region_id;
  std::vector<std::string> region_name;
  std::vector<std::vector<std::string>> region_admin1;
  std::vector<RegionModel> region;
  int nlink = 0;
  std::vector<LinkModel> link;
  std::vector<int> adj_begin;          // (nregion + 1) CSR offsets into adj_link / adj_region
  std::vector<int> adj_link;           // link id of each neighbour entry
  std::vector<int> adj_region;         // the neighbour region
  std::vector<int> adj_reverse;        // entry of the same link in the neighbour's list
  std::vector<int> entry_begin;        // (ntheater x nactor + 1) CSR offsets into entry_region
  std::vector<int> entry_region;
  std::vector<int> border_begin;       // (ntheater x nactor + 1) CSR offsets into border_region
  std::vector<int> border_region;
  std::vector<double> region_km;       // (nregion x nregion) great-circle km between region points
  std::vector<double> seat_pull;       // (nregion x nregion) exp(-km / 60): how much ground near a seat of
                                       // government draws an attacker (operations)
  std::vector<uint8_t> owns_in;         // (nactor x ntheater) the actor owns regions there (fights at home)
  std::vector<double> home_km;         // (nactor x nregion) km from a region to the actor's homeland:
                                       // 0 if it owns it, else the nearest border region or its capital

  // --- forces at the start ---
  std::vector<ForceModel> force;

  // --- treaties and organizations ---
  int ntreaty = 0;
  std::vector<std::string> treaty_id;
  std::vector<TreatyModel> treaty;
  std::vector<int> treaty_member;
  int norg = 0;
  std::vector<std::string> org_id;
  std::vector<OrgModel> org;
  std::vector<int> org_member;
  std::vector<uint8_t> council_absent; // (norg x nactor) at the start

  // --- wars at the start ---
  int nwar = 0;
  std::vector<std::string> war_id;
  std::vector<WarModel> war;
  std::vector<int8_t> war_side;        // (nwar x nactor): 0 not in it, 1 attackers, 2 defenders
  std::vector<AimModel> war_aim;
  std::vector<int> aim_region;
  std::vector<int> war_guarantor;      // actors guaranteeing the defenders under a truce

  bool guarantees(int w, int a) const {
    for (int i = war[w].guarantor_begin; i < war[w].guarantor_end; ++i)
      if (war_guarantor[i] == a) return true;
    return false;
  }

  // --- conditions, events, history ---
  std::vector<CondNode> cond_node;
  std::vector<int> cond_child;
  std::vector<EventModel> event;
  std::vector<CheckpointModel> checkpoint;
  bool has_history = false;

  // --- helpers (cheap, no lookups by name) ---
  int entry_count(int t, int a) const {
    const int k = t * nactor + a;
    return entry_begin[k + 1] - entry_begin[k];
  }
  const int* entries(int t, int a) const {
    return entry_region.data() + entry_begin[t * nactor + a];
  }
  int border_count(int t, int a) const {
    const int k = t * nactor + a;
    return border_begin[k + 1] - border_begin[k];
  }
  const int* borders(int t, int a) const {
    return border_region.data() + border_begin[t * nactor + a];
  }
  double km(int r1, int r2) const { return region_km[static_cast<size_t>(r1) * nregion + r2]; }
};

/// Compiles a checked Scenario (see check_scenario) into a Model. Names are
/// resolved here once; the step loop uses only ids. Throws InputError for
/// references the checker should have caught (defensive, never expected).
Model compile(const Scenario& s);

/// The same, taking the distance tables from `same_map` (a model compiled
/// from the same file, which only differs in numbers that paths can set):
/// per-run recompiles after uncertain draws skip the trigonometry.
Model compile(const Scenario& s, const Model& same_map);

/// Id of an actor / region by name, or kNone. For setup code, never per step.
int find_actor(const Model& m, std::string_view id);
int find_region(const Model& m, std::string_view id);

/// A condition in words, for tables and labels.
std::string describe_condition(const Condition& c);

/// Great-circle distance in km.
double distance_km(LatLon a, LatLon b);

}  // namespace statecraft
