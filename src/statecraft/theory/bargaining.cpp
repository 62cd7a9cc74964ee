// Bargaining and war termination: a side fights on while it expects more from
// fighting (its chances times its aims, minus the cost of another year) than
// from settling on the line it holds. Beliefs start optimistic and converge
// as battles reveal the balance; when both sides prefer the line, talks open.
// Aims widen with success and narrow with failure.
#include <algorithm>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

double year_of_war_cost(const TheoryContext& ctx, int actor) {
  const ActorView& av = ctx.actor[actor];
  return ctx.m->coef.barg_cost_scale * 0.25 * (av.weariness + av.war_burden);
}

}  // namespace

/// Gain from settling on the current line rather than fighting on (for
/// `actor`'s side). Fighting on ends in one of three ways: victory brings the
/// side's claims and the end of the enemy as a contender (worth more than the
/// same ground held against a surviving enemy); defeat leaves what the enemy
/// does not claim; a stalemate leaves the line where it is. The side weighs
/// them by its belief that arms will decide the war at all, and by its
/// chances if they do.
double settlement_gain(const TheoryContext& ctx, int actor) {
  const ActorView& av = ctx.actor[actor];
  const WarView& w = *ctx.war;
  const int side = av.side;
  if (!side) return 0;
  const double held = w.holdings[side];
  const double if_won = w.claims[side] + ctx.m->coef.barg_victory_premium;
  const double if_lost = std::max(0.0, 1 - w.claims[3 - side]);
  const double p = av.p_win[side];
  return av.decisive * (p * (held - if_won) + (1 - p) * (held - if_lost)) + year_of_war_cost(ctx, actor);
}

double bargaining_score(const TheoryContext& ctx, int actor, const Option& o) {
  const Coefficients& c = ctx.m->coef;
  const ActorView& av = ctx.actor[actor];
  const WarView& w = *ctx.war;
  const int side = av.side;
  switch (o.kind) {
    case OptionKind::offer_ceasefire: return c.barg_settle_scale * settlement_gain(ctx, actor);
    case OptionKind::accept_ceasefire: return c.barg_settle_scale * settlement_gain(ctx, actor);
    case OptionKind::widen_aims: {
      // widening comes once one's own ground is restored and the war is going well
      const bool restored = w.holdings[side] >= w.baseline[side] - 0.02;
      return c.barg_widen_scale * (av.p_win[side] - 0.5) * 2 * (restored ? 1.0 : 0.3);
    }
    case OptionKind::narrow_aims: return c.barg_widen_scale * (0.5 - av.p_win[side]) * 2;
    case OptionKind::sign_peace: {
      const double unresolved = std::max(0.0, w.claims[side] - w.holdings[side]);
      return c.barg_peace_scale * (1 - 3 * unresolved);
    }
    default: return 0;
  }
}

std::string bargaining_why(const TheoryContext& ctx, int actor, const Option& o) {
  const ActorView& av = ctx.actor[actor];
  const int side = av.side;
  if (!side) return "";
  char buf[200];
  (void)o;
  std::snprintf(buf, sizeof buf,
                "believes arms decide the war with %.0f%% and its side wins with %.0f%%; holds %.0f%% of the people, "
                "claims %.0f%%; settling gains %+.2f",
                100 * av.decisive, 100 * av.p_win[side], 100 * ctx.war->holdings[side], 100 * ctx.war->claims[side],
                settlement_gain(ctx, actor));
  return buf;
}

}  // namespace statecraft
