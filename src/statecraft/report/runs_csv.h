// runs.csv, a row a run: seed, outcome, end date, duration, losses by actor,
// civilian toll, who entered when, final control of every region.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/engine.h"
#include "model/model.h"

namespace statecraft {

std::string runs_csv_header(const Model& m);

/// Appends one row (with its newline) to `out`.
void append_runs_csv_row(const Model& m, const RunRecord& r, int64_t index, std::string& out);

}  // namespace statecraft
