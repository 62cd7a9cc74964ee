#include <algorithm>

#include "theory/theory.h"

namespace statecraft {

const char* option_name(OptionKind k) {
  static constexpr const char* kNames[kOptionKinds] = {
      "stay out",     "send aid",    "warn off",       "align with",      "enter (limited)",
      "enter (full)", "keep fighting", "escalate",     "leave the war",   "widen aims",
      "narrow aims",  "offer talks", "accept talks",   "keep the truce",  "sign peace"};
  return kNames[static_cast<int>(k)];
}

double entry_commitment(const Coefficients& c, OptionKind k) {
  return k == OptionKind::enter_full ? 1.0 : k == OptionKind::enter_limited ? c.limited_commitment : 0.0;
}

int opposed_side(const TheoryContext& ctx, int actor, const Option& o) {
  const int mine = ctx.actor[actor].side;
  if (mine) return 3 - mine;
  return o.side ? 3 - o.side : 0;
}

double treaty_with_side(const TheoryContext& ctx, int actor, int side, TreatyType type) {
  return ctx.actor[actor].treaty[side][static_cast<int>(type)];
}

double scan_treaties_with_side(const Model& m, const RunState& s, int war, int actor, int side, TreatyType type) {
  double best = 0;
  // a defence pact binds only when a partner's own territory is attacked:
  // it fights at home in this theatre or its homeland has been struck
  const int theater = m.war[war].theater;
  auto attacked = [&](int b) {
    return s.homeland_struck[b] || m.owns_in[static_cast<size_t>(b) * m.ntheater + theater];
  };
  auto member_on_side = [&](int begin, int end, const std::vector<int>& members, bool& has_actor) {
    bool on_side = false;
    has_actor = false;
    for (int i = begin; i < end; ++i) {
      const int b = members[i];
      has_actor |= b == actor;
      on_side |= b != actor && s.side[war * m.nactor + b] == side && (type != TreatyType::defense || attacked(b));
    }
    return on_side;
  };
  for (int t = 0; t < m.ntreaty; ++t) {
    if (!s.treaty_active[t] || m.treaty[t].type != type) continue;
    bool has_actor;
    if (member_on_side(m.treaty[t].member_begin, m.treaty[t].member_end, m.treaty_member, has_actor) && has_actor)
      best = std::max(best, m.treaty[t].reliability);
  }
  if (type == TreatyType::defense)  // alliance organizations bind like a defence pact
    for (int o = 0; o < m.norg; ++o) {
      if (m.org[o].kind != OrgKind::alliance) continue;
      bool has_actor;
      if (member_on_side(m.org[o].member_begin, m.org[o].member_end, m.org_member, has_actor) && has_actor)
        best = std::max(best, m.org[o].reliability);
    }
  return best;
}

}  // namespace statecraft
