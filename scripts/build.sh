#!/usr/bin/env bash
# Installs what is missing, then configures and builds into build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
werror=OFF
[[ "${CI:-}" == "true" ]] && werror=ON
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release -DBROADSHEET_WERROR=$werror >/dev/null
cmake --build "$root/build" -j "$(nproc)"
