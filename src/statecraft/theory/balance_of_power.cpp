// Balance of power: states act against a side whose victory would make its
// bloc preponderant in the system. The danger rises smoothly (a logistic
// curve) as the bloc's share of capability nears the threshold, so a rival
// camp near parity already alarms. Balancing is the business of states whose
// weight counts.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

double preponderance(const TheoryContext& ctx, int side) {
  const Coefficients& c = ctx.m->coef;
  return 1 / (1 + std::exp(-(ctx.war->bloc_share[side] - c.bop_threshold) / c.bop_width));
}

// Only states with a real share of capability move the balance.
double weight_in_system(const TheoryContext& ctx, int actor) {
  return std::min(1.0, ctx.m->actor[actor].cinc / 0.05);
}

}  // namespace

double balance_of_power_score(const TheoryContext& ctx, int actor, const Option& o) {
  const double k = ctx.m->coef.bop_scale * weight_in_system(ctx, actor);
  const ActorView& av = ctx.actor[actor];
  switch (o.kind) {
    case OptionKind::enter_limited:
    case OptionKind::enter_full: {
      const int against = 3 - o.side;
      return k * preponderance(ctx, against) * av.p_win[against] * (0.5 + 0.5 * entry_commitment(ctx.m->coef, o.kind));
    }
    case OptionKind::aid: return 0.5 * k * preponderance(ctx, 3 - o.side) * av.p_win[3 - o.side];
    case OptionKind::align: return -0.5 * k * preponderance(ctx, o.side);  // joining the would-be hegemon unbalances
    case OptionKind::leave: {
      const int enemy = 3 - av.side;
      return -k * preponderance(ctx, enemy) * av.p_win[enemy];
    }
    default: return 0;
  }
}

std::string balance_of_power_why(const TheoryContext& ctx, int actor, const Option& o) {
  const int against = ctx.actor[actor].side ? 3 - ctx.actor[actor].side : (o.side ? 3 - o.side : 1);
  char buf[160];
  std::snprintf(buf, sizeof buf, "side %d's bloc holds %.0f%% of system capability (preponderant from about %.0f%%)",
                against, 100 * ctx.war->bloc_share[against], 100 * ctx.m->coef.bop_threshold);
  return buf;
}

}  // namespace statecraft
