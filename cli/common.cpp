#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "commands.h"
#include "report/summary_json.h"
#include "scenario/load.h"

namespace statecraft::cli {

bool write_file(const std::string& path, const std::string& text) {
  try {
    write_file_atomic(path, text);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

void add_set_option(CLI::App* cmd, std::vector<std::string>& sets) {
  cmd->add_option("--set", sets,
                  "Override one value, PATH=VALUE, after variants (repeatable); PATH as in variants, e.g. "
                  "model.combat.attrition_rate=0.01 or actors.CHN.interests.korea=0.5");
}

bool load_with_variants(const std::string& file, const std::vector<std::string>& variants, Scenario& out,
                        std::string* text, const std::vector<std::string>& sets) {
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
  for (const auto& kv : sets) {
    const std::string err = set_assignment(s, kv);
    if (!err.empty()) {
      std::fprintf(stderr, "--set %s: error: %s\n", kv.c_str(), err.c_str());
      return false;
    }
  }
  if (!sets.empty()) {
    const auto after = check_scenario(s);
    for (const auto& d : after) std::fprintf(stderr, "--set: %s\n", format_diagnostic(d).c_str());
    if (!after.empty()) return false;
  }
  if (text) {
    *text = buf.str();
    for (const auto& kv : sets) *text += "\n#set " + kv;
  }
  out = std::move(s);
  return true;
}

}  // namespace statecraft::cli
