#!/bin/sh
# Fuzzes the scenario reader for SECONDS (default 60): builds the libFuzzer
# target with clang in build-fuzz/, seeds it with the valid and broken
# scenario files, and exits non-zero if any input crashes, hangs or leaks.
# Crashing inputs are written to build-fuzz/crash-*; add each to
# tests/scenarios/broken/ as a regression once fixed.
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-fuzz"

CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$root" -B "$build" -DSTATECRAFT_FUZZ=ON \
  -DSTATECRAFT_BUILD_TESTS=OFF -DSTATECRAFT_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target fuzz_scenario -j"$(nproc)"

# the seed corpus is the scenario corpus; keep the copy in fuzz/corpus current
cp "$root"/tests/scenarios/valid/* "$root"/tests/scenarios/broken/* "$root/fuzz/corpus/"
# what the fuzzer finds goes to a scratch directory (ignored by git)
mkdir -p "$root/fuzz/corpus-run"

"$build/fuzz/fuzz_scenario" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$build/crash-" "$root/fuzz/corpus-run" "$root/fuzz/corpus"
