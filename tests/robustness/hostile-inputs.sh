#!/usr/bin/env bash
# Every hostile input named in issue 13, through the release binary, each under `timeout 10` and
# `/usr/bin/time -v`: one table row per case with the exit status, wall seconds, peak RSS and
# the first line of the message. The bounds are exit 0, 1 or 2, 10 s and 1 GiB; a case outside
# them is marked FAIL and the script exits 1. By hand, after a build:
#   tests/robustness/hostile-inputs.sh [path/to/broadsheet]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$(realpath "${1:-$root/build/broadsheet}")"
[[ -x "$bin" ]] || { echo "no binary at $bin (build first)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
article=tests/articles/00_page21_china_daily.txt
page21=templates/page21.toml
failures=0

# page21.toml with FROM replaced by TO (python: TO may be megabytes long), written to FILE.
template_with() {  # FILE FROM TO
  python3 - "$page21" "$@" <<'EOF'
import sys
source, path, old, new = sys.argv[1:5]
text = open(source).read()
assert old in text, old
open(path, "w").write(text.replace(old, new, 1))
EOF
}

# One case: NAME then the command's arguments (after the binary); ENV=... before NAME sets the
# environment. Prints its row.
run_case() {
  local env=()
  while [[ "$1" == *=* ]]; do env+=("$1"); shift; done
  local name="$1"
  shift
  local out="$work/$name.out" times="$work/$name.time"
  env "${env[@]}" /usr/bin/time -v -o "$times" timeout 10 "$bin" "$@" >"$out" 2>&1
  local status=$?
  local seconds rss_kb message lines verdict=ok
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
            for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s}' "$times")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$times")
  message=$(grep -v '^broadsheet: warning:' "$out" | head -n 1 | cut -c 1-100)
  lines=$(grep -vc '^broadsheet: warning:' "$out")
  if [[ $status -gt 2 ]] || awk -v s="$seconds" 'BEGIN { exit !(s > 10) }' ||
    ((rss_kb > 1048576)); then
    verdict=FAIL
    failures=$((failures + 1))
  fi
  printf '%-24s %4s %7s %8s %5s  %-4s %s\n' "$name" "$status" "$seconds" \
    "$((rss_kb / 1024))MB" "$lines" "$verdict" "$message"
}

printf '%-24s %4s %7s %8s %5s  %-4s %s\n' case exit seconds peak_rss lines ok \
  "first line of output (lines: besides warnings)"

# --- crashes
python3 -c "print('Headline\nDeck\nBody text.\n(' + 'x' * 26000 + ' 12/17/2015)')" \
  >"$work/long_source.txt"
run_case long_source_line render "$work/long_source.txt" -o "$work/o.pdf" --page 21 \
  --allow-overset
python3 -c "print('{\"format\": \"broadsheet-layout/1\", \"pages\": ' + '[' * 200000 + \
']' * 200000 + '}')" >"$work/nested.json"
run_case diff_nested_dump diff tests/golden/page21.layout.json "$work/nested.json"

# --- hangs and unbounded work
for count in 15 20; do
  python3 - "$count" "$work/columns_$count.toml" <<'EOF'
import sys
count, path = sys.argv[1:3]
text = open("tests/golden/templates/tabloid.toml").read()
for old, new in (('width = "280mm"', 'width = "1000mm"'), ("columns = 5", "columns = " + count),
                 ("columns = [1, 5]\nheadline", "columns = [1, " + count + "]\nheadline")):
    assert old in text, old
    text = text.replace(old, new, 1)
open(path, "w").write(text)
EOF
  run_case "columns_$count" render "$article" -t "$work/columns_$count.toml" -o "$work/o.pdf"
done
template_with "$work/million.toml" "columns = 6" "columns = 1000000"
run_case columns_million render "$article" -t "$work/million.toml" -o "$work/o.pdf"
template_with "$work/headline.toml" "headline_size = [36, 52]" "headline_size = [1, 1e9]"
run_case headline_size_1_1e9 render "$article" -t "$work/headline.toml" -o "$work/o.pdf"
template_with "$work/headline2.toml" "headline_size = [36, 52]" "headline_size = [1e17, 2e17]"
run_case headline_size_no_step render "$article" -t "$work/headline2.toml" -o "$work/o.pdf"
template_with "$work/tiny.toml" 'baseline = "11pt"' "baseline = 0.1"
run_case guides_tiny_baseline render "$article" -t "$work/tiny.toml" -o "$work/o.pdf" --guides \
  --png "$work/o.png" --dpi 20
run_case dev_zero_article render /dev/zero -o "$work/o.pdf"
run_case dev_zero_template render "$article" -t /dev/zero -o "$work/o.pdf"
template_with "$work/page.toml" "columns = [5, 6]" $'columns = [5, 6]\npage = 1000000'
run_case page_a_million render "$article" -t "$work/page.toml" -o "$work/o.pdf"
# A real 16000 x 16000 px RGB PNG (black: 768 MB of pixels in about 1 MB of file).
python3 - "$work/big.png" <<'EOF'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
side = 16000
packer, row, idat = zlib.compressobj(9), bytes(1 + 3 * side), []
for _ in range(side):
    idat.append(packer.compress(row))
idat.append(packer.flush())
header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
with open(sys.argv[1], "wb") as out:
    out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header))
    out.write(chunk(b"IDAT", b"".join(idat)) + chunk(b"IEND", b""))
EOF
cp "$work/big.png" "$work/big2.png"
run_case diff_png_16000 diff "$work/big.png" "$work/big2.png"
"$bin" render "$article" -o "$work/page.pdf" >/dev/null 2>&1
cp "$work/page.pdf" "$work/page2.pdf"
run_case diff_dpi_1200 diff "$work/page.pdf" "$work/page2.pdf" --dpi 1200

# --- undefined behaviour (float to int)
template_with "$work/size.toml" 'size = "9.5pt"' "size = 1e300"
run_case body_size_1e300 render "$article" -t "$work/size.toml" -o "$work/o.pdf"
template_with "$work/baseline.toml" 'baseline = "11pt"' "baseline = 1e-9"
run_case baseline_1e-9 render "$article" -t "$work/baseline.toml" -o "$work/o.pdf"
template_with "$work/width.toml" 'width = "390mm"' "width = \"1$(printf '0%.0s' {1..306})mm\""
run_case width_1e306mm render "$article" -t "$work/width.toml" -o "$work/o.pdf"

# --- outputs that destroy
cp "$article" "$work/article.txt"
run_case output_is_the_article render "$work/article.txt" -o "$work/article.txt"
run_case png_names_the_pdf render "$article" -o "$work/o.pdf" --png "$work/o.pdf"
run_case layout_names_the_pdf render "$article" -o "$work/o.pdf" --layout "$work/o.pdf"
# A character device of our own (mknod needs root), else a FIFO: never a real device.
mknod "$work/device.pdf" c 1 3 2>/dev/null || mkfifo "$work/device.pdf"
run_case output_is_a_device render "$article" -o "$work/device.pdf"
"$bin" render "$article" -o "$work/keep.pdf" >/dev/null 2>&1
run_case png_fails_after_pdf render "$article" -o "$work/keep.pdf" --png "$work/keep.png" \
  --dpi 1200
cmp -s "$work/keep.pdf" "$work/page.pdf" || echo "  !! keep.pdf changed by the failed run"
cat >"$work/edition.toml" <<EOF
[edition]
template = "$root/$page21"
output = "$work"
[[page]]
articles = ["$work/article.txt"]
output = "article.txt"
EOF
run_case batch_output_is_article batch "$work/edition.toml"
cmp -s "$work/article.txt" "$article" || echo "  !! article.txt was replaced"

# --- paths
mkdir -p "$work/fonts"
printf '[[font]]\nfamily = "X"\nstyle = "Regular"\nfile = "/etc/shadow"\n' >"$work/fonts/fonts.toml"
run_case font_file_etc_shadow render "$article" --fonts "$work/fonts" -o "$work/o.pdf"
run_case BROADSHEET_HYPHEN_DICT=/etc/passwd hyphen_dict_etc_passwd render "$article" \
  -o "$work/o.pdf"
mkdir -p "$work/folder.toml"
run_case template_is_a_folder render "$article" -t "$work/folder.toml" -o "$work/o.pdf"
run_case cr_only_line_ends render tests/robustness/cr_only.txt -o "$work/o.pdf" \
  --date 2015-12-17 --page 21 --allow-overset
python3 -c "import sys; t = open('$page21').read(); \
open('$work/key.toml', 'w').write(t.replace('[grid]\n', '[grid]\n' + 'k' * 1000000 + ' = 1\n', 1))"
run_case unknown_key_1MB render "$article" -t "$work/key.toml" -o "$work/o.pdf"

leftovers=$(find "$work" -name '.*.broadsheet-*' | wc -l)
echo "temporary or kept files left behind: $leftovers"
[[ $failures -eq 0 && $leftovers -eq 0 ]] || exit 1
