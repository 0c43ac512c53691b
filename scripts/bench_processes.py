#!/usr/bin/env python3
"""Whole-process timings for scripts/bench.sh: each command is run N times, the commands
interleaved (so a change in the machine's load hits them alike), and the medians of wall time,
CPU time (user + system) and peak memory are printed with the ratios the issue sets targets for.

usage: bench_processes.py BUILD_DIR SOURCE_DIR [RUNS]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(argv):
    """Wall seconds, CPU seconds and peak RSS (KiB) of one run; raises when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 2):  # 2: overset, accepted for the long texts
        raise SystemExit(f"failed ({process.returncode}): {' '.join(argv)}\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(commands, runs):
    """{name: (median wall, median cpu, max rss)} with the commands interleaved."""
    samples = {name: [] for name in commands}
    for name, argv in commands.items():  # warm-up: page cache, hyphenation cache
        run_once(argv)
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(run_once(argv))
    result = {}
    for name, values in samples.items():
        result[name] = (statistics.median(v[0] for v in values),
                        statistics.median(v[1] for v in values),
                        max(v[2] for v in values))
    return result


def article_times(source, times, folder):
    """The reference article with its body repeated `times`, written to `folder`."""
    with open(os.path.join(source, "tests/articles/00_page21_china_daily.txt"),
              encoding="utf-8") as f:
        lines = f.read().splitlines()
    text = lines[:2] + lines[2:-2] * times + lines[-2:]
    path = os.path.join(folder, f"article_{times}x.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(text) + "\n")
    return path


def main():
    build, source = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    cli = os.path.join(build, "broadsheet")
    article = os.path.join(source, "tests/articles/00_page21_china_daily.txt")
    page21 = os.path.join(source, "templates/page21.toml")
    four = os.path.join(source, "tests/bench/data/four_pages.toml")
    edition = os.path.join(source, "tests/bench/data/edition48.toml")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.pdf")
        a1, a10 = article_times(source, 1, tmp), article_times(source, 10, tmp)
        long_args = ["--template", four, "-o", out, "--date", "2015-12-17", "--page", "1",
                     "--allow-overset"]
        commands = {
            "floor": [os.path.join(build, "bench_floor"),
                      os.path.join(source, "fonts/texgyretermes-regular.otf"), article, out],
            "page21": [cli, "render", article, "--template", page21, "-o", out],
            "page21 --fit": [cli, "render", article, "--template", page21, "-o", out, "--fit"],
            "text 1x": [cli, "render", a1] + long_args,
            "text 10x": [cli, "render", a10] + long_args,
            "text 40x": [cli, "render", a10, a10, a10, a10] + long_args,
        }
        results = measure(commands, runs)
        edition_runs = max(3, runs // 5)
        results.update(measure({
            "edition48 -j1": [cli, "batch", edition, "-j", "1", "-o", os.path.join(tmp, "e")],
            "edition48 -j2": [cli, "batch", edition, "-j", "2", "-o", os.path.join(tmp, "e")],
        }, edition_runs))

    print(f"\nWhole processes (median of {runs}; editions of {edition_runs}):")
    print(f"{'':16} {'wall ms':>9} {'cpu ms':>9} {'peak MiB':>9}")
    for name, (wall, cpu, rss) in results.items():
        print(f"{name:16} {wall * 1000:9.1f} {cpu * 1000:9.1f} {rss / 1024:9.1f}")

    def ratio(a, b, index):
        return results[a][index] / results[b][index]

    print("\nRatios (wall / cpu):")
    print(f"  page21 / floor            {ratio('page21', 'floor', 0):5.2f} / "
          f"{ratio('page21', 'floor', 1):5.2f}   target <= 1.5")
    print(f"  text 10x / 1x             {ratio('text 10x', 'text 1x', 0):5.2f} / "
          f"{ratio('text 10x', 'text 1x', 1):5.2f}   target <= 11")
    print(f"  text 40x / 1x             {ratio('text 40x', 'text 1x', 0):5.2f} / "
          f"{ratio('text 40x', 'text 1x', 1):5.2f}   target <= 44")
    print(f"  --fit / one layout        {ratio('page21 --fit', 'page21', 0):5.2f} / "
          f"{ratio('page21 --fit', 'page21', 1):5.2f}   target <= 5")
    print(f"  edition -j1 / -j2 (wall)  {ratio('edition48 -j1', 'edition48 -j2', 0):5.2f}"
          f"           target >= 1.7")
    print(f"  page21 peak memory        {results['page21'][2] / 1024:5.1f} MiB     target < 20")


if __name__ == "__main__":
    main()
