#!/usr/bin/env bash
# README command (a): install what is missing, build, render the reference article with page21.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
cd "$root"
build/broadsheet render tests/articles/00_page21_china_daily.txt \
  --template templates/page21.toml -o out/page21.pdf --png out/page21.png
