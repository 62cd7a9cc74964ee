// Theory modules score an actor's strategic options. Each module is a pure
// function of (world, actor, option) returning one term; an option's score is
// the weighted sum of the terms, and that split is the explanation.
// Adding a theory is adding one file and one line in registry.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "model/model.h"
#include "world/views.h"
#include "world/world.h"

namespace statecraft {

enum class OptionKind : uint8_t {
  stay_out,          // not in the war: do nothing new
  aid,               // send money and materiel to `side`
  threaten,          // warn `side` off (a deterrent threat)
  align,             // side with `side` diplomatically without fighting (bandwagoning)
  enter_limited,     // fight for `side` with a limited commitment
  enter_full,        // fight for `side` with everything deployable
  keep_fighting,     // in the war: carry on as now
  escalate,          // climb one rung of the escalation ladder
  leave,             // withdraw from the war (not possible at home)
  widen_aims,        // fight for all enemy territory
  narrow_aims,       // fight only to restore one's side's own territory
  offer_ceasefire,   // propose talks / a ceasefire on the current line
  accept_ceasefire,  // accept the other side's offer
  keep_truce,        // during an armistice: keep it
  sign_peace,        // during an armistice: settle for good
};
inline constexpr int kOptionKinds = 15;
const char* option_name(OptionKind k);

struct Option {
  OptionKind kind = OptionKind::stay_out;
  int war = 0;
  int side = 0;  // the side the option favours (for aid, enter, align) or is aimed at (threaten)
};

struct TheoryContext {
  const Model* m = nullptr;
  const RunState* s = nullptr;
  const WarView* war = nullptr;      // (nwar) views
  const ActorView* actor = nullptr;  // (nactor) views for the war being scored
  int war_id = 0;
};

/// A theory module: its name, where its switch and weight live in the
/// coefficients, its term for an option, and (for explanations only) a
/// sentence saying what drove the term.
struct TheoryModule {
  const char* name;
  double Coefficients::*enabled;
  double Coefficients::*weight;
  double (*score)(const TheoryContext& ctx, int actor, const Option& o);
  std::string (*why)(const TheoryContext& ctx, int actor, const Option& o);
};

std::span<const TheoryModule> theory_modules();
inline constexpr int kMaxModules = 12;

// --- the modules (one file each) ---
double realism_score(const TheoryContext& ctx, int actor, const Option& o);
std::string realism_why(const TheoryContext& ctx, int actor, const Option& o);
double balance_of_power_score(const TheoryContext& ctx, int actor, const Option& o);
std::string balance_of_power_why(const TheoryContext& ctx, int actor, const Option& o);
double balance_of_threat_score(const TheoryContext& ctx, int actor, const Option& o);
std::string balance_of_threat_why(const TheoryContext& ctx, int actor, const Option& o);
double collective_security_score(const TheoryContext& ctx, int actor, const Option& o);
std::string collective_security_why(const TheoryContext& ctx, int actor, const Option& o);
double deterrence_score(const TheoryContext& ctx, int actor, const Option& o);
std::string deterrence_why(const TheoryContext& ctx, int actor, const Option& o);
double escalation_score(const TheoryContext& ctx, int actor, const Option& o);
std::string escalation_why(const TheoryContext& ctx, int actor, const Option& o);
double bargaining_score(const TheoryContext& ctx, int actor, const Option& o);
std::string bargaining_why(const TheoryContext& ctx, int actor, const Option& o);
double economy_score(const TheoryContext& ctx, int actor, const Option& o);
std::string economy_why(const TheoryContext& ctx, int actor, const Option& o);

// --- shared helpers ---

/// Whether an option puts the actor into (or deeper into) fighting against
/// `3 - o.side`.
inline bool joins_fight(const Option& o) {
  return o.kind == OptionKind::enter_limited || o.kind == OptionKind::enter_full;
}
inline bool supports_side(const Option& o) {
  return joins_fight(o) || o.kind == OptionKind::aid || o.kind == OptionKind::align;
}
/// Commitment an entry option brings (share of deployable forces).
double entry_commitment(const Coefficients& c, OptionKind k);
/// Side that actor `a` opposes in the war being scored by option `o`.
int opposed_side(const TheoryContext& ctx, int actor, const Option& o);
/// Fills the deterrence part of `actor`'s view (once per round: every actor's
/// favour and treaties must be in the views already).
void fill_deterrence(const TheoryContext& ctx, int actor, ActorView& av);
/// Whether an actor is a great power with nuclear arms.
bool nuclear_great_power(const Model& m, int actor);
/// Escalation rung an entry option brings: 2 limited, 3 full, 4 when a
/// nuclear-armed great power would fight another (escalation ladder).
int entry_rung(const TheoryContext& ctx, int actor, const Option& o);
/// Risk (0..~1.3) of an uncontrolled spiral at `rung` against `enemy` side.
double spiral_risk(const TheoryContext& ctx, int enemy, int rung);
/// Threat (0..1) that `side` poses to `actor` (balance of threat).
double threat_from(const TheoryContext& ctx, int actor, int side);
/// Gain to `actor`'s side from settling on the current line (bargaining).
double settlement_gain(const TheoryContext& ctx, int actor);
/// The same, scanning the treaties (used once per decision round to fill the views).
double scan_treaties_with_side(const Model& m, const RunState& s, int war, int actor, int side, TreatyType type);
/// Whether the actor has a given treaty type with anyone on `side` (active treaties only);
/// returns the highest reliability, or 0.
double treaty_with_side(const TheoryContext& ctx, int actor, int side, TreatyType type);

}  // namespace statecraft
