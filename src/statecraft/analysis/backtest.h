// Scoring an ensemble against a scenario's historical record (its
// `history:` block): checkpoints, outcome, end date, who entered and when,
// battle deaths. Each part gets a score in [0, 1] (0 = matches history),
// and the loss is their mean: what the calibration script minimizes.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/summary.h"
#include "model/model.h"
#include "scenario/scenario.h"

namespace statecraft {

struct BacktestLine {
  std::string group;    // "checkpoint", "outcome", "end", "entry", "no_entry", "deaths"
  std::string what;     // "PRK side holds seoul on 1950-06-28", "USA enters"
  std::string history;  // what happened
  std::string model;    // what the ensemble says
  double score = 0;     // 0 = agrees with history .. 1 = as wrong as it gets
};

struct Backtest {
  std::vector<BacktestLine> lines;
  std::vector<std::pair<std::string, double>> group_scores;  // mean score per group
  double loss = 0;                                           // mean of the group scores
};

/// Scores `sum` (an ensemble of `m`) against `h`. Entry timing is scored
/// against the day an actor's forces first fought (the Correlates of War
/// convention for participation dates).
Backtest score_history(const Model& m, const History& h, const Summary& sum);

std::string backtest_table(const Backtest& b);
nlohmann::json backtest_json(const Backtest& b);

}  // namespace statecraft
