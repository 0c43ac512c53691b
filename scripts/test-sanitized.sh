#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer and UBSan into build-asan/. A sanitizer
# report stops the program with exit 86 (ASan) or 87 (UBSan), which no clean run uses (0 ok,
# 1 bad input, 2 overset or different), so a report can never pass as an expected failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
werror=OFF
[[ "${CI:-}" == "true" ]] && werror=ON
cmake -S "$root" -B "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1" \
  -DBROADSHEET_SANITIZE=ON -DBROADSHEET_BENCHMARKS=OFF -DBROADSHEET_WERROR=$werror >/dev/null
cmake --build "$root/build-asan" -j "$(nproc)"
export ASAN_OPTIONS="halt_on_error=1:exitcode=86:detect_leaks=1:abort_on_error=0"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=87:print_stacktrace=1"
cd "$root/build-asan"
ctest --output-on-failure -j "$(nproc)"
