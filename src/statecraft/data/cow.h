// Correlates of War (COW) datasets read into typed rows: national material
// capabilities, formal alliances, state-system membership, major powers,
// direct contiguity and inter-state wars. system.h builds scenario parts
// from these rows; this header only reads and checks the files.
//
// Missing values are explicit. COW writes -9 for "unknown" and -8 for "not
// applicable" in numeric fields; every field that can carry them is a
// std::optional and both codes become std::nullopt, so a gap is never read
// as 0. Missing capability components stay unknown (nothing is imputed), and
// CINC is taken from the file, never recomputed from components with zeros
// in the gaps. Any other negative number in a count or amount is an error.
// In the alliance file an empty end date means "still in force when the data
// end" (right_censor = 1) and is also std::nullopt; an empty obligation flag
// is an unknown flag. A war date with a -9 part is an unknown date.
//
// Units are COW's, as in the files (system.h converts): NMC milex thousands of
// current US dollars (before 1914 thousands of current British pounds),
// milper thousands of personnel, irst thousands of tons of iron and steel,
// pec thousands of coal-ton equivalents, tpop and upop thousands of people,
// cinc a share of the system total (0..1).
//
// Every loader throws InputError with file:line:column for a malformed file
// (wrong columns, text where a number belongs, an impossible date, a
// duplicate key); rows come back sorted as documented on each table, so the
// output never depends on the order of lines in a file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/csv.h"
#include "scenario/scenario.h"
#include "util/date.h"

namespace statecraft {

/// NMC 6.0: one state-year. Sorted by (ccode, year); (ccode, year) is unique.
struct NmcRow {
  int ccode = 0;
  int year = 0;
  std::string abb;               // COW state abbreviation
  std::optional<double> milex;   // thousands of current USD (pre-1914: thousands of GBP)
  std::optional<double> milper;  // thousands of personnel
  std::optional<double> irst;    // thousands of tons of iron and steel
  std::optional<double> pec;     // thousands of coal-ton equivalents
  std::optional<double> tpop;    // thousands of people
  std::optional<double> upop;    // thousands of people in cities
  std::optional<double> cinc;    // share of the system, 0..1
  int line = 0;                  // of the row in its file, for diagnostics
};

/// Formal Alliances 4.1: one member spell of one alliance. A state that left
/// and rejoined has two rows. Sorted by (alliance, ccode, member_start).
struct AllianceMember {
  int alliance = 0;  // version4id
  int ccode = 0;
  std::string state_name;
  std::string ss_type;                    // the file's label, e.g. "Type I: Defense Pact"
  TreatyType type = TreatyType::defense;  // from ss_type: I defense, II/IIa neutrality,
                                          // IIb non-aggression, III entente (see README)
  Date alliance_start;
  std::optional<Date> alliance_end;  // nullopt: in force when the data end (2012)
  Date member_start;
  std::optional<Date> member_end;  // nullopt: still a member when the data end
  std::optional<bool> left_censor;
  std::optional<bool> right_censor;
  // this member's obligations; they can differ between members of one alliance
  std::optional<bool> defense;
  std::optional<bool> neutrality;
  std::optional<bool> nonaggression;
  std::optional<bool> entente;
  int line = 0;  // of the row in its file, for diagnostics
};

/// states2016: one spell of system membership. Sorted by (ccode, start).
struct StateSpell {
  int ccode = 0;
  std::string abb;
  std::string name;
  Date start;
  Date end;      // 2016-12-31 when still a member
  int line = 0;  // of the row in its file, for diagnostics
};

/// system2016: a state in the system in a year. Sorted by (year, ccode); unique.
struct SystemMember {
  int year = 0;
  int ccode = 0;
  std::string abb;
  int line = 0;  // of the row in its file, for diagnostics
};

/// majors2016: one spell of major-power status. Sorted by (ccode, start).
struct MajorSpell {
  int ccode = 0;
  std::string abb;
  Date start;
  Date end;
  int line = 0;  // of the row in its file, for diagnostics
};

/// Direct Contiguity 3.2 master record: one spell of one contiguity type for a
/// pair (ccode1 < ccode2). Types: 1 land or river border; 2, 3, 4, 5 separated
/// by at most 12, 24, 150, 400 miles of water. A pair whose type changes has
/// consecutive spells that share their boundary month. Sorted by (ccode1,
/// ccode2, begin).
struct ContiguitySpell {
  int ccode1 = 0;
  int ccode2 = 0;
  std::string abb1;
  std::string abb2;
  int conttype = 0;  // 1..5
  int begin = 0;     // yyyymm
  int end = 0;       // yyyymm, inclusive
  std::string notes;
  int line = 0;  // of the row in its file, for diagnostics
};

/// A participation spell in a war; a date with an unknown (-9) part is nullopt.
struct WarSpell {
  std::optional<Date> start;
  std::optional<Date> end;
};

/// Inter-State War 4.0: one participation of a state in a war. A state that
/// changed sides has one row per side. Sorted by (war_num, side, ccode,
/// start), unknown starts first.
struct WarRow {
  int war_num = 0;
  std::string war_name;
  int war_type = 0;  // 1 inter-state
  int ccode = 0;
  std::string state_name;
  int side = 0;  // 1 or 2
  WarSpell spell1;
  std::optional<WarSpell> spell2;  // nullopt when the file has -8 (no second spell)
  // wars this one was transformed from / into, by their COW war number (these
  // can be wars of other COW war lists, e.g. extra-state); the file writes
  // several as "404, 410"; empty for -8 (none) and -9 (unknown)
  std::vector<int> trans_from;
  int where_fought = 0;    // COW region code
  bool initiator = false;  // Initiator == 1
  int outcome = 0;         // 1 win, 2 loss, 3 compromise, 4 transformed, 5 ongoing,
                           // 6 stalemate, 7 continuing, 8 changed sides
  std::vector<int> trans_to;
  std::optional<double> battle_deaths;
  int line = 0;  // of the row in its file, for diagnostics
};

/// Everything the importers read, from one directory.
struct CowData {
  std::string dir;
  std::vector<NmcRow> nmc;
  std::vector<AllianceMember> alliances;
  std::vector<StateSpell> states;
  std::vector<SystemMember> system;
  std::vector<MajorSpell> majors;
  std::vector<ContiguitySpell> contiguity;
  std::vector<WarRow> wars;
};

/// File names inside the COW directory.
inline constexpr const char* kCowNmcFile = "NMC-60-abridged.csv";
inline constexpr const char* kCowAllianceFile = "alliance_v4.1_by_member.csv";
inline constexpr const char* kCowStatesFile = "states2016.csv";
inline constexpr const char* kCowSystemFile = "system2016.csv";
inline constexpr const char* kCowMajorsFile = "majors2016.csv";
inline constexpr const char* kCowContiguityFile = "contdir.csv";
inline constexpr const char* kCowWarFile = "Inter-StateWarData_v4.0.csv";

/// The project's copy: `<STATECRAFT_DATA_DIR>/cow`.
std::string default_cow_dir();

/// Typed rows from a parsed table; each throws InputError naming file:line:column.
std::vector<NmcRow> read_nmc(const CsvTable& t);
std::vector<AllianceMember> read_alliances(const CsvTable& t);
std::vector<StateSpell> read_states(const CsvTable& t);
std::vector<SystemMember> read_system(const CsvTable& t);
std::vector<MajorSpell> read_majors(const CsvTable& t);
std::vector<ContiguitySpell> read_contiguity(const CsvTable& t);
std::vector<WarRow> read_wars(const CsvTable& t);

/// Reads the seven files from `dir` and checks that they agree (every ccode
/// of the other files is a state of states2016 with the same abbreviation).
CowData load_cow(const std::string& dir = default_cow_dir());

/// The NMC row of (ccode, year), or nullptr.
const NmcRow* find_nmc(const CowData& d, int ccode, int year);

}  // namespace statecraft
