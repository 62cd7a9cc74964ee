// Deterrence, conventional and nuclear, direct and extended: a defender's
// threat restrains in proportion to its credibility (capability x resolve).
// Near-equal major powers deter each other structurally from direct war.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

struct Deterrer {
  int actor = kNone;
  double credibility = 0;  // of the strongest deterrent against `actor`
  double structural = 0;
};

double resolve(const TheoryContext& ctx, int d, int side) {
  const Model& m = *ctx.m;
  const RunState& s = *ctx.s;
  const int t = m.war[ctx.war_id].theater;
  const double stake = m.interest[static_cast<size_t>(d) * m.ntheater + t];
  double commitment;
  if (s.side[ctx.war_id * m.nactor + d] == side) commitment = 1;
  else commitment = std::max(treaty_with_side(ctx, d, side, TreatyType::defense), 0.5 * std::max(0.0, ctx.actor[d].favor[side]));
  double r = stake * commitment;
  if (s.warned[(static_cast<size_t>(ctx.war_id) * m.nactor + d) * 3 + (3 - side)]) r *= 1.5;  // it said so
  if (s.rung[d] >= 5) r *= 1.5;                                                            // a nuclear threat is on record
  return std::min(1.0, r);
}

double nuclear_capability(const Model& m, int d, int a) {
  const double wd = m.actor[d].warheads, wa = m.actor[a].warheads;
  if (wd <= 0) return 0;
  const double own = std::log1p(wd) / std::log1p(1000.0);
  return std::min(1.0, own) * (1 - 0.7 * std::log1p(wa) / std::log1p(wd + wa));
}

// The most credible actor that would fight for `side` against `actor`.
Deterrer strongest(const TheoryContext& ctx, int actor, int side) {
  const Model& m = *ctx.m;
  const Coefficients& c = m.coef;
  Deterrer best;
  for (int d = 0; d < m.nactor; ++d) {
    if (d == actor) continue;
    const double res = resolve(ctx, d, side);
    if (res <= 0) continue;
    const double conv = m.actor[d].cinc / (m.actor[d].cinc + m.actor[actor].cinc + 1e-9);
    const double cred = res * (c.deter_nuclear_scale * nuclear_capability(m, d, actor) + c.deter_conventional_scale * conv);
    if (cred > best.credibility) {
      best.actor = d;
      best.credibility = cred;
    }
    if (m.actor[d].major_power && m.actor[actor].major_power && res >= 0.5) {
      // near-equals: full strength within half the band, fading to nothing at its edge
      const double ratio = (m.actor[d].cinc + 1e-9) / (m.actor[actor].cinc + 1e-9);
      const double band = std::log(std::max(1.01, c.deter_structural_band));
      const double near = std::clamp(2 * (band - std::fabs(std::log(ratio))) / band, 0.0, 1.0);
      best.structural = std::max(best.structural, c.deter_structural_scale * near * res);
    }
  }
  return best;
}

// Great powers outside the war that sympathize with the enemy and sit near
// the theatre: widening the war's aims risks bringing them in.
double wary_powers(const TheoryContext& ctx, int actor, int enemy) {
  const Model& m = *ctx.m;
  const RunState& s = *ctx.s;
  double total = 0;
  for (int d = 0; d < m.nactor; ++d) {
    if (!m.actor[d].major_power || s.side[ctx.war_id * m.nactor + d] != 0 || ctx.actor[d].favor[enemy] <= 0) continue;
    const int t = m.war[ctx.war_id].theater;
    const bool near = m.border_count(t, d) > 0 || m.entry_count(t, d) > 0;
    if (!near) continue;
    const double warned = s.warned[(static_cast<size_t>(ctx.war_id) * m.nactor + d) * 3 + (3 - enemy)] ? 1.5 : 1.0;
    const double conv = m.actor[d].cinc / (m.actor[d].cinc + m.actor[actor].cinc + 1e-9);
    total += warned * ctx.actor[d].favor[enemy] * conv * m.interest[static_cast<size_t>(d) * m.ntheater + t];
  }
  return total;
}

// The cached result of `strongest`, filled once per round.
Deterrer deterrer_of(const TheoryContext& ctx, int actor, int side) {
  const ActorView& av = ctx.actor[actor];
  return Deterrer{av.deterrer[side], av.deter_credibility[side], av.deter_structural[side]};
}

}  // namespace

void fill_deterrence(const TheoryContext& ctx, int actor, ActorView& av) {
  for (int side = 1; side <= 2; ++side) {
    const Deterrer d = strongest(ctx, actor, side);
    av.deterrer[side] = d.actor;
    av.deter_credibility[side] = d.credibility;
    av.deter_structural[side] = d.structural;
  }
}

double deterrence_score(const TheoryContext& ctx, int actor, const Option& o) {
  const ActorView& av = ctx.actor[actor];
  const Coefficients& c = ctx.m->coef;
  switch (o.kind) {
    case OptionKind::enter_limited:
    case OptionKind::enter_full: {
      const Deterrer d = deterrer_of(ctx, actor, 3 - o.side);
      return -(d.credibility + d.structural) * (o.kind == OptionKind::enter_full ? 1.0 : 0.7);
    }
    case OptionKind::aid: return -0.15 * deterrer_of(ctx, actor, 3 - o.side).credibility;
    case OptionKind::escalate: {
      const Deterrer d = deterrer_of(ctx, actor, 3 - av.side);
      const int next = ctx.s->rung[actor] + 1;
      return -d.credibility * next / 3.0 - (next >= 4 ? 2 * d.structural : 0);
    }
    case OptionKind::widen_aims: return -c.deter_widen_scale * wary_powers(ctx, actor, 3 - av.side);
    default: return 0;
  }
}

std::string deterrence_why(const TheoryContext& ctx, int actor, const Option& o) {
  const ActorView& av = ctx.actor[actor];
  const Model& m = *ctx.m;
  char buf[200];
  if (o.kind == OptionKind::widen_aims) {
    std::snprintf(buf, sizeof buf, "wary great powers near the theatre: %.2f", wary_powers(ctx, actor, 3 - av.side));
    return buf;
  }
  const int against = av.side ? 3 - av.side : (o.side ? 3 - o.side : 0);
  if (!against) return "";
  const Deterrer d = deterrer_of(ctx, actor, against);
  if (d.actor == kNone) return "no credible defender";
  std::snprintf(buf, sizeof buf, "%s's threat (credibility %.2f, %.0f warheads)%s", m.actor_id[d.actor].c_str(),
                d.credibility, m.actor[d.actor].warheads, d.structural > 0 ? "; structural deterrence between equals" : "");
  return buf;
}

}  // namespace statecraft
