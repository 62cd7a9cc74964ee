#include "world/world.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace statecraft {

RunState make_world(const Model& m) {
  RunState s;
  const size_t nar = static_cast<size_t>(m.nactor) * m.nregion;
  const size_t nat = static_cast<size_t>(m.nactor) * m.ntheater;
  s.control.resize(m.nregion);
  s.fortification.resize(m.nregion);
  s.progress_km.resize(m.nregion);
  s.disorder.resize(m.nregion);
  s.attack_share.resize(m.adj_link.size());
  s.population.resize(m.nregion);
  s.fought.resize(m.nregion);
  s.personnel.resize(nar);
  s.tanks.resize(nar);
  s.artillery.resize(nar);
  s.aircraft.resize(nat);
  s.ships.resize(nat);
  s.reserve_sent.resize(nat);
  s.pool.resize(m.nactor);
  s.mobilization.resize(m.nactor);
  s.commitment.resize(m.nactor);
  s.leader_epoch.resize(m.nactor);
  s.supply_km.resize(m.nregion);
  s.supply_eff.resize(m.nregion);
  s.supply_parent.resize(m.nregion);
  s.capital.resize(m.nactor);
  s.war.resize(m.nwar);
  s.side.resize(static_cast<size_t>(m.nwar) * m.nactor);
  s.members.resize(static_cast<size_t>(m.nwar) * m.nactor);
  s.nmembers.resize(m.nwar);
  s.entered_day.resize(m.nactor);
  s.entered_side.resize(m.nactor);
  s.closest_km.resize(m.nactor);
  s.theater.resize(m.ntheater);
  s.aim.resize(static_cast<size_t>(m.nwar) * m.nactor);
  s.claim.resize(nar);
  s.treaty_active.resize(m.ntreaty);
  s.council_absent.resize(static_cast<size_t>(m.norg) * m.nactor);
  s.event_fired.resize(m.event.size());
  s.killed.resize(m.nactor);
  s.wounded.resize(m.nactor);
  s.captured.resize(m.nactor);
  s.region_civilian_deaths.resize(m.nregion);
  s.checkpoint_met.resize(m.checkpoint.size());
  const size_t nw = m.nwar, na = m.nactor;
  s.rung.resize(na);
  s.alignment.resize(nw * na);
  s.aid_usd.resize(na * na);
  s.sanctioned.resize(na * na);
  s.warned.resize(nw * na * 3);
  s.ready.resize(na);
  s.optimism.resize(na);
  s.belief.resize(nw * 3);
  s.outside_belief.resize(nw * na * 3);
  s.authorized.resize(static_cast<size_t>(m.norg) * nw);
  s.authorized_day.resize(static_cast<size_t>(m.norg) * nw);
  s.decisive.resize(nw * 3);
  s.exposure_seen.resize(nw * 3);
  s.talks_day.resize(nw);
  s.offer_side.resize(nw);
  s.truce_break_day.resize(nw);
  s.war_cost.resize(na);
  s.holdings_hist.resize(nw * 8);
  s.killed_mark.resize(na);
  s.homeland_struck.resize(na);
  s.epoch_seen.resize(na);
  s.war_view.resize(nw);
  s.actor_view.resize(na);
  for (auto* v : {&s.scratch.power, &s.scratch.attack_power, &s.scratch.dist, &s.scratch.value, &s.scratch.need,
                  &s.scratch.killed_here})
    v->assign(m.nregion, 0.0);
  s.scratch.done.assign(m.nregion, 0);
  s.scratch.claimed.assign(m.nregion, 0);
  s.scratch.pull.assign(m.nregion, 0.0);
  s.scratch.parent.assign(m.nregion, kNone);
  s.scratch.component.assign(m.nregion, kNone);
  s.scratch.side_personnel.assign(static_cast<size_t>(3) * m.nregion, 0.0);
  reset_world(m, s);
  return s;
}

bool shaped_for(const Model& m, const RunState& s) {
  return s.personnel.size() == static_cast<size_t>(m.nactor) * m.nregion &&
         s.aircraft.size() == static_cast<size_t>(m.nactor) * m.ntheater && s.war.size() == static_cast<size_t>(m.nwar) &&
         s.treaty_active.size() == static_cast<size_t>(m.ntreaty) &&
         s.council_absent.size() == static_cast<size_t>(m.norg) * m.nactor && s.event_fired.size() == m.event.size() &&
         s.checkpoint_met.size() == m.checkpoint.size();
}

void reset_world(const Model& m, RunState& s) {
  s.day = 0;
  for (int r = 0; r < m.nregion; ++r) {
    s.control[r] = m.region[r].control;
    s.fortification[r] = m.region[r].fortification * m.coef.fortification_max;
    s.progress_km[r] = 0;
    s.disorder[r] = 0;
    s.population[r] = m.region[r].population;
    s.fought[r] = 0;
    s.supply_km[r] = 0;
    s.supply_eff[r] = 1;
    s.supply_parent[r] = kNone;
    s.region_civilian_deaths[r] = 0;
  }
  std::fill(s.attack_share.begin(), s.attack_share.end(), 0.0);
  std::fill(s.personnel.begin(), s.personnel.end(), 0.0);
  std::fill(s.tanks.begin(), s.tanks.end(), 0.0);
  std::fill(s.artillery.begin(), s.artillery.end(), 0.0);
  std::fill(s.aircraft.begin(), s.aircraft.end(), 0.0);
  std::fill(s.ships.begin(), s.ships.end(), 0.0);
  std::fill(s.reserve_sent.begin(), s.reserve_sent.end(), uint8_t{0});
  std::fill(s.mobilization.begin(), s.mobilization.end(), 0.0);
  std::fill(s.commitment.begin(), s.commitment.end(), 0.0);
  std::fill(s.leader_epoch.begin(), s.leader_epoch.end(), 0);
  s.max_rung = 0;
  s.great_power_war = s.nuclear_used = s.truce_broke = false;
  s.ceasefire_control.clear();
  for (int a = 0; a < m.nactor; ++a) s.pool[a] = m.actor[a].stock;

  // forces at the start leave the home pool
  for (const ForceModel& f : m.force) {
    Equip& pool = s.pool[f.actor];
    const size_t at = static_cast<size_t>(f.actor) * m.ntheater + f.theater;
    if (f.region != kNone) {
      const size_t ar = static_cast<size_t>(f.actor) * m.nregion + f.region;
      s.personnel[ar] += f.equip.personnel;
      s.tanks[ar] += f.equip.tanks;
      s.artillery[ar] += f.equip.artillery;
      s.aircraft[at] += f.equip.aircraft;
      s.ships[at] += f.equip.ships;
    }
    pool.personnel = std::max(0.0, pool.personnel - f.equip.personnel);
    pool.tanks = std::max(0.0, pool.tanks - f.equip.tanks);
    pool.artillery = std::max(0.0, pool.artillery - f.equip.artillery);
    pool.aircraft = std::max(0.0, pool.aircraft - f.equip.aircraft);
    pool.ships = std::max(0.0, pool.ships - f.equip.ships);
  }
  s.nmovement = 0;
  s.dropped_movements = 0;
  for (int a = 0; a < m.nactor; ++a) s.capital[a] = m.actor[a].capital;
  s.supply_dirty = true;
  s.replan = false;

  // wars at the start
  std::fill(s.entered_day.begin(), s.entered_day.end(), -1);
  std::fill(s.entered_side.begin(), s.entered_side.end(), int8_t{0});
  std::fill(s.closest_km.begin(), s.closest_km.end(), 1e9);
  std::fill(s.theater.begin(), s.theater.end(), TheaterState{});
  std::fill(s.claim.begin(), s.claim.end(), uint8_t{0});
  for (int w = 0; w < m.nwar; ++w) {
    s.war[w] = WarState{};
    s.war[w].started_day = m.war[w].started_day;
    if (m.war[w].status == WarStart::ceasefire) s.war[w].status = WarStatus::ceasefire;
    if (m.war[w].status == WarStart::armistice) s.war[w].status = WarStatus::armistice;
    for (int a = 0; a < m.nactor; ++a) {
      const size_t k = static_cast<size_t>(w) * m.nactor + a;
      s.side[k] = m.war_side[k];
      s.aim[k] = AimKind::own;
      if (s.side[k]) s.entered_day[a] = 0;
      if (s.side[k] && !s.entered_side[a]) s.entered_side[a] = s.side[k];
    }
    for (int i = m.war[w].aim_begin; i < m.war[w].aim_end; ++i) {
      const AimModel& am = m.war_aim[i];
      s.aim[static_cast<size_t>(w) * m.nactor + am.actor] = am.kind;
      for (int j = am.region_begin; j < am.region_end; ++j)
        s.claim[static_cast<size_t>(am.actor) * m.nregion + m.aim_region[j]] = 1;
    }
    if (s.theater[m.war[w].theater].war == kNone) s.theater[m.war[w].theater].war = w;
  }

  refresh_members(m, s);
  for (int t = 0; t < m.ntreaty; ++t)
    s.treaty_active[t] = m.treaty[t].signed_day <= m.start_day && m.start_day < m.treaty[t].ends_day;
  s.council_absent = m.council_absent;
  std::fill(s.event_fired.begin(), s.event_fired.end(), uint8_t{0});
  std::fill(s.killed.begin(), s.killed.end(), 0.0);
  std::fill(s.wounded.begin(), s.wounded.end(), 0.0);
  std::fill(s.captured.begin(), s.captured.end(), 0.0);
  s.civilian_deaths = 0;
  s.displaced = 0;
  std::fill(s.checkpoint_met.begin(), s.checkpoint_met.end(), int8_t{-1});
  std::fill(s.rung.begin(), s.rung.end(), 0);
  std::fill(s.alignment.begin(), s.alignment.end(), int8_t{0});
  s.aid_usd = m.aid_usd;
  s.sanctioned = m.sanctions;
  std::fill(s.warned.begin(), s.warned.end(), uint8_t{0});
  std::fill(s.ready.begin(), s.ready.end(), uint8_t{0});
  std::fill(s.optimism.begin(), s.optimism.end(), 0.0);
  std::fill(s.belief.begin(), s.belief.end(), 0.5);
  std::fill(s.outside_belief.begin(), s.outside_belief.end(), -1.0);
  std::fill(s.authorized.begin(), s.authorized.end(), uint8_t{0});
  std::fill(s.authorized_day.begin(), s.authorized_day.end(), 0);
  std::fill(s.decisive.begin(), s.decisive.end(), 1.0);  // every war starts expected to be decided by arms
  std::fill(s.exposure_seen.begin(), s.exposure_seen.end(), 0.0);
  std::fill(s.talks_day.begin(), s.talks_day.end(), -1);
  std::fill(s.offer_side.begin(), s.offer_side.end(), int8_t{0});
  std::fill(s.truce_break_day.begin(), s.truce_break_day.end(), -1);
  std::fill(s.war_cost.begin(), s.war_cost.end(), 0.0);
  std::fill(s.holdings_hist.begin(), s.holdings_hist.end(), -1.0);
  s.hist_pos = 0;
  std::fill(s.killed_mark.begin(), s.killed_mark.end(), 0.0);
  std::fill(s.homeland_struck.begin(), s.homeland_struck.end(), uint8_t{0});
  std::fill(s.epoch_seen.begin(), s.epoch_seen.end(), -1);
}

double attack_share_toward(const Model& m, const RunState& s, int from, int to) {
  for (int k = m.adj_begin[from]; k < m.adj_begin[from + 1]; ++k)
    if (m.adj_region[k] == to) return s.attack_share[k];
  return 0;
}

void clear_attacks(const Model& m, RunState& s, int region) {
  for (int k = m.adj_begin[region]; k < m.adj_begin[region + 1]; ++k) {
    s.attack_share[k] = 0;
    s.attack_share[m.adj_reverse[k]] = 0;
  }
}

void refresh_members(const Model& m, RunState& s) {
  for (int w = 0; w < m.nwar; ++w) {
    int n = 0;
    for (int a = 0; a < m.nactor; ++a)
      if (s.side[static_cast<size_t>(w) * m.nactor + a]) s.members[static_cast<size_t>(w) * m.nactor + n++] = a;
    s.nmembers[w] = n;
  }
}

bool hostile(const Model& m, const RunState& s, int war, int a, int b) {
  if (war == kNone) return false;
  const int sa = s.side[war * m.nactor + a], sb = s.side[war * m.nactor + b];
  return sa != 0 && sb != 0 && sa != sb;
}

int new_controller(const Model& m, const RunState& s, int war, int region, int side, int taker) {
  const int owner = m.region[region].owner;
  return side_of(s, m, war, owner) == side ? owner : taker;
}

bool claims_region(const Model& m, const RunState& s, int war, int actor, int region) {
  if (war == kNone) return false;
  const int my_side = s.side[war * m.nactor + actor];
  if (!my_side) return false;
  switch (s.aim[static_cast<size_t>(war) * m.nactor + actor]) {
    case AimKind::all: return true;
    case AimKind::own: return s.side[war * m.nactor + m.region[region].owner] == my_side;
    case AimKind::regions:
      return s.claim[static_cast<size_t>(actor) * m.nregion + region] ||
             s.side[war * m.nactor + m.region[region].owner] == my_side;
  }
  return false;
}

const char* check_invariants(const Model& m, const RunState& s) {
  auto bad = [](double v) { return !(v >= 0) || !std::isfinite(v); };
  for (size_t i = 0; i < s.personnel.size(); ++i)
    if (bad(s.personnel[i]) || bad(s.tanks[i]) || bad(s.artillery[i])) return "negative or non-finite force";
  for (size_t i = 0; i < s.aircraft.size(); ++i)
    if (bad(s.aircraft[i]) || bad(s.ships[i])) return "negative or non-finite air or naval pool";
  for (int a = 0; a < m.nactor; ++a) {
    const Equip& p = s.pool[a];
    if (bad(p.personnel) || bad(p.tanks) || bad(p.artillery) || bad(p.aircraft) || bad(p.ships))
      return "negative or non-finite home pool";
    if (bad(s.killed[a]) || bad(s.wounded[a]) || bad(s.captured[a])) return "negative or non-finite losses";
  }
  for (int r = 0; r < m.nregion; ++r) {
    if (s.control[r] < 0 || s.control[r] >= m.nactor) return "region controlled by an unknown actor";
    if (bad(s.population[r])) return "negative or non-finite population";
  }
  for (int i = 0; i < s.nmovement; ++i) {
    const Movement& mv = s.movement[i];
    if (bad(mv.personnel) || bad(mv.tanks) || bad(mv.artillery) || bad(mv.aircraft) || bad(mv.ships))
      return "negative movement";
  }
  if (bad(s.civilian_deaths) || bad(s.displaced)) return "negative civilian losses";
  return nullptr;
}

void add_losses(RunState& s, int actor, double killed, double wounded, double captured) {
  assert(killed >= 0 && wounded >= 0 && captured >= 0);
  s.killed[actor] += killed;
  s.wounded[actor] += wounded;
  s.captured[actor] += captured;
}

bool eval_condition(const Model& m, const RunState& s, int node) {
  if (node == kNone) return true;
  const CondNode& c = m.cond_node[node];
  switch (c.op) {
    case Condition::Op::always: return true;
    case Condition::Op::controls: {
      const int holder = s.control[c.region];
      if (holder == c.actor) return true;
      const int war = s.theater[m.region[c.region].theater].war;
      const int side = side_of(s, m, war, c.actor);
      return side != 0 && side_of(s, m, war, holder) == side;
    }
    case Condition::Op::at_war:
      for (int w = 0; w < m.nwar; ++w)
        if (s.side[w * m.nactor + c.actor] && s.war[w].status == WarStatus::fighting) return true;
      return false;
    case Condition::Op::after: return m.start_day + s.day >= c.day;
    case Condition::Op::before: return m.start_day + s.day < c.day;
    case Condition::Op::deaths_above: {
      double total = 0;
      if (c.actor != kNone) total = s.killed[c.actor];
      else
        for (double k : s.killed) total += k;
      return total > c.value;
    }
    case Condition::Op::all:
      for (int i = c.child_begin; i < c.child_end; ++i)
        if (!eval_condition(m, s, m.cond_child[i])) return false;
      return true;
    case Condition::Op::any:
      for (int i = c.child_begin; i < c.child_end; ++i)
        if (eval_condition(m, s, m.cond_child[i])) return true;
      return false;
    case Condition::Op::not_:
      return c.child_begin == c.child_end || !eval_condition(m, s, m.cond_child[c.child_begin]);
  }
  return false;
}

}  // namespace statecraft
