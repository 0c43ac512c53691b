#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp, clang with ASan+UBSan) into build-fuzz/
# and runs each for SECONDS (default: a minute shared among the targets, at least 10 s each),
# starting from the seed corpus in tests/fuzz/corpus/<target>/ when there is one. New inputs go
# to build-fuzz/corpus/, crashes to build-fuzz/artifacts/; any finding fails the run.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (TARGET: article for fuzz_article.cpp, ...)
# A new target is one file, tests/fuzz/fuzz_NAME.cpp (and seeds in tests/fuzz/corpus/NAME/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for source in "$root"/tests/fuzz/fuzz_*.cpp; do
    name="$(basename "$source" .cpp)"
    targets+=("${name#fuzz_}")
  done
fi
[[ -n "$seconds" ]] || seconds=$((60 / ${#targets[@]} > 10 ? 60 / ${#targets[@]} : 10))
"$root/scripts/setup.sh"
build="$root/build-fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBROADSHEET_FUZZ=ON -DBROADSHEET_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS="halt_on_error=1:exitcode=86:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=87:print_stacktrace=1"
mkdir -p "$build/artifacts"
for target in "${targets[@]}"; do
  mkdir -p "$build/corpus/$target"
  echo "fuzz: $target for ${seconds}s" >&2
  corpora=("$build/corpus/$target")
  [[ -d "$root/tests/fuzz/corpus/$target" ]] && corpora+=("$root/tests/fuzz/corpus/$target")
  if ! "$build/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 \
    "${corpora[@]}" >"$build/$target.log" 2>&1; then
    tail -n 40 "$build/$target.log"
    echo "fuzz: $target found a fault (see $build/artifacts/)" >&2
    exit 1
  fi
  grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec)" \
    "$build/$target.log" || true
done
