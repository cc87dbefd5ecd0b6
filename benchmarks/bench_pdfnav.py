"""Time the PDF with page numbers in its lists (two passes) against one plain print.

Run from the project root: ``.venv/bin/python benchmarks/bench_pdfnav.py`` (see README.md here).

The embedded unit-year is rendered once to HTML (``lkip render --format html``); its executed
notebooks give the chapters. Then ONE Chromium, warmed by a first print that is not counted,
prints the report ``--repeat`` times each way, alternately:

* single: one ``print_pdf`` (bookmarks, no page numbers in the Daftar Isi);
* two-pass: :func:`lkip_helpers.pagination.print_numbered` (print, read the pages with pypdf,
  render the numbered HTML, print again, check the pages).

Medians are printed with their ratio, and the extra seconds set beside one whole ``lkip
render`` (HTML + PDF, two passes; the second of two runs, warm OS file cache).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lkip_helpers import config  # noqa: E402
from lkip_helpers.html_report import (  # noqa: E402
    chapter_from_notebook, render_report, report_contents)
from lkip_helpers.pagination import print_numbered  # noqa: E402
from lkip_helpers.pdf import Chromium, find_chromium  # noqa: E402
from lkip_helpers.selection import find_chapters  # noqa: E402

UNIT, YEAR = config.DEFAULT_UNIT, config.DEFAULT_YEAR
STEM = f"{UNIT}-{YEAR}"
#: This checkout's package first, whatever the virtualenv has installed.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(
    filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def lkip_render(out: Path, *formats: str) -> float:
    command = [sys.executable, "-m", "lkip_helpers.cli", "render", UNIT, str(YEAR),
               "--output-dir", str(out), "--jobs", "1", "--force"]
    for fmt in formats:
        command += ["--format", fmt]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    if done.returncode != 0:
        raise SystemExit(f"lkip render failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="prints of each kind (5)")
    parser.add_argument("--skip-render", action="store_true",
                        help="no whole lkip render for comparison")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("Chromium is needed for this benchmark (apt-get install chromium)")
    version = subprocess.run([str(chromium), "--version"], capture_output=True, text=True,
                             check=False).stdout.strip()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {version}")
    with tempfile.TemporaryDirectory(prefix="lkip-bench-pdfnav-") as tmp:
        work = Path(tmp)
        lkip_render(work / "html", "html")
        folder = config.report_dir(UNIT, YEAR, work / "html")
        facts = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
        chapters = [chapter_from_notebook(nbformat.read(folder / "notebooks" / nb.name, 4),
                                          f"bab-{nb.stem}", nb.stem)
                    for nb in find_chapters(config.NOTEBOOKS_DIR)]
        anchors = report_contents(chapters).anchors()
        html = work / f"{STEM}.html"
        html.write_text(render_report(facts, chapters), encoding="utf-8")
        pdf, footer = work / f"{STEM}.pdf", f"LKIP {YEAR} · {facts['nama_unit']}"
        single, double, passes = [], [], set()
        with Chromium(chromium) as browser:
            browser.print_pdf(html, pdf, footer)  # warm-up, not counted
            for _ in range(args.repeat):
                start = time.perf_counter()
                browser.print_pdf(html, pdf, footer)
                single.append(time.perf_counter() - start)
                start = time.perf_counter()
                numbering = print_numbered(browser.print_pdf, html, pdf, footer,
                                           lambda pages: render_report(facts, chapters, pages),
                                           anchors)
                double.append(time.perf_counter() - start)
                passes.add(numbering.passes)
        t_single, t_double = statistics.median(single), statistics.median(double)
        print(f"single   {t_single:6.2f} s   (one print, median of {args.repeat})")
        print(f"two-pass {t_double:6.2f} s   (print, read pages, numbered print, check; "
              f"passes: {', '.join(map(str, sorted(passes)))})")
        print(f"two-pass / single = {t_double / t_single:5.2f}; extra "
              f"{t_double - t_single:5.2f} s per unit-year")
        if args.skip_render:
            return
        lkip_render(work / "full")  # first: warms the OS file cache
        t_render = lkip_render(work / "full")
        print(f"lkip render (HTML + PDF, two passes) {t_render:6.2f} s: the second pass is "
              f"{100 * (t_double - t_single) / t_render:4.1f} % of it")


if __name__ == "__main__":
    main()
