// Reading scenario files: YAML in, a validated Scenario out, or every problem
// found with file:line:column, key, expectation and a "did you mean".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.h"
#include "util/rng.h"

namespace statecraft {

/// Parses and validates `yaml`; `file` names it in diagnostics. Never throws
/// and never crashes on bad input: problems come back in `out_problems`
/// (empty on success). The returned Scenario is only meaningful when there
/// are no problems.
Scenario parse_scenario(std::string_view yaml, const std::string& file,
                        std::vector<Diagnostic>& out_problems);

/// Reads the file at `path` and parses it; throws InputError listing every
/// problem (an unreadable file is one problem at line 0).
Scenario load_scenario(const std::string& path);

/// Cross-reference and range checks on a Scenario already in memory (used
/// again after variants and draws are applied). Empty when it is sound.
std::vector<Diagnostic> check_scenario(const Scenario& s);

/// A copy of `base` with the named variant's `set:` values applied when the
/// variant has no `when:`. A variant with a `when:` is applied the same way;
/// the engine switches to it once the condition holds. Throws InputError for
/// an unknown variant (with a suggestion) or a set that fails validation.
Scenario apply_variant(const Scenario& base, std::string_view name);

/// Address of the numeric scalar a path names (see docs/scenario-format.md,
/// "Paths"), or nullptr with `error` set. Booleans are not numeric. A value
/// the file may leave out (an interest, a coefficient, `cinc`, a link's
/// `km`) is first added with its default, which can move earlier addresses.
double* numeric_field(Scenario& s, std::string_view path, std::string& error);

/// Writes `value_text` into the scalar `path` names, interpreting it by the
/// field's type (number, bool, date, enum, id). Empty string on success,
/// else what went wrong.
std::string set_field(Scenario& s, std::string_view path, std::string_view value_text);

/// `PATH=VALUE` (the form of the command line's `--set`) through set_field.
std::string set_assignment(Scenario& s, std::string_view assignment);

/// Draws every `uncertain:` parameter once from `rng` into `s` (in file
/// order, so the draws depend only on the stream). Values are clipped to the
/// `clip:` range and then to the field's valid range.
void draw_uncertain(Scenario& s, Rng& rng);

}  // namespace statecraft
