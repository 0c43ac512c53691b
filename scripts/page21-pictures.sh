#!/usr/bin/env bash
# page21 with pictures: the reference article as lead with a four-column photo, caption and
# credit and a fact box; a rail story with a byline; under it a second story with a pull quote;
# and a PDF ad in the ad slot (out/page21-pictures.pdf and .png).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
cd "$root"
pictures=tests/articles/pictures
build/broadsheet render "$pictures/page21_lead_photo.txt" "$pictures/rail_byline.txt" \
  "$pictures/second_pull_quote.txt" \
  --no-deck-for "$pictures/rail_byline.txt" --no-deck-for "$pictures/second_pull_quote.txt" \
  --template templates/page21-pictures.toml --slot ad=tests/media/ad-350x240.pdf \
  -o out/page21-pictures.pdf --png out/page21-pictures.png "$@"
