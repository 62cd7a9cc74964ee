// The escalation ladder: 0 none, 1 aid, 2 limited intervention, 3 full
// intervention, 4 strikes on an enemy homeland beyond the theatre, 5 nuclear
// threat, 6 nuclear use. Losing a high-stakes war pulls upwards; the risk of
// an uncontrolled spiral grows steeply with the rung and with nuclear-armed
// great powers on the other side.
#include <algorithm>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

double spiral_risk(const TheoryContext& ctx, int actor, int rung) {
  const Model& m = *ctx.m;
  const RunState& s = *ctx.s;
  const int own = ctx.actor[actor].side;
  bool major = false, nuclear = false;
  for (int b = 0; b < m.nactor; ++b) {
    if (!own || s.side[ctx.war_id * m.nactor + b] != 3 - own) continue;
    major |= m.actor[b].major_power;
    nuclear |= m.actor[b].warheads > 0;
  }
  // a war among small states can hardly spiral; great powers and nuclear arms make it dangerous
  const double r = rung / 6.0;
  return r * r * (0.1 + (major ? 1 : 0) + (nuclear ? 1 : 0));
}

}  // namespace

double escalation_score(const TheoryContext& ctx, int actor, const Option& o) {
  const Coefficients& c = ctx.m->coef;
  const ActorView& av = ctx.actor[actor];
  const int rung = ctx.s->rung[actor];
  const int t = ctx.m->war[ctx.war_id].theater;
  const double stake = ctx.m->interest[static_cast<size_t>(actor) * ctx.m->ntheater + t];
  switch (o.kind) {
    case OptionKind::escalate:
      return c.esc_desperation_scale * stake * std::max(0.0, 0.5 - av.p_win[av.side]) * 2 -
             c.esc_risk_scale * spiral_risk(ctx, actor, rung + 1);
    case OptionKind::enter_full: return -0.25 * c.esc_risk_scale * spiral_risk(ctx, actor, 3);
    case OptionKind::enter_limited: return -0.25 * c.esc_risk_scale * spiral_risk(ctx, actor, 2);
    case OptionKind::offer_ceasefire:
    case OptionKind::accept_ceasefire: return 0.5 * c.esc_risk_scale * spiral_risk(ctx, actor, rung);
    case OptionKind::leave: return 0.3 * c.esc_risk_scale * spiral_risk(ctx, actor, rung);
    default: return 0;
  }
}

std::string escalation_why(const TheoryContext& ctx, int actor, const Option& o) {
  (void)o;
  char buf[120];
  const int rung = ctx.s->rung[actor];
  std::snprintf(buf, sizeof buf, "at rung %d; spiral risk %.2f at the next", rung, spiral_risk(ctx, actor, rung + 1));
  return buf;
}

}  // namespace statecraft
