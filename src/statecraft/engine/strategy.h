// The strategic layer: at each decision interval every actor scores its
// options (stay out, aid, enter, escalate, offer or accept a ceasefire, ...)
// with the theory modules and chooses by a noisy logit. What it decides is
// applied through the seam in engine/war.h.
#pragma once

#include "model/model.h"
#include "util/rng.h"
#include "world/trace.h"
#include "world/world.h"

namespace statecraft {

/// One round of strategic decisions for every actor that does not abstain:
/// councils vote, beliefs update, every actor scores its options and chooses,
/// talks progress, unintended escalation may strike, war costs accrue.
void decide_strategy(const Model& m, RunState& s, RunRngs& rng, Trace* trace);

/// For wars that start under a truce: records the line and draws when (if
/// before the horizon) the truce collapses.
void start_truces(const Model& m, RunState& s, RunRngs& rng, Trace* trace);

/// Resumes any war whose truce was drawn to collapse today.
void check_truces(const Model& m, RunState& s, Trace* trace);

}  // namespace statecraft
