// Realism: states act on their interests. A stake in the theatre is worth
// defending when the side one favours is losing; fighting costs lives the
// actor tolerates according to its regime and casualty tolerance; losses wear
// a belligerent down towards ending the war.
#include <algorithm>
#include <cstdio>

#include "theory/theory.h"

namespace statecraft {

namespace {

double stake_of(const TheoryContext& ctx, int actor) {
  const Model& m = *ctx.m;
  return m.interest[static_cast<size_t>(actor) * m.ntheater + m.war[ctx.war_id].theater];
}

double regime_cost(Regime r) { return r == Regime::democracy ? 1.3 : r == Regime::anocracy ? 1.0 : 0.8; }

// Value of helping `side`: the stake, how much the actor wants that side to
// keep what it has, and what is at risk: the side's own ground the enemy
// claims or holds, times the enemy's chances. A client only defending its
// own ground against an enemy that wants no more needs no rescue (China let
// the UN restore the 38th parallel, and moved when the UN crossed it).
double value_of_helping(const TheoryContext& ctx, int actor, int side) {
  const ActorView& av = ctx.actor[actor];
  return ctx.m->coef.realism_stake_scale * stake_of(ctx, actor) * std::max(0.0, av.favor[side]) *
         (1 - av.p_win[side]) * ctx.war->exposure[side];
}

}  // namespace

double realism_score(const TheoryContext& ctx, int actor, const Option& o) {
  const Coefficients& c = ctx.m->coef;
  const ActorModel& am = ctx.m->actor[actor];
  const ActorView& av = ctx.actor[actor];
  const double fight_cost = c.realism_entry_cost * (1 - am.casualty_tolerance) * regime_cost(am.regime);
  const int own = av.side;
  switch (o.kind) {
    case OptionKind::aid: return 0.5 * value_of_helping(ctx, actor, o.side) - c.realism_aid_cost;
    case OptionKind::align: return 0.2 * value_of_helping(ctx, actor, o.side) - 0.5 * c.realism_aid_cost;
    case OptionKind::threaten: {
      // a warning comes before the danger: it answers the favoured side's
      // losing, whether or not the enemy yet claims its ground
      const int favoured = 3 - o.side;
      return 0.3 * c.realism_stake_scale * stake_of(ctx, actor) * std::max(0.0, av.favor[favoured]) *
                 (1 - av.p_win[favoured]) -
             0.5 * c.realism_aid_cost;
    }
    case OptionKind::enter_limited:
    case OptionKind::enter_full: {
      const double level = entry_commitment(c, o.kind);
      return value_of_helping(ctx, actor, o.side) * (0.5 + 0.5 * level) - fight_cost * (0.3 + 0.7 * level);
    }
    case OptionKind::escalate: return 0.5 * value_of_helping(ctx, actor, own) - 0.5 * fight_cost;
    case OptionKind::leave: return -value_of_helping(ctx, actor, own) + c.realism_weariness_scale * av.weariness;
    case OptionKind::widen_aims:
      return c.realism_stake_scale * stake_of(ctx, actor) * std::max(0.0, av.p_win[own] - 0.5) -
             0.5 * c.realism_weariness_scale * av.weariness;
    case OptionKind::narrow_aims: return 0.5 * c.realism_weariness_scale * av.weariness;
    case OptionKind::offer_ceasefire:
    case OptionKind::accept_ceasefire: return c.realism_weariness_scale * av.weariness;
    case OptionKind::sign_peace: return 0.3 * c.realism_weariness_scale * av.weariness;
    default: return 0;
  }
}

std::string realism_why(const TheoryContext& ctx, int actor, const Option& o) {
  const ActorView& av = ctx.actor[actor];
  char buf[160];
  if (o.kind == OptionKind::leave || o.kind == OptionKind::offer_ceasefire || o.kind == OptionKind::accept_ceasefire ||
      o.kind == OptionKind::narrow_aims || o.kind == OptionKind::sign_peace)
    std::snprintf(buf, sizeof buf, "war weariness %.2f from %.0f dead", av.weariness, ctx.s->killed[actor]);
  else if (o.side)
    std::snprintf(buf, sizeof buf,
                  "stake %.2f in the theatre; favours side %d by %.2f; its chances %.0f%%; %.0f%% of its ground at risk",
                  stake_of(ctx, actor), o.side, av.favor[o.side], 100 * av.p_win[o.side],
                  100 * ctx.war->exposure[o.side]);
  else
    std::snprintf(buf, sizeof buf, "stake %.2f in the theatre", stake_of(ctx, actor));
  return buf;
}

}  // namespace statecraft
