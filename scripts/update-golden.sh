#!/usr/bin/env bash
# Regenerates the golden files (tests/golden/NAME.layout.json and NAME.png, 40 dpi) of every
# case in tests/golden/cases.txt with build/broadsheet, built first from the current sources.
# Golden files are never edited by hand: change the engine, run this, review `git diff`.
# BROADSHEET=path/to/broadsheet uses that program as it is instead (no build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -z "${BROADSHEET:-}" ]]; then
  "$root/scripts/build.sh"
  BROADSHEET="$root/build/broadsheet"
fi
BROADSHEET="$(realpath "$BROADSHEET")"
cd "$root"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
while read -r name template article options; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  # $options is a list of words: split on purpose.
  # shellcheck disable=SC2086
  if ! "$BROADSHEET" render "$article" --template "$template" $options \
      -o "$scratch/$name.pdf" --layout "tests/golden/$name.layout.json" \
      --png "tests/golden/$name.png" --dpi 40 2>"$scratch/log"; then
    cat "$scratch/log" >&2
    echo "update-golden: case $name failed" >&2
    exit 1
  fi
  echo "tests/golden/$name.layout.json, tests/golden/$name.png"
done <tests/golden/cases.txt
