#include <cstdio>
#include <memory>

#include "commands.h"
#include "model/model.h"

namespace statecraft::cli {

void add_validate(CLI::App& app, int& exit_code) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("validate", "Check scenario files; print every problem as file:line:column");
  cmd->add_option("files", *files, "Scenario files (YAML)")->required();
  cmd->callback([files, &exit_code] {
    int bad = 0;
    for (const auto& f : *files) {
      Scenario s;
      if (!load_with_variants(f, {}, s)) {
        ++bad;
        continue;
      }
      // every variant must apply cleanly too
      bool ok = true;
      for (const auto& v : s.variants) {
        Scenario applied;
        if (!load_with_variants(f, {v.name}, applied)) ok = false;
      }
      if (!ok) {
        ++bad;
        continue;
      }
      const Model m = compile(s);
      std::printf("%s: ok (%d actors, %d regions, %d links, %zu variants)\n", f.c_str(), m.nactor, m.nregion,
                  m.nlink, s.variants.size());
    }
    exit_code = bad ? kBadInput : kOk;
  });
}

}  // namespace statecraft::cli
