#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "data/csv.h"
#include "util/rng.h"

using namespace statecraft;

namespace {

std::vector<std::string> row(const CsvTable& t, size_t r) {
  std::vector<std::string> out;
  for (size_t c = 0; c < csv_cols(t); ++c) out.push_back(csv_cell(t, r, c));
  return out;
}

// the formatted problems of a parse that must fail
std::string csv_error(std::string_view text) {
  try {
    parse_csv(text, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

template <class F>
std::string input_error(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(Csv, QuotedFieldKeepsCommasAndDoubledQuotes) {
  const CsvTable t = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"\"\n", "t.csv");
  ASSERT_EQ(csv_rows(t), 1u);
  EXPECT_EQ(row(t, 0), (std::vector<std::string>{"x, y", "say \"hi\"", ""}));
}

TEST(Csv, BareCrEndsRecords) {
  const CsvTable t = parse_csv("a,b\r1,2\r3,4\r", "t.csv");
  ASSERT_EQ(csv_rows(t), 2u);
  EXPECT_EQ(row(t, 1), (std::vector<std::string>{"3", "4"}));
  EXPECT_EQ(csv_loc(t, 1, 1).line, 3);
}

TEST(Csv, CrlfEndsRecordsWithoutLeavingCr) {
  const CsvTable t = parse_csv("a,b\r\n1,2\r\n", "t.csv");
  ASSERT_EQ(csv_rows(t), 1u);
  EXPECT_EQ(row(t, 0), (std::vector<std::string>{"1", "2"}));
}

TEST(Csv, MixedLineEndingsCountOneLineEach) {
  const CsvTable t = parse_csv("a,b\r\n1,2\r3,4\n5,6\r\n7,8", "t.csv");
  ASSERT_EQ(csv_rows(t), 4u);
  EXPECT_EQ(row(t, 3), (std::vector<std::string>{"7", "8"}));
  for (size_t r = 0; r < 4; ++r) EXPECT_EQ(csv_loc(t, r, 0).line, static_cast<int>(r) + 2);
  EXPECT_EQ(csv_loc(t, 3, 1).column, 3);
}

TEST(Csv, MissingFinalNewlineKeepsLastRow) {
  const CsvTable t = parse_csv("a,b\n1,2\n3,\"4\"", "t.csv");
  ASSERT_EQ(csv_rows(t), 2u);
  EXPECT_EQ(row(t, 1), (std::vector<std::string>{"3", "4"}));
}

TEST(Csv, LineBreakInsideQuotesIsDataAndStillCounted) {
  const CsvTable t = parse_csv("a,b\n\"two\r\nlines\",x\n1,2\n", "t.csv");
  ASSERT_EQ(csv_rows(t), 2u);
  EXPECT_EQ(csv_cell(t, 0, 0), "two\r\nlines");
  EXPECT_EQ(csv_loc(t, 1, 0).line, 4);
}

TEST(Csv, EmptyFieldsTrailingCommaBlankLinesAndBom) {
  const CsvTable t = parse_csv(
      "\xEF\xBB\xBF"
      "a,b,c\n\n,,\n1,,\n\n",
      "t.csv");
  EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(csv_rows(t), 2u);
  EXPECT_EQ(row(t, 0), (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(row(t, 1), (std::vector<std::string>{"1", "", ""}));
}

TEST(Csv, WrongFieldCountIsLocatedByLine) {
  EXPECT_EQ(csv_error("a,b\r1,2\r3\r4,5,6\r"),
            "t.csv:3:1: error: row has 1 fields (expected 2 fields, as in the header)\n"
            "t.csv:4:1: error: row has 3 fields (expected 2 fields, as in the header)");
}

TEST(Csv, UnterminatedQuoteIsLocatedWhereItOpens) {
  EXPECT_EQ(csv_error("a,b\n1,\"open\n2,3\n"),
            "t.csv:2:3: error: quoted field is never closed (expected a closing '\"' before the end of the file)");
}

TEST(Csv, StrayQuotesAreErrors) {
  EXPECT_NE(csv_error("a,b\n1,x\"y\n").find("t.csv:2:4: error: quote inside an unquoted field"), std::string::npos);
  EXPECT_NE(csv_error("a,b\n\"x\"y,1\n").find("t.csv:2:4: error: text after the closing quote"), std::string::npos);
}

TEST(Csv, EmptyTextHasNoHeader) { EXPECT_NE(csv_error("").find("no header row"), std::string::npos); }

TEST(Csv, MissingColumnSuggestsTheNearest) {
  const CsvTable t = parse_csv("ccode,year\n2,1950\n", "t.csv");
  EXPECT_EQ(csv_column(t, "year"), 1u);
  EXPECT_EQ(
      input_error([&] { csv_column(t, "yeer"); }),
      "t.csv:1:1: error: key 'yeer': column missing from the header (expected a column named 'yeer'); did you mean "
      "'year'?");
}

TEST(Csv, ArbitraryBytesParseOrFailCleanly) {
  // quotes, separators and every kind of line break in random order: the
  // reader either returns a table whose cells all have a position, or throws
  // InputError; it never crashes or reads out of bounds (run under ASan)
  const char alphabet[] = {'a', '1', ',', '"', '\r', '\n', ' ', '\xEF'};
  Rng rng(20240501);
  int parsed = 0, rejected = 0;
  for (int n = 0; n < 5000; ++n) {
    std::string text(rng.next() % 40, ' ');
    for (char& ch : text) ch = alphabet[rng.next() % sizeof alphabet];
    try {
      const CsvTable t = parse_csv(text, "r.csv");
      ASSERT_EQ(t.cells.size(), t.locs.size());
      for (const Loc& l : t.locs) ASSERT_GE(l.line, 1);
      ++parsed;
    } catch (const InputError& e) {
      ASSERT_FALSE(e.diagnostics.empty());
      ++rejected;
    }
  }
  EXPECT_GT(parsed, 0);
  EXPECT_GT(rejected, 0);
}
