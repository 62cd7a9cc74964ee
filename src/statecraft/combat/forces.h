// Small operations on one actor's force in one region, shared by combat,
// movement and the engine, so losses are always booked the same way.
#pragma once

#include "model/model.h"
#include "world/world.h"

namespace statecraft {

struct ForceDelta {
  double personnel = 0;
  double tanks = 0;
  double artillery = 0;
};

/// Adds (or with negative values removes) men and weapons; never below zero.
void add_force(const Model& m, RunState& s, int actor, int region, ForceDelta d);

/// Removes the whole force of `actor` in `region`.
void clear_force(const Model& m, RunState& s, int actor, int region);

/// Combat losses: `frac` of the personnel become casualties (split into
/// killed and wounded; some wounded return to the home pool), tanks and
/// artillery are lost at their loss factors. Returns the killed.
double inflict_losses(const Model& m, RunState& s, int actor, int region, double frac);

/// Losses of a cut-off force to hunger, desertion and disease: counted as
/// missing (captured), not as battle deaths.
void wither(const Model& m, RunState& s, int actor, int region, double frac);

}  // namespace statecraft
