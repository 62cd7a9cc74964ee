// Every tunable coefficient of the model and the theories, with its default,
// range, unit and meaning. The scenario's `model:` and `theory:` blocks set
// them by dotted key; `statecraft params` prints this table.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.h"

namespace statecraft {

/// All coefficients as plain numbers. Defaults here are the documented
/// defaults; the registry in params.cpp gives each its key, range and meaning.
struct Coefficients {
  // --- time ---
  double operational_interval_days = 3;  // theatre commanders re-plan this often
  double decision_interval_days = 7;     // strategic decisions this often

  // --- combat ---
  double tank_weight = 40;           // infantry-equivalents per tank
  double artillery_weight = 12;      // infantry-equivalents per artillery piece
  double attrition_rate = 0.012;     // casualties per day per unit of engaged strength in an attack
  double static_attrition_rate = 0.0015;  // same on a front where nobody attacks
  double lanchester_exponent = 0.6;  // 1 = square law (losses from enemy strength alone), 0.5 = mixed
  double defense_multiplier = 1.4;   // prepared defender's advantage before terrain
  double terrain_defense[kTerrainCount] = {1.0, 1.2, 1.4, 1.3, 1.8, 1.6, 1.4, 0.9, 1.5};
  double terrain_speed[kTerrainCount] = {1.0, 0.8, 0.65, 0.7, 0.45, 0.6, 0.5, 1.1, 0.6};
  double river_multiplier = 1.35;    // defender across a river line
  double fortification_per_day = 0.008;   // growth of prepared defences on a held front
  double fortification_max = 0.8;         // at most this extra share of defence
  double advance_km_per_day = 18;    // advance at an overwhelming ratio on open ground
  double advance_threshold_ratio = 1.2;   // below this force ratio an attack gains no ground
  double breakthrough_ratio = 3.0;   // at or above this ratio the line may collapse
  double breakthrough_chance_per_day = 0.12;
  double rout_loss = 0.25;           // share of a routed defender lost (killed or captured)
  double retreat_loss = 0.05;        // share lost when falling back in order
  double encircled_surrender = 0.6;  // share captured when no retreat route exists
  double wounded_per_killed = 3.0;   // casualties split into killed and wounded
  double wounded_return_share = 0.35;  // share of wounded returning to the actor's pool
  double tank_loss_factor = 1.6;     // tanks lost per share of personnel lost
  double artillery_loss_factor = 0.8;
  double noise_sigma = 0.25;         // log-sd of daily attrition and advance noise
  double amphibious_penalty = 0.5;   // attacker effectiveness across a sea link
  double surprise_multiplier = 1.6;  // the initiator's edge in the first days of a war
  double surprise_days = 5;
  double commit_share = 0.75;        // share of a region's force committed to its attack
  double capture_depth_share = 0.6;  // advance needed to take a region, as a share of the link length

  // --- movement ---
  double road_km_per_day = 30;       // moves within friendly territory
  double sea_km_per_day = 350;       // sea lift

  // --- supply ---
  double supply_range_km = 280;      // beyond this path length supply thins out
  double cutoff_effectiveness = 0.35;     // combat effectiveness of a force with no supply path
  double cutoff_attrition_per_day = 0.012; // daily loss of a cut-off force (desertion, hunger)
  double interdiction = 0.8;         // air superiority's lengthening of the enemy's supply lines

  // --- air ---
  double air_support_max = 0.6;      // ground effectiveness bonus of a side with full air superiority
  double air_superiority_exponent = 1.5;
  double air_attrition_rate = 0.002; // daily aircraft losses per unit of enemy air strength share

  // --- sea ---
  double sea_control_ratio = 2.0;    // naval strength needed over the enemy's to use sea links
  double ship_weight = 1.0;          // naval strength per ship (times quality)

  // --- mobilization and production ---
  double max_mobilized_share = 0.08; // at most this share of the population under arms
  double war_production_multiplier = 2.5;  // production once fully mobilized for war
  double mobilization_days = 180;    // ramp from peacetime to war production
  double replacement_share = 0.6;    // share of new personnel sent to the theatre at war

  // --- civilians ---
  double civilian_harm = 1.5;        // civilian deaths per military death in a region of average population
  double civilian_exposure_max = 3;  // cap on a region's population relative to the theatre mean
  double displacement_share = 0.12;  // share of a region's people displaced when it changes hands
  double displacement_per_day = 0.0015;  // daily share displaced while a region is fought over

  // --- operations (the theatre commander) ---
  double attack_min_ratio = 1.3;     // expected ratio needed to start an attack
  double reserve_share = 0.15;       // share of a side's theatre force held back
  double landing_min_ratio = 3.0;    // expected ratio needed for an amphibious landing
  double landing_min_personnel = 20000; // smallest landing force worth the risk
  double landing_min_gain = 0.25;    // share of enemy strength a landing must cut off to be planned
  double threat_weight = 1.0;        // weight of defending a threatened region vs attacking

  // --- strategic decisions (issue 3 fills the theory terms) ---
  double miscalculation = 0.35;      // logit temperature of strategic choices
  double perception_noise = 0.2;     // log-sd of errors in perceived strength and resolve

  // --- theory modules: enabled (0/1) and weight ---
  double realism_enabled = 1, realism_weight = 1;
  double balance_of_power_enabled = 1, balance_of_power_weight = 1;
  double balance_of_threat_enabled = 1, balance_of_threat_weight = 1;
  double collective_security_enabled = 1, collective_security_weight = 1;
  double deterrence_enabled = 1, deterrence_weight = 1;
  double escalation_enabled = 1, escalation_weight = 1;
  double bargaining_enabled = 1, bargaining_weight = 1;
  double economy_enabled = 1, economy_weight = 1;
};

struct ParamSpec {
  std::string_view key;      // "model.combat.attrition_rate"
  size_t offset;             // byte offset of the double in Coefficients
  double default_value;
  double min;
  double max;
  bool is_bool;
  std::string_view unit;
  std::string_view doc;
};

/// The registry, in documentation order.
std::span<const ParamSpec> param_specs();

/// nullptr if `key` is not a known coefficient.
const ParamSpec* find_param(std::string_view key);

/// All keys, for "did you mean" suggestions.
std::vector<std::string> param_keys();

/// Defaults overridden by the scenario's settings (already range-checked).
Coefficients coefficients_of(const Scenario& s);

double& param_ref(Coefficients& c, const ParamSpec& spec);

}  // namespace statecraft
