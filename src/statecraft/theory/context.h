// Building the views the theory modules read: per war (balance in the
// theatre, ground held, bloc shares, beliefs) and per actor (sympathies,
// proximity of each side's forces, perceived chances, weariness).
#pragma once

#include "model/model.h"
#include "world/world.h"

namespace statecraft {

/// -1..1: how much `actor` sides with `side` of `war`: affinity and
/// ideological closeness to its members, weighted by their capability.
double favor_of(const Model& m, const RunState& s, int actor, int war, int side);

/// Members of a side's bloc: belligerents, actors aligned with it, and their
/// active defence-treaty or alliance partners.
bool in_bloc(const Model& m, const RunState& s, int war, int side, int actor);

/// Observed chance of `side` winning from the theatre balance, ground and trend.
double observed_p_win(const Coefficients& c, const WarView& v, int side);

/// Recomputes s.war_view[w] (and each side's leader).
void compute_war_view(const Model& m, RunState& s, int war);

/// Recomputes s.actor_view for every actor with respect to `war`.
void compute_actor_views(const Model& m, RunState& s, int war);

/// Whether `actor` owns regions in the theatre of `war` (fights at home).
bool home_actor(const Model& m, int war, int actor);

}  // namespace statecraft
