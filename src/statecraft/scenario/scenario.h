// A scenario file as plain data: close to the YAML so it can be validated,
// modified by variants and written back. Strings and maps live here and never
// in the step loop; model/ compiles this into flat arrays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/date.h"
#include "util/diagnostic.h"

namespace statecraft {

enum class ActorKind : uint8_t { state, organization };
enum class Regime : uint8_t { democracy, anocracy, autocracy };
enum class Terrain : uint8_t { plains, mixed, hills, forest, mountain, urban, marsh, desert, island };
inline constexpr int kTerrainCount = 9;
enum class LinkKind : uint8_t { land, sea };
enum class TreatyType : uint8_t { defense, neutrality, nonaggression, entente };
enum class StepUnit : uint8_t { day, week };
enum class OrgKind : uint8_t { collective_security, alliance };

struct LatLon {
  double lat = 0;
  double lon = 0;
};

/// Quantities of men and materiel; used for stocks, forces and yearly production.
struct Equipment {
  double personnel = 0;
  double tanks = 0;
  double artillery = 0;
  double aircraft = 0;
  double ships = 0;
};

struct Military {
  Equipment stock;                 // all armed forces of the actor, worldwide
  double quality = 1.0;            // effectiveness multiplier per man/weapon (training, doctrine)
  Equipment production_per_year;   // peacetime output of new men and weapons
  double spending_usd = 0;         // military expenditure per year
  double deployable_share = 0.5;   // share of the stock that can be sent out of the homeland
  double deploy_days = 30;         // days for home forces to reach a theatre's entry regions
};

struct Industry {
  double iron_steel_tons = 0;      // per year
  double energy_coal_tons = 0;     // primary energy consumption, coal-ton equivalents per year
};

struct Interest {
  std::string theater;
  double stake = 0;  // 0..1
  Loc loc;
};

struct Actor {
  std::string id;
  std::string name;
  int cow = 0;                     // Correlates of War ccode; 0 = none
  ActorKind kind = ActorKind::state;
  double population = 0;
  double urban_population = 0;
  double gdp_usd = 0;
  Military military;
  Industry industry;
  double nuclear_warheads = 0;
  Regime regime = Regime::autocracy;
  std::vector<double> ideology;    // positions on shared axes, -1..1
  std::vector<Interest> interests; // stake per theatre
  double casualty_tolerance = 0.5; // 0..1
  std::optional<double> cinc;      // COW composite index; computed from capabilities when absent
  bool major_power = false;
  std::optional<LatLon> at;        // capital, for distances to theatres
  std::string capital;             // capital region id in a theatre, if the capital is on the map
  bool abstain = false;            // counterfactual: takes no strategic action at all
  Loc loc;
};

struct Council {
  std::vector<std::string> permanent;
  std::vector<std::string> members;  // elected members
  bool veto = true;
  std::vector<std::string> absent;   // permanent members not attending at the start
  Loc loc;
};

struct Organization {
  std::string id;
  std::string name;
  OrgKind kind = OrgKind::collective_security;
  std::vector<std::string> members;
  std::optional<Council> council;
  double reliability = 0.5;  // prior probability a member answers a call to act
  Loc loc;
};

struct Treaty {
  std::string id;
  std::string name;
  TreatyType type = TreatyType::defense;
  std::vector<std::string> members;
  std::optional<Date> signed_on;   // in force from this date (before the start = in force)
  std::optional<Date> ends_on;     // lapses on this date
  double reliability = 0.5;        // prior probability of being honoured
  Loc loc;
};

/// One entry of `relations:`; exactly one of the three forms is filled.
struct Relation {
  enum class Kind : uint8_t { pair, sanctions, aid } kind = Kind::pair;
  std::vector<std::string> between;  // pair: two actors
  double affinity = 0;               // pair: -1 (enmity) .. 1 (close friendship)
  double trade_usd = 0;              // pair: yearly trade
  std::vector<std::string> by;       // sanctions: imposing actors
  std::string on;                    // sanctions: target
  std::string from;                  // aid: donor
  std::string to;                    // aid: recipient
  double usd_per_year = 0;           // aid: value of materiel and money per year at the start
  Loc loc;
};

struct Region {
  std::string id;
  std::string name;
  std::string owner;               // actor whose territory it is
  std::string control;             // actor holding it at the start (default: owner)
  double population = 0;
  Terrain terrain = Terrain::mixed;
  bool coastal = false;
  bool port = false;               // a port that can land and supply forces by sea
  LatLon at;
  std::vector<std::string> admin1; // Natural Earth admin-1 names it covers, for maps
  double fortification = 0;        // 0..1 prepared defences at the start
  Loc loc;
};

struct Link {
  std::string a;
  std::string b;
  LinkKind kind = LinkKind::land;
  std::optional<double> km;        // distance override; default: great-circle between region points
  bool river = false;              // a major river line along the link helps the defender
  Loc loc;
};

/// `entry:` and `borders:` map an actor to regions of the theatre.
struct ActorRegions {
  std::string actor;
  std::vector<std::string> regions;
  Loc loc;
};

struct Theater {
  std::string id;
  std::string name;
  std::vector<Region> regions;
  std::vector<Link> links;
  std::vector<ActorRegions> entry;    // where an outside actor's forces arrive
  std::vector<ActorRegions> borders;  // regions touching an outside actor's homeland
  Loc loc;
};

struct Force {
  std::string actor;
  std::string theater;
  std::string region;      // empty when `reserve` is set
  bool reserve = false;    // held outside the theatre, committed when the actor enters
  double arrival_days = 0; // reserve: days from commitment to arrival at an entry region
  Equipment equipment;     // aircraft and ships join the actor's theatre air and naval pools
  Loc loc;
};

/// What a belligerent fights for: `all` enemy regions, its `own` regions back,
/// or a list of region ids.
struct Aim {
  std::string actor;
  enum class Kind : uint8_t { all, own, regions } kind = Kind::own;
  std::vector<std::string> regions;
  Loc loc;
};

enum class WarStart : uint8_t { fighting, ceasefire, armistice };

struct War {
  std::string id;
  std::string name;
  std::vector<std::string> attackers;
  std::vector<std::string> defenders;
  std::string theater;
  std::vector<Aim> aims;
  std::optional<Date> started;         // when the fighting began, if before the scenario start
  WarStart status = WarStart::fighting;  // a war may start under a truce
  std::vector<std::string> guarantors;   // states guaranteeing the defenders' security under a truce
  Loc loc;
};

/// A structured condition; a tree stored as nodes with child indices so it
/// stays plain data. Node 0 is the root.
struct Condition {
  enum class Op : uint8_t { always, controls, at_war, after, before, deaths_above, all, any, not_ };
  struct Node {
    Op op = Op::always;
    std::string actor;               // controls, at_war, deaths_above (empty = all actors)
    std::string region;              // controls
    Date date;                       // after, before
    double value = 0;                // deaths_above
    std::vector<int> children;       // all, any, not_
    Loc loc;
  };
  std::vector<Node> nodes;           // empty = always true
};

struct Event {
  enum class Kind : uint8_t {
    leader_change,     // actor: beliefs and resolve re-drawn
    election,          // actor: casualty tolerance re-drawn
    treaty_signed,     // treaty enters into force
    treaty_ended,      // treaty lapses
    council_absent,    // organization, actor: a permanent member stops attending
    council_present,   // organization, actor: it attends again
  } kind = Kind::leader_change;
  std::optional<Date> at;
  Condition when;    // used when `at` is absent
  std::string actor;
  std::string treaty;
  std::string organization;
  std::string note;
  Loc loc;
};

/// A coefficient from the `model:` or `theory:` block, keyed by its full
/// dotted name ("model.combat.attrition_rate"); see scenario/params.h.
struct ParamSetting {
  std::string key;
  double value = 0;
  Loc loc;
};

struct Distribution {
  enum class Kind : uint8_t { uniform, normal, lognormal, triangular, choice } kind = Kind::uniform;
  std::vector<double> args;  // uniform [lo, hi]; normal [mean, sd]; lognormal [median, sigma];
                             // triangular [lo, mode, hi]; choice [v1, v2, ...]
};

struct Uncertain {
  std::string path;          // a numeric scalar of the scenario
  Distribution dist;
  std::optional<std::pair<double, double>> clip;
  Loc loc;
};

/// A value written by a variant: the YAML scalar's text, interpreted by the
/// type of the field the path addresses.
struct SetValue {
  std::string path;
  std::string value;
  Loc loc;
};

struct Variant {
  std::string name;
  std::string description;
  std::vector<SetValue> set;
  Condition when;  // empty: applies from the start
  Loc loc;
};

struct Checkpoint {
  Date date;
  Condition condition;
  Loc loc;
};

struct History {
  bool present = false;
  std::string outcome;                       // an outcome class, see engine/outcome.h
  std::optional<Date> end;
  std::vector<Checkpoint> checkpoints;
  std::optional<double> battle_deaths_total;
  std::vector<std::pair<std::string, double>> battle_deaths_by_actor;
  std::vector<std::pair<std::string, Date>> entries;  // when each outside actor entered
  std::string source;                        // where the record comes from, free text
  Loc loc;
};

struct ScenarioInfo {
  std::string id;
  std::string title;
  std::string description;
  Date start;
  Date horizon;
  StepUnit step = StepUnit::day;
  std::vector<std::string> sources;
};

struct Scenario {
  std::string file;  // path it was read from, for diagnostics
  int schema_version = 1;
  ScenarioInfo info;
  std::vector<Actor> actors;
  std::vector<Organization> organizations;
  std::vector<Treaty> treaties;
  std::vector<Relation> relations;
  std::vector<Theater> theaters;
  std::vector<Force> forces;
  std::vector<War> wars;
  std::vector<Event> events;
  std::vector<ParamSetting> params;  // model: and theory: blocks, flattened
  std::vector<Uncertain> uncertain;
  std::vector<Variant> variants;
  History history;
  std::vector<std::string> applied_variants;  // names, in order of application
  std::vector<std::string> fixed_paths;       // paths a variant or override set: draws leave them alone
};

}  // namespace statecraft
