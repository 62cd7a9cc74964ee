#include "engine/war.h"

#include <algorithm>
#include <cmath>

#include "combat/forces.h"
#include "combat/operations.h"

namespace statecraft {

double deploy_days(const Model& m, const RunState& s, int actor) {
  return m.actor[actor].deploy_days * (s.ready[actor] ? m.coef.ready_deploy_share : 1.0);
}

bool fights_at_home(const Model& m, int actor, int t) { return m.owns_in[static_cast<size_t>(actor) * m.ntheater + t]; }

void enter_war(const Model& m, RunState& s, int war, int actor, int side, double commitment, Trace* trace) {
  const size_t k = static_cast<size_t>(war) * m.nactor + actor;
  if (s.side[k] != 0 || side < 1 || side > 2) return;
  s.side[k] = static_cast<int8_t>(side);
  if (!s.entered_side[actor]) s.entered_side[actor] = static_cast<int8_t>(side);
  refresh_members(m, s);
  // an outside power counts as in the war when its forces first arrive (as
  // the Correlates of War date participation); a state at home at once
  const int t0 = m.war[war].theater;
  if (s.entered_day[actor] < 0 && fights_at_home(m, actor, t0)) s.entered_day[actor] = s.day;
  s.commitment[actor] = std::clamp(commitment, 0.0, 1.0);
  const int t = m.war[war].theater;
  const size_t at = static_cast<size_t>(actor) * m.ntheater + t;
  Equip& pool = s.pool[actor];

  // forces held ready outside the theatre sail at once, each wave arriving after its own delay
  if (!s.reserve_sent[at]) {
    s.reserve_sent[at] = 1;
    for (const ForceModel& f : m.force) {
      if (f.region != kNone || f.actor != actor || f.theater != t) continue;
      Movement mv;
      mv.actor = actor;
      mv.theater = t;
      mv.arrive_day = s.day + static_cast<int32_t>(std::ceil(f.arrival_days));
      mv.personnel = f.equip.personnel;
      mv.tanks = f.equip.tanks;
      mv.artillery = f.equip.artillery;
      mv.aircraft = f.equip.aircraft;
      mv.ships = f.equip.ships;
      queue_movement(m, s, mv);
    }
  }
  if (fights_at_home(m, actor, t)) {
    // a state fighting on its own soil puts every aircraft and ship into it
    s.aircraft[at] += pool.aircraft;
    s.ships[at] += pool.ships;
    pool.aircraft = pool.ships = 0;
  } else {
    const double share = m.actor[actor].deployable_share * s.commitment[actor];
    Movement mv;
    mv.actor = actor;
    mv.theater = t;
    mv.arrive_day = s.day + static_cast<int32_t>(std::ceil(deploy_days(m, s, actor)));
    mv.aircraft = pool.aircraft * share;
    mv.ships = pool.ships * share;
    pool.aircraft -= mv.aircraft;
    pool.ships -= mv.ships;
    if (mv.aircraft + mv.ships > 0) queue_movement(m, s, mv);
  }
  s.supply_dirty = true;
  if (trace)
    trace->add(s.day, "enter", m.actor_id[actor],
               m.actor_name[actor] + " enters " + m.war_id[war] + " on the side of the " +
                   (side == 1 ? "attackers" : "defenders"),
               {{"commitment", s.commitment[actor], ""}});
}

void leave_war(const Model& m, RunState& s, int war, int actor, Trace* trace) {
  const size_t k = static_cast<size_t>(war) * m.nactor + actor;
  const int side = s.side[k];
  if (!side) return;
  const int t = m.war[war].theater;
  Equip& pool = s.pool[actor];
  for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
    const size_t ar = static_cast<size_t>(actor) * m.nregion + r;
    pool.personnel += s.personnel[ar];
    pool.tanks += s.tanks[ar];
    pool.artillery += s.artillery[ar];
    clear_force(m, s, actor, r);
    // occupied ground goes back to its owner when the occupier pulls out
    if (s.control[r] == actor && m.region[r].owner != actor) {
      s.control[r] = m.region[r].owner;
      clear_attacks(m, s, r);
    }
  }
  const size_t at = static_cast<size_t>(actor) * m.ntheater + t;
  pool.aircraft += s.aircraft[at];
  pool.ships += s.ships[at];
  s.aircraft[at] = s.ships[at] = 0;
  int kept = 0;
  for (int i = 0; i < s.nmovement; ++i) {
    const Movement& mv = s.movement[i];
    if (mv.actor == actor && mv.theater == t) {
      pool.personnel += mv.personnel;
      pool.tanks += mv.tanks;
      pool.artillery += mv.artillery;
      pool.aircraft += mv.aircraft;
      pool.ships += mv.ships;
    } else {
      s.movement[kept++] = mv;
    }
  }
  s.nmovement = kept;
  s.side[k] = 0;
  refresh_members(m, s);
  s.commitment[actor] = 0;
  s.supply_dirty = true;
  if (trace) trace->add(s.day, "leave", m.actor_id[actor], m.actor_name[actor] + " leaves " + m.war_id[war]);
}

void set_aim(const Model& m, RunState& s, int war, int actor, AimKind aim, Trace* trace) {
  AimKind& current = s.aim[static_cast<size_t>(war) * m.nactor + actor];
  if (current == aim) return;
  current = aim;
  if (trace) {
    const char* names[] = {"all enemy territory", "its side's own territory", "the regions it named"};
    trace->add(s.day, "aims", m.actor_id[actor],
               m.actor_name[actor] + " now fights for " + names[static_cast<int>(aim)]);
  }
}

void set_commitment(const Model& m, RunState& s, int actor, double commitment) {
  (void)m;
  s.commitment[actor] = std::clamp(commitment, 0.0, 1.0);
}

void end_war(const Model& m, RunState& s, int war, WarStatus status, int winner_side, Trace* trace) {
  WarState& ws = s.war[war];
  ws.status = status;
  ws.ended_day = s.day;
  ws.winner_side = winner_side;
  const int t = m.war[war].theater;
  for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) clear_attacks(m, s, r);
  if (trace) {
    const char* what = winner_side == 1 ? "the attackers win" : winner_side == 2 ? "the defenders win" : "it is settled";
    trace->add(s.day, "war_end", "", m.war_id[war] + " ends: " + what);
  }
}

}  // namespace statecraft
