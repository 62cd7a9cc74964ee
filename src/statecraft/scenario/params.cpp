#include "scenario/params.h"

#include <array>
#include <cstddef>
#include <cstdio>
#include <type_traits>

namespace statecraft {

namespace {

constexpr Coefficients kDefaults{};

// A scalar coefficient: key = "<block>.<group>.<name>", default read from kDefaults.
#define SC_PARAM(block, group, name, lo, hi, unit, doc) \
  ParamSpec{block "." group "." #name, offsetof(Coefficients, name), kDefaults.name, lo, hi, false, unit, doc}
// An element of an array coefficient indexed by terrain.
#define SC_TERRAIN(group, field, tname, ti, lo, hi, doc)                                       \
  ParamSpec{"model." group "." #tname, offsetof(Coefficients, field) + (ti) * sizeof(double), \
            kDefaults.field[ti], lo, hi, false, "x", doc}
#define SC_THEORY(module, doc)                                                                       \
  ParamSpec{"theory." #module ".enabled", offsetof(Coefficients, module##_enabled), 1, 0, 1, true, "bool", \
            "switch the " doc " module on or off"},                                                  \
      ParamSpec {                                                                                    \
    "theory." #module ".weight", offsetof(Coefficients, module##_weight), 1, 0, 10, false, "x",      \
        "weight of the " doc " terms in every strategic score"                                       \
  }

const auto kSpecs = std::to_array<ParamSpec>({
    SC_PARAM("model", "time", operational_interval_days, 1, 60, "days", "theatre commanders re-plan this often"),
    SC_PARAM("model", "time", decision_interval_days, 1, 90, "days", "strategic decisions are taken this often"),

    SC_PARAM("model", "combat", tank_weight, 0, 500, "men/tank", "infantry-equivalents per tank"),
    SC_PARAM("model", "combat", artillery_weight, 0, 200, "men/gun", "infantry-equivalents per artillery piece"),
    SC_PARAM("model", "combat", attrition_rate, 0, 0.5, "1/day",
             "casualties per day per unit of engaged strength in an attack (Lanchester coefficient)"),
    SC_PARAM("model", "combat", static_attrition_rate, 0, 0.1, "1/day",
             "casualties per day per unit of strength on a front where nobody attacks"),
    SC_PARAM("model", "combat", lanchester_exponent, 0, 1, "",
             "weight of the enemy's strength in one's losses: 1 square law, 0.5 mixed, 0 linear"),
    SC_PARAM("model", "combat", defense_multiplier, 0.5, 5, "x", "a prepared defender's advantage before terrain"),
    SC_TERRAIN("terrain_defense", terrain_defense, plains, 0, 0.2, 5, "defender multiplier on plains"),
    SC_TERRAIN("terrain_defense", terrain_defense, mixed, 1, 0.2, 5, "defender multiplier on mixed ground"),
    SC_TERRAIN("terrain_defense", terrain_defense, hills, 2, 0.2, 5, "defender multiplier in hills"),
    SC_TERRAIN("terrain_defense", terrain_defense, forest, 3, 0.2, 5, "defender multiplier in forest"),
    SC_TERRAIN("terrain_defense", terrain_defense, mountain, 4, 0.2, 5, "defender multiplier in mountains"),
    SC_TERRAIN("terrain_defense", terrain_defense, urban, 5, 0.2, 5, "defender multiplier in cities"),
    SC_TERRAIN("terrain_defense", terrain_defense, marsh, 6, 0.2, 5, "defender multiplier in marshes"),
    SC_TERRAIN("terrain_defense", terrain_defense, desert, 7, 0.2, 5, "defender multiplier in desert"),
    SC_TERRAIN("terrain_defense", terrain_defense, island, 8, 0.2, 5, "defender multiplier on islands"),
    SC_TERRAIN("terrain_speed", terrain_speed, plains, 0, 0.05, 3, "advance and movement speed factor on plains"),
    SC_TERRAIN("terrain_speed", terrain_speed, mixed, 1, 0.05, 3, "speed factor on mixed ground"),
    SC_TERRAIN("terrain_speed", terrain_speed, hills, 2, 0.05, 3, "speed factor in hills"),
    SC_TERRAIN("terrain_speed", terrain_speed, forest, 3, 0.05, 3, "speed factor in forest"),
    SC_TERRAIN("terrain_speed", terrain_speed, mountain, 4, 0.05, 3, "speed factor in mountains"),
    SC_TERRAIN("terrain_speed", terrain_speed, urban, 5, 0.05, 3, "speed factor in cities"),
    SC_TERRAIN("terrain_speed", terrain_speed, marsh, 6, 0.05, 3, "speed factor in marshes"),
    SC_TERRAIN("terrain_speed", terrain_speed, desert, 7, 0.05, 3, "speed factor in desert"),
    SC_TERRAIN("terrain_speed", terrain_speed, island, 8, 0.05, 3, "speed factor on islands"),
    SC_PARAM("model", "combat", river_multiplier, 1, 5, "x", "defender multiplier behind a river line"),
    SC_PARAM("model", "combat", fortification_per_day, 0, 1, "1/day", "growth of prepared defences on a held front"),
    SC_PARAM("model", "combat", fortification_max, 0, 5, "", "largest extra share of defence from fortification"),
    SC_PARAM("model", "combat", advance_km_per_day, 0, 200, "km/day", "advance at an overwhelming ratio on open ground"),
    SC_PARAM("model", "combat", advance_threshold_ratio, 0.5, 10, "", "force ratio below which an attack gains no ground"),
    SC_PARAM("model", "combat", breakthrough_ratio, 1, 20, "", "force ratio at which a defending line may collapse"),
    SC_PARAM("model", "combat", breakthrough_chance_per_day, 0, 1, "1/day", "daily chance of collapse at the breakthrough ratio"),
    SC_PARAM("model", "combat", rout_loss, 0, 1, "share", "share of a routed defender killed or captured"),
    SC_PARAM("model", "combat", rout_disorder, 0, 1, "share",
             "disorganization (lost effectiveness) a routed force brings to the region it falls back to"),
    SC_PARAM("model", "combat", disorder_recovery_per_day, 0, 1, "1/day", "share of disorganization recovered each day"),
    SC_PARAM("model", "combat", retreat_loss, 0, 1, "share", "share lost when falling back in order"),
    SC_PARAM("model", "combat", encircled_surrender, 0, 1, "share", "share captured when no retreat route exists"),
    SC_PARAM("model", "combat", wounded_per_killed, 0, 20, "", "wounded per killed: splits casualties"),
    SC_PARAM("model", "combat", wounded_return_share, 0, 1, "share", "share of the wounded who return to duty"),
    SC_PARAM("model", "combat", tank_loss_factor, 0, 10, "", "share of tanks lost per share of personnel lost"),
    SC_PARAM("model", "combat", artillery_loss_factor, 0, 10, "", "share of artillery lost per share of personnel lost"),
    SC_PARAM("model", "combat", noise_sigma, 0, 2, "log-sd", "daily noise of attrition and advance"),
    SC_PARAM("model", "combat", amphibious_penalty, 0, 1, "x", "attacker effectiveness across a sea link"),
    SC_PARAM("model", "combat", surprise_multiplier, 1, 5, "x", "the edge of an initiator, or of an intervening power, in its first days of fighting"),
    SC_PARAM("model", "combat", surprise_days, 0, 60, "days", "how long a belligerent's surprise lasts"),
    SC_PARAM("model", "combat", capitulation_share, 0, 1, "share",
             "a side left holding less than this share of the people it owned gives up"),
    SC_PARAM("model", "combat", commit_share, 0.05, 1, "share", "share of a region's force committed to an attack"),
    SC_PARAM("model", "combat", capture_depth_share, 0.05, 2, "share",
             "advance needed to take a region, as a share of the attacking link's length"),

    SC_PARAM("model", "movement", road_km_per_day, 1, 500, "km/day", "moves within friendly territory"),
    SC_PARAM("model", "movement", sea_km_per_day, 10, 2000, "km/day", "sea lift"),
    SC_PARAM("model", "movement", ready_deploy_share, 0, 1, "share",
             "share of its deploy days and build-up time an actor still needs after readying forces with a warning"),
    SC_PARAM("model", "movement", deploy_ramp_days, 1, 3650, "days",
             "days a foreign power needs to ship its whole commitment to a theatre (lift and mobilization)"),

    SC_PARAM("model", "supply", supply_range_km, 10, 5000, "km", "path length beyond which supply thins out"),
    SC_PARAM("model", "supply", cutoff_effectiveness, 0, 1, "x", "effectiveness of a force with no supply path"),
    SC_PARAM("model", "supply", cutoff_attrition_per_day, 0, 0.5, "1/day", "daily loss of a cut-off force"),
    SC_PARAM("model", "supply", interdiction, 0, 10, "", "how much full air superiority lengthens enemy supply lines"),

    SC_PARAM("model", "air", air_support_max, 0, 5, "", "ground effectiveness bonus with full air superiority"),
    SC_PARAM("model", "air", air_superiority_exponent, 0.1, 10, "", "sharpness of air superiority in the aircraft ratio"),
    SC_PARAM("model", "air", air_attrition_rate, 0, 0.5, "1/day", "daily aircraft losses per unit of enemy air share"),

    SC_PARAM("model", "sea", sea_control_ratio, 1, 100, "", "naval strength over the enemy's needed to hold sea control"),
    SC_PARAM("model", "sea", ship_weight, 0, 1000, "", "naval strength per ship"),

    SC_PARAM("model", "mobilization", max_mobilized_share, 0, 0.5, "share", "largest share of the population under arms"),
    SC_PARAM("model", "mobilization", war_production_multiplier, 1, 20, "x", "production once fully mobilized for war"),
    SC_PARAM("model", "mobilization", mobilization_days, 1, 3650, "days", "ramp from peacetime to war production"),
    SC_PARAM("model", "mobilization", replacement_share, 0, 1, "share", "share of new personnel sent to the theatre"),

    SC_PARAM("model", "civilians", civilian_harm, 0, 50, "",
             "civilian deaths per military death in a region of the theatre's mean population"),
    SC_PARAM("model", "civilians", civilian_exposure_max, 0, 100, "x",
             "cap on a region's population relative to the theatre mean, for civilian harm"),
    SC_PARAM("model", "civilians", displacement_share, 0, 1, "share", "share of people displaced when a region changes hands"),
    SC_PARAM("model", "civilians", displacement_per_day, 0, 0.2, "1/day", "daily share displaced while a region is fought over"),

    SC_PARAM("model", "operations", attack_min_ratio, 0.5, 20, "",
             "expected force ratio needed to start an attack, for a side of casualty tolerance 0.5"),
    SC_PARAM("model", "operations", attack_tolerance_effect, 0, 1.9, "",
             "ratio threshold x (1 + this x (0.5 - the side's casualty tolerance)): tolerant sides attack at worse odds"),
    SC_PARAM("model", "operations", attack_mass, 1, 20, "x",
             "force ratio a commander masses for at an attack, as a multiple of attack_min_ratio"),
    SC_PARAM("model", "operations", reserve_share, 0, 0.9, "share", "share of a side's theatre force held back"),
    SC_PARAM("model", "operations", garrison_per_capita, 0, 0.1, "power/person",
             "combat power a held region keeps per inhabitant against raids and stragglers"),
    SC_PARAM("model", "operations", landing_min_ratio, 0.5, 50, "", "expected ratio needed for an amphibious landing"),
    SC_PARAM("model", "operations", landing_min_personnel, 0, 1e7, "personnel", "smallest landing force worth the risk"),
    SC_PARAM("model", "operations", landing_min_gain, 0, 1, "share",
             "share of enemy strength whose supply a landing must threaten to be planned"),
    SC_PARAM("model", "operations", landing_stable_days, 0, 3650, "days",
             "days the side's line must have held, losing no ground, before a landing force sails"),
    SC_PARAM("model", "operations", threat_weight, 0, 10, "", "weight of defending a threatened region against attacking"),

    SC_PARAM("model", "decisions", miscalculation, 0.01, 10, "", "logit temperature of strategic choices"),
    SC_PARAM("model", "decisions", perception_noise, 0, 3, "log-sd", "error in perceived strength and resolve"),
    SC_PARAM("model", "decisions", inertia, 0, 10, "", "score an option needs over the status quo to be worth a change"),
    SC_PARAM("model", "decisions", limited_commitment, 0.01, 1, "share", "share of deployable forces a limited intervention sends"),
    SC_PARAM("model", "decisions", consent_enmity, -1, 1, "",
             "affinity at or below which a coalition turns away a volunteer feuding with a stronger great power"),
    SC_PARAM("model", "decisions", belief_force_slope, 0, 20, "", "weight of the log force ratio in a side's chances"),
    SC_PARAM("model", "decisions", belief_holdings_slope, 0, 50, "", "weight of ground held in a side's chances"),
    SC_PARAM("model", "decisions", belief_trend_slope, 0, 100, "", "weight of recent gains in a side's chances"),

#define SC_TPARAM(module, name, field, lo, hi, unit, doc) \
  ParamSpec{"theory." module "." name, offsetof(Coefficients, field), kDefaults.field, lo, hi, false, unit, doc}
    SC_THEORY(realism, "realism (interests and costs)"),
    SC_TPARAM("realism", "stake_scale", realism_stake_scale, 0, 50, "", "value of a stake at risk"),
    SC_TPARAM("realism", "entry_cost", realism_entry_cost, 0, 50, "", "cost of fighting before casualty tolerance and regime"),
    SC_TPARAM("realism", "aid_cost", realism_aid_cost, 0, 50, "", "cost of sending aid"),
    SC_TPARAM("realism", "weariness_scale", realism_weariness_scale, 0, 50, "", "pull of losses towards ending a war"),
    SC_TPARAM("realism", "weariness_ref", realism_weariness_ref, 1e-6, 1, "deaths/head",
              "deaths per head of population that wear out a fully tolerant state"),
    SC_THEORY(balance_of_power, "balance of power"),
    SC_TPARAM("balance_of_power", "threshold", bop_threshold, 0.01, 1, "share", "bloc share of system capability counted as preponderant"),
    SC_TPARAM("balance_of_power", "width", bop_width, 0.001, 1, "share",
              "how sharply the danger of preponderance rises around the threshold (logistic scale)"),
    SC_TPARAM("balance_of_power", "scale", bop_scale, 0, 50, "", "pull against a side about to become preponderant"),
    SC_TPARAM("balance_of_power", "bloc_favor", bop_bloc_favor, 0, 1, "",
              "sympathy for a side, with hostility to the other, that counts an outsider in the side's bloc"),
    SC_THEORY(balance_of_threat, "balance of threat"),
    SC_TPARAM("balance_of_threat", "distance_km", bot_distance_km, 1, 10000, "km", "distance scale of proximity"),
    SC_TPARAM("balance_of_threat", "offense_ref", bot_offense_ref, 1, 1e8, "personnel", "personnel at which a force is half-way to full offensive capacity"),
    SC_TPARAM("balance_of_threat", "scale", bot_scale, 0, 100, "", "pull of a threat towards balancing (or bandwagoning)"),
    SC_TPARAM("balance_of_threat", "bandwagon_ratio", bot_bandwagon_ratio, 1, 1000, "", "power ratio beyond which threatened states tend to bandwagon"),
    SC_THEORY(collective_security, "collective security"),
    SC_TPARAM("collective_security", "treaty_scale", cs_treaty_scale, 0, 50, "", "pull of a defence obligation, times its reliability"),
    SC_TPARAM("collective_security", "org_scale", cs_org_scale, 0, 50, "", "pull of an authorized collective-security call"),
    SC_TPARAM("collective_security", "guarantee_reliability", cs_guarantee_reliability, 0, 1, "",
              "reliability of a security guarantee given to the defenders under a truce"),
    SC_TPARAM("collective_security", "call_days", cs_call_days, 1, 100000, "days",
              "time scale over which an authorized call's pull fades"),
    SC_TPARAM("collective_security", "partner_penalty", cs_partner_penalty, 0, 50, "", "cost of fighting a treaty partner"),
    SC_THEORY(deterrence, "deterrence"),
    SC_TPARAM("deterrence", "nuclear_scale", deter_nuclear_scale, 0, 50, "", "restraint from a nuclear-armed defender's credible threat"),
    SC_TPARAM("deterrence", "conventional_scale", deter_conventional_scale, 0, 50, "", "restraint from a stronger defender's credible threat"),
    SC_TPARAM("deterrence", "structural_scale", deter_structural_scale, 0, 50, "", "mutual deterrence between near-equal major powers"),
    SC_TPARAM("deterrence", "structural_band", deter_structural_band, 1.01, 20, "ratio",
              "capability ratio within which major powers count as near-equals"),
    SC_TPARAM("deterrence", "widen_scale", deter_widen_scale, 0, 50, "", "restraint on widening aims near a wary great power"),
    SC_THEORY(escalation, "escalation ladder"),
    SC_TPARAM("escalation", "risk_scale", esc_risk_scale, 0, 100, "", "fear of climbing the ladder"),
    SC_TPARAM("escalation", "desperation_scale", esc_desperation_scale, 0, 100, "", "pull to escalate when losing a high-stakes war"),
    SC_TPARAM("escalation", "accident_rate", esc_accident_rate, 0, 1, "1/week",
              "weekly chance at rung 3 that a great power facing another slips a rung up (x (rung/3)^3)"),
    SC_THEORY(bargaining, "bargaining and war termination"),
    SC_TPARAM("bargaining", "learning_rate", barg_learning_rate, 0, 1, "", "how fast beliefs converge per unit of fighting"),
    SC_TPARAM("bargaining", "decisive_learning", barg_decisive_learning, 0, 1, "1/week",
              "weekly rate at which a side learns whether the war will be decided by arms"),
    SC_TPARAM("bargaining", "mobility_ref", barg_mobility_ref, 1e-4, 1, "share/week",
              "weekly change of ground held that marks a war of movement"),
    SC_TPARAM("bargaining", "imbalance_ref", barg_imbalance_ref, 0.01, 10, "log ratio",
              "log force ratio that marks a war one side can decide by arms"),
    SC_TPARAM("bargaining", "breakdown_margin", barg_breakdown_margin, 0, 10, "",
              "talks break down when a side expects this much more from fighting on than from the line"),
    SC_TPARAM("bargaining", "optimism", barg_optimism, -5, 5, "logit", "mean initial over-optimism of each side"),
    SC_TPARAM("bargaining", "settle_scale", barg_settle_scale, 0, 100, "", "pull of a settlement better than fighting on"),
    SC_TPARAM("bargaining", "talks_weeks", barg_talks_weeks, 0, 1000, "weeks", "mean weeks from the start of talks to an armistice"),
    SC_TPARAM("bargaining", "victory_premium", barg_victory_premium, 0, 10, "",
              "value of outright victory beyond the ground it brings"),
    SC_TPARAM("bargaining", "cost_scale", barg_cost_scale, 0, 100, "", "weight of a year of war's losses in settlement terms"),
    SC_TPARAM("bargaining", "widen_scale", barg_widen_scale, 0, 100, "", "pull to widen aims when winning"),
    SC_TPARAM("bargaining", "truce_hazard", barg_truce_hazard, 0, 10, "1/year", "yearly chance a truce collapses, before modifiers"),
    SC_TPARAM("bargaining", "claims_weight", barg_claims_weight, 0, 20, "", "unresolved claims raise the truce hazard"),
    SC_TPARAM("bargaining", "separation_weight", barg_separation_weight, 0, 20, "", "fortified separation of forces lowers it"),
    SC_TPARAM("bargaining", "deterrence_weight", barg_deterrence_weight, 0, 20, "", "guarantors and deterrence lower it"),
    SC_TPARAM("bargaining", "trade_weight", barg_trade_weight, 0, 20, "", "trade across the line raises it"),
    SC_TPARAM("bargaining", "peace_scale", barg_peace_scale, 0, 100, "", "pull to turn a truce into peace when claims are met"),
    SC_THEORY(economy, "economy"),
    SC_TPARAM("economy", "soldier_cost", econ_soldier_cost, 0, 1000, "GDP/head", "yearly cost of a deployed soldier"),
    SC_TPARAM("economy", "trade_scale", econ_trade_scale, 0, 1000, "", "cost of fighting a trading partner per trade/GDP"),
    SC_TPARAM("economy", "collapse_burden", econ_collapse_burden, 0.01, 100, "years of GDP", "cumulative war cost that breaks an economy"),
    SC_TPARAM("economy", "burden_scale", econ_burden_scale, 0, 100, "", "pull of the war's cost towards ending it"),
    SC_TPARAM("economy", "aid_effect", econ_aid_effect, 0, 100, "", "production gain per unit of aid relative to own military spending"),
#undef SC_TPARAM
});

#undef SC_PARAM
#undef SC_TERRAIN
#undef SC_THEORY

}  // namespace

std::span<const ParamSpec> param_specs() { return kSpecs; }

const ParamSpec* find_param(std::string_view key) {
  for (const auto& s : kSpecs)
    if (s.key == key) return &s;
  return nullptr;
}

std::vector<std::string> param_keys() {
  std::vector<std::string> keys;
  keys.reserve(kSpecs.size());
  for (const auto& s : kSpecs) keys.emplace_back(s.key);
  return keys;
}

double& param_ref(Coefficients& c, const ParamSpec& spec) {
  static_assert(std::is_standard_layout_v<Coefficients>);
  return *reinterpret_cast<double*>(reinterpret_cast<char*>(&c) + spec.offset);
}

std::string params_markdown() {
  std::string out = "| key | default | range | unit | meaning |\n|---|---|---|---|---|\n";
  char buf[64];
  auto num = [&](double v) {
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  for (const auto& p : kSpecs) {
    out += "| `" + std::string(p.key) + "` | " + (p.is_bool ? std::string(p.default_value > 0.5 ? "true" : "false")
                                                             : num(p.default_value)) +
           " | " + (p.is_bool ? std::string("true, false") : num(p.min) + " .. " + num(p.max)) + " | " +
           std::string(p.unit) + " | " + std::string(p.doc) + " |\n";
  }
  return out;
}

Coefficients coefficients_of(const Scenario& s) {
  Coefficients c;
  for (const auto& p : s.params)
    if (const ParamSpec* spec = find_param(p.key)) param_ref(c, *spec) = p.value;
  return c;
}

}  // namespace statecraft
