#include <csignal>
#include <cstdio>
#include <cstring>

#include "commands.h"
#include "ensemble/cluster.h"
#include "ensemble/ensemble.h"

namespace {
extern "C" void on_interrupt(int) { statecraft::interrupt_requested().store(true); }

int run_app(int argc, char** argv) {
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
  add_compare(app, exit_code);
  add_sweep(app, exit_code);
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
}  // namespace

int main(int argc, char** argv) {
  using namespace statecraft;
  const std::string err = cluster_init(&argc, &argv);
  if (!err.empty()) {
    std::fprintf(stderr, "statecraft: error: %s\n", err.c_str());
    cluster_finalize();
    return cli::kBadInput;
  }
  // only `run` splits its work across ranks; any other command would be done K times over
  if (cluster().size > 1 && (argc < 2 || std::strcmp(argv[1], "run") != 0)) {
    if (cluster().rank == 0)
      std::fprintf(stderr,
                   "statecraft: error: only `statecraft run` runs across MPI ranks; start `%s` without mpirun\n",
                   argc < 2 ? "statecraft" : argv[1]);
    cluster_finalize();
    return cli::kBadInput;
  }
  // every way out of an ensemble on rank 0 releases the other ranks first
  // (ensemble/cluster.h); a failing other rank aborts the job itself
  const int code = run_app(argc, argv);
  cluster_finalize();
  return code;
}
