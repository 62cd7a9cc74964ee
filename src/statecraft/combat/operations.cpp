#include "combat/operations.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "combat/combat.h"
#include "combat/forces.h"

namespace statecraft {

namespace {

bool link_usable(const Model& m, const RunState& s, int link, int side) {
  if (m.link[link].kind == LinkKind::land) return true;
  return s.theater[m.region[m.link[link].a].theater].sea_control == side;
}

bool side_claims(const Model& m, const RunState& s, int war, int side, int region) {
  for (int a : belligerents(m, s, war))
    if (s.side[war * m.nactor + a] == side && claims_region(m, s, war, a, region)) return true;
  return false;
}

bool is_capital_of_side(const Model& m, const RunState& s, int war, int side, int region) {
  for (int a : belligerents(m, s, war))
    if (s.side[war * m.nactor + a] == side && s.capital[a] == region) return true;
  return false;
}

double side_personnel(const Model& m, const RunState& s, int war, int side, int region) {
  double p = 0;
  for (int a : belligerents(m, s, war))
    if (s.side[war * m.nactor + a] == side) p += s.personnel[static_cast<size_t>(a) * m.nregion + region];
  return p;
}

int32_t travel_days(const Model& m, int from, int to) {
  // roads wind: 1.3 x the straight line
  const double km = m.km(from, to) * 1.3;
  return std::max<int32_t>(1, static_cast<int32_t>(std::ceil(km / m.coef.road_km_per_day)));
}

// Sends `frac` of every `side` force in `from` towards `to`.
void send(const Model& m, RunState& s, int war, int side, int from, int to, double frac) {
  const int32_t arrive = s.day + travel_days(m, from, to);
  for (int a : belligerents(m, s, war)) {
    if (s.side[war * m.nactor + a] != side) continue;
    const size_t k = static_cast<size_t>(a) * m.nregion + from;
    if (s.personnel[k] <= 0 && s.tanks[k] <= 0) continue;
    Movement mv;
    mv.actor = a;
    mv.region = to;
    mv.theater = m.region[from].theater;
    mv.arrive_day = arrive;
    mv.personnel = s.personnel[k] * frac;
    mv.tanks = s.tanks[k] * frac;
    mv.artillery = s.artillery[k] * frac;
    add_force(m, s, a, from, {-mv.personnel, -mv.tanks, -mv.artillery});
    queue_movement(m, s, mv);
  }
}

void plan_side(const Model& m, RunState& s, Rng& rng, Trace* trace, int t, int w, int X) {
  const Coefficients& c = m.coef;
  const int Y = 3 - X;
  const int r0 = m.theater[t].region_begin, r1 = m.theater[t].region_end;
  auto& power = s.scratch.power;
  auto& est = s.scratch.attack_power;  // our perception of each region's strength
  auto& dep = s.scratch.value;         // enemy strength whose supply runs through a region
  auto& need = s.scratch.need;
  auto& comp = s.scratch.component;
  TheaterState& ts = s.theater[t];

  double enemy_total = 0, mean_pop = 0;
  for (int r = r0; r < r1; ++r) {
    power[r] = side_power(m, s, r, region_side(m, s, r));
    const int rs = region_side(m, s, r);
    est[r] = rs == Y ? power[r] * rng.lognormal(1, c.perception_noise) : power[r];
    if (rs == Y) enemy_total += est[r];
    dep[r] = 0;
    mean_pop += m.region[r].population;
  }
  mean_pop /= std::max(1, r1 - r0);
  // every enemy region adds its strength to each region on its supply path
  for (int r = r0; r < r1; ++r) {
    if (region_side(m, s, r) != Y) continue;
    for (int u = r, hops = 0; u != kNone && hops < r1 - r0; u = s.supply_parent[u], ++hops) dep[u] += est[r];
  }
  auto defense_of = [&](int b) { return std::max(1.0, est[b] * defense_factor(m, s, b, kNone)); };
  // what our side may take, and how close each region is to an enemy seat of government
  auto& claimed = s.scratch.claimed;
  auto& pull = s.scratch.pull;
  for (int r = r0; r < r1; ++r) {
    claimed[r] = region_side(m, s, r) == Y && side_claims(m, s, w, X, r);
    pull[r] = 0;
    for (int a : belligerents(m, s, w))
      if (s.side[w * m.nactor + a] == Y && s.capital[a] != kNone)
        pull[r] = std::max(pull[r], m.seat_pull[static_cast<size_t>(r) * m.nregion + s.capital[a]]);
  }

  // --- attacks: each region splits its striking force over the enemy
  //     neighbours it can beat together with its neighbours, the most
  //     valuable first (ground towards enemy capitals and across enemy supply lines) ---
  auto& joint = s.scratch.dist;          // combined striking power against each enemy region
  auto& attackers = s.scratch.parent;    // how many of our regions border it
  auto& attack_need = s.scratch.killed_here;  // power a region needs for its attacks
  for (int r = r0; r < r1; ++r) {
    joint[r] = 0;
    attackers[r] = 0;
    attack_need[r] = 0;
  }
  for (int b = r0; b < r1; ++b) {
    if (!claimed[b]) continue;
    for (int k = m.adj_begin[b]; k < m.adj_begin[b + 1]; ++k) {
      const int n = m.adj_region[k];
      if (region_side(m, s, n) != X || m.link[m.adj_link[k]].kind != LinkKind::land || power[n] <= 0) continue;
      joint[b] += c.commit_share * power[n];
      ++attackers[b];
    }
  }
  // ground is worth its people, the enemy strength that depends on it for
  // supply, and its nearness to an enemy seat of government (most of all the seat itself)
  auto value_of = [&](int b) {
    return (1 + m.region[b].population / std::max(1.0, mean_pop)) * (1 + 2 * dep[b] / std::max(1.0, enemy_total)) *
           (1 + 2 * pull[b]) * (1 + 2.0 * (pull[b] >= 1));
  };
  struct Candidate {
    int entry;
    double weight;
    double need;  // power this region should bring to its share of the attack
  };
  Candidate cand[16];
  // a side that accepts losses attacks at worse odds (the Chinese offensives
  // of 1950-51): the threshold scales with its members' casualty tolerance,
  // weighted by their strength in the theatre
  double tolerance = 0, weight = 0;
  for (int a : belligerents(m, s, w)) {
    if (s.side[w * m.nactor + a] != X) continue;
    double p = 0;
    for (int r = r0; r < r1; ++r) p += s.personnel[static_cast<size_t>(a) * m.nregion + r];
    tolerance += p * m.actor[a].casualty_tolerance;
    weight += p;
  }
  tolerance = weight > 0 ? tolerance / weight : 0.5;
  const double min_ratio = c.attack_min_ratio * (1 + c.attack_tolerance_effect * (0.5 - tolerance));
  for (int a = r0; a < r1; ++a) {
    if (region_side(m, s, a) != X) continue;
    for (int k = m.adj_begin[a]; k < m.adj_begin[a + 1]; ++k) s.attack_share[k] = 0;
    int n = 0;
    double cheapest = 0;  // force this region would need to attack its easiest claimed neighbour
    for (int k = m.adj_begin[a]; k < m.adj_begin[a + 1] && n < 16; ++k) {
      const int b = m.adj_region[k], l = m.adj_link[k];
      // assaults over the sea are deliberate landings, planned below
      if (!claimed[b] || m.link[l].kind != LinkKind::land) continue;
      const double ratio = joint[b] / defense_of(b);
      // a tolerant side attacks sooner, but masses for the same odds as any other
      const double wanted =
          c.attack_mass * c.attack_min_ratio * defense_of(b) / (c.commit_share * std::max(1, attackers[b]));
      if (cheapest == 0 || wanted < cheapest) cheapest = wanted;
      if (ratio < min_ratio) continue;
      cand[n++] = {k, std::sqrt(std::min(ratio, 4.0)) * value_of(b), wanted};
    }
    if (n == 0) {
      // too weak to attack yet: ask the rear for the force an attack needs
      attack_need[a] = cheapest;
      continue;
    }
    std::sort(cand, cand + n, [](const Candidate& x, const Candidate& y) { return x.weight > y.weight; });
    // the best target gets what it needs, the rest goes to the next ones
    double remaining = 1;
    for (int i = 0; i < n && remaining > 0.05; ++i) {
      const double share = std::min(remaining, std::max(1.0 / 3, cand[i].need / power[a]));
      s.attack_share[cand[i].entry] = share;
      attack_need[a] += cand[i].need * share;
      remaining -= share;
    }
    if (remaining > 0) s.attack_share[cand[0].entry] += remaining;
  }

  // --- amphibious landing: gather a force in a port, then strike behind the front ---
  int& target = ts.landing_target[X];
  int& port = ts.landing_port[X];
  double landing_need = 0;
  if (ts.sea_control != X || (target != kNone && (region_side(m, s, target) != Y || region_side(m, s, port) != X)))
    target = port = kNone;
  if (target == kNone && ts.sea_control == X && enemy_total > 0) {
    double best_gain = c.landing_min_gain;
    for (int b = r0; b < r1; ++b) {
      if (!claimed[b] || !m.region[b].coastal) continue;
      double gain = dep[b];
      for (int k = m.adj_begin[b]; k < m.adj_begin[b + 1]; ++k)
        if (m.link[m.adj_link[k]].kind == LinkKind::land && region_side(m, s, m.adj_region[k]) == Y)
          gain = std::max(gain, dep[m.adj_region[k]]);
      gain /= enemy_total;
      if (gain <= best_gain) continue;
      for (int k = m.adj_begin[b]; k < m.adj_begin[b + 1]; ++k) {
        const int a = m.adj_region[k];
        if (m.link[m.adj_link[k]].kind != LinkKind::sea || region_side(m, s, a) != X || !m.region[a].port) continue;
        // the landing site must not itself be the front: the point is to land behind it
        bool adjacent_to_ours = false;
        for (int j = m.adj_begin[b]; j < m.adj_begin[b + 1]; ++j)
          if (m.link[m.adj_link[j]].kind == LinkKind::land && region_side(m, s, m.adj_region[j]) == X)
            adjacent_to_ours = true;
        if (adjacent_to_ours) continue;
        best_gain = gain;
        target = b;
        port = a;
        break;
      }
    }
    if (target != kNone && trace)
      trace->add(s.day, "landing_plan", "", "side " + std::to_string(X) + " gathers a landing force at " +
                                                m.region_name[port] + " to strike at " + m.region_name[target],
                 {{"enemy_strength_cut_off_share", best_gain, ""}});
  }
  // power a region needs to hold against the enemy next to it
  auto hold_need = [&](int r) {
    double threat = 0;
    for (int k = m.adj_begin[r]; k < m.adj_begin[r + 1]; ++k) {
      const int n = m.adj_region[k];
      if (region_side(m, s, n) != Y) continue;
      if (m.link[m.adj_link[k]].kind == LinkKind::land) threat += est[n];
      else if (ts.sea_control == Y) threat += est[n] * c.amphibious_penalty;
    }
    return c.threat_weight * threat * 1.2 / defense_factor(m, s, r, kNone);
  };
  if (target != kNone) {
    const double required = c.landing_min_ratio * defense_of(target) / (c.commit_share * c.amphibious_penalty);
    // the landing force sails only once the port can spare it: what stays
    // behind must still hold the port (Inchon waited for the Pusan perimeter)
    // ... and the line elsewhere holds: a front short of what it needs
    // draws first on the rear, then on the landing force
    double deficit = 0, rear = 0;
    for (int r = r0; r < r1; ++r) {
      if (region_side(m, s, r) != X || r == port) continue;
      bool front = false;
      for (int k = m.adj_begin[r]; k < m.adj_begin[r + 1] && !front; ++k)
        front = m.link[m.adj_link[k]].kind == LinkKind::land && region_side(m, s, m.adj_region[k]) == Y;
      if (front) deficit += std::max(0.0, hold_need(r) - power[r]);
      else rear += power[r];
    }
    const double spare = power[port] - hold_need(port) - std::max(0.0, deficit - rear);
    const double per_man = power[port] / std::max(1.0, side_personnel(m, s, w, X, port));
    const double landing_power = std::max(1.25 * required, c.landing_min_personnel * per_man);
    const bool line_held = ts.lost_ground_day[X] < 0 || s.day - ts.lost_ground_day[X] >= c.landing_stable_days;
    if (power[port] > 0 && spare >= landing_power && line_held) {
      const double share = std::min(1.0, landing_power / (c.commit_share * power[port]));
      for (int k = m.adj_begin[port]; k < m.adj_begin[port + 1]; ++k)
        s.attack_share[k] = m.adj_region[k] == target && m.link[m.adj_link[k]].kind == LinkKind::sea ? share : 0.0;
      if (trace)
        trace->add(s.day, "landing", "", "side " + std::to_string(X) + " lands from " + m.region_name[port] +
                                             " at " + m.region_name[target],
                   {{"force_ratio", c.commit_share * power[port] * c.amphibious_penalty / defense_of(target), ""}});
    } else {
      landing_need = std::max(1.25 * required, c.landing_min_personnel * per_man) + hold_need(port) - power[port];
    }
  }

  // --- reinforcement: surplus flows to where defence or attack needs it ---
  for (int r = r0; r < r1; ++r) {
    need[r] = 0;
    comp[r] = kNone;
  }
  // forces already on their way count towards a region's need
  auto& incoming = s.scratch.pull;  // (reused: pull is not needed past the attack plan)
  for (int r = r0; r < r1; ++r) incoming[r] = 0;
  for (int i = 0; i < s.nmovement; ++i) {
    const Movement& mv = s.movement[i];
    if (mv.region == kNone || mv.theater != t || s.side[w * m.nactor + mv.actor] != X) continue;
    incoming[mv.region] += m.actor[mv.actor].quality *
                           (mv.personnel + c.tank_weight * mv.tanks + c.artillery_weight * mv.artillery);
  }
  double surplus_total = 0;
  for (int r = r0; r < r1; ++r) {
    if (region_side(m, s, r) != X) continue;
    bool front = false;
    for (int k = m.adj_begin[r]; k < m.adj_begin[r + 1]; ++k)
      front |= m.link[m.adj_link[k]].kind == LinkKind::land && region_side(m, s, m.adj_region[k]) == Y;
    // held ground needs a garrison against raids, guerrillas and the walk-in
    // of enemy stragglers: a share of its people
    const double garrison = c.garrison_per_capita * s.population[r];
    double required = std::max({hold_need(r), attack_need[r], garrison});
    if (r == port) required = std::max(required, power[r] + landing_need);
    if (!front && r != port) {
      // the rear sends everything forward but its garrison and a reserve at the seat of government
      const double keep = std::max(garrison, is_capital_of_side(m, s, w, X, r) ? c.reserve_share * power[r] : 0.0);
      need[r] = keep - power[r];
    } else if (required >= power[r] + incoming[r]) {
      need[r] = required - power[r] - incoming[r];
    } else if (required >= power[r]) {
      need[r] = 0;
    } else {
      // a front region gives away only what clearly exceeds its own need
      need[r] = required > 0 && power[r] > 2 * required ? -(power[r] - 1.5 * required) : 0;
    }
    if (need[r] < 0) surplus_total -= need[r];
  }
  if (surplus_total <= 0) return;
  // friendly territory reachable over land and held sea lanes
  int ncomp = 0;
  for (int r = r0; r < r1; ++r) {
    if (region_side(m, s, r) != X || comp[r] != kNone) continue;
    comp[r] = ncomp;
    // flood fill with the component array itself as the visited set
    for (bool grew = true; grew;) {
      grew = false;
      for (int u = r0; u < r1; ++u) {
        if (comp[u] != ncomp) continue;
        for (int k = m.adj_begin[u]; k < m.adj_begin[u + 1]; ++k) {
          const int v = m.adj_region[k];
          if (comp[v] == kNone && region_side(m, s, v) == X && link_usable(m, s, m.adj_link[k], X)) {
            comp[v] = ncomp;
            grew = true;
          }
        }
      }
    }
    ++ncomp;
  }
  for (int r = r0; r < r1; ++r) {
    if (region_side(m, s, r) != X || need[r] >= 0 || power[r] <= 0) continue;
    // the surplus goes to the neediest reachable regions, nearer ones first
    double surplus = -need[r], sent = 0;
    const double total = power[r];
    for (int sends = 0; sends < 4 && surplus >= 0.02 * total; ++sends) {
      int dest = kNone;
      double best = 0;
      for (int d = r0; d < r1; ++d) {
        if (d == r || comp[d] != comp[r] || need[d] <= 0) continue;
        const double score = need[d] / (1 + m.km(r, d) / 300);
        if (score > best) {
          best = score;
          dest = d;
        }
      }
      if (dest == kNone) break;
      const double amount = std::min(surplus, need[dest]);
      // `send` moves a share of what is left in the region after earlier sends
      send(m, s, w, X, r, dest, std::min(1.0, amount / (total - sent)));
      sent += amount;
      need[dest] -= amount;
      surplus -= amount;
    }
  }
}

}  // namespace

void queue_movement(const Model& m, RunState& s, const Movement& mv) {
  (void)m;
  if (s.nmovement >= kMaxMovements) {
    ++s.dropped_movements;
    Equip& pool = s.pool[mv.actor];
    pool.personnel += mv.personnel;
    pool.tanks += mv.tanks;
    pool.artillery += mv.artillery;
    pool.aircraft += mv.aircraft;
    pool.ships += mv.ships;
    return;
  }
  s.movement[s.nmovement++] = mv;
}

void deliver_movements(const Model& m, RunState& s, Trace* trace) {
  int kept = 0;
  for (int i = 0; i < s.nmovement; ++i) {
    Movement mv = s.movement[i];
    if (mv.arrive_day > s.day) {
      s.movement[kept++] = mv;
      continue;
    }
    const int t = mv.theater;
    const int war = s.theater[t].war;
    const int side = side_of(s, m, war, mv.actor);
    const size_t at = static_cast<size_t>(mv.actor) * m.ntheater + t;
    if (side != 0 && s.entered_day[mv.actor] < 0 && mv.personnel + mv.aircraft + mv.ships > 0)
      s.entered_day[mv.actor] = s.day;
    s.aircraft[at] += mv.aircraft;
    s.ships[at] += mv.ships;
    int dest = mv.region;
    if (dest != kNone && (side == 0 || region_side(m, s, dest) != side)) {
      // the destination fell on the way: stop at the nearest region still ours
      const int from = dest;
      dest = kNone;
      double best = 0;
      for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
        if (side == 0 || region_side(m, s, r) != side) continue;
        const double d = m.km(from, r);
        if (dest == kNone || d < best) {
          best = d;
          dest = r;
        }
      }
    } else if (dest == kNone && side != 0) {
      // arrival from outside the theatre: the first entry region the side still holds
      const int* entry = m.entries(t, mv.actor);
      for (int j = 0, n = m.entry_count(t, mv.actor); j < n && dest == kNone; ++j)
        if (region_side(m, s, entry[j]) == side) dest = entry[j];
      if (dest == kNone && s.capital[mv.actor] != kNone && region_side(m, s, s.capital[mv.actor]) == side)
        dest = s.capital[mv.actor];
      if (dest == kNone && mv.personnel + mv.tanks + mv.artillery > 0) {
        // nowhere to land yet: wait a week at sea or in the staging area
        mv.arrive_day = s.day + 7;
        mv.aircraft = mv.ships = 0;
        s.movement[kept++] = mv;
        continue;
      }
    }
    if (dest == kNone) {
      Equip& pool = s.pool[mv.actor];
      pool.personnel += mv.personnel;
      pool.tanks += mv.tanks;
      pool.artillery += mv.artillery;
      continue;
    }
    add_force(m, s, mv.actor, dest, {mv.personnel, mv.tanks, mv.artillery});
    if (trace && mv.region == kNone && mv.personnel > 1000)
      trace->add(s.day, "arrival", m.actor_id[mv.actor],
                 m.actor_id[mv.actor] + " forces arrive at " + m.region_name[dest] + ": " +
                     std::to_string(static_cast<long>(mv.personnel)) + " personnel",
                 {{"personnel", mv.personnel, ""}, {"tanks", mv.tanks, ""}});
  }
  s.nmovement = kept;
}

void plan_operations(const Model& m, RunState& s, Rng& rng, Trace* trace) {
  for (int t = 0; t < m.ntheater; ++t) {
    const int w = s.theater[t].war;
    if (w == kNone || s.war[w].status != WarStatus::fighting) continue;
    for (int side = 1; side <= 2; ++side) plan_side(m, s, rng, trace, t, w, side);
  }
}

}  // namespace statecraft
