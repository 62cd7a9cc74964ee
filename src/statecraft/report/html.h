// report.html: the self-contained page of an ensemble (outcomes, territory
// fan chart, intervention, casualties, map of control, variant effects) and
// the function that puts the report data into it. The page template, its
// plotting libraries and map geometry are bundled by report/build.mjs and
// compiled into the library; the data it reads is described in
// docs/report-data.md.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace statecraft {

/// The marker the template holds exactly once, inside the page's
/// <script id="report-data" type="application/json"> element.
inline constexpr std::string_view kReportDataMarker = "/*REPORT_DATA*/null";

/// The bundled page template, about 2 MB of ASCII HTML. The view is valid for
/// the whole life of the program.
std::string_view report_template();

/// `data` as JSON text that cannot end the <script> element it is placed in:
/// `<`, `>`, `&`, U+2028 and U+2029 are written as \u escapes, and invalid
/// UTF-8 in strings is replaced by U+FFFD. JSON.parse gives back `data`.
std::string script_safe_json(const nlohmann::json& data);

/// `tmpl` with its marker replaced by script_safe_json(data): a complete
/// report.html. Throws std::invalid_argument unless `tmpl` holds the marker
/// exactly once.
std::string render_report_html(std::string_view tmpl, const nlohmann::json& data);

}  // namespace statecraft
