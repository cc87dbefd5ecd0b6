"""Time a second `lkip render --all` with nothing changed against a forced one (issue 13).

Run from the project root: ``.venv/bin/python benchmarks/bench_incremental.py`` (see README.md
here). Writes a demo province (``lkip demo``, default 9 units x 2021-2024 = 36 unit-years,
without the two workbooks broken on purpose, which would fail and so be tried again every
time) into a temporary folder, then runs, each a fresh ``lkip render --all`` process of this
checkout (HTML only, ``--jobs`` 2):

* first: every unit-year rendered (cold);
* unchanged: the same command again: every unit-year skipped by its stamp, no kernel started;
* one changed: one workbook's bytes changed: that unit-year and the later years of its unit
  (their reviu compares the years) rendered, the others skipped;
* forced: ``--force``, every unit-year rendered again (the alternative, for the ratio).

It prints each time per unit-year and the ratio forced / unchanged. Goal: the unchanged run
under **0.2 s per unit-year**, all of it (process start and imports included).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The demo's workbooks that fail `lkip check` on purpose (README.md, "Demo province").
BROKEN = ("dinas-perhubungan/{last}", "inspektorat/{first}")


def lkip(*args: str) -> tuple[float, str]:
    """Run ``lkip ARGS`` of this checkout; (seconds, output). Fails loudly on exit status 2+."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lkip_helpers.cli", *args], env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"lkip {' '.join(args)} failed ({done.returncode}):\n"
                         f"{done.stdout}{done.stderr}")
    return seconds, done.stdout


def count(output: str, start: str) -> int:
    return sum(line.startswith(start) for line in output.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=9, help="demo units (9: 36 unit-years)")
    parser.add_argument("--jobs", type=int, default=2, help="workers (2)")
    parser.add_argument("--skip-force", action="store_true", help="no forced render at the end")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="lkip-bench-") as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "reports"
        lkip("demo", str(data), "--units", str(args.units), "--years", "2021-2024")
        for broken in BROKEN:
            shutil.rmtree(data / broken.format(first=2021, last=2024))
        render = ["render", "--all", "--data-dir", str(data), "--output-dir", str(out),
                  "--format", "html", "--jobs", str(args.jobs)]
        n = len(list(data.glob("*/*/lkip.xlsx")))

        first, output = lkip(*render)
        print(f"first     {first:7.1f} s  {first / n:6.3f} s per unit-year "
              f"({count(output, 'ok')} of {n} rendered)")
        unchanged, output = lkip(*render)
        print(f"unchanged {unchanged:7.2f} s  {unchanged / n:6.3f} s per unit-year "
              f"({count(output, 'unchanged')} of {n} skipped; goal < 0.2 s per unit-year)")
        workbook = sorted(data.glob("*/2023/lkip.xlsx"))[0]
        with open(workbook, "ab") as f:  # other bytes (a zip reader ignores the trailing one)
            f.write(b"\0")
        changed, output = lkip(*render)
        print(f"1 changed {changed:7.1f} s  ({count(output, 'ok')} rendered: "
              f"{workbook.parent.parent.name} 2023 and its later year, "
              f"{count(output, 'unchanged')} skipped)")
        if args.skip_force:
            return
        forced, output = lkip(*render, "--force")
        print(f"forced    {forced:7.1f} s  {forced / n:6.3f} s per unit-year "
              f"({count(output, 'ok')} rendered)")
        print(f"forced / unchanged = {forced / unchanged:6.1f}")


if __name__ == "__main__":
    main()
