#include <cstdio>

#include "commands.h"
#include "scenario/params.h"

namespace statecraft::cli {

void add_params(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("params", "List every model and theory coefficient with its default, range and unit");
  static bool markdown = false;
  cmd->add_flag("--markdown", markdown, "Print the table as Markdown (as docs/model.md carries it)");
  cmd->callback([&exit_code] {
    if (markdown) {
      std::fputs(params_markdown().c_str(), stdout);
      exit_code = kOk;
      return;
    }
    std::printf("%-45s %10s %10s %10s  %-10s %s\n", "key", "default", "min", "max", "unit", "meaning");
    for (const auto& p : param_specs()) {
      std::printf("%-45.*s %10g %10g %10g  %-10.*s %.*s\n", static_cast<int>(p.key.size()), p.key.data(),
                  p.default_value, p.min, p.max, static_cast<int>(p.unit.size()), p.unit.data(),
                  static_cast<int>(p.doc.size()), p.doc.data());
    }
    exit_code = kOk;
  });
}

}  // namespace statecraft::cli
