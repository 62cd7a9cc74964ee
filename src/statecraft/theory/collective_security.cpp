// Collective security: treaties and organizations oblige their members to
// answer aggression against a member, or (with a council's authorization)
// against anyone. Each obligation pulls in proportion to its reliability;
// whether it is honoured is left to the whole score (cost, interest).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

// A defence obligation to `side` binds only when that side was attacked.
double defence_obligation(const TheoryContext& ctx, int actor, int side) {
  if (side == ctx.war->aggressor_side) return 0;
  // a guarantor of the defenders' security under a truce is bound like a defence pact
  const double guarantee = side == 2 && ctx.m->guarantees(ctx.war_id, actor) ? ctx.m->coef.cs_guarantee_reliability : 0.0;
  return std::max({guarantee, treaty_with_side(ctx, actor, side, TreatyType::defense),
                   0.5 * treaty_with_side(ctx, actor, side, TreatyType::entente)});
}

// An authorized call of a collective-security body to help the victims.
// `fading`: the pull on those still outside fades as the call recedes; an
// obligation already taken up does not.
double org_call(const TheoryContext& ctx, int actor, int side, bool fading = true) {
  const Model& m = *ctx.m;
  if (side == ctx.war->aggressor_side) return 0;
  double best = 0;
  for (int o = 0; o < m.norg; ++o) {
    const OrgModel& org = m.org[o];
    if (org.kind != OrgKind::collective_security || !ctx.s->authorized[static_cast<size_t>(o) * m.nwar + ctx.war_id])
      continue;
    bool member = false, permanent = false;
    double members_cinc = 0, fighting_cinc = 0;
    for (int i = org.member_begin; i < org.member_end; ++i) {
      const int b = m.org_member[i];
      member |= b == actor;
      members_cinc += m.actor[b].cinc;
      if (ctx.s->side[ctx.war_id * m.nactor + b] == side) fighting_cinc += m.actor[b].cinc;
    }
    for (int i = org.permanent_begin; i < org.permanent_end; ++i) permanent |= m.org_member[i] == actor;
    // a call answered by the body's main powers carries the others along;
    // its pull fades as the call recedes (contributions came within a year)
    const double momentum = 0.5 + 0.5 * (members_cinc > 0 ? fighting_cinc / members_cinc : 0);
    const double age = ctx.s->day - ctx.s->authorized_day[static_cast<size_t>(o) * m.nwar + ctx.war_id];
    const double fresh = fading ? std::exp(-std::max(0.0, age) / m.coef.cs_call_days) : 1.0;
    if (member) best = std::max(best, org.reliability * (permanent ? 1.2 : 1.0) * momentum * fresh);
  }
  return best;
}

// Fighting a partner breaks a treaty: neutrality and non-aggression pacts too.
double partner_conflict(const TheoryContext& ctx, int actor, int side) {
  double r = treaty_with_side(ctx, actor, side, TreatyType::defense);
  r = std::max(r, 0.7 * treaty_with_side(ctx, actor, side, TreatyType::nonaggression));
  r = std::max(r, 0.7 * treaty_with_side(ctx, actor, side, TreatyType::neutrality));
  return std::max(r, 0.5 * treaty_with_side(ctx, actor, side, TreatyType::entente));
}

}  // namespace

double collective_security_score(const TheoryContext& ctx, int actor, const Option& o) {
  const Coefficients& c = ctx.m->coef;
  const ActorView& av = ctx.actor[actor];
  switch (o.kind) {
    case OptionKind::enter_limited:
    case OptionKind::enter_full: {
      const double full = o.kind == OptionKind::enter_full ? 1.0 : 0.85;
      return full * (c.cs_treaty_scale * defence_obligation(ctx, actor, o.side) +
                     c.cs_org_scale * org_call(ctx, actor, o.side)) -
             c.cs_partner_penalty * partner_conflict(ctx, actor, 3 - o.side);
    }
    case OptionKind::aid:
      return 0.5 * (c.cs_treaty_scale * defence_obligation(ctx, actor, o.side) +
                    c.cs_org_scale * org_call(ctx, actor, o.side));
    case OptionKind::leave:
      return -(c.cs_treaty_scale * defence_obligation(ctx, actor, av.side) +
               c.cs_org_scale * org_call(ctx, actor, av.side, false));
    default: return 0;
  }
}

std::string collective_security_why(const TheoryContext& ctx, int actor, const Option& o) {
  const int side = ctx.actor[actor].side ? ctx.actor[actor].side : o.side;
  if (side < 1 || side > 2) return "";
  char buf[200];
  std::snprintf(buf, sizeof buf, "defence obligations to side %d: %.2f; authorized collective-security call: %.2f%s", side,
                defence_obligation(ctx, actor, side), org_call(ctx, actor, side),
                partner_conflict(ctx, actor, 3 - side) > 0 ? "; would fight a treaty partner" : "");
  return buf;
}

}  // namespace statecraft
