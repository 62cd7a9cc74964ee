// The `statecraft` program's commands. Each returns the process exit code:
// 0 ok, 1 the run failed (or was interrupted), 2 bad input.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "scenario/scenario.h"

namespace statecraft::cli {

inline constexpr int kOk = 0;
inline constexpr int kRunFailure = 1;
inline constexpr int kBadInput = 2;

/// Loads a scenario and applies variants in order; prints every problem to
/// stderr and returns false on bad input.
bool load_with_variants(const std::string& file, const std::vector<std::string>& variants, Scenario& out,
                        std::string* text = nullptr, const std::vector<std::string>& sets = {});

/// Writes `text` to `path` through a temporary file and a rename (so a failure
/// never leaves half a file over a good one); false on failure.
bool write_file(const std::string& path, const std::string& text);

/// Adds `--set PATH=VALUE` (repeatable) to a command.
void add_set_option(CLI::App* cmd, std::vector<std::string>& sets);

void add_validate(CLI::App& app, int& exit_code);
void add_run(CLI::App& app, int& exit_code);
void add_explain(CLI::App& app, int& exit_code);
void add_params(CLI::App& app, int& exit_code);
void add_backtest(CLI::App& app, int& exit_code);
void add_build_system(CLI::App& app, int& exit_code);
void add_compare(CLI::App& app, int& exit_code);
void add_sweep(CLI::App& app, int& exit_code);

}  // namespace statecraft::cli
