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
  double rout_disorder = 0.6;        // disorganization a routed force brings to the region it falls back to
  double disorder_recovery_per_day = 0.1;  // share of disorganization recovered each day
  double retreat_loss = 0.05;        // share lost when falling back in order
  double encircled_surrender = 0.6;  // share captured when no retreat route exists
  double wounded_per_killed = 3.0;   // casualties split into killed and wounded
  double wounded_return_share = 0.35;  // share of wounded returning to the actor's pool
  double tank_loss_factor = 1.6;     // tanks lost per share of personnel lost
  double artillery_loss_factor = 0.8;
  double noise_sigma = 0.25;         // log-sd of daily attrition and advance noise
  double amphibious_penalty = 0.5;   // attacker effectiveness across a sea link
  double surprise_multiplier = 1.6;  // the initiator's edge in the first days of a war
  double surprise_days = 7;
  double capitulation_share = 0.05;  // a side holding less than this share of its own people gives up
  double commit_share = 0.75;        // share of a region's force committed to its attack
  double capture_depth_share = 0.5;  // advance needed to take a region, as a share of the link length

  // --- movement ---
  double road_km_per_day = 30;       // moves within friendly territory
  double sea_km_per_day = 350;       // sea lift
  double deploy_ramp_days = 90;      // days a foreign power needs to ship its whole commitment to a theatre
  double ready_deploy_share = 0.3;   // share of its deploy days and build-up time an actor that readied forces
                                     // (with a warning) still needs

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
  double attack_min_ratio = 1.3;     // expected ratio needed to start an attack (by a side of casualty tolerance 0.5)
  double attack_tolerance_effect = 1.0;  // how much casualty tolerance lowers (or aversion raises) that ratio
  double reserve_share = 0.15;       // share of a side's theatre force held back
  double garrison_per_capita = 0.002;  // combat power a held region keeps per inhabitant (rear security)
  double attack_mass = 2.5;          // ratio a commander masses for, as a multiple of attack_min_ratio
  double landing_min_ratio = 3.0;    // expected ratio needed for an amphibious landing
  double landing_min_personnel = 20000; // smallest landing force worth the risk
  double landing_min_gain = 0.25;    // share of enemy strength a landing must cut off to be planned
  double landing_stable_days = 21;   // days the side's line must have held (no ground lost) before a landing sails
  double threat_weight = 1.0;        // weight of defending a threatened region vs attacking

  // --- strategic decisions ---
  double miscalculation = 0.15;      // logit temperature of strategic choices
  double perception_noise = 0.2;     // log-sd of errors in perceived strength and resolve
  double inertia = 1.0;              // score an option needs over the status quo to be worth a change
  double limited_commitment = 0.35;  // share of deployable forces a limited intervention sends
  double consent_enmity = -0.8;      // affinity at or below which a volunteer is a great power's bitter enemy
  double belief_force_slope = 1.2;   // how strongly the theatre force ratio shapes a side's chances
  double belief_holdings_slope = 3.0;  // how strongly ground held shapes them
  double belief_trend_slope = 6.0;   // how strongly recent gains shape them

  // --- theory module parameters ---
  double realism_stake_scale = 2.5;      // value of a stake at risk
  double realism_entry_cost = 1.2;       // cost of fighting, before casualty tolerance and regime
  double realism_aid_cost = 0.25;        // cost of sending aid
  double realism_weariness_scale = 2.0;  // pull of losses towards ending a war
  double realism_weariness_ref = 0.004;  // deaths per head of population that wear out a fully tolerant state

  double bop_threshold = 0.45;           // bloc share of system capability counted as preponderant
  double bop_width = 0.08;               // how sharply the danger of preponderance rises around the threshold
  double bop_scale = 2.0;
  double bop_bloc_favor = 0.5;           // sympathy for a side (and hostility to the other) that puts an outsider in its bloc

  double bot_distance_km = 250;          // proximity halves every ~0.7 of this distance
  double bot_offense_ref = 200000;       // personnel at which a force counts as half offensive capacity
  double bot_scale = 6.0;
  double bot_bandwagon_ratio = 8;        // power ratio beyond which a threatened state tends to bandwagon

  double cs_treaty_scale = 2.0;          // pull of a defence obligation times its reliability
  double cs_org_scale = 1.5;             // pull of an authorized collective-security call
  double cs_partner_penalty = 2.0;       // cost of attacking a treaty partner
  double cs_guarantee_reliability = 0.75;  // reliability of a truce's security guarantee
  double cs_call_days = 540;             // a collective-security call's pull fades with this time scale

  double deter_nuclear_scale = 1.5;
  double deter_conventional_scale = 0.8;
  double deter_structural_scale = 3.0;   // mutual deterrence between near-equal major powers
  double deter_structural_band = 2.0;    // capability ratio within which major powers count as near-equals
  double deter_widen_scale = 1.5;        // restraint on widening aims near a wary great power

  double esc_risk_scale = 4.0;           // fear of climbing the ladder
  double esc_desperation_scale = 1.5;    // pull to escalate when losing a high-stakes war
  double esc_accident_rate = 0.0002;     // weekly chance, at rung 3, that a great power facing another slips a rung up

  double barg_learning_rate = 0.25;      // how fast beliefs converge per unit of fighting
  double barg_decisive_learning = 0.05;  // weekly rate at which a side learns whether the war will be decided by arms
  double barg_mobility_ref = 0.02;       // weekly change of ground held (share of people) that marks a war of movement
  double barg_imbalance_ref = 1.1;       // log force ratio that marks a war one side can decide (ln 3)
  double barg_breakdown_margin = 0.1;    // talks break down when a side expects this much more from fighting
  double barg_optimism = 0.6;            // mean initial over-optimism of each side (logit units)
  double barg_settle_scale = 4.0;        // pull of a settlement better than fighting on
  double barg_talks_weeks = 40;          // mean weeks from talks to an armistice
  double barg_victory_premium = 0.3;     // value of outright victory beyond the ground it brings
  double barg_cost_scale = 2.0;          // value of a year of war's losses in settlement terms
  double barg_widen_scale = 2.0;         // pull to widen aims when winning
  double barg_truce_hazard = 0.08;       // yearly chance a truce collapses, before modifiers
  double barg_claims_weight = 1.5;       // unresolved claims raise the hazard
  double barg_separation_weight = 1.0;   // fortified separation of forces lowers it
  double barg_deterrence_weight = 1.0;   // guarantors lower it
  double barg_trade_weight = 0.5;        // trade across the line raises it (no economic separation)
  double barg_peace_scale = 2.0;         // pull to turn a truce into peace when claims are met

  double econ_soldier_cost = 15.0;       // yearly cost of a deployed soldier in GDP per head
  double econ_trade_scale = 5.0;         // cost of fighting a trading partner, per trade/GDP
  double econ_collapse_burden = 1.5;     // cumulative war cost in years of GDP that breaks an economy
  double econ_burden_scale = 1.0;
  double econ_aid_effect = 1.0;          // production gain per unit of aid relative to own spending

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

/// The registry as a Markdown table (key, default, range, unit, meaning), as
/// docs/model.md carries it; a test keeps the two identical.
std::string params_markdown();

/// Defaults overridden by the scenario's settings (already range-checked).
Coefficients coefficients_of(const Scenario& s);

double& param_ref(Coefficients& c, const ParamSpec& spec);

}  // namespace statecraft
