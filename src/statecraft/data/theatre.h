// Runnable scenarios from the Correlates of War data alone: every state of a
// year placed at its capital (data/capitals/capitals.csv), and either a map
// of the whole system (one region per state, linked by contiguity) or the
// opening of a COW inter-state war on a generic theatre built from the
// belligerents' capitals and borders. docs/build-system.md states every rule;
// the numbers of the rules are the fields of BuildOptions.
//
// The war theatre, in short: each belligerent at the war's opening gets a
// capital region at its capital and, for each enemy it borders by land
// (contiguity type 1), a border region `border_fraction` of the way towards
// that enemy's capital, linked home <-> border <-> enemy border by land.
// Enemies without a land border are linked capital to capital by sea (by land
// when either is landlocked); when both have a coast they also meet on an
// overseas front midway between the capitals: a coast region of the defender,
// linked by land to its capital and to a landing region the attacker holds,
// which is linked by sea to the attacker's capital, with a share of both
// sides' forces there from the start. Later joiners are actors, not belligerents:
// whether they enter is the model's decision, and the war record (their entry
// dates, battle deaths) goes into `history:` for backtests.
//
// Both generators also write `relations:` from the alliances in force at the
// start (the decision model lets a state help only a side it favours, and
// favour comes from affinity and ideology, of which COW has only alliances).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/cow.h"
#include "data/csv.h"
#include "data/system.h"
#include "scenario/scenario.h"

namespace statecraft {

/// One row of capitals.csv: the capital of a COW state for a period of years.
struct CapitalRow {
  int ccode = 0;
  std::string abb;      // COW state abbreviation
  std::string name;     // COW state name
  std::string capital;  // city name
  LatLon at;            // GeoNames point, degrees
  int from_year = 0;    // inclusive
  int to_year = 0;      // inclusive
  bool landlocked = false;
  int line = 0;  // of the row in its file, for diagnostics
};

inline constexpr const char* kCapitalsFile = "capitals.csv";

/// The project's copy: `<STATECRAFT_DATA_DIR>/capitals`.
std::string default_capitals_dir();

/// Typed rows sorted by (ccode, from_year); InputError with file:line:column
/// for a bad value, a period with from_year > to_year or overlapping periods.
std::vector<CapitalRow> read_capitals(const CsvTable& t);

/// Reads `<dir>/capitals.csv`.
std::vector<CapitalRow> load_capitals(const std::string& dir = default_capitals_dir());

/// The row of `ccode` whose period holds `year`, or nullptr.
const CapitalRow* find_capital(const std::vector<CapitalRow>& rows, int ccode, int year);

/// The coefficients of the generators' rules, with their documented defaults.
struct BuildOptions {
  int opening_window_days = 2;          // a participant whose first start is within this many days of the
                                        // war's first start is a belligerent at the opening
  double border_fraction = 0.3;         // a border region lies this share of the way to the enemy capital
  double border_population_share = 0.3; // of a belligerent's population, split evenly over its border regions
  double border_force_share = 0.6;      // of its personnel, split evenly over its border regions
  double overseas_front_fraction = 0.5; // an overseas front (enemies with no land border, both coastal) lies
                                        //   this share of the way from the defender's capital to the attacker's
  double overseas_front_km = 200;       //   its two regions (defender's coast, attacker's landing) this far apart
  double overseas_force_share = 0.3;    // of its personnel, split evenly over its overseas front regions (at
                                        //   most 1 - border_force_share when it also has land fronts)
  int entry_regions_per_side = 2;       // an outside state may arrive at this many ports of each side
  double stake_belligerent = 1.0;       // interests in the war's theatre, by relation to the belligerents
  double stake_land_neighbour = 0.5;    //   borders a belligerent by land
  double stake_sea_neighbour = 0.3;     //   within 400 miles of water of a belligerent
  double stake_major_power = 0.3;       //   a COW major power (when not a neighbour)
  double stake_other = 0.1;             //   every other state
  int horizon_years = 10;               // horizon = start + this many years
  double affinity_defense = 0.6;        // relations: affinity of two states sharing a treaty in force at the
  double affinity_entente = 0.4;        //   start, by its type (the closest type counts); no treaty, no
  double affinity_neutrality = 0.3;     //   relation (affinity 0)
  double affinity_nonaggression = 0.2;
};

/// A generated scenario and what the generator decided on the way.
struct BuiltScenario {
  Scenario scenario;
  std::vector<ActorGaps> gaps;           // data the NMC file lacks, one per actor (from system_year)
  std::vector<std::string> attackers;    // war only: belligerents at the opening, initiator's side
  std::vector<std::string> defenders;    //   and the other side
  std::vector<std::string> joiners;      //   participants that joined later and are actors
  std::vector<std::string> notes;        // rules that fell back, participants left out, and why
};

/// The state system of `year` (1816..2016) on a map of all its states: one
/// region per state at its capital, land links for land borders and sea
/// links for water contiguity between coastal states. No forces, no wars.
/// InputError for a year outside the data.
BuiltScenario build_system_scenario(const CowData& cow, const std::vector<CapitalRow>& capitals, int year,
                                    const BuildOptions& opt = {});

/// The opening of COW inter-state war `war_num` on the generic theatre, with
/// the state system of `year` (nullopt: the year the war started). InputError
/// (key "war" or "year") for an unknown war, a year outside the data, or a
/// belligerent at the opening that is not in the system that year.
BuiltScenario build_war_scenario(const CowData& cow, const std::vector<CapitalRow>& capitals, int war_num,
                                 std::optional<int> year = std::nullopt, const BuildOptions& opt = {});

}  // namespace statecraft
