"""Time `lkip render` of the embedded unit-year with HTML + PDF and with all four formats.

Run from the project root: ``.venv/bin/python benchmarks/bench_export.py`` (see README.md here).

* html+pdf: ``lkip render --format html --format pdf``, a fresh process;
* all four: ``lkip render`` (HTML, PDF, DOCX, XLSX), a fresh process.

Both run ``--rounds`` times, alternating, after one warm-up run (which also warms the OS file
cache); the medians are compared. The per-step times of the last all-four run come from its
``render.log``. The goal is printed next to the ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_render import chromium_and_machine  # noqa: E402
from lkip_helpers import config  # noqa: E402

UNIT, YEAR = config.DEFAULT_UNIT, config.DEFAULT_YEAR
GOAL = 1.3


def lkip_render(formats: list[str], out: Path) -> float:
    """Seconds of one ``lkip render`` of the embedded unit-year (this checkout's code)."""
    command = [sys.executable, "-m", "lkip_helpers.cli", "render", "--jobs", "1", "--force",
               "--output-dir", str(out)]
    for fmt in formats:
        command += ["--format", fmt]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"lkip render {' '.join(formats)} failed:\n{proc.stdout}{proc.stderr}")
    return seconds


def steps(out: Path) -> str:
    """The per-step times of a render (``HTML report: 0.31 s``, ``PDF: ...``) from its log."""
    log = (out / UNIT / str(YEAR) / "render.log").read_text(encoding="utf-8")
    return ", ".join(f"{m[1]} {m[2]} s" for m in re.finditer(
        r"^(HTML report|PDF|DOCX|XLSX): ([\d.]+) s$", log, re.M))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs of each (3)")
    args = parser.parse_args()
    chromium_and_machine()
    base, full = ["html", "pdf"], ["html", "pdf", "docx", "xlsx"]
    with tempfile.TemporaryDirectory(prefix="lkip-bench-") as tmp:
        work = Path(tmp)
        lkip_render(full, work / "warm")
        t_base, t_full = [], []
        for _ in range(args.rounds):
            t_base.append(lkip_render(base, work / "base"))
            t_full.append(lkip_render(full, work / "full"))
        m_base, m_full = statistics.median(t_base), statistics.median(t_full)
        print(f"html+pdf  {m_base:6.1f} s  (runs: {', '.join(f'{t:.1f}' for t in t_base)})")
        print(f"all four  {m_full:6.1f} s  (runs: {', '.join(f'{t:.1f}' for t in t_full)})")
        print(f"  steps of the last all-four run: {steps(work / 'full')}")
        print(f"all four / html+pdf = {m_full / m_base:5.2f}  (goal <= {GOAL})")


if __name__ == "__main__":
    main()
