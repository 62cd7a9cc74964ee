#!/usr/bin/env bash
# The test command of the README: installs and builds (warnings as errors),
# runs every test, then the tests again under address and undefined-behaviour
# sanitizers, and the scenario fuzzer for a bounded time.
set -euo pipefail
cd "$(dirname "$0")"
CMAKE_ARGS="-DSTATECRAFT_WERROR=ON" ./setup.sh

echo "== tests (warnings as errors)"
(cd build && ctest --output-on-failure -j"$(nproc)")

echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSTATECRAFT_WERROR=ON \
      -DSTATECRAFT_SANITIZE=address,undefined -DSTATECRAFT_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"
(cd build-asan && ctest --output-on-failure -j"$(nproc)" -LE browser)

if [ -x fuzz/run.sh ]; then
  echo "== fuzzing the scenario reader"
  fuzz/run.sh "${FUZZ_SECONDS:-60}"
fi
