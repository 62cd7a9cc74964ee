// Run records as bytes, for sending them between MPI ranks: every field,
// bit for bit, so a record computed on another rank aggregates exactly like
// one computed here.
#pragma once

#include <cstddef>
#include <string>

#include "engine/engine.h"

namespace statecraft {

/// Appends `r` to `out`.
void encode_record(const RunRecord& r, std::string& out);

/// Reads one record from `data` at `pos` into `r` (reusing its vectors) and
/// advances `pos`. False if the bytes end early or do not hold a record.
bool decode_record(const std::string& data, size_t& pos, RunRecord& r);

}  // namespace statecraft
