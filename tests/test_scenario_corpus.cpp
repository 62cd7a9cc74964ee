// The corpus of broken scenario files: each holds one mistake and says, in
// its first two lines, what must be reported and where:
//   # expect: <part of the printed diagnostic>
//   # at: LINE:COLUMN
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/load.h"
#include "scenario/write.h"
#include "util/rng.h"

using namespace statecraft;

namespace {

std::filesystem::path corpus(const char* sub) { return std::filesystem::path(STATECRAFT_SOURCE_DIR) / sub; }

std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// the value after `prefix` on line `index` (0-based) of `text`
std::string header(const std::string& text, int index, const std::string& prefix) {
  std::istringstream in(text);
  std::string line;
  for (int i = 0; i <= index; ++i) std::getline(in, line);
  if (line.rfind(prefix, 0) != 0) return {};
  return line.substr(prefix.size());
}

}  // namespace

TEST(ScenarioCorpus, EveryBrokenFileReportsItsMistakeWhereItIs) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus("tests/scenarios/broken"))) {
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    ++files;
    const std::string text = read_bytes(entry.path());
    const std::string expect = header(text, 0, "# expect: ");
    const std::string at = header(text, 1, "# at: ");
    ASSERT_FALSE(expect.empty()) << "first line must be '# expect: ...'";
    int line = 0, column = 0;
    ASSERT_EQ(std::sscanf(at.c_str(), "%d:%d", &line, &column), 2) << "second line must be '# at: LINE:COL'";

    std::vector<Diagnostic> problems;
    parse_scenario(text, name, problems);
    bool found = false;
    std::string listing;
    for (const auto& d : problems) {
      listing += format_diagnostic(d) + "\n";
      if (format_diagnostic(d).find(expect) != std::string::npos && d.loc.line == line && d.loc.column == column)
        found = true;
    }
    EXPECT_TRUE(found) << "expected '" << expect << "' at " << line << ":" << column << ", got:\n" << listing;
  }
  EXPECT_GE(files, 30);
}

TEST(ScenarioCorpus, EveryValidFileParsesClean) {
  for (const auto& entry : std::filesystem::directory_iterator(corpus("tests/scenarios/valid"))) {
    SCOPED_TRACE(entry.path().string());
    std::vector<Diagnostic> problems;
    parse_scenario(read_bytes(entry.path()), entry.path().string(), problems);
    for (const auto& d : problems) ADD_FAILURE() << format_diagnostic(d);
  }
}

// A small in-process fuzzer over the valid files (the libFuzzer target in
// fuzz/ goes much further): mutated input never crashes or throws, and
// whatever parses clean writes out to text that parses clean again.
TEST(ScenarioCorpus, MutatedFilesNeverCrashAndCleanOnesRoundTrip) {
  std::vector<std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(corpus("tests/scenarios/valid")))
    seeds.push_back(read_bytes(entry.path()));
  const char* tokens[] = {"[", "]", "{", "}", ":", "- ", "\n", "&a ", "*a", "'", "\"", "#", "\t", "  ", ",", "~"};
  Rng rng(20240601);
  int clean = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = seeds[rng.below(static_cast<uint32_t>(seeds.size()))];
    const int edits = 1 + static_cast<int>(rng.below(4));
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const size_t at = rng.below(static_cast<uint32_t>(text.size()));
      switch (rng.below(4)) {
        case 0: text.erase(at, 1 + rng.below(8)); break;
        case 1: text.insert(at, tokens[rng.below(std::size(tokens))]); break;
        case 2: text[at] = static_cast<char>(rng.below(256)); break;
        default: text.insert(at, text.substr(rng.below(static_cast<uint32_t>(text.size())), rng.below(40))); break;
      }
    }
    std::vector<Diagnostic> problems;
    Scenario s;
    ASSERT_NO_THROW(s = parse_scenario(text, "mutant.yaml", problems)) << text;
    if (!problems.empty()) continue;
    ++clean;
    std::vector<Diagnostic> again;
    parse_scenario(write_scenario(s), "written.yaml", again);
    for (const auto& d : again) ADD_FAILURE() << format_diagnostic(d) << "\n--- input ---\n" << text;
  }
  EXPECT_GT(clean, 10);
}
