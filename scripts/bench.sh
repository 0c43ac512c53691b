#!/usr/bin/env bash
# The benchmarks in one command: builds the benchmark programs (Release), prints the median of
# every in-process benchmark (tests/bench/bench_page.cpp: each page21 stage, the whole page,
# 1x/10x/40x text, copyfit, the 48-page edition on 1 and 2 threads), then times whole processes
# against the floor program (tests/bench/floor.cpp) and prints the ratios.
#   scripts/bench.sh [RUNS]     (RUNS: repetitions, default 15 whole-process runs, 5 in-process)
# Timings need a quiet machine: on a shared one, compare CPU times and re-run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BROADSHEET_BUILD_DIR:-$root/build}"
runs="${1:-15}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBROADSHEET_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j2 --target broadsheet bench_page bench_floor >/dev/null
cd "$root"
echo "In process (medians of 5 repetitions):"
"$build/bench_page" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_display_aggregates_only=true 2>/dev/null | grep -E "^Benchmark|_median"
python3 "$root/scripts/bench_processes.py" "$build" "$root" "$runs"
