// Balance of threat (Walt): threat = aggregate power x proximity x offensive
// capability x perceived intent. States balance against threats; weak,
// exposed states facing a much stronger threat may bandwagon instead.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

double offense(const TheoryContext& ctx, int side) {
  const double p = ctx.war->personnel[side];
  return p / (p + ctx.m->coef.bot_offense_ref);
}

// Aggressive aims (claiming all) and the aggressor's role read as hostile
// intent, as does ideological and diplomatic distance.
double intent(const TheoryContext& ctx, int actor, int side) {
  const Model& m = *ctx.m;
  const RunState& s = *ctx.s;
  double aims = 0;
  for (int b = 0; b < m.nactor; ++b) {
    if (s.side[ctx.war_id * m.nactor + b] != side) continue;
    const AimKind k = s.aim[static_cast<size_t>(ctx.war_id) * m.nactor + b];
    aims = std::max(aims, k == AimKind::all ? 1.0 : k == AimKind::regions ? 0.5 : 0.0);
  }
  if (side == ctx.war->aggressor_side) aims = std::min(1.0, aims + 0.3);
  const double hostility = (1 - ctx.actor[actor].favor[side]) / 2;
  return 0.5 * aims + 0.5 * hostility;
}

double bandwagon_propensity(const TheoryContext& ctx, int actor, int side) {
  const double ratio = (ctx.war->bloc_share[side] + 1e-6) / (ctx.m->actor[actor].cinc + 1e-6);
  const double r = ctx.m->coef.bot_bandwagon_ratio / ratio;
  return 1 / (1 + r * r);
}

}  // namespace

/// Threat `side` poses to `actor`, 0..1.
double threat_from(const TheoryContext& ctx, int actor, int side) {
  return ctx.war->bloc_share[side] * ctx.actor[actor].proximity[side] * offense(ctx, side) * intent(ctx, actor, side);
}

double balance_of_threat_score(const TheoryContext& ctx, int actor, const Option& o) {
  const double k = ctx.m->coef.bot_scale;
  const ActorView& av = ctx.actor[actor];
  switch (o.kind) {
    case OptionKind::enter_limited:
    case OptionKind::enter_full: {
      const int against = 3 - o.side;
      return k * threat_from(ctx, actor, against) * (1 - bandwagon_propensity(ctx, actor, against)) *
             (0.5 + 0.5 * entry_commitment(ctx.m->coef, o.kind));
    }
    case OptionKind::aid: {
      const int against = 3 - o.side;
      return 0.4 * k * threat_from(ctx, actor, against) * (1 - bandwagon_propensity(ctx, actor, against));
    }
    case OptionKind::threaten:
      return 0.6 * k * threat_from(ctx, actor, o.side) * (1 - bandwagon_propensity(ctx, actor, o.side));
    case OptionKind::align: return k * threat_from(ctx, actor, o.side) * bandwagon_propensity(ctx, actor, o.side);
    case OptionKind::leave: {
      const int enemy = 3 - av.side;
      return -k * threat_from(ctx, actor, enemy) * (1 - bandwagon_propensity(ctx, actor, enemy));
    }
    default: return 0;
  }
}

std::string balance_of_threat_why(const TheoryContext& ctx, int actor, const Option& o) {
  const ActorView& av = ctx.actor[actor];
  const int from = o.kind == OptionKind::threaten || o.kind == OptionKind::align ? o.side
                   : av.side                                                     ? 3 - av.side
                                                                                 : 3 - o.side;
  if (from < 1 || from > 2) return "";
  char buf[200];
  if (av.nearest_km[from] >= 1e9)
    std::snprintf(buf, sizeof buf, "side %d has no forces near its homeland", from);
  else
    std::snprintf(buf, sizeof buf, "side %d's forces %.0f km from its homeland (threat %.2f, %.0fk troops, intent %.2f)",
                  from, av.nearest_km[from], threat_from(ctx, actor, from), ctx.war->personnel[from] / 1000,
                  intent(ctx, actor, from));
  return buf;
}

}  // namespace statecraft
