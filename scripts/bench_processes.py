#!/usr/bin/env python3
"""Whole-process timings for scripts/bench.sh: each command is run N times, the commands
interleaved (so a change in the machine's load hits them alike), and the medians of wall time,
CPU time (user + system) and peak memory are printed with the ratios the issue sets targets for.
Given the JSON that bench_page wrote (--benchmark_out), it first prints every in-process median
and the in-process ratios. The load average is printed before and after: on a shared machine
the wall times mean little.

usage: bench_processes.py BUILD_DIR SOURCE_DIR [RUNS] [--in-process BENCH.json]
       bench_processes.py BUILD_DIR SOURCE_DIR [RUNS] --edition-only
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(argv):
    """Wall seconds and CPU seconds of one run; raises when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 2):  # 2: overset, accepted for the long texts
        raise SystemExit(f"failed ({process.returncode}): {' '.join(argv)}\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime


def peak_kib(argv):
    """Peak resident memory (KiB) of one run, measured by GNU time. wait4's ru_maxrss cannot
    say: Linux carries the resident size of the process before exec (here, a fork of this
    Python, about 14 MiB) into it, so every small program would seem to take 14 MiB."""
    process = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, check=False)
    return int(process.stderr.decode(errors="replace").strip().splitlines()[-1])


def measure(commands, runs):
    """{name: (median wall, median cpu, peak rss, least wall)} with the commands interleaved.
    The least wall time is the run the shared machine disturbed least: on this virtual
    machine the medians move by 10-20 % from one minute to the next (page faults cost more or
    less as the host backs memory), the least times much less."""
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
                        peak_kib(commands[name]),
                        min(v[0] for v in values))
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


def load_average():
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} cores)"


def print_in_process(path):
    """Every benchmark's median (CPU time) from bench_page's JSON, and the in-process ratios."""
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)["benchmarks"]
    medians = {}
    print("In process (bench_page, medians, CPU time; editions: wall time):")
    for run in runs:
        if run.get("aggregate_name") != "median":
            continue
        name = run["run_name"]
        time = run["real_time"] if name.endswith("/real_time") else run["cpu_time"]
        medians[name] = (time, run["time_unit"])
        extra = "".join(f"  {k}={run[k]:.0f}" for k in ("body_lines", "pages") if k in run)
        print(f"  {name:34} {time:10.3f} {run['time_unit']}{extra}")

    def ratio(a, b):
        found_a, found_b = medians.get(a), medians.get(b)
        if not found_a or not found_b or found_a[1] != found_b[1]:
            return float("nan")
        return found_a[0] / found_b[0]

    print("In-process ratios:")
    print(f"  copyfit / one layout      {ratio('BM_Copyfit', 'BM_OneLayout'):6.2f}   target <= 5")
    print(f"  text 10x / 1x             {ratio('BM_Text/10', 'BM_Text/1'):6.2f}   target <= 11")
    print(f"  text 40x / 1x             {ratio('BM_Text/40', 'BM_Text/1'):6.2f}   target <= 44")
    editions = ratio("BM_Edition48/1/real_time", "BM_Edition48/2/real_time")
    print(f"  edition 1 / 2 threads     {editions:6.2f}   target >= 1.7 (wall time)")


def edition_commands(build, source, tmp):
    cli = os.path.join(build, "broadsheet")
    edition = os.path.join(source, "tests/bench/data/edition48.toml")
    return {
        "edition48 -j1": [cli, "batch", edition, "-j", "1", "-o", os.path.join(tmp, "e")],
        "edition48 -j2": [cli, "batch", edition, "-j", "2", "-o", os.path.join(tmp, "e")],
    }


def print_results(results, title):
    print(f"\n{title}")
    print(f"{'':16} {'wall ms':>9} {'cpu ms':>9} {'peak MiB':>9} {'least ms':>9}")
    for name, (wall, cpu, rss, least) in results.items():
        print(f"{name:16} {wall * 1000:9.1f} {cpu * 1000:9.1f} {rss / 1024:9.1f} "
              f"{least * 1000:9.1f}")


def edition_only(build, source, runs):
    """The 48-page edition on one and on two threads, whole processes, interleaved."""
    print(f"load average before: {load_average()}")
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(edition_commands(build, source, tmp), runs)
    print_results(results, f"Whole processes (median of {runs}):")
    one, two = results["edition48 -j1"], results["edition48 -j2"]
    print(f"\n  edition -j1 / -j2 (wall)  {one[0] / two[0]:5.2f}   least {one[3] / two[3]:5.2f}"
          f"   target >= 1.7")
    print(f"  CPU -j2 / wall -j2        {two[1] / two[0]:5.2f}   (2.0: both cores busy)")
    print(f"load average after: {load_average()}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    build, source = args[0], args[1]
    runs = int(args[2]) if len(args) > 2 else 15
    if "--edition-only" in sys.argv:
        edition_only(build, source, runs)
        return
    if "--in-process" in sys.argv:
        print_in_process(sys.argv[sys.argv.index("--in-process") + 1])
    print(f"\nload average before the whole processes: {load_average()}")
    cli = os.path.join(build, "broadsheet")
    article = os.path.join(source, "tests/articles/00_page21_china_daily.txt")
    page21 = os.path.join(source, "templates/page21.toml")
    four = os.path.join(source, "tests/bench/data/four_pages.toml")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.pdf")
        a1, a10, a40 = (article_times(source, n, tmp) for n in (1, 10, 40))
        floor_args = [os.path.join(source, "fonts/texgyretermes-regular.otf"), article, out]
        long_args = ["--template", four, "-o", out, "--date", "2015-12-17", "--page", "1",
                     "--allow-overset"]
        commands = {
            "floor": [os.path.join(build, "bench_floor")] + floor_args,
            # the floor linked as broadsheet is (static C++ runtime): the fairer baseline
            "floor static": [os.path.join(build, "bench_floor_static")] + floor_args,
            "page21": [cli, "render", article, "--template", page21, "-o", out],
            "page21 --fit": [cli, "render", article, "--template", page21, "-o", out, "--fit"],
            "text 1x": [cli, "render", a1] + long_args,
            "text 10x": [cli, "render", a10] + long_args,
            "text 40x": [cli, "render", a40] + long_args,  # jumps page 1 -> 2 -> 3 -> 4
        }
        results = measure(commands, runs)
        edition_runs = max(3, runs // 5)
        results.update(measure(edition_commands(build, source, tmp), edition_runs))

    print_results(results, f"Whole processes (median of {runs}; editions of {edition_runs}):")

    def ratio(a, b, index):
        return results[a][index] / results[b][index]

    print("\nRatios (wall / cpu; least: the least wall times):")
    print(f"  page21 / floor            {ratio('page21', 'floor', 0):5.2f} / "
          f"{ratio('page21', 'floor', 1):5.2f}   least {ratio('page21', 'floor', 3):5.2f}"
          f"   target <= 1.5")
    print(f"  page21 / floor static     {ratio('page21', 'floor static', 0):5.2f} / "
          f"{ratio('page21', 'floor static', 1):5.2f}   least "
          f"{ratio('page21', 'floor static', 3):5.2f}")
    print(f"  text 10x / 1x             {ratio('text 10x', 'text 1x', 0):5.2f} / "
          f"{ratio('text 10x', 'text 1x', 1):5.2f}   target <= 11")
    print(f"  text 40x / 1x             {ratio('text 40x', 'text 1x', 0):5.2f} / "
          f"{ratio('text 40x', 'text 1x', 1):5.2f}   target <= 44")
    print(f"  --fit / one layout        {ratio('page21 --fit', 'page21', 0):5.2f} / "
          f"{ratio('page21 --fit', 'page21', 1):5.2f}   target <= 5")
    print(f"  edition -j1 / -j2 (wall)  {ratio('edition48 -j1', 'edition48 -j2', 0):5.2f}"
          f"   least {ratio('edition48 -j1', 'edition48 -j2', 3):5.2f}   target >= 1.7")
    print(f"  page21 peak memory        {results['page21'][2] / 1024:5.1f} MiB     target < 20")
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
