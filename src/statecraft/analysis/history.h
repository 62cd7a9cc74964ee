// Backtest over the Correlates of War inter-state wars: the opening of every
// war build_war_scenario can express is run as an ensemble and scored
// against what happened (who joined, which side won, how long it lasted, how
// many died), next to naive baselines on the same wars. Wars before 1946 are
// the period the coefficients may be fitted on; 1946 on is held out; the
// Korean War (COW 151) is reported apart because the engine was tuned on it.
// docs/backtest-history.md states every rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/cow.h"
#include "data/theatre.h"

namespace statecraft {

/// Probabilities of 0 or 1 are clamped to this distance from the ends for the
/// log loss, so one confident miss costs ln(100), not infinity.
inline constexpr double kLogLossClamp = 0.01;
/// A baseline's "yes" is this probability, its "no" one minus it.
inline constexpr double kBaselineYes = 0.9;
inline constexpr int kKoreaWar = 151;
inline constexpr int kFirstHeldOutYear = 1946;

double brier(double p, bool happened);
double log_loss(double p, bool happened);  // natural log, p clamped by kLogLossClamp

enum class Period : uint8_t { fitted, held_out, korea };
inline constexpr int kPeriodCount = 3;
const char* period_name(Period p);  // "fitted", "held_out", "korea"
Period period_of(int war_num, int start_year);

/// An outside state that might have joined: a defence-pact partner or a
/// land neighbour of a belligerent at the opening.
struct Candidate {
  std::string id;
  bool defense_pact = false;   // with some belligerent at the opening
  bool land_neighbour = false;
  bool joined = false;         // a COW participant of this war that joined later
  int joined_side = 0;         // 1 attackers, 2 defenders (the model's numbering), 0 stayed out
  double p_enter = 0;          // share of runs in which it entered, on either side
  double p_side[3] = {0, 0, 0};  // [side] share of runs in which it entered on that side
};

/// A defence pact binding an outsider to a belligerent attacked at the opening.
struct Obligation {
  std::string ally;      // the outsider
  std::string attacked;  // the defender at the opening it is bound to
  bool honoured = false;  // COW: it joined the war on the defenders' side
  double p_honoured = 0;  // share of runs in which it entered on the defenders' side
};

/// One war's inputs to the scores: the record and the ensemble's answers.
struct WarCase {
  int war_num = 0;
  std::string name;
  int year = 0;
  Period period = Period::fitted;
  std::vector<std::string> attackers, defenders;  // at the opening
  double cinc[3] = {0, 0, 0};  // [side] summed CINC at the opening
  int winner = 0;              // COW: side whose participants won (1 attackers, 2 defenders), 0 none
  double p_attackers_win = 0.5;  // model: victories of the attackers, plus half the runs no side won
  std::optional<double> real_days, model_days;      // model: median run length
  std::optional<double> real_deaths, model_deaths;  // COW known battle deaths; model: median military deaths
  bool quiet = false;  // model: nothing is fought in the median run (median military deaths below 1)
  std::vector<Candidate> candidates;
  std::vector<Obligation> obligations;
  // pacts of a defender at the opening with another belligerent at the opening: honoured when
  // that one is a defender too (the model is given these, so they are apart from `obligations`)
  int opening_obligations = 0, opening_honoured = 0;
  std::vector<std::string> other_joiners;  // joined later but neither an ally nor a neighbour: not scored
  int64_t runs = 0;
};

struct SkippedWar {
  int war_num = 0;
  std::string name;
  std::string reason;
};

struct HistoryOptions {
  int64_t runs = 50;
  uint64_t seed = 1;
  int threads = 0;
  int from_year = 1816, to_year = 2016;  // of the war's start, inclusive
  std::vector<std::string> sets;         // PATH=VALUE applied to every generated scenario
  BuildOptions build;
};

struct HistoryRun {
  std::vector<WarCase> wars;
  std::vector<SkippedWar> skipped;
  double seconds = 0;
};

/// Builds and runs every war in the years; a war the generator cannot
/// express is skipped with its reason. Throws InputError for a bad `sets`
/// entry (a path that does not exist or a value out of range).
HistoryRun run_history(const CowData& cow, const std::vector<CapitalRow>& capitals, const HistoryOptions& opt);

/// Fills a case's record and baseline inputs from the data: candidates and
/// whether they joined, obligations, winner, CINC, real duration and deaths.
/// The model fields are left at their defaults. Used by run_history.
WarCase war_case(const CowData& cow, const BuiltScenario& b, int war_num);

struct BinaryScore {
  int n = 0;
  double accuracy = 0, brier = 0, log_loss = 0;  // means
};
struct ErrorScore {
  int n = 0;
  double mean = 0;  // mean absolute log error
};
/// One forecaster (the model or a baseline) on one period; a part it does
/// not forecast has n = 0.
struct ScoreRow {
  std::string name;
  BinaryScore join, winner;
  ErrorScore duration;  // |ln(forecast days / real days)|
  ErrorScore deaths;    // |log10(forecast / real battle deaths)|
};
struct Reliability {
  int obligations = 0;
  double model = 0;    // mean over obligations of the share of runs honouring it
  double history = 0;  // share honoured in COW
  int opening_obligations = 0;      // pacts between belligerents at the opening, one a defender
  double history_with_opening = 0;  // COW share honoured counting those too
};
struct PeriodScores {
  int wars = 0;
  int joined = 0;         // candidates that joined
  int other_joiners = 0;  // later joiners that were not candidates (not scored)
  int quiet = 0;          // wars where nothing is fought in the model's median run
  std::vector<ScoreRow> rows;  // model, more_cinc_wins, all_allies_join, nobody_joins, fitted_median
  Reliability reliability;
};
struct HistoryScores {
  PeriodScores period[kPeriodCount];
  Reliability reliability;  // all periods together
  double median_days = 0, median_deaths = 0;  // of the fitted wars: the duration and deaths baseline
  int no_winner = 0;  // wars left out of the winner scores (compromise, stalemate, mixed)
};

HistoryScores score_cases(const std::vector<WarCase>& wars);

std::string history_table(const HistoryScores& s);
nlohmann::json history_json(const HistoryScores& s);
nlohmann::json wars_json(const std::vector<WarCase>& wars);

}  // namespace statecraft
