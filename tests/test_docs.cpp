// docs/model.md carries the parameter table of the registry; a parameter
// added, removed or given a new default in the code must show there too.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "scenario/params.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream f(path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST(Docs, ModelPageCarriesTheParameterTableOfTheCode) {
  const std::string doc = read(std::string(STATECRAFT_SOURCE_DIR) + "/docs/model.md");
  ASSERT_FALSE(doc.empty());
  const std::string open = "<!-- parameters:", close = "<!-- end parameters -->";
  const size_t a = doc.find(open), b = doc.find(close);
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  const size_t start = doc.find('\n', a) + 1;
  EXPECT_EQ(doc.substr(start, b - start), statecraft::params_markdown())
      << "regenerate the table: statecraft params --markdown";
}
