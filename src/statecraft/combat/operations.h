// The theatre commander: for each side at war, where to attack, where to
// defend, where reserves and new arrivals go, and whether to mount an
// amphibious landing. Whether to fight at all is the strategic layer's choice
// (theory/ and engine/); this only decides how.
#pragma once

#include "model/model.h"
#include "util/rng.h"
#include "world/trace.h"
#include "world/world.h"

namespace statecraft {

/// Re-plans every theatre at war: sets attack_share for each region held by
/// a belligerent and queues movements of surplus forces towards the regions
/// that need them. Estimates of enemy strength carry perception noise drawn
/// from `rng`.
void plan_operations(const Model& m, RunState& s, Rng& rng, Trace* trace);

/// Queues a movement; counts it as dropped (and returns the forces to the
/// actor's pool) if the queue is full.
void queue_movement(const Model& m, RunState& s, const Movement& mv);

/// Moves forces whose arrival day has come into their destination; forces
/// whose destination fell to the enemy go to the nearest friendly region of
/// their side (or back to the home pool if none is left).
void deliver_movements(const Model& m, RunState& s, Trace* trace);

}  // namespace statecraft
