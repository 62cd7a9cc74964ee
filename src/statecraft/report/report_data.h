// The data behind report.html (docs/report-data.md) and series.csv, built
// from an ensemble's aggregate.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "analysis/summary.h"
#include "model/model.h"
#include "report/summary_json.h"

namespace statecraft {

/// The report data of one ensemble (kind "run"): its summary, the weekly
/// bands of the series, and the map with control snapshots every three months.
nlohmann::json report_data(const Model& m, const Summary& sum, const EnsembleInfo& info, const std::string& title);

/// series.csv: date, then p10/p50/p90 of each weekly series.
std::string series_csv(const Model& m, const Summary& sum);

/// A complete report.html for one ensemble.
std::string run_report_html(const Model& m, const Summary& sum, const EnsembleInfo& info, const std::string& title);

}  // namespace statecraft
