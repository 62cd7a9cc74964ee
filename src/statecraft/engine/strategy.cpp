#include "engine/strategy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/war.h"
#include "theory/context.h"
#include "theory/theory.h"

namespace statecraft {

namespace {

constexpr int kMaxOptions = 16;

struct Scored {
  Option option;
  double score = 0;
  double term[kMaxModules] = {};
  bool status_quo = false;
};

double logit(double p) {
  p = std::clamp(p, 1e-4, 1 - 1e-4);
  return std::log(p / (1 - p));
}
double logistic(double x) { return 1 / (1 + std::exp(-x)); }

std::string side_name(const Model& m, const RunState& s, int war, int side) {
  const int leader = s.war_view[war].leader[side];
  return leader == kNone ? "side " + std::to_string(side) : m.actor_id[leader] + "'s side";
}

void score(const TheoryContext& ctx, int actor, Scored& sc) {
  const Coefficients& c = ctx.m->coef;
  sc.score = sc.status_quo ? 0 : -c.inertia;
  int i = 0;
  for (const TheoryModule& mod : theory_modules()) {
    const double term = c.*mod.enabled > 0.5 ? c.*mod.weight * mod.score(ctx, actor, sc.option) : 0.0;
    sc.term[i++] = term;
    sc.score += term;
  }
}

// The home member of a side (it owns the most regions), else its leader:
// who receives aid sent to the side.
int recipient_of(const Model& m, const RunState& s, int war, int side) {
  const int t = m.war[war].theater;
  int best = kNone, best_count = 0;
  for (int a = 0; a < m.nactor; ++a) {
    if (s.side[war * m.nactor + a] != side) continue;
    int count = 0;
    for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) count += m.region[r].owner == a;
    if (count > best_count) {
      best_count = count;
      best = a;
    }
  }
  return best != kNone ? best : s.war_view[war].leader[side];
}

bool enemy_major_power(const Model& m, const RunState& s, int war, int side) {
  for (int b = 0; b < m.nactor; ++b)
    if (s.side[war * m.nactor + b] == 3 - side && m.actor[b].major_power) return true;
  return false;
}

bool enemy_homeland_outside(const Model& m, const RunState& s, int war, int side) {
  for (int b = 0; b < m.nactor; ++b)
    if (s.side[war * m.nactor + b] == 3 - side && !home_actor(m, war, b)) return true;
  return false;
}

void climb(const Model& m, RunState& s, int war, int actor, Trace* trace, bool accident) {
  const int side = s.side[war * m.nactor + actor];
  const int rung = ++s.rung[actor];
  s.max_rung = std::max(s.max_rung, rung);
  const char* what = "";
  if (rung == 3) {
    set_commitment(m, s, actor, 1.0);
    what = "commits fully";
  } else if (rung == 4) {
    what = "strikes the enemy's homeland beyond the theatre";
    for (int b = 0; b < m.nactor; ++b)
      if (s.side[war * m.nactor + b] == 3 - side && !home_actor(m, war, b)) s.homeland_struck[b] = 1;
    if (m.actor[actor].major_power && enemy_major_power(m, s, war, side)) s.great_power_war = true;
  } else if (rung == 5) {
    what = "threatens nuclear use";
  } else if (rung >= 6) {
    what = "uses nuclear weapons";
    s.nuclear_used = true;
  }
  if (trace)
    trace->add(s.day, accident ? "escalation" : "decision", m.actor_id[actor],
               m.actor_name[actor] + (accident ? " slips up the ladder (unintended): " : " escalates: ") + what +
                   " (rung " + std::to_string(rung) + ")");
}

// A council votes when a war is under way and nobody has authorized action:
// a present permanent member that favours the attackers vetoes; an absent one
// cannot (the Soviet boycott of 1950).
void council_votes(const Model& m, RunState& s, int war, Trace* trace) {
  for (int o = 0; o < m.norg; ++o) {
    const OrgModel& org = m.org[o];
    uint8_t& auth = s.authorized[static_cast<size_t>(o) * m.nwar + war];
    if (auth || org.kind != OrgKind::collective_security) continue;
    int yes = 0, voters = 0;
    bool vetoed = false;
    std::string absent;
    auto vote = [&](int p, bool permanent) {
      if (s.council_absent[static_cast<size_t>(o) * m.nactor + p]) {
        absent += (absent.empty() ? "" : ", ") + m.actor_id[p];
        return;
      }
      ++voters;
      const bool for_action = favor_of(m, s, p, war, 2) > favor_of(m, s, p, war, 1);
      yes += for_action;
      if (!for_action && permanent && org.veto) vetoed = true;
    };
    if (org.has_council) {
      for (int i = org.permanent_begin; i < org.permanent_end; ++i) vote(m.org_member[i], true);
      for (int i = org.elected_begin; i < org.elected_end; ++i) vote(m.org_member[i], false);
    } else {
      for (int i = org.member_begin; i < org.member_end; ++i) vote(m.org_member[i], false);
    }
    if (!vetoed && voters > 0 && 2 * yes > voters) {
      auth = 1;
      s.authorized_day[static_cast<size_t>(o) * m.nwar + war] = s.day;
      s.war_view[war].authorized = true;
      if (trace)
        trace->add(s.day, "council", "",
                   m.org_id[o] + " authorizes collective action against " + side_name(m, s, war, 1) + " (" +
                       std::to_string(yes) + " of " + std::to_string(voters) + " present in favour" +
                       (absent.empty() ? "" : "; absent: " + absent) + ")");
    }
  }
}

// Beliefs start from what the battlefield shows, bent by each side's
// leader's optimism, and converge to it as fighting reveals the balance.
void update_beliefs(const Model& m, RunState& s, int war, RunRngs& rng) {
  const Coefficients& c = m.coef;
  WarView& v = s.war_view[war];
  for (int side = 1; side <= 2; ++side) {
    const int leader = v.leader[side];
    if (leader == kNone) continue;
    double& belief = s.belief[static_cast<size_t>(war) * 3 + side];
    const double obs = logit(v.p_win_observed[side]);
    if (s.epoch_seen[leader] != s.leader_epoch[leader]) {
      // a new leader (or the first assessment) brings its own optimism
      // optimism is strongest at the outset; a war under way has taught some realism
      const double years_fought = std::max(0, s.day - s.war[war].started_day) / 365.25;
      s.optimism[leader] = rng.decisions.normal(c.barg_optimism, 2 * c.perception_noise + 0.1) * std::exp(-years_fought);
      s.epoch_seen[leader] = s.leader_epoch[leader];
      belief = logistic(obs + s.optimism[leader]);
      continue;
    }
    const double intensity = std::min(1.0, 50 * v.casualty_rate[side]);
    const double rate = std::min(1.0, 0.02 + c.barg_learning_rate * intensity);
    belief = logistic(logit(belief) + rate * (obs - logit(belief)));
    double& decisive = s.decisive[static_cast<size_t>(war) * 3 + side];
    decisive += c.barg_decisive_learning * (v.decisive_observed - decisive);
  }
  // outsiders: each sees the balance with its own error at first, then learns
  // at the pace the fighting reveals it
  for (int a = 0; a < m.nactor; ++a) {
    if (s.side[war * m.nactor + a]) continue;
    for (int side = 1; side <= 2; ++side) {
      double& b = s.outside_belief[(static_cast<size_t>(war) * m.nactor + a) * 3 + side];
      const double obs = logit(v.p_win_observed[side]);
      if (b < 0) {
        b = logistic(obs + rng.decisions.normal(0, 2 * c.perception_noise));
        continue;
      }
      const double intensity = std::min(1.0, 50 * v.casualty_rate[side]);
      const double rate = std::min(1.0, 0.02 + c.barg_learning_rate * intensity);
      b = logistic(logit(b) + rate * (obs - logit(b)));
    }
  }
}

double truce_hazard_per_year(const Model& m, const RunState& s, int war, const std::vector<int8_t>* guarantors) {
  (void)guarantors;
  const Coefficients& c = m.coef;
  const WarView& v = s.war_view[war];
  double unresolved = 0;
  for (int side = 1; side <= 2; ++side) unresolved = std::max(unresolved, v.claims[side] - v.holdings[side]);
  const int t = m.war[war].theater;
  // separation: prepared defences along the line
  double fort = 0;
  int front = 0;
  for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r) {
    const int side = region_side(m, s, r);
    bool on_line = false;
    for (int k = m.adj_begin[r]; k < m.adj_begin[r + 1] && !on_line; ++k) {
      const int n = m.adj_region[k];
      const int ns = region_side(m, s, n);
      on_line = side && ns && ns != side;
    }
    if (on_line) {
      fort += s.fortification[r] / std::max(1e-9, c.fortification_max);
      ++front;
    }
  }
  const double separation = front ? fort / front : 1.0;
  // deterrence: a nuclear-armed great power standing behind each side, or
  // guaranteeing the defenders' security
  double deterrence = 0;
  for (int side = 1; side <= 2; ++side) {
    double best = 0;
    for (int a = 0; a < m.nactor; ++a) {
      const bool behind = s.side[war * m.nactor + a] == side || (side == 2 && m.guarantees(war, a));
      if (!behind) continue;
      best = std::max(best, m.actor[a].major_power ? (m.actor[a].warheads > 0 ? 1.0 : 0.5) : 0.25);
    }
    deterrence += 0.5 * best;
  }
  for (int i = m.war[war].guarantor_begin; i < m.war[war].guarantor_end; ++i)
    deterrence += 0.25 * (m.actor[m.war_guarantor[i]].major_power ? 1.0 : 0.5);  // each guarantee adds resolve
  double trade = 0, gdp = 0;
  for (int a = 0; a < m.nactor; ++a) {
    const int sa = s.side[war * m.nactor + a];
    if (!sa) continue;
    gdp += m.actor[a].gdp_usd;
    for (int b = 0; b < m.nactor; ++b)
      if (s.side[war * m.nactor + b] == 3 - sa) trade += 0.5 * m.trade_usd[static_cast<size_t>(a) * m.nactor + b];
  }
  const double interdependence = gdp > 0 ? std::min(1.0, 20 * trade / gdp) : 0;
  return c.barg_truce_hazard * std::exp(c.barg_claims_weight * unresolved - c.barg_separation_weight * separation -
                                        c.barg_deterrence_weight * deterrence + c.barg_trade_weight * interdependence);
}

// Time to breakdown is exponential in the yearly hazard; -1 if after the horizon.
int32_t draw_truce_break(const Model& m, const RunState& s, double hazard, RunRngs& rng) {
  const double years = -std::log(std::max(1e-300, 1 - rng.events.uniform())) / std::max(1e-9, hazard);
  const double day = s.day + years * 365.25;
  return day < m.horizon_day - m.start_day ? static_cast<int32_t>(day) : -1;
}

void conclude_armistice(const Model& m, RunState& s, int war, RunRngs& rng, Trace* trace) {
  const double hazard = truce_hazard_per_year(m, s, war, nullptr);
  end_war(m, s, war, WarStatus::armistice, 0, nullptr);
  s.ceasefire_control = s.control;
  s.talks_day[war] = -1;
  s.offer_side[war] = 0;
  s.truce_break_day[war] = draw_truce_break(m, s, hazard, rng);
  if (trace)
    trace->add(s.day, "armistice", "",
               m.war_id[war] + ": armistice signed; the line is frozen (truce hazard " +
                   std::to_string(hazard).substr(0, 5) + " a year)");
}

// A coalition's leader turns away a volunteer that is the bitter enemy of a
// stronger great power siding with the other side: its entry would widen the
// war into that feud (the United States declined Chiang Kai-shek's troops in
// 1950, before and after China entered).
bool unwelcome(const Model& m, const RunState& s, int war, int actor, int side) {
  const int leader = s.war_view[war].leader[side];
  if (leader == kNone || leader == actor) return false;
  for (int g = 0; g < m.nactor; ++g) {
    if (!m.actor[g].major_power || g == actor || m.actor[g].cinc <= m.actor[actor].cinc) continue;
    const bool with_enemy = s.side[war * m.nactor + g] == 3 - side ||
                            (s.side[war * m.nactor + g] == 0 && s.actor_view[g].favor[3 - side] > 0.3);
    if (with_enemy && m.affinity[static_cast<size_t>(g) * m.nactor + actor] <= m.coef.consent_enmity) return true;
  }
  return false;
}

void enumerate(const Model& m, const RunState& s, int war, int actor, Scored* out, int& n) {
  const WarView& v = s.war_view[war];
  const ActorView& av = s.actor_view[actor];
  const int side = av.side;
  auto add = [&](OptionKind k, int option_side, bool status_quo = false) {
    if (n < kMaxOptions) out[n++] = Scored{Option{k, war, option_side}, 0, {}, status_quo};
  };
  const WarStatus status = s.war[war].status;
  if (status == WarStatus::armistice || status == WarStatus::ceasefire) {
    if (side && v.leader[side] == actor) {
      add(OptionKind::keep_truce, side, true);
      add(OptionKind::sign_peace, side);
    }
    return;
  }
  if (!side) {
    add(OptionKind::stay_out, 0, true);
    for (int sd = 1; sd <= 2; ++sd) {
      if (av.favor[sd] <= 0) continue;  // nobody helps a side it opposes
      const int recipient = recipient_of(m, s, war, sd);
      if (recipient != kNone && s.aid_usd[static_cast<size_t>(actor) * m.nactor + recipient] < 0.01 * m.actor[actor].gdp_usd)
        add(OptionKind::aid, sd);
      if (!s.alignment[static_cast<size_t>(war) * m.nactor + actor]) add(OptionKind::align, sd);
      if (unwelcome(m, s, war, actor, sd)) continue;
      add(OptionKind::enter_limited, sd);
      add(OptionKind::enter_full, sd);
    }
    for (int sd = 1; sd <= 2; ++sd)
      if (!s.warned[(static_cast<size_t>(war) * m.nactor + actor) * 3 + sd] && av.favor[3 - sd] > 0)
        add(OptionKind::threaten, sd);
    return;
  }
  add(OptionKind::keep_fighting, side, true);
  const int rung = s.rung[actor];
  const bool nuclear = m.actor[actor].warheads > 0;
  const bool can_climb = (rung < 3 && s.commitment[actor] < 1) || (rung == 3 && enemy_homeland_outside(m, s, war, side)) ||
                         (rung >= 4 && rung < 6 && nuclear);
  if (can_climb) add(OptionKind::escalate, side);
  if (!home_actor(m, war, actor)) add(OptionKind::leave, side);
  const AimKind aim = s.aim[static_cast<size_t>(war) * m.nactor + actor];
  if (aim != AimKind::all && s.talks_day[war] < 0) add(OptionKind::widen_aims, side);  // no new claims while talking
  if (aim == AimKind::all) add(OptionKind::narrow_aims, side);
  // talks need the theory of how wars end: with bargaining off, wars end by arms alone
  if (v.leader[side] == actor && s.talks_day[war] < 0 && m.coef.bargaining_enabled > 0.5) {
    if (s.offer_side[war] == 3 - side) add(OptionKind::accept_ceasefire, side);
    else if (s.offer_side[war] == 0) add(OptionKind::offer_ceasefire, side);
  }
}

void apply(const TheoryContext& ctx, RunState& s, const Scored& chosen, int actor, Trace* trace) {
  const Model& m = *ctx.m;
  const Option& o = chosen.option;
  const int war = o.war;
  switch (o.kind) {
    case OptionKind::aid: {
      const int to = recipient_of(m, s, war, o.side);
      double& flow = s.aid_usd[static_cast<size_t>(actor) * m.nactor + to];
      flow = std::min(0.02 * m.actor[actor].gdp_usd, flow + 0.003 * m.actor[actor].gdp_usd);
      s.rung[actor] = std::max(s.rung[actor], 1);
      s.max_rung = std::max(s.max_rung, 1);
      break;
    }
    case OptionKind::threaten:
      // a warning is backed by troops moved up (China's Northeast Border Defense Army)
      s.warned[(static_cast<size_t>(war) * m.nactor + actor) * 3 + o.side] = 1;
      s.ready[actor] = 1;
      break;
    case OptionKind::align: s.alignment[static_cast<size_t>(war) * m.nactor + actor] = static_cast<int8_t>(o.side); break;
    case OptionKind::enter_limited:
    case OptionKind::enter_full: {
      const int rung = entry_rung(ctx, actor, o);
      enter_war(m, s, war, actor, o.side, entry_commitment(m.coef, o.kind), nullptr);
      s.rung[actor] = std::max(s.rung[actor], rung);
      s.max_rung = std::max(s.max_rung, rung);
      if (rung >= 4) s.great_power_war = true;  // nuclear-armed great powers now fight each other
      s.alignment[static_cast<size_t>(war) * m.nactor + actor] = 0;
      break;
    }
    case OptionKind::escalate: climb(m, s, war, actor, nullptr, false); break;
    case OptionKind::leave:
      leave_war(m, s, war, actor, nullptr);
      s.rung[actor] = 1;
      break;
    case OptionKind::widen_aims: set_aim(m, s, war, actor, AimKind::all, nullptr); break;
    case OptionKind::narrow_aims: set_aim(m, s, war, actor, AimKind::own, nullptr); break;
    case OptionKind::offer_ceasefire: s.offer_side[war] = static_cast<int8_t>(o.side); break;
    case OptionKind::accept_ceasefire:
      s.talks_day[war] = s.day;
      s.offer_side[war] = 0;
      break;
    case OptionKind::sign_peace: s.war[war].status = WarStatus::peace; break;
    default: break;
  }
  (void)trace;
}

void trace_decision(const TheoryContext& ctx, int actor, const Scored* options, int n, int chosen, Trace* trace) {
  const Model& m = *ctx.m;
  const RunState& s = *ctx.s;
  const Scored& c = options[chosen];
  std::string what = option_name(c.option.kind);
  if (c.option.side && c.option.kind != OptionKind::keep_fighting && c.option.kind != OptionKind::escalate &&
      c.option.kind != OptionKind::leave && c.option.kind != OptionKind::widen_aims &&
      c.option.kind != OptionKind::narrow_aims && c.option.kind != OptionKind::offer_ceasefire &&
      c.option.kind != OptionKind::accept_ceasefire && c.option.kind != OptionKind::sign_peace)
    what += " " + side_name(m, s, ctx.war_id, c.option.side);
  TraceEntry e;
  e.day = s.day;
  e.kind = "decision";
  e.actor = m.actor_id[actor];
  e.text = m.actor_name[actor] + ": " + what;
  int i = 0;
  for (const TheoryModule& mod : theory_modules()) {
    const double term = c.term[i++];
    if (term != 0) e.terms.push_back({mod.name, term, mod.why(ctx, actor, c.option)});
  }
  if (!c.status_quo) e.terms.push_back({"inertia", -m.coef.inertia, "cost of changing course"});
  for (int k = 0; k < n; ++k) {
    TraceOption opt;
    opt.name = option_name(options[k].option.kind);
    if (options[k].option.side) opt.name += " (side " + std::to_string(options[k].option.side) + ")";
    opt.score = options[k].score;
    int j = 0;
    for (const TheoryModule& mod : theory_modules()) opt.terms.push_back({mod.name, options[k].term[j++], ""});
    e.options.push_back(std::move(opt));
  }
  trace->entries.push_back(std::move(e));
}

// War costs accrue and aid flows, once a week.
void accrue_costs(const Model& m, RunState& s) {
  for (int a = 0; a < m.nactor; ++a) {
    const ActorModel& am = m.actor[a];
    double deployed = 0;
    for (int w = 0; w < m.nwar; ++w) {
      if (!s.side[w * m.nactor + a] || s.war[w].status != WarStatus::fighting) continue;
      const int t = m.war[w].theater;
      for (int r = m.theater[t].region_begin; r < m.theater[t].region_end; ++r)
        deployed += s.personnel[static_cast<size_t>(a) * m.nregion + r];
    }
    double aid = 0;
    for (int b = 0; b < m.nactor; ++b) aid += s.aid_usd[static_cast<size_t>(a) * m.nactor + b];
    const double per_head = am.population > 0 ? am.gdp_usd / am.population : 0;
    s.war_cost[a] += (deployed * m.coef.econ_soldier_cost * per_head + aid) * 7 / 365.0;
  }
}

}  // namespace

void decide_strategy(const Model& m, RunState& s, RunRngs& rng, Trace* trace) {
  const Coefficients& c = m.coef;
  Scored options[kMaxOptions];
  for (int w = 0; w < m.nwar; ++w) {
    WarState& ws = s.war[w];
    if (ws.status == WarStatus::ended || ws.status == WarStatus::peace) continue;
    compute_war_view(m, s, w);
    s.holdings_hist[static_cast<size_t>(w) * 8 + s.hist_pos] = s.war_view[w].holdings[1];
    if (ws.status == WarStatus::fighting) {
      council_votes(m, s, w, trace);
      update_beliefs(m, s, w, rng);
    }
    compute_actor_views(m, s, w);
    TheoryContext ctx{&m, &s, s.war_view.data(), s.actor_view.data(), w};
    ctx.war = &s.war_view[w];
    // how close hostile forces came to each outsider, for the record (did China enter as the UN neared the Yalu?)
    for (int a = 0; a < m.nactor; ++a) {
      const ActorView& av = s.actor_view[a];
      if (av.side) continue;
      for (int side = 1; side <= 2; ++side)
        if (av.favor[side] < 0) s.closest_km[a] = std::min(s.closest_km[a], av.nearest_km[side]);
    }

    // an offer on the table lapses when its side would now rather fight on
    if (ws.status == WarStatus::fighting && s.offer_side[w]) {
      const int leader = s.war_view[w].leader[s.offer_side[w]];
      if (leader == kNone || settlement_gain(ctx, leader) < -c.barg_breakdown_margin) {
        if (trace && leader != kNone) trace->add(s.day, "talks", m.actor_id[leader], m.actor_name[leader] + " withdraws its offer of talks");
        s.offer_side[w] = 0;
      }
    }
    int peace_votes = 0, leaders = 0;
    for (int a = 0; a < m.nactor; ++a) {
      if (m.actor[a].abstain) continue;
      int n = 0;
      enumerate(m, s, w, a, options, n);
      if (n <= 1) continue;
      int best = 0;
      double best_value = -1e300;
      for (int k = 0; k < n; ++k) {
        score(ctx, a, options[k]);
        // logit choice by the Gumbel-max trick: the temperature is miscalculation
        const double value = options[k].score + c.miscalculation * rng.decisions.gumbel();
        if (value > best_value) {
          best_value = value;
          best = k;
        }
      }
      const Scored& chosen = options[best];
      if (chosen.option.kind == OptionKind::keep_truce || chosen.option.kind == OptionKind::sign_peace) {
        ++leaders;
        peace_votes += chosen.option.kind == OptionKind::sign_peace;
        continue;
      }
      if (trace && (!chosen.status_quo || trace->focus_actor == m.actor_id[a]))
        trace_decision(ctx, a, options, n, best, trace);
      if (chosen.status_quo) continue;
      apply(ctx, s, chosen, a, trace);
      if (ws.status != WarStatus::fighting) break;
    }
    // both sides must want peace the same week
    if (leaders == 2 && peace_votes == 2 && ws.status == WarStatus::armistice) {
      ws.status = WarStatus::peace;
      if (trace) trace->add(s.day, "peace", "", m.war_id[w] + ": peace treaty signed");
    }

    // talks: they break down when either side would now rather fight on;
    // otherwise an armistice comes after a random negotiation
    if (ws.status == WarStatus::fighting && s.talks_day[w] >= 0) {
      bool both_willing = true;
      for (int side = 1; side <= 2; ++side) {
        const int leader = s.war_view[w].leader[side];
        if (leader != kNone && settlement_gain(ctx, leader) < -c.barg_breakdown_margin) both_willing = false;
      }
      if (!both_willing) {
        s.talks_day[w] = -1;
        if (trace) trace->add(s.day, "talks", "", m.war_id[w] + ": talks break down");
      } else if (rng.events.chance(1.0 / std::max(1.0, c.barg_talks_weeks))) {
        conclude_armistice(m, s, w, rng, trace);
      }
    }
    if (trace && s.talks_day[w] == s.day) trace->add(s.day, "talks", "", m.war_id[w] + ": armistice talks open");
  }
  s.hist_pos = (s.hist_pos + 1) % 8;

  // unintended escalation: the higher the rung, the likelier a slip
  for (int w = 0; w < m.nwar; ++w) {
    if (s.war[w].status != WarStatus::fighting) continue;
    for (int a = 0; a < m.nactor; ++a) {
      const int side = s.side[w * m.nactor + a];
      if (!side || !m.actor[a].major_power || s.rung[a] < 3 || s.rung[a] >= 6 || !enemy_major_power(m, s, w, side))
        continue;
      const double r = s.rung[a] / 3.0;
      if (rng.events.chance(c.esc_accident_rate * r * r * r)) climb(m, s, w, a, trace, true);
    }
  }
  accrue_costs(m, s);
  for (int a = 0; a < m.nactor; ++a) s.killed_mark[a] = s.killed[a];
}

void start_truces(const Model& m, RunState& s, RunRngs& rng, Trace* trace) {
  for (int w = 0; w < m.nwar; ++w) {
    if (s.war[w].status != WarStatus::ceasefire && s.war[w].status != WarStatus::armistice) continue;
    compute_war_view(m, s, w);
    const double hazard = truce_hazard_per_year(m, s, w, nullptr);
    s.ceasefire_control = s.control;
    s.truce_break_day[w] = draw_truce_break(m, s, hazard, rng);
    if (trace)
      trace->add(0, "truce", "",
                 m.war_id[w] + " starts under a " + (s.war[w].status == WarStatus::ceasefire ? "ceasefire" : "armistice") +
                     " (truce hazard " + std::to_string(hazard).substr(0, 5) + " a year)");
  }
}

void check_truces(const Model& m, RunState& s, Trace* trace) {
  for (int w = 0; w < m.nwar; ++w) {
    WarState& ws = s.war[w];
    if ((ws.status != WarStatus::armistice && ws.status != WarStatus::ceasefire) || s.truce_break_day[w] < 0 ||
        s.day < s.truce_break_day[w])
      continue;
    ws.status = WarStatus::fighting;
    ws.ended_day = -1;
    s.truce_broke = true;
    s.truce_break_day[w] = -1;
    for (int a = 0; a < m.nactor; ++a) ++s.leader_epoch[a];  // everyone re-assesses
    if (trace) trace->add(s.day, "truce_breaks", "", m.war_id[w] + ": the truce collapses and fighting resumes");
  }
}

}  // namespace statecraft
