// Running the statecraft program from a test: its output (stdout and stderr
// together) and exit code.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace statecraft::test {

struct Cli {
  std::string out;
  int code = -1;
};

/// `args` after the program's path, as a shell would split them.
inline Cli run_cli(const std::string& args) {
  Cli r;
  FILE* p = popen((std::string(STATECRAFT_CLI) + " " + args + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace statecraft::test
