// Combat in a theatre: the air and sea contest, supply traced along the region
// graph, Lanchester-family attrition between adjacent hostile regions, advance
// and breakthrough that change control, retreat and encirclement, and the
// civilian toll of fighting. All coefficients come from Model::coef.
#pragma once

#include "model/model.h"
#include "util/rng.h"
#include "world/trace.h"
#include "world/world.h"

namespace statecraft {

/// Combat power of one actor's forces in a region before multipliers:
/// quality x (personnel + tank and artillery equivalents).
double raw_power(const Model& m, const RunState& s, int actor, int region);

/// Combat power of every actor fighting on `side` in the region's theatre war,
/// times supply and air multipliers: what the side brings to a fight there.
double side_power(const Model& m, const RunState& s, int region, int side);

/// Multiplier a defender gets in `region` against an attack over `link`
/// (defence, terrain, fortification, river).
double defense_factor(const Model& m, const RunState& s, int region, int link);

/// Recomputes air superiority and sea control in every theatre at war, and
/// wears down the air forces that contest the sky.
void update_air_and_sea(const Model& m, RunState& s);

/// Traces supply for every region held by a belligerent: shortest path over
/// friendly regions to a source (a capital, a land entry from the homeland,
/// or a port when the side holds the sea), lengthened by enemy air
/// interdiction. Sets supply_km and supply_eff.
void update_supply(const Model& m, RunState& s);

/// One day of fighting in every theatre at war: attacks ordered by the
/// theatre commanders, static attrition on quiet fronts, cut-off attrition,
/// fortification, captures, retreats and civilian losses.
void resolve_combat(const Model& m, RunState& s, Rng& rng, Trace* trace);

/// Hands `region` to `side` (taken by `taker`): defenders retreat or are
/// encircled, the capital relocates if it fell, people flee. `routed` uses
/// the rout loss instead of an orderly retreat.
void capture_region(const Model& m, RunState& s, int region, int side, int taker, bool routed, Trace* trace);

}  // namespace statecraft
