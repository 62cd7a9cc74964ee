// An RFC 4180 CSV reader for the data importers (COW and the like): a header
// row, quoted fields (with commas, doubled quotes and line breaks inside),
// and any mix of CR, LF and CRLF line endings, with or without a final one.
// Every cell keeps the file:line:column where it starts, so importers can
// point at the exact value they reject.
//
// Our own reader rather than Debian's libfccp-dev (fast-cpp-csv-parser): that
// one splits lines on '\n' only, so the COW war file (bare CR) reads as a
// single line; it cannot hold a line break inside a quoted field; and it
// reports positions by line only. These files are small (under 1 MB), so a
// simple whole-file reader is fast enough and easy to check.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace statecraft {

/// A CSV file read whole. Cells are stored row-major, unquoted, as text.
struct CsvTable {
  std::string file;                 // for diagnostics
  std::vector<std::string> header;  // column names (ncol)
  std::vector<std::string> cells;   // data cells, row-major (nrow * ncol)
  std::vector<Loc> locs;            // where each data cell starts (nrow * ncol)
};

inline size_t csv_cols(const CsvTable& t) { return t.header.size(); }
inline size_t csv_rows(const CsvTable& t) { return t.header.empty() ? 0 : t.cells.size() / t.header.size(); }
inline const std::string& csv_cell(const CsvTable& t, size_t row, size_t col) {
  return t.cells[row * t.header.size() + col];
}
inline Loc csv_loc(const CsvTable& t, size_t row, size_t col) { return t.locs[row * t.header.size() + col]; }

/// Parses `text`; the first record is the header. Rules: a field that starts
/// with `"` is quoted and runs to the matching `"` (`""` inside is one quote;
/// commas and line breaks inside are data); a quote anywhere else in a field
/// is an error, as is text after a closing quote. CR, LF and CRLF each end a
/// record; a missing final line ending is fine; empty lines are skipped; a
/// UTF-8 byte-order mark is dropped; nothing is trimmed. Every data row must
/// have as many fields as the header. Throws InputError listing the problems
/// with `file`:line:column (lines counted the same way, CR or LF or CRLF).
CsvTable parse_csv(std::string_view text, const std::string& file);

/// Reads and parses the file at `path`; an unreadable file is an InputError.
CsvTable read_csv(const std::string& path);

/// Index of the column named `name`; InputError (with a "did you mean") when
/// the header lacks it.
size_t csv_column(const CsvTable& t, std::string_view name);

}  // namespace statecraft
