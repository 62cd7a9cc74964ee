#include "combat/combat.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "combat/forces.h"

namespace statecraft {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

int war_of_theater(const RunState& s, int t) {
  const int w = s.theater[t].war;
  if (w == kNone) return kNone;
  return s.war[w].status == WarStatus::fighting ? w : kNone;
}

// Sea links carry troops, landings and supply only for the side holding the sea.
bool link_usable(const Model& m, const RunState& s, int link, int side) {
  if (m.link[link].kind == LinkKind::land) return true;
  return s.theater[m.region[m.link[link].a].theater].sea_control == side;
}

// A surrounded capital lives on its stocks, not as a base that feeds others.
bool encircled(const Model& m, const RunState& s, int region, int side) {
  for (int k = m.adj_begin[region]; k < m.adj_begin[region + 1]; ++k)
    if (m.link[m.adj_link[k]].kind == LinkKind::land && region_side(m, s, m.adj_region[k]) == side) return false;
  return m.adj_begin[region + 1] > m.adj_begin[region];
}

bool is_supply_source(const Model& m, const RunState& s, int war, int t, int region, int side) {
  if (m.region[region].port && s.theater[t].sea_control == side) return true;
  for (int a : belligerents(m, s, war)) {
    if (s.side[war * m.nactor + a] != side) continue;
    if (s.capital[a] == region && !encircled(m, s, region, side)) return true;
    // a land entry that touches the actor's homeland feeds its forces directly
    const int* entry = m.entries(t, a);
    const int* border = m.borders(t, a);
    for (int i = 0, ne = m.entry_count(t, a); i < ne; ++i) {
      if (entry[i] != region) continue;
      for (int j = 0, nb = m.border_count(t, a); j < nb; ++j)
        if (border[j] == region) return true;
    }
  }
  return false;
}

// The actor on `side` with the most combat power among the forces attacking `target`.
int strongest_attacker(const Model& m, const RunState& s, int war, int target, int side) {
  int best = kNone;
  double best_power = -1;
  for (int k = m.adj_begin[target]; k < m.adj_begin[target + 1]; ++k) {
    const int a = m.adj_region[k];
    if (s.attack_share[m.adj_reverse[k]] <= 0) continue;
    for (int actor : belligerents(m, s, war)) {
      if (s.side[war * m.nactor + actor] != side) continue;
      const double p = raw_power(m, s, actor, a);
      if (p > best_power) {
        best_power = p;
        best = actor;
      }
    }
  }
  if (best == kNone) {  // no attacker left in place: the side's strongest member takes it
    for (int actor : belligerents(m, s, war))
      if (s.side[war * m.nactor + actor] == side) return actor;
  }
  return best;
}

struct PendingCapture {
  int region;
  int side;
  int taker;
  bool routed;
};

}  // namespace

double raw_power(const Model& m, const RunState& s, int actor, int region) {
  const size_t k = static_cast<size_t>(actor) * m.nregion + region;
  return m.actor[actor].quality *
         (s.personnel[k] + m.coef.tank_weight * s.tanks[k] + m.coef.artillery_weight * s.artillery[k]);
}

double side_power(const Model& m, const RunState& s, int region, int side) {
  const int t = m.region[region].theater;
  const int war = s.theater[t].war;
  if (war == kNone || side == 0) return 0;
  double p = 0;
  const int* members = s.members.data() + static_cast<size_t>(war) * m.nactor;
  for (int i = 0; i < s.nmembers[war]; ++i)
    if (s.side[war * m.nactor + members[i]] == side) p += raw_power(m, s, members[i], region);
  if (p <= 0) return 0;
  const double eff = region_side(m, s, region) == side ? s.supply_eff[region] * (1 - s.disorder[region]) : 1.0;
  return p * eff * (1 + m.coef.air_support_max * s.theater[t].air_dominance[side]);
}

double defense_factor(const Model& m, const RunState& s, int region, int link) {
  const Coefficients& c = m.coef;
  double f = c.defense_multiplier * c.terrain_defense[static_cast<int>(m.region[region].terrain)] *
             (1 + s.fortification[region]);
  if (link != kNone && m.link[link].river) f *= c.river_multiplier;
  return f;
}

void update_air_and_sea(const Model& m, RunState& s) {
  const Coefficients& c = m.coef;
  for (int t = 0; t < m.ntheater; ++t) {
    const int w = war_of_theater(s, t);
    if (w == kNone) continue;
    TheaterState& ts = s.theater[t];
    double air[3] = {0, 0, 0}, sea[3] = {0, 0, 0};
    for (int a : belligerents(m, s, w)) {
      const int side = s.side[w * m.nactor + a];
      if (!side) continue;
      const size_t at = static_cast<size_t>(a) * m.ntheater + t;
      air[side] += s.aircraft[at] * m.actor[a].quality;
      sea[side] += s.ships[at] * m.actor[a].quality * c.ship_weight;
    }
    // air superiority: a contest-success function of the weighted aircraft
    if (air[1] + air[2] > 0) {
      const double p1 = std::pow(air[1], c.air_superiority_exponent);
      const double p2 = std::pow(air[2], c.air_superiority_exponent);
      ts.air_share[1] = p1 / (p1 + p2);
    } else {
      ts.air_share[1] = 0.5;
    }
    ts.air_share[2] = 1 - ts.air_share[1];
    for (int side = 1; side <= 2; ++side) {
      ts.air_dominance[side] = std::max(0.0, 2 * ts.air_share[side] - 1);
      if (std::fabs(ts.air_dominance[side] - ts.supply_dominance[side]) > 0.05) s.supply_dirty = true;
    }
    // the sky is contested only while both sides fly
    if (air[1] > 0 && air[2] > 0) {
      for (int a : belligerents(m, s, w)) {
        const int side = s.side[w * m.nactor + a];
        if (!side) continue;
        const size_t at = static_cast<size_t>(a) * m.ntheater + t;
        s.aircraft[at] -= s.aircraft[at] * std::min(1.0, c.air_attrition_rate * m.step_days * ts.air_share[3 - side]);
      }
    }
    int control = 0;
    if (sea[1] > 0 && sea[1] >= c.sea_control_ratio * sea[2]) control = 1;
    else if (sea[2] > 0 && sea[2] >= c.sea_control_ratio * sea[1]) control = 2;
    if (control != ts.sea_control) {
      ts.sea_control = control;
      s.supply_dirty = true;
    }
  }
}

void update_supply(const Model& m, RunState& s) {
  const Coefficients& c = m.coef;
  auto& dist = s.scratch.dist;
  auto& done = s.scratch.done;
  auto& parent = s.scratch.parent;
  for (int r = 0; r < m.nregion; ++r) {
    s.supply_km[r] = 0;
    s.supply_eff[r] = 1;
    s.supply_parent[r] = kNone;
  }
  for (int t = 0; t < m.ntheater; ++t) {
    const int w = war_of_theater(s, t);
    if (w == kNone) continue;
    const int r0 = m.theater[t].region_begin, r1 = m.theater[t].region_end;
    for (int side = 1; side <= 2; ++side) {
      const double interdiction = 1 + c.interdiction * s.theater[t].air_dominance[3 - side];
      const double sea_cost = c.road_km_per_day / c.sea_km_per_day;
      for (int r = r0; r < r1; ++r) {
        const bool mine = region_side(m, s, r) == side;
        dist[r] = mine && is_supply_source(m, s, w, t, r, side) ? 0 : kInf;
        done[r] = !mine;
        parent[r] = kNone;
      }
      // Dijkstra by selection: theatres have tens of regions, so O(n^2) beats a heap
      for (;;) {
        int u = kNone;
        for (int r = r0; r < r1; ++r)
          if (!done[r] && dist[r] < kInf && (u == kNone || dist[r] < dist[u])) u = r;
        if (u == kNone) break;
        done[u] = 1;
        for (int k = m.adj_begin[u]; k < m.adj_begin[u + 1]; ++k) {
          const int v = m.adj_region[k], l = m.adj_link[k];
          if (done[v] || !link_usable(m, s, l, side)) continue;
          const double step =
              m.link[l].kind == LinkKind::sea ? m.link[l].km * sea_cost : m.link[l].km * interdiction;
          if (dist[u] + step < dist[v]) {
            dist[v] = dist[u] + step;
            parent[v] = u;
          }
        }
      }
      for (int r = r0; r < r1; ++r) {
        if (region_side(m, s, r) != side) continue;
        s.supply_km[r] = dist[r];
        s.supply_parent[r] = parent[r];
        if (dist[r] == kInf) {
          s.supply_eff[r] = c.cutoff_effectiveness;
        } else {
          const double x = dist[r] / c.supply_range_km;
          s.supply_eff[r] = std::max(c.cutoff_effectiveness, 1 / (1 + x * x));
        }
      }
      s.theater[t].supply_dominance[side] = s.theater[t].air_dominance[side];
      s.theater[t].supply_dominance[3 - side] = s.theater[t].air_dominance[3 - side];
    }
  }
  s.supply_dirty = false;
}

void capture_region(const Model& m, RunState& s, int region, int side, int taker, bool routed, Trace* trace) {
  const Coefficients& c = m.coef;
  const int t = m.region[region].theater;
  const int war = s.theater[t].war;
  const int old_holder = s.control[region];
  const int old_side = region_side(m, s, region);

  // defenders fall back to the best-supplied friendly neighbour, or are encircled
  int retreat = kNone;
  for (int k = m.adj_begin[region]; k < m.adj_begin[region + 1]; ++k) {
    const int n = m.adj_region[k];
    if (region_side(m, s, n) != old_side || old_side == 0) continue;
    if (!link_usable(m, s, m.adj_link[k], old_side)) continue;
    if (retreat == kNone || s.supply_eff[n] > s.supply_eff[retreat]) retreat = n;
  }
  double lost_total = 0;
  if (retreat != kNone) {
    // a routed mass arriving disorganizes the defenders it falls back on
    const double arriving = side_power(m, s, region, old_side), there = side_power(m, s, retreat, old_side);
    const double shock = (routed ? c.rout_disorder : 0.3 * c.rout_disorder) * arriving / std::max(1.0, arriving + there);
    s.disorder[retreat] = std::min(1.0, std::max(s.disorder[retreat], shock));
  }
  for (int a = 0; a < m.nactor; ++a) {
    const size_t k = static_cast<size_t>(a) * m.nregion + region;
    if (s.personnel[k] <= 0 && s.tanks[k] <= 0 && s.artillery[k] <= 0) continue;
    if (retreat != kNone) {
      const double share = routed ? c.rout_loss : c.retreat_loss;
      const double lost = s.personnel[k] * share;
      // a rout kills some; an orderly retreat only leaves stragglers behind
      const double killed = routed ? lost * 0.4 : 0;
      add_losses(s, a, killed, 0, lost - killed);
      lost_total += lost;
      ForceDelta d{s.personnel[k] - lost, s.tanks[k] * (1 - std::min(1.0, share * c.tank_loss_factor)),
                   s.artillery[k] * (1 - std::min(1.0, share * c.artillery_loss_factor))};
      clear_force(m, s, a, region);
      add_force(m, s, a, retreat, d);
    } else {
      // encircled: most surrender, the rest slip away home without their equipment
      const double surrendered = s.personnel[k] * c.encircled_surrender;
      add_losses(s, a, 0, 0, surrendered);
      lost_total += surrendered;
      s.pool[a].personnel += s.personnel[k] - surrendered;
      clear_force(m, s, a, region);
    }
  }

  // the attacking forces move in
  for (int k = m.adj_begin[region]; k < m.adj_begin[region + 1]; ++k) {
    const int a = m.adj_region[k];
    const double share = s.attack_share[m.adj_reverse[k]];
    if (share <= 0 || region_side(m, s, a) != side) continue;
    const double moving = c.commit_share * share;
    for (int actor : belligerents(m, s, war)) {
      if (s.side[war * m.nactor + actor] != side) continue;
      const size_t src = static_cast<size_t>(actor) * m.nregion + a;
      ForceDelta d{s.personnel[src] * moving, s.tanks[src] * moving, s.artillery[src] * moving};
      add_force(m, s, actor, a, {-d.personnel, -d.tanks, -d.artillery});
      add_force(m, s, actor, region, d);
    }
  }
  clear_attacks(m, s, region);

  if (old_side) s.theater[t].lost_ground_day[old_side] = s.day;
  s.control[region] = new_controller(m, s, war, region, side, taker);
  s.progress_km[region] = 0;
  s.fortification[region] = 0;
  s.disorder[region] = 0;
  s.replan = true;
  const double fled = s.population[region] * c.displacement_share;
  s.population[region] -= fled;
  s.displaced += fled;

  // a government whose seat falls moves to its largest remaining region;
  // one that gets its historic capital back returns there
  for (int a = 0; a < m.nactor; ++a) {
    if (m.actor[a].capital == region && side_of(s, m, war, a) == side) s.capital[a] = region;
    if (s.capital[a] != region || side_of(s, m, war, a) == side) continue;
    int best = kNone;
    for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
      if (m.region[r].owner != a || r == region || region_side(m, s, r) != side_of(s, m, war, a)) continue;
      if (best == kNone || s.population[r] > s.population[best]) best = r;
    }
    s.capital[a] = best;
    if (trace && best != kNone)
      trace->add(s.day, "capital", m.actor_id[a],
                 m.actor_name[a] + " moves its seat of government to " + m.region_name[best]);
  }
  s.supply_dirty = true;
  if (trace) {
    trace->add(s.day, "capture", m.actor_id[taker],
               m.actor_id[taker] + " takes " + m.region_name[region] + " from " + m.actor_id[old_holder] +
                   (retreat == kNone ? " (defenders encircled)" : routed ? " (defence routed)" : ""),
               {{"defenders_lost", lost_total, ""}});
  }
}

void resolve_combat(const Model& m, RunState& s, Rng& rng, Trace* trace) {
  const Coefficients& c = m.coef;
  auto& power = s.scratch.power;
  auto& killed_here = s.scratch.killed_here;
  PendingCapture pending[64];
  int npending = 0;
  const double dt = m.step_days;  // rates are per day; a week step applies seven days at once

  for (int t = 0; t < m.ntheater; ++t) {
    const int w = war_of_theater(s, t);
    if (w == kNone) continue;
    const int r0 = m.theater[t].region_begin, r1 = m.theater[t].region_end;
    const double recovery = std::pow(1 - c.disorder_recovery_per_day, dt);
    for (int r = r0; r < r1; ++r) {
      s.disorder[r] *= recovery;
      power[r] = side_power(m, s, r, region_side(m, s, r));
      killed_here[r] = 0;
      s.fought[r] = 0;
    }
    // the first blows of a fresh belligerent land on an enemy that has not yet
    // learned its ways: the initiator at the outbreak, and an intervening
    // power in its first days (China at Unsan and the Chongchon). The states
    // attacked at the outbreak get no such edge.
    // is anyone still within its window? (most days nobody is)
    bool fresh = false;
    for (int a : belligerents(m, s, w)) {
      const int at_start = m.war_side[w * m.nactor + a];
      if (at_start == 2) continue;
      const int32_t first = at_start ? s.war[w].started_day : std::max(0, s.entered_day[a]);
      fresh |= s.day - first < c.surprise_days;
    }
    auto surprise_of = [&](int region, int side) {
      if (!fresh) return 1.0;
      int lead = kNone;
      double best = 0;
      const int* members = s.members.data() + static_cast<size_t>(w) * m.nactor;
      for (int i = 0; i < s.nmembers[w]; ++i) {
        const int a = members[i];
        if (s.side[w * m.nactor + a] != side) continue;
        const double p = raw_power(m, s, a, region);
        if (p > best) {
          best = p;
          lead = a;
        }
      }
      const int at_start = lead == kNone ? 0 : m.war_side[w * m.nactor + lead];
      if (lead == kNone || at_start == 2) return 1.0;
      const int32_t first = at_start ? s.war[w].started_day : std::max(0, s.entered_day[lead]);
      return s.day - first < c.surprise_days ? c.surprise_multiplier : 1.0;
    };

    // attacks ordered by the theatre commanders
    for (int b = r0; b < r1; ++b) {
      const int defender = region_side(m, s, b);
      if (!defender) continue;
      double attack = 0, river_weighted = 0, depth = 0, strongest = 0;
      int attacker = 0;
      bool by_sea = false;
      for (int k = m.adj_begin[b]; k < m.adj_begin[b + 1]; ++k) {
        const int a = m.adj_region[k], l = m.adj_link[k];
        const int side = region_side(m, s, a);
        const double share = s.attack_share[m.adj_reverse[k]];
        if (!side || side == defender || share <= 0 || !link_usable(m, s, l, side)) continue;
        const bool sea = m.link[l].kind == LinkKind::sea;
        const double e =
            c.commit_share * share * power[a] * (sea ? c.amphibious_penalty : 1) * surprise_of(a, side);
        attack += e;
        river_weighted += e * (m.link[l].river ? c.river_multiplier : 1);
        attacker = side;
        if (e > strongest) {
          strongest = e;
          depth = m.link[l].km * c.capture_depth_share;
          by_sea = sea;
        }
      }
      if (attack <= 0) continue;
      s.fought[b] = 1;
      const double defense = power[b] * defense_factor(m, s, b, kNone) * (river_weighted / attack);
      const double speed = dt * c.advance_km_per_day * c.terrain_speed[static_cast<int>(m.region[b].terrain)];

      if (defense < 1) {  // undefended: the attackers only need time to move in
        s.progress_km[b] += speed * rng.lognormal(1, c.noise_sigma);
        if ((by_sea || s.progress_km[b] >= depth) && npending < 64)
          pending[npending++] = {b, attacker, strongest_attacker(m, s, w, b, attacker), false};
        continue;
      }
      const double ratio = attack / defense;
      const double p = c.lanchester_exponent;
      const double rate = c.attrition_rate * dt;
      const double def_frac = std::min(0.5, rate * std::pow(ratio, p) * rng.lognormal(1, c.noise_sigma));
      const double att_frac = std::min(0.5, rate * std::pow(ratio, -p) * rng.lognormal(1, c.noise_sigma));
      for (int a : belligerents(m, s, w))
        if (s.side[w * m.nactor + a] == defender) killed_here[b] += inflict_losses(m, s, a, b, def_frac);
      for (int k = m.adj_begin[b]; k < m.adj_begin[b + 1]; ++k) {
        const int a = m.adj_region[k];
        const double share = s.attack_share[m.adj_reverse[k]];
        if (share <= 0 || region_side(m, s, a) != attacker) continue;
        s.fought[a] = 1;
        for (int actor : belligerents(m, s, w))
          if (s.side[w * m.nactor + actor] == attacker)
            killed_here[b] += inflict_losses(m, s, actor, a, att_frac * c.commit_share * share);
      }
      // ground is gained only above the threshold ratio, faster the larger it is
      if (ratio > c.advance_threshold_ratio)
        s.progress_km[b] += speed * (1 - c.advance_threshold_ratio / ratio) * rng.lognormal(1, c.noise_sigma);
      const double daily = std::min(1.0, c.breakthrough_chance_per_day * std::min(3.0, ratio / c.breakthrough_ratio));
      const bool collapse = ratio >= c.breakthrough_ratio && rng.chance(1 - std::pow(1 - daily, dt));
      if ((collapse || s.progress_km[b] >= depth) && npending < 64)
        pending[npending++] = {b, attacker, strongest_attacker(m, s, w, b, attacker), collapse};
      if (trace && s.day % 7 == 0)
        trace->add(s.day, "battle", m.actor_id[s.control[b]],
                   "fighting for " + m.region_name[b] + ": force ratio " + std::to_string(ratio).substr(0, 4),
                   {{"force_ratio", ratio, ""}, {"progress_km", s.progress_km[b], ""}});
    }

    // quiet fronts still bleed; cut-off forces wither; held lines dig in
    for (int r = r0; r < r1; ++r) {
      const int side = region_side(m, s, r);
      if (!side) continue;
      double enemy = 0;
      for (int k = m.adj_begin[r]; k < m.adj_begin[r + 1]; ++k) {
        const int n = m.adj_region[k];
        const int ns = region_side(m, s, n);
        if (ns && ns != side && m.link[m.adj_link[k]].kind == LinkKind::land) enemy += power[n];
      }
      if (!s.fought[r] && enemy > 0 && power[r] > 0) {
        const double rel = enemy / (power[r] * defense_factor(m, s, r, kNone));
        const double frac = std::min(0.05 * dt, c.static_attrition_rate * dt * std::pow(rel, c.lanchester_exponent));
        for (int a : belligerents(m, s, w))
          if (s.side[w * m.nactor + a] == side) killed_here[r] += inflict_losses(m, s, a, r, frac);
      }
      if (s.supply_km[r] == kInf) {
        for (int a : belligerents(m, s, w))
          if (s.side[w * m.nactor + a] == side) wither(m, s, a, r, c.cutoff_attrition_per_day * dt);
      }
      if (!s.fought[r] && enemy > 0)
        s.fortification[r] = std::min(c.fortification_max, s.fortification[r] + c.fortification_per_day * dt);
      else if (enemy == 0 && !s.fought[r])
        s.progress_km[r] = 0;  // nobody presses here any more
    }

    // the people of fought-over regions die and flee
    const double mean_pop = m.theater[t].population / std::max(1, r1 - r0);
    for (int r = r0; r < r1; ++r) {
      if (!s.fought[r] || s.population[r] <= 0) continue;
      const double exposure = std::min(c.civilian_exposure_max, s.population[r] / std::max(1.0, mean_pop));
      const double deaths = std::min(s.population[r] * 0.01, c.civilian_harm * killed_here[r] * exposure);
      const double fled = (s.population[r] - deaths) * std::min(1.0, c.displacement_per_day * dt);
      s.population[r] -= deaths + fled;
      s.civilian_deaths += deaths;
      s.region_civilian_deaths[r] += deaths;
      s.displaced += fled;
    }
  }

  for (int i = 0; i < npending; ++i) {
    const PendingCapture& pc = pending[i];
    // an earlier capture today may have changed either side of this one
    if (region_side(m, s, pc.region) == pc.side || region_side(m, s, pc.region) == 0) continue;
    capture_region(m, s, pc.region, pc.side, pc.taker, pc.routed, trace);
  }
}

}  // namespace statecraft
