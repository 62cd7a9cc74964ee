#include <csignal>
#include <cstdio>

#include "commands.h"
#include "ensemble/ensemble.h"

namespace {
extern "C" void on_interrupt(int) { statecraft::interrupt_requested().store(true); }
}  // namespace

int main(int argc, char** argv) {
  using namespace statecraft::cli;
  CLI::App app{"statecraft: simulate international crises and wars from international-relations theory"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "statecraft 0.1.0");
  int exit_code = kOk;
  add_validate(app, exit_code);
  add_run(app, exit_code);
  add_explain(app, exit_code);
  add_params(app, exit_code);
  add_backtest(app, exit_code);
  add_build_system(app, exit_code);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "statecraft: error: %s\n", e.what());
    return kRunFailure;
  }
  return exit_code;
}
