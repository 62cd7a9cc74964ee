#include "theory/context.h"

#include <algorithm>
#include <cmath>

#include "combat/combat.h"
#include "theory/theory.h"

namespace statecraft {

namespace {

double logistic(double x) { return 1 / (1 + std::exp(-x)); }

double ideology_closeness(const Model& m, int a, int b) {
  if (m.naxes == 0) return 0;
  double d = 0;
  for (int k = 0; k < m.naxes; ++k) d += std::fabs(m.ideology[a * m.naxes + k] - m.ideology[b * m.naxes + k]);
  return 1 - d / m.naxes;  // 1 same, -1 opposite ends
}

bool actors_allied(const Model& m, const RunState& s, int a, int b) {
  for (int t = 0; t < m.ntreaty; ++t) {
    if (!s.treaty_active[t] || m.treaty[t].type != TreatyType::defense) continue;
    bool ha = false, hb = false;
    for (int i = m.treaty[t].member_begin; i < m.treaty[t].member_end; ++i) {
      ha |= m.treaty_member[i] == a;
      hb |= m.treaty_member[i] == b;
    }
    if (ha && hb) return true;
  }
  for (int o = 0; o < m.norg; ++o) {
    if (m.org[o].kind != OrgKind::alliance) continue;
    bool ha = false, hb = false;
    for (int i = m.org[o].member_begin; i < m.org[o].member_end; ++i) {
      ha |= m.org_member[i] == a;
      hb |= m.org_member[i] == b;
    }
    if (ha && hb) return true;
  }
  return false;
}

}  // namespace

bool home_actor(const Model& m, int war, int actor) {
  return m.owns_in[static_cast<size_t>(actor) * m.ntheater + m.war[war].theater];
}

double favor_of(const Model& m, const RunState& s, int actor, int war, int side) {
  double sum = 0, weight = 0;
  for (int b = 0; b < m.nactor; ++b) {
    if (b == actor || s.side[war * m.nactor + b] != side) continue;
    const double w = m.actor[b].cinc + 0.001;
    sum += w * (0.5 * m.affinity[actor * m.nactor + b] + 0.5 * ideology_closeness(m, actor, b));
    weight += w;
  }
  if (s.side[war * m.nactor + actor] == side) return 1;
  return weight > 0 ? sum / weight : 0;
}

bool in_bloc(const Model& m, const RunState& s, int war, int side, int actor) {
  const size_t k = static_cast<size_t>(war) * m.nactor + actor;
  if (s.side[k] == side || s.alignment[k] == side) return true;
  if (s.side[k] != 0) return false;
  for (int b = 0; b < m.nactor; ++b)
    if (s.side[war * m.nactor + b] == side && actors_allied(m, s, actor, b)) return true;
  // a camp is more than its treaties: a close sympathizer hostile to the
  // other side counts with it (the Soviet Union and China behind North Korea)
  return favor_of(m, s, actor, war, side) >= m.coef.bop_bloc_favor && favor_of(m, s, actor, war, 3 - side) < 0;
}

double observed_p_win(const Coefficients& c, const WarView& v, int side) {
  const int other = 3 - side;
  const double ratio = (v.theatre_power[side] + 1) / (v.theatre_power[other] + 1);
  const double x = c.belief_force_slope * std::log(ratio) +
                   c.belief_holdings_slope * (v.holdings[side] - v.baseline[side]) + c.belief_trend_slope * v.trend[side];
  return logistic(x);
}

void compute_war_view(const Model& m, RunState& s, int war) {
  WarView& v = s.war_view[war];
  v = WarView{};
  const WarState& ws = s.war[war];
  v.active = ws.status == WarStatus::fighting || ws.status == WarStatus::ceasefire || ws.status == WarStatus::armistice;
  if (!v.active) return;
  const int t = m.war[war].theater;
  const double total_pop = std::max(1.0, m.theater[t].population);
  for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
    s.scratch.side_personnel[static_cast<size_t>(1) * m.nregion + r] = 0;
    s.scratch.side_personnel[static_cast<size_t>(2) * m.nregion + r] = 0;
  }
  for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
    const int holder = region_side(m, s, r);
    const int owner_side = s.side[war * m.nactor + m.region[r].owner];
    const double share = m.region[r].population / total_pop;
    if (holder) {
      v.holdings[holder] += share;
      v.theatre_power[holder] += side_power(m, s, r, holder);
    }
    if (owner_side) v.baseline[owner_side] += share;
    bool claimed_by[3] = {false, false, false};
    for (int side = 1; side <= 2; ++side) {
      for (int a = 0; a < m.nactor && !claimed_by[side]; ++a)
        claimed_by[side] = s.side[war * m.nactor + a] == side && claims_region(m, s, war, a, r);
      if (claimed_by[side]) v.claims[side] += share;
    }
    // what the enemy wants (or already has) of a side's own ground
    if (owner_side && (claimed_by[3 - owner_side] || holder == 3 - owner_side)) v.exposure[owner_side] += share;
  }
  // an enemy that once claimed a side's ground is presumed to want it still
  // (aims it narrowed under pressure can widen again)
  for (int side = 1; side <= 2; ++side) {
    double& seen = s.exposure_seen[static_cast<size_t>(war) * 3 + side];
    seen = std::max(seen, v.baseline[side] > 0 ? v.exposure[side] / v.baseline[side] : 0);
    v.exposure[side] = seen;
  }
  double cinc_total = 0, bloc[3] = {0, 0, 0}, killed_week[3] = {0, 0, 0};
  double best_leader[3] = {-1, -1, -1};
  for (int a = 0; a < m.nactor; ++a) {
    cinc_total += m.actor[a].cinc;
    for (int side = 1; side <= 2; ++side)
      if (in_bloc(m, s, war, side, a)) bloc[side] += m.actor[a].cinc;
    const int side = s.side[war * m.nactor + a];
    if (!side) continue;
    for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
      const double p = s.personnel[static_cast<size_t>(a) * m.nregion + r];
      v.personnel[side] += p;
      s.scratch.side_personnel[static_cast<size_t>(side) * m.nregion + r] += p;
    }
    killed_week[side] += s.killed[a] - s.killed_mark[a];
    // the member with the most capability at stake speaks for the side
    const double weight = (m.actor[a].cinc + 0.001) * (0.2 + m.interest[static_cast<size_t>(a) * m.ntheater + t]);
    if (weight > best_leader[side]) {
      best_leader[side] = weight;
      v.leader[side] = a;
    }
  }
  for (int side = 1; side <= 2; ++side) {
    v.bloc_share[side] = cinc_total > 0 ? bloc[side] / cinc_total : 0;
    v.casualty_rate[side] = killed_week[side] / std::max(1.0, v.personnel[side]);
  }
  // four weeks back in the weekly ring of the attackers' holdings
  const double past = s.holdings_hist[static_cast<size_t>(war) * 8 + (s.hist_pos + 4) % 8];
  if (past >= 0) {
    v.trend[1] = v.holdings[1] - past;
    v.trend[2] = -v.trend[1];
  }
  for (int side = 1; side <= 2; ++side) v.p_win_observed[side] = observed_p_win(m.coef, v, side);
  // a front that no longer moves between evenly matched armies teaches both
  // sides that arms will not decide the war (the stalemate of 1951-53)
  {
    const double* h = s.holdings_hist.data() + static_cast<size_t>(war) * 8;
    double moved = 0;
    int pairs = 0;
    for (int i = 0; i < 7; ++i) {
      const double a = h[(s.hist_pos + i) % 8], b = h[(s.hist_pos + i + 1) % 8];
      if (a < 0 || b < 0) continue;
      moved += std::fabs(b - a);
      ++pairs;
    }
    const double last = h[(s.hist_pos + 7) % 8];
    if (last >= 0) {
      moved += std::fabs(v.holdings[1] - last);
      ++pairs;
    }
    v.mobility = pairs ? moved / pairs : 0;
    const double imbalance = std::fabs(std::log((v.theatre_power[1] + 1) / (v.theatre_power[2] + 1)));
    v.decisive_observed = pairs ? 1 - std::exp(-v.mobility / m.coef.barg_mobility_ref - imbalance / m.coef.barg_imbalance_ref) : 1;
  }
  for (int o = 0; o < m.norg; ++o) v.authorized |= s.authorized[static_cast<size_t>(o) * m.nwar + war] != 0;
}

void compute_actor_views(const Model& m, RunState& s, int war) {
  const WarView& v = s.war_view[war];
  const int t = m.war[war].theater;
  const Coefficients& c = m.coef;
  for (int a = 0; a < m.nactor; ++a) {
    ActorView& av = s.actor_view[a];
    av = ActorView{};
    av.side = s.side[war * m.nactor + a];
    for (int side = 1; side <= 2; ++side) {
      av.favor[side] = favor_of(m, s, a, war, side);
      // nearest of the side's forces to the actor's homeland (border regions, own regions, capital)
      double nearest = 1e9;
      for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r)
        if (s.scratch.side_personnel[static_cast<size_t>(side) * m.nregion + r] >= 1000)
          nearest = std::min(nearest, m.home_km[static_cast<size_t>(a) * m.nregion + r]);
      av.nearest_km[side] = nearest;
      av.proximity[side] = nearest >= 1e9 ? 0 : std::exp(-nearest / c.bot_distance_km);
      // belief: observed chances bent by the leader's optimism for its own side
      const double obs = std::clamp(v.p_win_observed[side], 1e-4, 1 - 1e-4);
      double logit = std::log(obs / (1 - obs));
      // belligerents see their own side's chances as its leadership does;
      // outsiders through their own belief; both learn from the fighting
      // rather than swinging with each day's news
      const double held = av.side == side ? s.belief[static_cast<size_t>(war) * 3 + side]
                                          : s.outside_belief[(static_cast<size_t>(war) * m.nactor + a) * 3 + side];
      if (held >= 0) {
        const double learned = std::clamp(held, 1e-4, 1 - 1e-4);
        logit = std::log(learned / (1 - learned));
      }
      av.p_win[side] = 1 / (1 + std::exp(-logit));
    }
    av.decisive = av.side ? s.decisive[static_cast<size_t>(war) * 3 + av.side] : v.decisive_observed;
    for (int side = 1; side <= 2; ++side)
      for (int type = 0; type < 4; ++type)
        av.treaty[side][type] = scan_treaties_with_side(m, s, war, a, side, static_cast<TreatyType>(type));
    const ActorModel& am = m.actor[a];
    const double regime = am.regime == Regime::democracy ? 2.0 : am.regime == Regime::anocracy ? 1.3 : 1.0;
    const double tolerated = am.population * c.realism_weariness_ref * std::max(0.05, am.casualty_tolerance) *
                             (0.5 + m.interest[static_cast<size_t>(a) * m.ntheater + t]);
    av.weariness = regime * std::log1p(s.killed[a] / std::max(1.0, tolerated));
    av.war_burden = am.gdp_usd > 0 ? s.war_cost[a] / am.gdp_usd : 0;
  }
  // what needs every actor's sympathies first
  const TheoryContext ctx{&m, &s, s.war_view.data(), s.actor_view.data(), war};
  for (int a = 0; a < m.nactor; ++a) fill_deterrence(ctx, a, s.actor_view[a]);
}

}  // namespace statecraft
