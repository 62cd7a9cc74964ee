#!/usr/bin/env bash
# Installs everything statecraft needs on a fresh Debian 12 machine and builds it.
# No input is asked for. Re-running it is safe and quick.
#   ./setup.sh            install packages, npm modules, build into build/
#   BUILD_DIR=x ./setup.sh  build elsewhere
set -euo pipefail
cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
export DEBIAN_FRONTEND=noninteractive

# C++ toolchain and libraries (Debian packages only), Node.js for the report
# page, Chromium for its browser test, clang for the fuzzer, OpenMPI for
# distributed ensembles, pybind11/python3 for the bindings; time (peak memory)
# and python3-yaml for the benchmark script bench/run.sh.
packages=(
  build-essential cmake pkg-config git
  libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format
  nodejs chromium
  openmpi-bin libopenmpi-dev
  python3 python3-dev pybind11-dev python3-numpy
  time python3-yaml
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Front-end packages for report.html, pinned by package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# ensembles across MPI ranks when Open MPI's development files are there
# (they are, from the list above, unless the install was skipped)
MPI_ARGS=""
if command -v mpiexec >/dev/null 2>&1 && dpkg-query -W -f='${Status}' libopenmpi-dev 2>/dev/null | grep -q "install ok installed"; then
  MPI_ARGS="-DSTATECRAFT_MPI=ON"
fi

cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release $MPI_ARGS ${CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j"$(nproc)"
