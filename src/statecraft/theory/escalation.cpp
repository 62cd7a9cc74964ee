// The escalation ladder: 0 none, 1 aid, 2 limited intervention, 3 full
// intervention, 4 direct great-power war (nuclear-armed great powers fighting
// each other, or strikes on an enemy homeland beyond the theatre), 5 nuclear
// threat, 6 nuclear use. Losing a high-stakes war pulls upwards; the risk of
// an uncontrolled spiral grows steeply with the rung and with nuclear-armed
// great powers on the other side.
#include <algorithm>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

// Who stands on `enemy`'s side: any great power, any nuclear arms.
void enemy_kind(const TheoryContext& ctx, int enemy, bool& major, bool& nuclear) {
  const Model& m = *ctx.m;
  major = nuclear = false;
  if (enemy < 1 || enemy > 2) return;
  for (int b = 0; b < m.nactor; ++b) {
    if (ctx.s->side[ctx.war_id * m.nactor + b] != enemy) continue;
    major |= m.actor[b].major_power;
    nuclear |= m.actor[b].warheads > 0;
  }
}

}  // namespace

bool nuclear_great_power(const Model& m, int actor) { return m.actor[actor].major_power && m.actor[actor].warheads > 0; }

int entry_rung(const TheoryContext& ctx, int actor, const Option& o) {
  const Model& m = *ctx.m;
  if (nuclear_great_power(m, actor))
    for (int b = 0; b < m.nactor; ++b)
      if (ctx.s->side[ctx.war_id * m.nactor + b] == 3 - o.side && nuclear_great_power(m, b)) return 4;
  return o.kind == OptionKind::enter_full ? 3 : 2;
}

double spiral_risk(const TheoryContext& ctx, int enemy, int rung) {
  bool major, nuclear;
  enemy_kind(ctx, enemy, major, nuclear);
  // a war among small states can hardly spiral; great powers and nuclear arms make it dangerous
  const double r = rung / 6.0;
  return r * r * (0.1 + (major ? 1 : 0) + (nuclear ? 1 : 0));
}

double escalation_score(const TheoryContext& ctx, int actor, const Option& o) {
  const Coefficients& c = ctx.m->coef;
  const ActorView& av = ctx.actor[actor];
  const int rung = ctx.s->rung[actor];
  const int t = ctx.m->war[ctx.war_id].theater;
  const double stake = ctx.m->interest[static_cast<size_t>(actor) * ctx.m->ntheater + t];
  const int enemy = opposed_side(ctx, actor, o);
  switch (o.kind) {
    case OptionKind::escalate:
      return c.esc_desperation_scale * stake * std::max(0.0, 0.5 - av.p_win[av.side]) * 2 -
             c.esc_risk_scale * spiral_risk(ctx, enemy, rung + 1);
    case OptionKind::enter_full:
    case OptionKind::enter_limited: {
      // joining a war is a step onto the ladder; fighting a nuclear great
      // power as one is the direct great-power war rung itself
      const int to = entry_rung(ctx, actor, o);
      return -(to >= 4 ? 1.0 : 0.25) * c.esc_risk_scale * spiral_risk(ctx, enemy, to);
    }
    case OptionKind::offer_ceasefire:
    case OptionKind::accept_ceasefire: return 0.5 * c.esc_risk_scale * spiral_risk(ctx, enemy, rung);
    case OptionKind::leave: return 0.3 * c.esc_risk_scale * spiral_risk(ctx, enemy, rung);
    default: return 0;
  }
}

std::string escalation_why(const TheoryContext& ctx, int actor, const Option& o) {
  char buf[160];
  const int enemy = opposed_side(ctx, actor, o);
  if (o.kind == OptionKind::enter_full || o.kind == OptionKind::enter_limited) {
    const int to = entry_rung(ctx, actor, o);
    std::snprintf(buf, sizeof buf, "entering climbs to rung %d%s; spiral risk %.2f", to,
                  to >= 4 ? " (direct war between nuclear-armed great powers)" : "", spiral_risk(ctx, enemy, to));
    return buf;
  }
  const int rung = ctx.s->rung[actor];
  std::snprintf(buf, sizeof buf, "at rung %d; spiral risk %.2f at the next", rung, spiral_risk(ctx, enemy, rung + 1));
  return buf;
}

}  // namespace statecraft
