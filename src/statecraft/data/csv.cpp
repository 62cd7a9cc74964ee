#include "data/csv.h"

#include <fstream>
#include <sstream>

namespace statecraft {

namespace {

// enough to fix a file in one pass without drowning the user
constexpr size_t kMaxProblems = 50;

struct Cursor {
  std::string_view text;
  size_t i = 0;
  int line = 1;
  size_t line_start = 0;

  bool done() const { return i >= text.size(); }
  char peek() const { return text[i]; }
  bool at_eol() const { return !done() && (text[i] == '\r' || text[i] == '\n'); }
  Loc loc() const { return Loc{line, static_cast<int>(i - line_start) + 1}; }

  // CR, LF and CRLF are one line break each
  void skip_eol() {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
    line_start = i;
  }
};

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& file) {
  CsvTable t;
  t.file = file;
  std::vector<Diagnostic> problems;
  size_t dropped = 0;
  auto problem = [&](Loc loc, std::string message, std::string expected) {
    if (problems.size() < kMaxProblems)
      problems.push_back(Diagnostic{file, loc, "", std::move(message), std::move(expected), ""});
    else
      ++dropped;
  };

  Cursor c{text};
  if (text.substr(0, 3) == "\xEF\xBB\xBF") c.i = c.line_start = 3;

  bool have_header = false;
  std::vector<std::string> record;
  std::vector<Loc> record_locs;
  while (!c.done()) {
    // empty lines carry no record (and a trailing one is common)
    if (c.at_eol()) {
      c.skip_eol();
      continue;
    }
    record.clear();
    record_locs.clear();
    const int record_line = c.line;
    for (;;) {
      const Loc field_loc = c.loc();
      std::string field;
      if (!c.done() && c.peek() == '"') {
        // quoted: runs to the matching quote, whatever lies between
        ++c.i;
        bool closed = false;
        while (!c.done()) {
          const char ch = c.peek();
          if (ch == '"') {
            if (c.i + 1 < text.size() && text[c.i + 1] == '"') {
              field += '"';
              c.i += 2;
              continue;
            }
            ++c.i;
            closed = true;
            break;
          }
          if (ch == '\r' || ch == '\n') {
            const size_t from = c.i;
            c.skip_eol();
            field.append(text.substr(from, c.i - from));
            continue;
          }
          field += ch;
          ++c.i;
        }
        if (!closed) {
          problem(field_loc, "quoted field is never closed", "a closing '\"' before the end of the file");
          throw InputError(std::move(problems));
        }
        if (!c.done() && c.peek() != ',' && !c.at_eol()) {
          problem(c.loc(), "text after the closing quote of a field", "',' or the end of the line");
          while (!c.done() && c.peek() != ',' && !c.at_eol()) ++c.i;
        }
      } else {
        const size_t from = c.i;
        while (!c.done() && c.peek() != ',' && !c.at_eol()) {
          if (c.peek() == '"')
            problem(c.loc(), "quote inside an unquoted field", "the whole field in quotes, with the quote doubled");
          ++c.i;
        }
        field.assign(text.substr(from, c.i - from));
      }
      record.push_back(std::move(field));
      record_locs.push_back(field_loc);
      if (!c.done() && c.peek() == ',') {
        ++c.i;
        continue;
      }
      break;
    }
    if (!c.done()) c.skip_eol();

    if (!have_header) {
      have_header = true;
      t.header = record;
      for (size_t a = 0; a < record.size(); ++a)
        for (size_t b = 0; b < a; ++b)
          if (record[a] == record[b])
            problem(record_locs[a], "column '" + record[a] + "' appears twice in the header", "distinct column names");
    } else if (record.size() != t.header.size()) {
      problem(Loc{record_line, 1}, "row has " + std::to_string(record.size()) + " fields",
              std::to_string(t.header.size()) + " fields, as in the header");
    } else {
      for (auto& f : record) t.cells.push_back(std::move(f));
      t.locs.insert(t.locs.end(), record_locs.begin(), record_locs.end());
    }
  }
  if (!have_header) problem(Loc{}, "no header row (the file is empty)", "a header row naming the columns");
  if (dropped > 0) problem(Loc{}, "and " + std::to_string(dropped) + " more problems", "");
  if (!problems.empty()) throw InputError(std::move(problems));
  return t;
}

CsvTable read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({Diagnostic{path, Loc{}, "", "cannot open the file", "a readable CSV file", ""}});
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw InputError({Diagnostic{path, Loc{}, "", "error while reading the file", "", ""}});
  return parse_csv(buf.str(), path);
}

size_t csv_column(const CsvTable& t, std::string_view name) {
  for (size_t i = 0; i < t.header.size(); ++i)
    if (t.header[i] == name) return i;
  throw InputError({Diagnostic{t.file, Loc{1, 1}, std::string(name), "column missing from the header",
                               "a column named '" + std::string(name) + "'", nearest(name, t.header)}});
}

}  // namespace statecraft
