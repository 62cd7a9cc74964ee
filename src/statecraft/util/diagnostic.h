// Problems found in user input, each pointing at a file position and key.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace statecraft {

/// A position in a source file, 1-based; line 0 means "no position known".
struct Loc {
  int line = 0;
  int column = 0;
};

/// One problem in a scenario (or other input) file.
struct Diagnostic {
  std::string file;
  Loc loc;
  std::string key;         // dotted key path, e.g. "actors[2].military.tanks"
  std::string message;     // what is wrong
  std::string expected;    // what would be right; may be empty
  std::string suggestion;  // nearest valid name for a misspelling; may be empty
};

/// `file:line:column: error: key 'k': message (expected ...) did you mean 'x'?`
std::string format_diagnostic(const Diagnostic& d);

/// Thrown when input cannot be used; carries every problem found, not just
/// the first, so a user can fix a file in one pass.
struct InputError : std::runtime_error {
  std::vector<Diagnostic> diagnostics;
  explicit InputError(std::vector<Diagnostic> ds);
};

/// Damerau-Levenshtein (optimal string alignment) edit distance.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible
/// misspelling (distance at most max(1, len/3)); empty otherwise.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace statecraft
