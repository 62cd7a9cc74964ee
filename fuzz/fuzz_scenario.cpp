// libFuzzer entry: arbitrary bytes into the scenario reader, which must never
// crash, hang or throw. Input that reads clean must also survive what a
// scenario goes through next: written back (and read back to the same), every
// variant applied, the uncertain parameters drawn.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/load.h"
#include "scenario/write.h"
#include "util/rng.h"

namespace {

[[noreturn]] void fail(const char* what, const std::vector<statecraft::Diagnostic>& problems, const std::string& text) {
  std::fprintf(stderr, "fuzz_scenario: %s\n", what);
  for (const auto& d : problems) std::fprintf(stderr, "  %s\n", statecraft::format_diagnostic(d).c_str());
  std::fprintf(stderr, "--- text ---\n%s\n", text.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace statecraft;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> problems;
  Scenario s = parse_scenario(text, "fuzz.yaml", problems);
  for (const auto& d : problems) (void)format_diagnostic(d);
  if (!problems.empty()) return 0;

  // written out, it reads back clean and to the same scenario: writing that
  // one again gives the same text
  const std::string written = write_scenario(s);
  std::vector<Diagnostic> again;
  const Scenario reread = parse_scenario(written, "written.yaml", again);
  if (!again.empty()) fail("a clean scenario was written to text that does not read back clean", again, written);
  if (write_scenario(reread) != written) fail("writing the scenario read back gives other text", {}, written);

  for (const auto& v : s.variants) {
    try {
      (void)apply_variant(s, v.name);
    } catch (const InputError& e) {
      // the reader tries every variant, so this cannot fail here
      fail("a variant accepted by the reader failed to apply", e.diagnostics, written);
    }
  }
  Scenario drawn = s;
  Rng rng(size);
  draw_uncertain(drawn, rng);
  (void)check_scenario(drawn);
  return 0;
}
