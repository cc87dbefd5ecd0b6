"""Time `lkip render` against the naive pipeline and the floor, and a 20 unit-year batch.

Run from the project root: ``.venv/bin/python benchmarks/bench_render.py`` (see README.md here).

* naive: per chapter, the ``papermill`` CLI, then ``jupyter nbconvert --to html``, then one
  Chromium ``--print-to-pdf``;
* floor: one Python process executing a one-cell ``pass`` notebook with papermill, plus one
  Chromium print of a small HTML page;
* lkip: ``lkip render`` of the embedded unit-year (HTML + PDF), a fresh process.

Batch: copies of the embedded workbook under a temporary data folder (units bench-01 ...),
rendered as one ``lkip render --all --jobs 2`` (and, with ``--one-by-one``, also one
``lkip render`` per unit-year); peak memory is the largest sum of resident memory over the
whole process tree (psutil), sampled every 50 ms. The batch's cost per unit-year is given two
ways: core-seconds (wall time x cores / unit-years: what the machine was occupied for) and
CPU seconds (user + system time of every process of the run, from ``getrusage``: the work
done, less sensitive to other work on the machine). Goals (issue 13) are printed next to the
figures, and the load average before and after, since a shared machine skews every figure.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lkip_helpers import config  # noqa: E402
from lkip_helpers.pdf import find_chromium  # noqa: E402

BIN = Path(sys.executable).parent
UNIT, YEAR = config.DEFAULT_UNIT, config.DEFAULT_YEAR


def chromium_print(chromium: Path, html: Path, pdf: Path, profile: Path) -> list[str]:
    return [str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
            html.resolve().as_uri()]


def timed(commands: list[list[str]], **kw) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start


def naive(work: Path, chromium: Path) -> float:
    commands = []
    for nb in sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        executed = work / nb.name
        commands += [
            [str(BIN / "papermill"), str(nb), str(executed), "-p", "unit", UNIT, "-p", "year",
             str(YEAR), "--cwd", str(config.NOTEBOOKS_DIR)],
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
            chromium_print(chromium, executed.with_suffix(".html"), executed.with_suffix(".pdf"),
                           work / f"profile-{nb.stem}"),
        ]
    return timed(commands)


def floor(work: Path, chromium: Path) -> float:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    nbformat.write(nb, work / "pass.ipynb")
    (work / "small.html").write_text("<!DOCTYPE html><meta charset=utf-8><h1>Halo</h1>")
    code = ("import papermill; papermill.execute_notebook("
            f"{str(work / 'pass.ipynb')!r}, {str(work / 'pass.out.ipynb')!r}, progress_bar=False)")
    return timed([[sys.executable, "-c", code],
                  chromium_print(chromium, work / "small.html", work / "small.pdf", work / "pf")])


class PeakMemory:
    """Largest total RSS of a process and its descendants while it runs (needs psutil)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.root, self.peak, self._stop = psutil.Process(pid), 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                total = 0
                for proc in procs:
                    try:
                        total += proc.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def children_cpu() -> float:
    """User + system seconds of every finished child process (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def lkip(args: list[str], out: Path, measure_memory: bool = False) -> tuple[float, int | None]:
    # --force: a report already in ``out`` would otherwise be skipped as unchanged
    command = [str(BIN / "lkip"), "render", *args, "--force", "--output-dir", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    meter = None
    if measure_memory:
        try:
            meter = PeakMemory(proc.pid)
        except ImportError:
            print("(psutil not installed: no memory figure)")
    output, _ = proc.communicate()
    seconds = time.perf_counter() - start
    peak = meter.stop() if meter else None
    if proc.returncode != 0:
        raise SystemExit(f"lkip render {' '.join(args)} failed:\n{output}")
    return seconds, peak


def batch_data(root: Path, count: int) -> tuple[Path, list[str]]:
    data = root / "data"
    units = [f"bench-{i:02d}" for i in range(1, count + 1)]
    source = config.unit_year_dir(UNIT, YEAR) / config.WORKBOOK_NAME
    for unit in units:
        target = data / unit / str(YEAR)
        target.mkdir(parents=True)
        shutil.copy(source, target / config.WORKBOOK_NAME)
    return data, units


def chromium_and_machine() -> Path:
    """The Chromium to print with (exits without one), after printing the machine's line."""
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("Chromium is needed for this benchmark (apt-get install chromium)")
    version = subprocess.run([str(chromium), "--version"], capture_output=True,
                             text=True).stdout.strip()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {version}, load average {os.getloadavg()[0]:.1f}")
    return chromium


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=20, help="unit-years in the batch (20)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the batch (2)")
    parser.add_argument("--skip-batch", action="store_true", help="only the single unit-year")
    parser.add_argument("--skip-single", action="store_true",
                        help="only the batch (no naive, floor or single unit-year)")
    parser.add_argument("--one-by-one", action="store_true",
                        help="also render the batch one unit-year at a time (issue 4's ratio)")
    args = parser.parse_args()
    chromium = chromium_and_machine()
    with tempfile.TemporaryDirectory(prefix="lkip-bench-") as tmp:
        work = Path(tmp)
        for name in ("naive", "floor", "out", "batch"):
            (work / name).mkdir()
        t_lkip, _ = lkip([], work / "out")  # first: also warms the OS file cache for the others
        if not args.skip_single:
            t_lkip, _ = lkip([], work / "out")
            t_naive = naive(work / "naive", chromium)
            t_floor = floor(work / "floor", chromium)
            print(f"naive  {t_naive:7.1f} s   (papermill + nbconvert + Chromium per chapter)")
            print(f"floor  {t_floor:7.1f} s   (one pass-notebook + one small PDF)")
            print(f"lkip   {t_lkip:7.1f} s   (lkip render, HTML + PDF, all four formats)")
            print(f"naive / lkip = {t_naive / t_lkip:5.2f}  (goal >= 15)")
            print(f"lkip / floor = {t_lkip / t_floor:5.2f}  (goal <= 1.3)")
        if args.skip_batch:
            print(f"load average at the end {os.getloadavg()[0]:.1f}")
            return
        data, units = batch_data(work / "batch", args.batch)
        cores = os.cpu_count() or 1
        cpu = children_cpu()
        t_batch, peak = lkip(["--all", "--data-dir", str(data), "--jobs", str(args.jobs)],
                             work / "batch" / "together", measure_memory=True)
        cpu = children_cpu() - cpu
        print(f"batch of {args.batch}, --jobs {args.jobs}: {t_batch:7.1f} s on {cores} cores, "
              f"{cpu:7.1f} CPU seconds")
        print(f"core-seconds per unit-year = {t_batch * cores / args.batch:5.2f}  (goal <= 3)")
        print(f"CPU seconds per unit-year  = {cpu / args.batch:5.2f}")
        if peak is not None:
            print(f"peak memory (process tree) = {peak / 2**30:5.2f} GiB  (goal < 2 GiB)")
        if args.one_by_one:
            one_by_one = sum(lkip([unit, str(YEAR), "--data-dir", str(data), "--jobs", "1"],
                                  work / "batch" / "single")[0] for unit in units)
            print(f"one by one {one_by_one:7.1f} s; batch / one by one = "
                  f"{t_batch / one_by_one:5.2f}  (issue 4's goal <= 0.6)")
        print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
