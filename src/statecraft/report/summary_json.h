// summary.json: outcome probabilities with 95% intervals, quantiles of
// duration, deaths and displacement, entry probabilities and timing, final
// control shares and backtest checkpoints.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/summary.h"
#include "model/model.h"

namespace statecraft {

struct EnsembleInfo {
  std::string scenario_file;
  std::vector<std::string> variants;
  uint64_t seed = 0;
  int64_t runs = 0;
};

nlohmann::json summary_json(const Model& m, const Summary& sum, const EnsembleInfo& info);

/// Writes `text` to `path` through a temporary file and a rename, so a crash
/// or interrupt never leaves a half-written file in place of a good one.
/// Throws std::runtime_error naming the path on failure.
void write_file_atomic(const std::string& path, const std::string& text);

}  // namespace statecraft
