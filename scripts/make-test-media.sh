#!/usr/bin/env bash
# Regenerates tests/media (the test photo, a PNG, and two advertisement PDFs) with the committed
# generator tests/tools/make_test_media.cpp. The files are committed so that goldens and tests
# need nothing but the repository; run this only when the generator changes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh" >/dev/null
cmake --build "$root/build" --target make_test_media make_cmyk_ad >/dev/null
"$root/build/tests/make_test_media" "$root/tests/media"
"$root/build/tests/make_cmyk_ad" "$root/tests/media/ad-350x240.pdf" \
  "$root/tests/media/ad-350x240-cmyk.pdf"
ls -l "$root/tests/media"
