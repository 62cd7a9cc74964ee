// The seam between the strategic layer and the world: the only ways a
// decision changes who fights, with how much, and for what. The strategic
// layer (theory/ scores, engine/ chooses) calls these; so do tests.
#pragma once

#include "model/model.h"
#include "world/trace.h"
#include "world/world.h"

namespace statecraft {

/// `actor` joins `war` on `side` (1 attackers, 2 defenders), committing
/// `commitment` (0..1) of its deployable forces: its theatre reserve sails at
/// once, home forces follow after the actor's deploy_days. It brings the aim
/// `own` (restore its side's regions) unless it already had one.
void enter_war(const Model& m, RunState& s, int war, int actor, int side, double commitment, Trace* trace);

/// `actor` leaves `war`: its forces in the theatre go home.
void leave_war(const Model& m, RunState& s, int war, int actor, Trace* trace);

/// Sets what `actor` fights for in `war` (widening or narrowing its aims).
void set_aim(const Model& m, RunState& s, int war, int actor, AimKind aim, Trace* trace);

/// Raises or lowers the share of its deployable forces an actor commits.
void set_commitment(const Model& m, RunState& s, int actor, double commitment);

/// Days the actor's home forces need to reach a theatre: its deploy_days,
/// shortened once it has readied forces (a warning backed by troops).
double deploy_days(const Model& m, const RunState& s, int actor);

/// Whether `actor` owns regions in theatre `t` (it fights at home there).
bool fights_at_home(const Model& m, int actor, int t);

/// Ends `war` with `winner_side` (0 for a settlement) and `status`.
void end_war(const Model& m, RunState& s, int war, WarStatus status, int winner_side, Trace* trace);

}  // namespace statecraft
