// Derived views of the world that the strategic layer computes once per
// decision round, so scoring an option is arithmetic, not search.
#pragma once

#include "model/model.h"

namespace statecraft {

/// What every module may read about one war, computed once per decision
/// round so scoring an option is arithmetic, not search.
struct WarView {
  bool active = false;               // fighting or under a truce
  double theatre_power[3] = {};      // combat power each side has in the theatre
  double personnel[3] = {};          // personnel each side has in the theatre
  double holdings[3] = {};           // share of the theatre's people each side holds
  double baseline[3] = {};           // share each side's members owned at the start
  double claims[3] = {};             // share each side claims (union of its members' aims)
  double exposure[3] = {};           // share of each side's own ground the enemy claims or holds, or did in this war, 0..1
  double trend[3] = {};              // change in holdings over the last four weeks
  double mobility = 0;               // mean weekly change of the ground held over the last eight weeks
  double decisive_observed = 1;      // 0..1 what the battlefield says about the war being decided by arms
  double p_win_observed[3] = {};     // what the battlefield says each side's chances are
  double bloc_share[3] = {};         // share of system capability of each side's bloc
  double casualty_rate[3] = {};      // military deaths per week / personnel, last week
  int leader[3] = {kNone, kNone, kNone};  // the member who speaks for each side
  bool authorized = false;           // a collective-security body authorized action against the attackers
  int aggressor_side = 1;
};

/// Per decision round, per actor: the quantities shared by several modules.
struct ActorView {
  double favor[3] = {};              // -1..1 sympathy for each side of the war being scored
  double proximity[3] = {};          // 0..1 nearness of each side's forces to the actor's homeland
  double nearest_km[3] = {};         // km from the actor's homeland to each side's nearest forces
  double p_win[3] = {};              // the actor's belief in each side's victory (perception noise applied)
  double decisive = 1;               // the actor's belief that arms will decide the war (a stalemate otherwise)
  double weariness = 0;              // 0.. losses relative to what the actor tolerates
  double war_burden = 0;             // cumulative war cost / yearly GDP
  int side = 0;                      // its side in the war being scored (0 = out)
  double treaty[3][4] = {};          // [side][TreatyType] best reliability of an active treaty with a member of the side
                                     // (alliance organizations count as defence pacts)
  // deterrence facing the actor from each side's defenders (theory/deterrence.cpp fills it)
  int deterrer[3] = {kNone, kNone, kNone};  // the most credible defender of each side against this actor
  double deter_credibility[3] = {};  // its credibility (capability x resolve)
  double deter_structural[3] = {};   // structural deterrence between near-equal major powers
};

}  // namespace statecraft
