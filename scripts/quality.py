#!/usr/bin/env python3
"""Sets every article in tests/articles/ as the lead story of page21 and measures its body
typography with ../shared/tools/pdfquality.py; prints one table row per article.

usage: scripts/quality.py [--breaker knuth-plass|greedy] [--glyph-scaling MIN,DESIRED,MAX]
                          [--out DIR] [-- extra render args]
--glyph-scaling sets the articles on page21 with the body's glyph scaling turned on (page21
itself has it off), e.g. --glyph-scaling 0.98,1.0,1.02, InDesign's newspaper practice.
The reference article (00_*) has a deck; the samples have none (--no-deck). An article without a
credit line gets --date, and the samples --page 21, so that the folio can be filled."""
import argparse, json, pathlib, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
meter = root.parent / "shared" / "tools" / "pdfquality.py"

ap = argparse.ArgumentParser()
ap.add_argument("--breaker", default="knuth-plass")
ap.add_argument("--glyph-scaling", help="MIN,DESIRED,MAX for the body style")
ap.add_argument("--out", default=str(root / "out" / "quality"))
ap.add_argument("extra", nargs="*")
args = ap.parse_args()
out = pathlib.Path(args.out)
out.mkdir(parents=True, exist_ok=True)
template = []
if args.glyph_scaling:
    page21 = (root / "templates" / "page21.toml").read_text(encoding="utf-8")
    anchor = "[styles.body.justification]"
    if anchor not in page21:
        sys.exit("quality.py: templates/page21.toml has no " + anchor)
    scaled = out / "page21_glyph_scaling.toml"
    scaled.write_text(page21.replace(anchor, anchor + "\nglyph_scaling = [" + args.glyph_scaling + "]"),
                      encoding="utf-8")
    template = ["-t", str(scaled)]

cols = ["article", "lines", "just", "loose", "p95 em", "max em", "hyph", "hyph %", "run",
        "overfull", "on grid", "miss/extra/reord"]
print("| " + " | ".join(cols) + " |")
print("|" + "---|" * len(cols))
failed = False
for article in sorted((root / "tests" / "articles").glob("0*.txt")):
    name = article.stem
    lines = article.read_text(encoding="utf-8").split("\n")
    has_credit = lines[-1].startswith("(")
    cmd = [str(root / "build" / "broadsheet"), "render", str(article), "-o", str(out / f"{name}.pdf"),
           "--breaker", args.breaker, "--allow-overset"] + template + args.extra
    skip = 2
    if not name.startswith("00_"):
        cmd.append("--no-deck")
        skip = 1
    if not name.startswith("00_"):
        cmd += ["--page", "21"]  # set as page21's lead: the credit lines name no page
    if not has_credit:
        cmd += ["--date", "2004-12-09"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"| {name} | render failed: {r.stderr.strip()} |")
        failed = True
        continue
    m = subprocess.run([sys.executable, str(meter), str(out / f"{name}.pdf"), "--source", str(article),
                        "--body-size", "9.5", "--skip-lines", str(skip),
                        "--skip-last", "1" if has_credit else "0"], capture_output=True, text=True)
    q = json.loads(m.stdout)
    s, h, g, f, rg = q["spacing"], q["hyphenation"], q["baseline_grid"], q["fidelity"], q["raggedness"]
    n = q["lines"]
    row = [name, n, s["justified_lines"], s["loose_lines"], s["gap_p95_em"], s["gap_max_em"],
           h["hyphenated_lines"], f"{100 * h['hyphenated_lines'] / n:.1f}", h["max_consecutive"],
           rg["overfull_lines"], g["on_grid_fraction"], f"{f['missing']}/{f['extra']}/{f['reordered']}"]
    print("| " + " | ".join(str(c) for c in row) + " |")
sys.exit(1 if failed else 0)
