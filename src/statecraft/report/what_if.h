// Files of the what-if commands: compare.json / compare.csv (the effect of
// each variant with its interval), sweep.json / sweep.csv (outcomes over a
// parameter grid), sensitivity.json / sensitivity.csv (Morris indices), and
// the report.html of each (docs/report-data.md: kinds "compare", "sweep" and
// "sensitivity").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/compare.h"
#include "analysis/sensitivity.h"
#include "model/model.h"
#include "report/summary_json.h"

namespace statecraft {

/// `info` describes the base arm (its variants field lists the compared variants).
nlohmann::json compare_json(const Model& m, const Comparison& c, const std::vector<Effect>& effects,
                            const EnsembleInfo& info);
std::string compare_csv(const std::vector<Effect>& effects);
std::string compare_report_html(const Model& m, const Comparison& c, const std::vector<Effect>& effects,
                                const EnsembleInfo& info, const std::string& title);

nlohmann::json sweep_json(const Model& m, const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points,
                          const EnsembleInfo& info);
std::string sweep_csv(const Model& m, const std::vector<SweepParam>& params, const std::vector<SweepPoint>& points);
std::string sweep_report_html(const Model& m, const std::vector<SweepParam>& params,
                              const std::vector<SweepPoint>& points, const EnsembleInfo& info,
                              const std::string& title);

nlohmann::json sensitivity_json(const Model& m, const MorrisResult& r, const EnsembleInfo& info);
std::string sensitivity_csv(const Model& m, const MorrisResult& r);
std::string sensitivity_report_html(const Model& m, const MorrisResult& r, const EnsembleInfo& info,
                                    const std::string& title);

}  // namespace statecraft
