#!/usr/bin/env bash
# Whole-program benchmark: times `statecraft run scenarios/korea-1950.yaml`
# for 10,000 and 100,000 runs on all cores (runs/s, runs/s per core, peak
# resident memory from /usr/bin/time -v, to show that memory does not grow
# with the number of runs), under `mpirun -n 2` when Open MPI is there, then
# one thread of statecraft side by side with the same Korean War combat core
# written in Python with numpy (bench/korea_combat.py), and the Google
# Benchmark of the step loop and whole runs of every library scenario.
# Results and how to read them: bench/README.md.
#
#   bench/run.sh                      everything, with the default sizes
#   RUNS="10000" bench/run.sh         other ensemble sizes
#   PY_RUNS=50 ONE_RUNS=1000 bench/run.sh
#   GBENCH=0 MPI=0 bench/run.sh       skip the Google Benchmark or the MPI run
#
# Needs a Release build in build/ (./setup.sh) or BUILD_DIR; /usr/bin/time
# (Debian package time); /usr/bin/python3 with python3-numpy and python3-yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
BIN=$BUILD_DIR/statecraft
SCENARIO=${SCENARIO:-scenarios/korea-1950.yaml}
RUNS=${RUNS:-"10000 100000"}
ONE_RUNS=${ONE_RUNS:-2000}
PY_RUNS=${PY_RUNS:-100}
MPI_RUNS=${MPI_RUNS:-10000}
GBENCH=${GBENCH:-1}
MPI=${MPI:-1}
[ -x "$BIN" ] || { echo "no $BIN: build first (./setup.sh)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cores=$(nproc)

echo "# statecraft benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $cores cores," \
     "$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# runs one command under /usr/bin/time -v; sets wall (s), cpu (s), rss (MB)
timed() {
  /usr/bin/time -v -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/out" "$tmp/err" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$tmp/time")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$tmp/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time")
}

# mean duration of the runs, from summary.json
mean_days() { /usr/bin/python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["duration_days"]["mean"]))' "$1"; }

# runs per second of CPU time: per-core speed that other load on the machine hardly changes
per_cpu() { awk -v n="$1" -v c="$cpu" 'BEGIN {printf "%.0f", n / c}'; }

row() { printf '| %-34s | %7s | %7s | %7s | %7s | %7s | %11s | %13s | %11s | %8s |\n' "$@"; }
row "command" "runs" "threads" "wall s" "CPU s" "runs/s" "runs/s/core" "runs/CPU-s" "peak RSS MB" "days/run"
row "---" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:"
for n in $RUNS; do
  timed "$BIN" run "$SCENARIO" --runs "$n" --seed 1 --quiet --out "$tmp/run-$n"
  rate=$(awk -v n="$n" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')
  per=$(awk -v n="$n" -v w="$wall" -v c="$cores" 'BEGIN {printf "%.0f", n / w / c}')
  row "statecraft run --runs $n" "$n" "$cores" "$wall" "$cpu" "$rate" "$per" "$(per_cpu "$n")" "$rss" "$(mean_days "$tmp/run-$n/summary.json")"
  rm -rf "$tmp/run-$n"
done
if [ "$MPI" = 1 ] && command -v mpiexec >/dev/null 2>&1; then
  # one rank per core, one thread per rank; as root Open MPI must be told it may run
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  timed mpiexec -n "$cores" --oversubscribe "$BIN" run "$SCENARIO" --runs "$MPI_RUNS" --seed 1 --quiet --out "$tmp/mpi"
  rate=$(awk -v n="$MPI_RUNS" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')
  per=$(awk -v n="$MPI_RUNS" -v w="$wall" -v c="$cores" 'BEGIN {printf "%.0f", n / w / c}')
  row "mpiexec -n $cores statecraft run" "$MPI_RUNS" "$cores x 1" "$wall" "$cpu" "$rate" "$per" "$(per_cpu "$MPI_RUNS")" "$rss (rank)" "$(mean_days "$tmp/mpi/summary.json")"
  # and it is the same ensemble as one process
  "$BIN" run "$SCENARIO" --runs "$MPI_RUNS" --seed 1 --quiet --out "$tmp/one" >/dev/null
  for f in runs.csv summary.json; do
    cmp -s "$tmp/mpi/$f" "$tmp/one/$f" && same="identical" || same="DIFFERENT"
    echo "  mpiexec vs one process, $f: $same"
  done
  rm -rf "$tmp/mpi" "$tmp/one"
fi
echo

echo "## one core: statecraft (whole model) and the Python + numpy combat core"
echo
row2() { printf '| %-34s | %7s | %7s | %7s | %7s | %9s | %11s | %13s | %11s | %8s |\n' "$@"; }
row2 "command" "runs" "threads" "wall s" "CPU s" "runs/s" "sim days/s" "runs/CPU-s" "peak RSS MB" "days/run"
row2 "---" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---:"
timed "$BIN" run "$SCENARIO" --runs "$ONE_RUNS" --seed 1 --threads 1 --quiet --out "$tmp/one"
days=$(mean_days "$tmp/one/summary.json")
c_rate=$(awk -v n="$ONE_RUNS" -v w="$wall" 'BEGIN {printf "%.1f", n / w}')
c_days=$(awk -v n="$ONE_RUNS" -v w="$wall" -v d="$days" 'BEGIN {printf "%.0f", n * d / w}')
c_cpu=$(per_cpu "$ONE_RUNS")
row2 "statecraft run --threads 1" "$ONE_RUNS" "1" "$wall" "$cpu" "$c_rate" "$c_days" "$c_cpu" "$rss" "$days"
timed /usr/bin/python3 bench/korea_combat.py --runs "$PY_RUNS" --seed 1 --scenario "$SCENARIO"
py_rate=$(sed -n 's/.* \([0-9.]*\) runs\/s.*/\1/p' "$tmp/out")
py_days=$(sed -n 's/.* \([0-9]*\) simulated days\/s.*/\1/p' "$tmp/out")
py_len=$(sed -n 's/.*mean \([0-9]*\) days\/run.*/\1/p' "$tmp/out")
py_cpu=$(awk -v n="$PY_RUNS" -v c="$cpu" 'BEGIN {printf "%.1f", n / c}')
row2 "python3 bench/korea_combat.py" "$PY_RUNS" "1" "$wall" "$cpu" "$py_rate" "$py_days" "$py_cpu" "$rss" "$py_len"
echo
awk -v a="$c_rate" -v b="$py_rate" -v c="$c_days" -v d="$py_days" -v e="$c_cpu" -v f="$py_cpu" 'BEGIN {
  printf "statecraft / python: %.0fx the runs per second (%.0fx per CPU second), %.0fx the simulated days per second\n", a / b, e / f, c / d }'
echo "(statecraft runs the whole model: 20 actors, decisions, operations, air and sea, bargaining;"
echo " the Python program only the two Koreas' ground combat)"
sed -n 's/^  /  python: /p' "$tmp/out"
echo

if [ "$GBENCH" = 1 ] && [ -x "$BUILD_DIR/bench/statecraft_bench" ]; then
  echo "## Google Benchmark (build/bench/statecraft_bench)"
  echo
  "$BUILD_DIR/bench/statecraft_bench" --benchmark_min_time=2 2>&1 | grep -v '^\*\*\*WARNING' | sed -n '/^---/,$p'
  echo
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
