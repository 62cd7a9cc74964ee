// The Correlates of War state system of one year as scenario parts: every
// member state as an Actor with its NMC capabilities, the alliances in force
// as Treaties, the direct contiguities, and the record of a COW war. A user
// adds theatres, forces and wars to these parts to make a runnable scenario.
//
// Actor ids: the COW state abbreviation ("USA", "ROK", "RUS") when it is three
// upper-case letters used by no other ccode in states2016; otherwise "cow"
// followed by the ccode ("cow731"), which is also a valid scenario id. Every
// abbreviation in states2016 qualifies, so the fallback is for other
// versions of the file. The id depends only on the state, never on the year.
// COW abbreviations are not ISO3 codes (ROK, not KOR; UKG, not GBR; RUS is
// also the Soviet Union).
//
// Capabilities (NMC units converted to the scenario's): population and
// urban_population = tpop, upop x 1000; military personnel = milper x 1000;
// military spending_usd = milex x 1000, which before 1914 is British pounds,
// not dollars (kept as is, with a note on the actor); industry
// iron_steel_tons = irst x 1000 and energy_coal_tons = pec x 1000; cinc from
// the file; major_power from majors2016 (a major at any time in the year).
// A component that NMC leaves missing stays at the Actor default (0, or no
// cinc) and is listed in that actor's `missing`. COW has nothing for gdp,
// regime, ideology, equipment or nuclear arms: those keep their defaults.
//
// Alliances: an alliance is in force in year Y when some member spell of it
// overlaps Y (an open end means it lasts past the data). It becomes one
// Treaty "cow-alliance-<version4id>" with the members whose spells overlap Y,
// typed by ss_type (Type I defense, II/IIa neutrality, IIb non-aggression,
// III entente), signed = the alliance's start, ends = its end if any, and the
// default reliability. Members outside the state system that year are left
// out, and an alliance left with fewer than two members is dropped; both
// are reported in `notes`.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "data/cow.h"
#include "scenario/scenario.h"

namespace statecraft {

/// A directly contiguous pair of states in a year. When the type changed
/// during the year, the closest one (lowest code) is given.
struct Contiguity {
  std::string a;  // actor id of the state with the lower ccode
  std::string b;
  int ccode_a = 0;
  int ccode_b = 0;
  int conttype = 0;                // 1 land or river border; 2..5 water of at most 12, 24, 150, 400 miles
  LinkKind kind = LinkKind::land;  // land for type 1, sea for 2..5
  double max_water_miles = 0;      // 0 for land, else 12, 24, 150 or 400
};

/// What the data could not fill for one actor.
struct ActorGaps {
  std::string id;
  int ccode = 0;
  std::vector<std::string> missing;  // scenario paths left at defaults, e.g. "military.spending_usd"
  std::vector<std::string> notes;    // caveats on fields that are filled
};

struct SystemYear {
  int year = 0;
  Scenario scenario;                   // info, actors (by ccode), treaties (by alliance id); no theatres
  std::vector<ActorGaps> gaps;         // one per actor, same order as scenario.actors
  std::vector<Contiguity> contiguity;  // sorted by (ccode_a, ccode_b)
  std::vector<std::string> notes;      // alliance members or alliances left out, and why
};

/// The state system of `year`; InputError when system2016 has no state that year.
SystemYear system_year(const CowData& d, int year);

/// The actor id of a COW state (see the id rule above).
std::string cow_actor_id(const CowData& d, int ccode);

/// One state's participation in a war (a state that changed sides has two).
struct WarParticipant {
  std::string id;  // actor id
  int ccode = 0;
  std::string name;  // StateName in the war file
  int side = 0;      // 1 or 2
  bool initiator = false;
  int outcome = 0;  // COW outcome code, see WarRow
  WarSpell spell1;
  std::optional<WarSpell> spell2;
  std::optional<double> battle_deaths;  // nullopt when unknown (-9)
};

struct WarRecord {
  int war_num = 0;
  std::string name;
  std::vector<WarParticipant> participants;    // by (side, ccode, start)
  std::vector<std::string> initiators;         // actor ids, by side then ccode
  std::array<double, 2> side_battle_deaths{};  // sum of the known values on side 1 and side 2
  int unknown_battle_deaths = 0;               // participants whose battle deaths are unknown
  std::optional<Date> start;                   // earliest known participation start
  std::optional<Date> end;                     // latest known participation end
};

/// The record of COW inter-state war `war_num`; nullopt when there is no such war.
std::optional<WarRecord> war_participants(const CowData& d, int war_num);

}  // namespace statecraft
