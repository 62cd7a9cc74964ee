#include "engine/engine.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string_view>

#include "combat/combat.h"
#include "combat/forces.h"
#include "combat/operations.h"
#include "engine/strategy.h"
#include "engine/war.h"

namespace statecraft {

namespace {

constexpr const char* kOutcomeNames[kOutcomeCount] = {
    "victory:attackers", "victory:defenders", "armistice", "peace_treaty",
    "frozen",            "great_power_war",   "nuclear_use", "ongoing"};

int32_t interval(double days) { return std::max<int32_t>(1, static_cast<int32_t>(std::lround(days))); }

// Whether `day` starts a new period of `every` days, for steps of `step` days.
bool due(int32_t day, int32_t every, int step) { return day % every < step; }

void apply_events(const Model& m, RunState& s, Trace* trace) {
  const int32_t today = m.start_day + s.day;
  for (size_t i = 0; i < m.event.size(); ++i) {
    if (s.event_fired[i]) continue;
    const EventModel& e = m.event[i];
    const bool now = e.at_day != INT32_MIN ? today >= e.at_day : eval_condition(m, s, e.cond);
    if (!now) continue;
    s.event_fired[i] = 1;
    const char* what = "";
    switch (e.kind) {
      case Event::Kind::leader_change:
        ++s.leader_epoch[e.actor];
        what = "new leader";
        break;
      case Event::Kind::election:
        ++s.leader_epoch[e.actor];
        what = "election";
        break;
      case Event::Kind::treaty_signed:
        s.treaty_active[e.treaty] = 1;
        what = "treaty in force";
        break;
      case Event::Kind::treaty_ended:
        s.treaty_active[e.treaty] = 0;
        what = "treaty lapses";
        break;
      case Event::Kind::council_absent:
        s.council_absent[static_cast<size_t>(e.organization) * m.nactor + e.actor] = 1;
        what = "stops attending the council";
        break;
      case Event::Kind::council_present:
        s.council_absent[static_cast<size_t>(e.organization) * m.nactor + e.actor] = 0;
        what = "returns to the council";
        break;
    }
    if (trace) {
      std::string who = e.actor != kNone ? m.actor_id[e.actor] : e.treaty != kNone ? m.treaty_id[e.treaty] : "";
      trace->add(s.day, "event", e.actor != kNone ? m.actor_id[e.actor] : "", who + ": " + what);
    }
  }
}

int fighting_war_of(const Model& m, const RunState& s, int actor) {
  for (int w = 0; w < m.nwar; ++w)
    if (s.side[w * m.nactor + actor] && s.war[w].status == WarStatus::fighting) return w;
  return kNone;
}

// Personnel of `actor` in theatre `t` and on the way there.
double deployed_personnel(const Model& m, const RunState& s, int actor, int t) {
  double p = 0;
  for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r)
    p += s.personnel[static_cast<size_t>(actor) * m.nregion + r];
  for (int i = 0; i < s.nmovement; ++i)
    if (s.movement[i].actor == actor && s.movement[i].theater == t) p += s.movement[i].personnel;
  return p;
}

// Where new forces of a state fighting at home muster: its seat of government
// if supplied, else its most populous supplied region.
int home_base(const Model& m, const RunState& s, int actor, int side) {
  const int cap = s.capital[actor];
  if (cap != kNone && region_side(m, s, cap) == side && std::isfinite(s.supply_km[cap])) return cap;
  int best = kNone;
  for (int r = 0; r < m.nregion; ++r) {
    if (m.region[r].owner != actor || region_side(m, s, r) != side || !std::isfinite(s.supply_km[r])) continue;
    if (best == kNone || s.population[r] > s.population[best]) best = r;
  }
  return best;
}

// War production and the flow of new men and weapons to the front, every
// `dt` days: mobilization ramps output up, the population caps the army, and
// a foreign power sends no more than its commitment allows.
void produce_and_reinforce(const Model& m, RunState& s, double dt) {
  const Coefficients& c = m.coef;
  for (int a = 0; a < m.nactor; ++a) {
    const int w = fighting_war_of(m, s, a);
    if (w == kNone) continue;
    const int t = m.war[w].theater;
    const ActorModel& am = m.actor[a];
    Equip& pool = s.pool[a];
    s.mobilization[a] = std::min(1.0, s.mobilization[a] + dt / c.mobilization_days);
    // aid buys the recipient a share of each donor's output
    double aid_in = 0;
    for (int d = 0; d < m.nactor; ++d) {
      const double flow = s.aid_usd[static_cast<size_t>(d) * m.nactor + a];
      if (flow <= 0) continue;
      aid_in += flow;
      const ActorModel& dm = m.actor[d];
      const double share = c.econ_aid_effect * flow / std::max(dm.spending_usd, 0.02 * dm.gdp_usd) * dt / 365.0;
      pool.tanks += dm.production_per_year.tanks * share;
      pool.artillery += dm.production_per_year.artillery * share;
      pool.aircraft += dm.production_per_year.aircraft * share;
    }
    const double own_budget = std::max(am.spending_usd, 0.02 * am.gdp_usd);
    const double aid_boost = own_budget > 0 ? std::min(1.0, 0.25 * c.econ_aid_effect * aid_in / own_budget) : 0.0;
    const double scale = (1 + (c.war_production_multiplier - 1) * s.mobilization[a]) * (1 + aid_boost) * dt / 365.0;
    const double deployed = deployed_personnel(m, s, a, t);
    const double room = std::max(0.0, c.max_mobilized_share * am.population - deployed - pool.personnel);
    pool.personnel += std::min(room, am.production_per_year.personnel * scale);
    pool.tanks += am.production_per_year.tanks * scale;
    pool.artillery += am.production_per_year.artillery * scale;
    pool.aircraft += am.production_per_year.aircraft * scale;
    pool.ships += am.production_per_year.ships * scale;

    Movement mv;
    mv.actor = a;
    mv.theater = t;
    double share;
    if (fights_at_home(m, a, t)) {
      share = c.replacement_share;
      mv.region = home_base(m, s, a, s.side[w * m.nactor + a]);
      mv.arrive_day = s.day + 3;
      // at home every aircraft and ship is in the fight already
      const size_t at = static_cast<size_t>(a) * m.ntheater + t;
      s.aircraft[at] += pool.aircraft;
      s.ships[at] += pool.ships;
      pool.aircraft = pool.ships = 0;
    } else {
      const double cap = am.deployable_share * am.stock.personnel * s.commitment[a];
      // lift and mobilization pace the build-up: a commitment arrives over weeks, not at once
      // (forces readied at the border beforehand cross in mass)
      const double ramp = c.deploy_ramp_days * (s.ready[a] ? c.ready_deploy_share : 1.0);
      const double wanted = std::min(pool.personnel * c.replacement_share, cap * dt / ramp);
      share = pool.personnel > 0 ? std::clamp(std::min(wanted, cap - deployed) / pool.personnel, 0.0, 1.0) : 0.0;
      mv.arrive_day = s.day + interval(deploy_days(m, s, a));
      const double air_share = am.deployable_share * s.commitment[a] * c.replacement_share;
      mv.aircraft = pool.aircraft * air_share;
      mv.ships = pool.ships * air_share;
    }
    mv.personnel = pool.personnel * share;
    mv.tanks = pool.tanks * share;
    mv.artillery = pool.artillery * share;
    if (mv.personnel + mv.tanks + mv.artillery + mv.aircraft + mv.ships <= 0) continue;
    pool.personnel -= mv.personnel;
    pool.tanks -= mv.tanks;
    pool.artillery -= mv.artillery;
    pool.aircraft -= mv.aircraft;
    pool.ships -= mv.ships;
    queue_movement(m, s, mv);
  }
}

// A war ends in victory when one side holds (almost) every region the other
// side owns: a state left with a sliver of its people capitulates.
void check_victory(const Model& m, RunState& s, Trace* trace) {
  for (int w = 0; w < m.nwar; ++w) {
    if (s.war[w].status != WarStatus::fighting) continue;
    const int t = m.war[w].theater;
    double owned[3] = {0, 0, 0}, kept[3] = {0, 0, 0};
    for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
      const int owner_side = s.side[w * m.nactor + m.region[r].owner];
      if (!owner_side) continue;
      const double people = std::max(1.0, m.region[r].population);
      owned[owner_side] += people;
      if (region_side(m, s, r) == owner_side) kept[owner_side] += people;
    }
    for (int loser = 1; loser <= 2; ++loser)
      if (owned[loser] > 0 && kept[loser] <= m.coef.capitulation_share * owned[loser]) {
        end_war(m, s, w, WarStatus::ended, 3 - loser, trace);
        break;
      }
  }
}

void check_checkpoints(const Model& m, RunState& s, bool final) {
  const int32_t today = m.start_day + s.day;
  for (size_t i = 0; i < m.checkpoint.size(); ++i) {
    if (s.checkpoint_met[i] >= 0) continue;
    if (today >= m.checkpoint[i].day || final)
      s.checkpoint_met[i] = eval_condition(m, s, m.checkpoint[i].cond) ? 1 : 0;
  }
}

}  // namespace

int series_samples(const Model& m) { return (m.horizon_day - m.start_day) / kSeriesStepDays + 1; }
int snapshot_count(const Model& m) { return (m.horizon_day - m.start_day) / kSnapshotStepDays + 1; }

namespace {

// Samples the state into every series slot and snapshot due up to `upto_day`.
void sample(const Model& m, const RunState& s, RunRecord& out, int& next_sample, int& next_snapshot, int32_t upto_day) {
  const int ns = series_samples(m), nsnap = snapshot_count(m);
  if (next_sample < ns && next_sample * kSeriesStepDays <= upto_day) {
    float v[kSeriesMetrics] = {0, 0, 0, 0, 0, static_cast<float>(s.civilian_deaths)};
    if (m.nwar > 0) {
      const int w = 0, t = m.war[0].theater;
      double held = 0, people = 0;
      for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
        people += m.region[r].population;
        if (region_side(m, s, r) == 1) held += m.region[r].population;
        for (int a = 0; a < m.nactor; ++a) {
          const int side = s.side[w * m.nactor + a];
          if (side) v[side] += static_cast<float>(s.personnel[static_cast<size_t>(a) * m.nregion + r]);
        }
      }
      v[0] = people > 0 ? static_cast<float>(held / people) : 0.f;
      for (int a = 0; a < m.nactor; ++a) {
        const int side = s.side[w * m.nactor + a];
        if (side) v[2 + side] += static_cast<float>(s.killed[a]);
      }
    }
    for (; next_sample < ns && next_sample * kSeriesStepDays <= upto_day; ++next_sample)
      std::copy(v, v + kSeriesMetrics, out.series.begin() + static_cast<ptrdiff_t>(next_sample) * kSeriesMetrics);
  }
  for (; next_snapshot < nsnap && next_snapshot * kSnapshotStepDays <= upto_day; ++next_snapshot)
    for (int r = 0; r < m.nregion; ++r)
      out.snapshots[static_cast<size_t>(next_snapshot) * m.nregion + r] = static_cast<int16_t>(s.control[r]);
}

}  // namespace

const char* outcome_name(Outcome o) { return kOutcomeNames[static_cast<int>(o)]; }

bool parse_outcome(std::string_view name, Outcome& out) {
  for (int i = 0; i < kOutcomeCount; ++i)
    if (name == kOutcomeNames[i]) {
      out = static_cast<Outcome>(i);
      return true;
    }
  return false;
}

void start_run(const Model& m, RunState& s, Trace* trace) {
  reset_world(m, s);
  // belligerents at the start commit as if they had just entered
  for (int w = 0; w < m.nwar; ++w)
    for (int a = 0; a < m.nactor; ++a) {
      const size_t k = static_cast<size_t>(w) * m.nactor + a;
      const int side = s.side[k];
      if (!side) continue;
      s.side[k] = 0;
      refresh_members(m, s);
      enter_war(m, s, w, a, side, 1.0, nullptr);
      s.entered_day[a] = 0;
      s.rung[a] = 3;  // already fighting with everything it has
      // a war under way for a while has mobilized its belligerents
      s.mobilization[a] = std::max(s.mobilization[a],
                                   std::min(1.0, -m.war[w].started_day / std::max(1.0, m.coef.mobilization_days)));
    }
  s.max_rung = *std::max_element(s.rung.begin(), s.rung.end());
  update_air_and_sea(m, s);
  update_supply(m, s);
  if (trace)
    for (int w = 0; w < m.nwar; ++w) trace->add(0, "war_start", "", m.war_id[w] + " is under way");
}

void step(const Model& m, RunState& s, RunRngs& rng, Trace* trace) {
  const Coefficients& c = m.coef;
  check_truces(m, s, trace);
  apply_events(m, s, trace);
  if (due(s.day, interval(c.decision_interval_days), m.step_days)) decide_strategy(m, s, rng, trace);
  deliver_movements(m, s, trace);
  update_air_and_sea(m, s);
  if (s.supply_dirty) update_supply(m, s);
  if (s.replan || due(s.day, interval(c.operational_interval_days), m.step_days)) {
    plan_operations(m, s, rng.decisions, trace);
    s.replan = false;
  }
  resolve_combat(m, s, rng.combat, trace);
  if (s.supply_dirty) update_supply(m, s);
  if (due(s.day, 7, m.step_days)) produce_and_reinforce(m, s, std::max(7, m.step_days));
  check_victory(m, s, trace);
  check_checkpoints(m, s, false);
#ifndef NDEBUG
  if (const char* bad = check_invariants(m, s)) {
    (void)bad;
    assert(!"world invariant violated");
  }
#endif
  s.day += m.step_days;
}

bool run_finished(const Model& m, const RunState& s) {
  if (m.start_day + s.day > m.horizon_day || s.great_power_war || s.nuclear_used) return true;
  for (int w = 0; w < m.nwar; ++w) {
    if (s.war[w].status == WarStatus::fighting) return false;
    // a truce drawn to collapse before the horizon still has a future to simulate
    if ((s.war[w].status == WarStatus::armistice || s.war[w].status == WarStatus::ceasefire) && s.truce_break_day[w] >= 0)
      return false;
  }
  return true;
}

void record_run(const Model& m, const RunState& s, uint64_t seed, RunRecord& out) {
  out.seed = seed;
  out.end_day = std::min(s.day, m.horizon_day - m.start_day);
  // people are counted whole, so a record written to runs.csv reads back exactly
  auto whole = [](std::vector<double>& dst, const std::vector<double>& src) {
    dst.resize(src.size());
    for (size_t i = 0; i < src.size(); ++i) dst[i] = std::floor(src[i]);
  };
  whole(out.killed, s.killed);
  whole(out.wounded, s.wounded);
  whole(out.captured, s.captured);
  out.civilian_deaths = std::floor(s.civilian_deaths);
  out.displaced = std::floor(s.displaced);
  out.final_control = s.control;
  out.status_quo_share = 1;
  if (m.nwar > 0) {
    const int t = m.war[0].theater;
    double kept = 0, people = 0;
    for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
      const int owner_side = s.side[m.region[r].owner];  // war 0's row
      people += m.region[r].population;
      if (owner_side ? region_side(m, s, r) == owner_side : s.control[r] == m.region[r].owner)
        kept += m.region[r].population;
    }
    out.status_quo_share = people > 0 ? std::round(1e4 * kept / people) / 1e4 : 1;
  }
  out.entered_day = s.entered_day;
  out.entered_side = s.entered_side;
  out.closest_km.resize(s.closest_km.size());
  for (size_t a = 0; a < s.closest_km.size(); ++a) out.closest_km[a] = std::floor(s.closest_km[a]);
  out.checkpoint_met = s.checkpoint_met;
  out.max_rung = s.max_rung;
  out.truce_broke = s.truce_broke;
  out.ceasefire_control = s.ceasefire_control;
  out.dropped_movements = s.dropped_movements;
  out.outcome = Outcome::ongoing;
  if (s.nuclear_used) {
    out.outcome = Outcome::nuclear_use;
  } else if (s.great_power_war) {
    out.outcome = Outcome::great_power_war;
  } else if (m.nwar > 0) {
    const WarState& w = s.war[0];
    switch (w.status) {
      case WarStatus::fighting: out.outcome = Outcome::ongoing; break;
      case WarStatus::ceasefire: out.outcome = Outcome::frozen; break;
      case WarStatus::armistice: out.outcome = Outcome::armistice; break;
      case WarStatus::peace: out.outcome = Outcome::peace_treaty; break;
      case WarStatus::ended:
        out.outcome = w.winner_side == 1 ? Outcome::victory_attackers
                      : w.winner_side == 2 ? Outcome::victory_defenders
                                           : Outcome::peace_treaty;
        break;
    }
    if (w.status != WarStatus::fighting && w.ended_day >= 0) out.end_day = w.ended_day;
  }
}

void run_one(const Model& m, uint64_t seed, RunState& s, RunRecord& out, Trace* trace) {
  if (!shaped_for(m, s)) s = make_world(m);
  RunRngs rng(seed);
  start_run(m, s, trace);
  start_truces(m, s, rng, trace);
  out.series.resize(static_cast<size_t>(series_samples(m)) * kSeriesMetrics);
  out.snapshots.resize(static_cast<size_t>(snapshot_count(m)) * m.nregion);
  int next_sample = 0, next_snapshot = 0;
  while (!run_finished(m, s)) {
    sample(m, s, out, next_sample, next_snapshot, s.day);
    // nothing moves while every war is under a truce: jump to the day one breaks
    int32_t next = INT32_MAX;
    bool quiet = true;
    for (int w = 0; w < m.nwar; ++w) {
      if (s.war[w].status == WarStatus::fighting) quiet = false;
      else if (s.truce_break_day[w] >= 0) next = std::min(next, s.truce_break_day[w]);
    }
    if (quiet && next != INT32_MAX && next > s.day) {
      const int32_t jump = next - (next - s.day) % m.step_days;
      sample(m, s, out, next_sample, next_snapshot, jump - 1);  // the frozen weeks in between
      s.day = jump;
    }
    step(m, s, rng, trace);
  }
  // the final state stands until the horizon
  sample(m, s, out, next_sample, next_snapshot, m.horizon_day - m.start_day);
  check_checkpoints(m, s, true);
  record_run(m, s, seed, out);
}

}  // namespace statecraft
