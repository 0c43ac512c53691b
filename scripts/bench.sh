#!/usr/bin/env bash
# The benchmarks in one command: builds the benchmark programs (Release), prints the median of
# every in-process benchmark (tests/bench/bench_page.cpp: each page21 stage, the whole page,
# 1x/10x/40x text, copyfit, the 48-page edition on 1 and 2 threads) and their ratios, then times
# whole processes against the floor program (tests/bench/floor.cpp) and prints the ratios.
#   scripts/bench.sh [RUNS]           (RUNS: whole-process repetitions, default 15; 5 in process)
#   scripts/bench.sh edition [RUNS]   only the 48-page edition, 1 against 2 threads (default 9)
# Timings need a quiet machine (the load average is printed): on a shared one, compare CPU
# times, re-run, or count instructions with callgrind (tests/bench/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BROADSHEET_BUILD_DIR:-$root/build}"
mode=all
if [[ "${1:-}" == edition ]]; then
  mode=edition
  shift
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBROADSHEET_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j2 --target broadsheet bench_page bench_floor bench_floor_static >/dev/null
cd "$root"
if [[ "$mode" == edition ]]; then
  exec python3 "$root/scripts/bench_processes.py" "$build" "$root" "${1:-9}" --edition-only
fi
runs="${1:-15}"
json="$(mktemp)"
trap 'rm -f "$json"' EXIT
"$build/bench_page" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_out="$json" --benchmark_out_format=json >/dev/null 2>&1
python3 "$root/scripts/bench_processes.py" "$build" "$root" "$runs" --in-process "$json"
