#include <cstdio>
#include <fstream>
#include <sstream>

#include "commands.h"
#include "scenario/load.h"

namespace statecraft::cli {

bool load_with_variants(const std::string& file, const std::vector<std::string>& variants, Scenario& out,
                        std::string* text) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "%s: error: cannot open the file\n", file.c_str());
    return false;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  std::vector<Diagnostic> problems;
  Scenario s = parse_scenario(buf.str(), file, problems);
  if (!problems.empty()) {
    for (const auto& d : problems) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return false;
  }
  try {
    for (const auto& v : variants) s = apply_variant(s, v);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return false;
  }
  if (text) *text = buf.str();
  out = std::move(s);
  return true;
}

}  // namespace statecraft::cli
