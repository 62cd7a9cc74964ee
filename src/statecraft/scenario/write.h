// Writing a Scenario back as a scenario file (docs/scenario-format.md): for
// scenarios built from data (Correlates of War) and for saving a variant.
// Reading the text back gives the same Scenario, field for field.
#pragma once

#include <string>

#include "scenario/scenario.h"

namespace statecraft {

/// YAML text of `s`: block style for sections and entities, flow style for
/// small mappings (forces, links, military); numbers in the shortest form
/// that reads back exactly; values equal to their documented default are
/// left out. `file`, Locs and `applied_variants` are not part of the format
/// (the applied variants are named in a comment).
std::string write_scenario(const Scenario& s);

}  // namespace statecraft
