// runs.csv, a row a run: seed, outcome, end date, duration, losses by actor,
// civilian toll, who entered when, final control of every region. Rows can
// be read back, which is how an interrupted ensemble resumes exactly.
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

/// Reads a row written by append_runs_csv_row back into `r` (sized for `m`).
/// False for a malformed or truncated row.
bool parse_runs_csv_row(const Model& m, std::string_view line, RunRecord& r, int64_t& index);

/// Sizes a record's vectors for a model.
void size_record(const Model& m, RunRecord& r);

}  // namespace statecraft
