// Internal to scenario/: what the reader, the checks, the paths and the
// writer must agree on (names of enum values, the id grammar, strict number
// syntax, valid ranges), kept in one place so they cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scenario/scenario.h"

namespace statecraft::schema {

// names of enum values, indexed by the enum's value
inline constexpr std::array<std::string_view, 2> kActorKinds = {"state", "organization"};
inline constexpr std::array<std::string_view, 3> kRegimes = {"democracy", "anocracy", "autocracy"};
inline constexpr std::array<std::string_view, kTerrainCount> kTerrains = {
    "plains", "mixed", "hills", "forest", "mountain", "urban", "marsh", "desert", "island"};
inline constexpr std::array<std::string_view, 2> kLinkKinds = {"land", "sea"};
inline constexpr std::array<std::string_view, 4> kTreatyTypes = {"defense", "neutrality", "nonaggression", "entente"};
inline constexpr std::array<std::string_view, 2> kStepUnits = {"day", "week"};
inline constexpr std::array<std::string_view, 3> kWarStatuses = {"fighting", "ceasefire", "armistice"};
inline constexpr std::array<std::string_view, 2> kClaims = {"all", "own"};
inline constexpr std::array<std::string_view, 2> kOrgKinds = {"collective_security", "alliance"};
inline constexpr std::array<std::string_view, 6> kEventKinds = {
    "leader_change", "election", "treaty_signed", "treaty_ended", "council_absent", "council_present"};
inline constexpr std::array<std::string_view, 5> kDistKinds = {"uniform", "normal", "lognormal", "triangular",
                                                               "choice"};
inline constexpr std::array<std::string_view, 8> kOutcomes = {
    "victory:attackers", "victory:defenders", "armistice",      "peace_treaty",
    "frozen",            "great_power_war",   "nuclear_use",    "ongoing"};
inline constexpr std::array<std::string_view, 3> kAimKinds = {"all", "own", "regions"};
// condition keys, indexed by Condition::Op ("always" is the empty condition)
inline constexpr std::array<std::string_view, 9> kConditionOps = {
    "always", "controls", "at_war", "after", "before", "deaths_above", "all", "any", "not"};

std::vector<std::string> to_strings(std::span<const std::string_view> names);

/// "a, b or c", for `expected` texts.
std::string one_of(std::span<const std::string_view> names);

/// Index of `text` in `names`, or -1.
int index_of(std::span<const std::string_view> names, std::string_view text);

template <class E, size_t N>
std::string_view name_of(E value, const std::array<std::string_view, N>& names) {
  return names[static_cast<size_t>(value)];
}

/// nearest() for user input: nothing for words or lists too long to be
/// misspellings, so hostile input cannot make suggestions quadratic.
std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

/// At most 200 characters of `text`, for messages that quote user input.
std::string clip(std::string_view text);

/// Lowercase `[a-z][a-z0-9_-]*` or three upper-case letters.
bool is_id(std::string_view text);
inline constexpr std::string_view kIdExpected =
    "an id: lowercase [a-z][a-z0-9_-]* or three upper-case letters such as PRK";

/// A decimal number (`1.5e9`, `-0.25`, `+3`), finite; nothing else (no hex,
/// no `.inf`, no trailing text), so a typo never reads as a number.
std::optional<double> parse_number(std::string_view text);

/// `true` / `false` (also `True`, `TRUE`, ...). YAML 1.1's yes/no/on/off are
/// refused: they are too easy to write by accident.
std::optional<bool> parse_bool(std::string_view text);

/// Shortest text that reads back to exactly `value`.
std::string format_number(double value);

/// Valid values of a numeric field.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;  // lo itself excluded (km > 0)
};
inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr Range kCount{0, kInf};
inline constexpr Range kShare{0, 1};
inline constexpr Range kSigned{-1, 1};
inline constexpr Range kQuality{0.1, 5};
inline constexpr Range kLat{-90, 90};
inline constexpr Range kLon{-180, 180};
inline constexpr Range kPositive{0, kInf, true};

bool in_range(double v, Range r);
double clamp_to(double v, Range r);
/// "a number >= 0", "a number in 0..1", ...
std::string describe(Range r);

/// Diagnostics kept per pass; past this a file is not worth reading on.
inline constexpr size_t kMaxProblems = 1000;

/// Dotted key path -> position of what was written there, filled by the
/// reader so that checks run after parsing can point at the exact scalar.
using SourceMap = std::unordered_map<std::string, Loc>;

/// check_scenario with positions taken from `sources` when given, else from
/// the entities' own Locs.
std::vector<Diagnostic> check(const Scenario& s, const SourceMap* sources);

/// What is wrong with a path or a value for it; suggestion may be empty.
struct Problem {
  std::string message;
  std::string expected;
  std::string suggestion;
  bool in_value = false;  // the path is fine, the value is not
};

/// Does `path` address a scalar of `s` (a numeric one when `numeric`), and is
/// `value` (when given) acceptable for it? Nothing is changed.
std::optional<Problem> probe(const Scenario& s, std::string_view path, bool numeric, const std::string* value);

/// Applies the `set:` entries of `v` to `s`; one diagnostic per entry that
/// fails, at the entry's position.
std::vector<Diagnostic> apply_sets(Scenario& s, const Variant& v);

/// "message (expected ...); did you mean '...'?" for string-returning APIs.
std::string format_problem(const Problem& p);

/// Great-circle distance in km, the documented default of a link's `km`.
double great_circle_km(LatLon a, LatLon b);

}  // namespace statecraft::schema
