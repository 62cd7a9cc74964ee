// Economy: war costs weigh against GDP, trading partners are costly to
// fight, and a war effort whose cost outruns the economy collapses.
#include <algorithm>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

double trade_share(const TheoryContext& ctx, int actor, int side) {
  const Model& m = *ctx.m;
  if (m.actor[actor].gdp_usd <= 0) return 0;
  double trade = 0;
  for (int b = 0; b < m.nactor; ++b)
    if (ctx.s->side[ctx.war_id * m.nactor + b] == side) trade += m.trade_usd[static_cast<size_t>(actor) * m.nactor + b];
  return trade / m.actor[actor].gdp_usd;
}

// Cost of a year of the commitment an option brings, in years of GDP.
double commitment_burden(const TheoryContext& ctx, int actor, double level) {
  const ActorModel& am = ctx.m->actor[actor];
  if (am.population <= 0) return 0;
  return level * am.deployable_share * am.stock.personnel * ctx.m->coef.econ_soldier_cost / am.population;
}

double collapse(const TheoryContext& ctx, int actor) {
  const double b = ctx.actor[actor].war_burden;
  return b > ctx.m->coef.econ_collapse_burden ? 5.0 : b / ctx.m->coef.econ_collapse_burden;
}

}  // namespace

double economy_score(const TheoryContext& ctx, int actor, const Option& o) {
  const Coefficients& c = ctx.m->coef;
  switch (o.kind) {
    case OptionKind::enter_limited:
    case OptionKind::enter_full:
      return -c.econ_trade_scale * trade_share(ctx, actor, 3 - o.side) -
             c.econ_burden_scale * 10 * commitment_burden(ctx, actor, entry_commitment(c, o.kind));
    case OptionKind::aid: return -0.5 * c.econ_trade_scale * trade_share(ctx, actor, 3 - o.side);
    case OptionKind::leave:
    case OptionKind::offer_ceasefire:
    case OptionKind::accept_ceasefire: return c.econ_burden_scale * collapse(ctx, actor);
    default: return 0;
  }
}

std::string economy_why(const TheoryContext& ctx, int actor, const Option& o) {
  char buf[160];
  const int other = ctx.actor[actor].side ? 3 - ctx.actor[actor].side : (o.side ? 3 - o.side : 1);
  std::snprintf(buf, sizeof buf, "war cost so far %.1f%% of a year's GDP; trade with side %d %.1f%% of GDP",
                100 * ctx.actor[actor].war_burden, other, 100 * trade_share(ctx, actor, other));
  return buf;
}

}  // namespace statecraft
