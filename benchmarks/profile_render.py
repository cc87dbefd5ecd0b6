"""Where the seconds of one unit-year go: CPU time per process, and profiles of both sides.

Run from the project root: ``.venv/bin/python benchmarks/profile_render.py`` (see README.md here).

One warm :class:`~lkip_helpers.pipeline.Worker` (one kernel, its own Chromium, as a batch
worker has) renders the embedded unit-year once to warm up, then ``--renders`` more times. It
prints, per rendered unit-year:

* the CPU seconds (user + system) of the rendering process (assembly, exports, reading the
  PDF), of the kernel (loading, computing, tables, charts) and of Chromium with all its
  processes (printing), from psutil;
* the steps of the last render, from its ``render.log``;
* with ``--profile``, from as many renders more: the kernel's own profile (cProfile started
  inside the kernel, so it also counts the kernel's message handling) as shares of the report's
  parts (charts drawn,
  charts built, tables, loading, computing) and the functions that took most, and the
  rendering process's profile (its main thread; the Word and Excel exports run in a thread
  beside the PDF and are timed in ``render.log``).

The machine is shared: the load average is printed beside the figures.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lkip_helpers import config  # noqa: E402
from lkip_helpers.pipeline import LOG_FILE, Options, Worker  # noqa: E402
from lkip_helpers.printing import resolve_pdf  # noqa: E402
from lkip_helpers.selection import UnitYear  # noqa: E402

#: The report's parts in the kernel's profile: (label, function names as pstats writes them:
#: "file:line(name)" ends with these).
PARTS = (
    ("charts drawn (PNG)", ("charts.py", "(png)")),
    ("charts built", ("charts.py", "(batang)", "(batang_kelompok)", "(garis)")),
    ("tables (cells, HTML, text, data)", ("chapter.py", "(tabel)")),
    ("workbook loaded (cached after the first)", ("load.py", "(load_year)")),
    ("reviu's checks", ("reviu.py", "(periksa)")),
    ("every chapter cell, all told", ("interactiveshell.py", "(run_cell)")),
)
#: Profiles count CPU time (``time.process_time``), not the wall clock: a shared machine's
#: other work stays out of them.
_START = ("import cProfile as _c, sys as _s, time as _t\n"
          "_s.lkip_profile = _c.Profile(_t.process_time)\n_s.lkip_profile.enable()\n"
          "del _c, _s, _t\n")
_STOP = "import sys as _s\n_s.lkip_profile.disable()\n_s.lkip_profile.dump_stats({path!r})\n"


def cpu_seconds(process) -> dict[str, float]:
    """User + system seconds of ``process`` and of its descendants, grouped by kind (finished
    children count towards their parent's)."""
    import psutil

    def own(proc) -> float:
        times = proc.cpu_times()
        return times.user + times.system + times.children_user + times.children_system

    seconds = {"rendering process": process.cpu_times().user + process.cpu_times().system}
    for child in process.children(recursive=True):
        try:
            name = child.name()
            kind = "Chromium" if "chrom" in name else "kernel" if "python" in name else name
            if kind == "Chromium" and child.parent().pid != process.pid:
                continue  # a renderer: counted with its browser (children_* once it ends)
            seconds[kind] = seconds.get(kind, 0.0) + own(child)
            if kind == "Chromium":  # the browser's live children
                seconds[kind] += sum(own(grandchild) for grandchild in child.children(True))
        except psutil.Error:
            pass
    return seconds


def part_seconds(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Cumulative seconds of each of :data:`PARTS` in a profile."""
    found = []
    for label, (file, *names) in PARTS:
        total = sum(entry[3] for (path, _, name), entry in stats.stats.items()
                    if path.endswith(file) and f"({name})" in names)
        found.append((label, total))
    return found


def top(stats: pstats.Stats, count: int, restrict: str = "") -> str:
    out = io.StringIO()
    stats.stream = out
    stats.sort_stats("cumulative").print_stats(restrict, count)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    return "\n".join(lines[start:])


def main() -> None:
    import psutil

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=3, help="renders measured (3)")
    parser.add_argument("--profile", action="store_true", help="cProfile both sides")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    executable, note = resolve_pdf(("html", "pdf", "docx", "xlsx"))
    if executable is None:
        raise SystemExit(note)
    item = UnitYear(config.DEFAULT_UNIT, config.DEFAULT_YEAR)
    with tempfile.TemporaryDirectory(prefix="lkip-profile-") as tmp:
        out = Path(tmp)
        options = Options(output_dir=out, pdf_executable=executable)
        with open(out / "batch.log", "w", encoding="utf-8") as log:
            worker = Worker(options, log, kernels=1)
            try:
                if not worker.render(item).ok:
                    raise SystemExit(f"render failed: see {out / LOG_FILE}")
                me = psutil.Process()
                before, start = cpu_seconds(me), time.perf_counter()
                for _ in range(args.renders):
                    outcome = worker.render(item)
                    if not outcome.ok:
                        raise SystemExit("; ".join(outcome.problems))
                wall, after = time.perf_counter() - start, cpu_seconds(me)
                if args.profile:  # more renders, profiled (cProfile slows them down)
                    kernel = worker.kernels[0]
                    kernel.run_code(_START)
                    parent = __import__("cProfile").Profile(time.process_time)
                    parent.enable()
                    for _ in range(args.renders):
                        worker.render(item)
                    parent.disable()
                    kernel.run_code(_STOP.format(path=str(out / "kernel.prof")))
                steps = (config.report_dir(item.unit, item.year, out) / LOG_FILE).read_text()
            finally:
                worker.close()
        n = args.renders
        print(f"per unit-year ({n} warm renders): {wall / n:.2f} s wall, load average "
              f"{os.getloadavg()[0]:.1f}")
        for kind, seconds in after.items():
            print(f"  {kind:18s} {(seconds - before.get(kind, 0.0)) / n:6.2f} CPU s")
        print(f"  {'all':18s} {(sum(after.values()) - sum(before.values())) / n:6.2f} CPU s")
        print("steps of the last render (render.log):")
        print("\n".join("  " + line for line in steps.splitlines()[1:]))
        if args.profile:
            kernel_stats = pstats.Stats(str(out / "kernel.prof"))
            parts = part_seconds(kernel_stats)
            cells = parts[-1][1]
            print(f"kernel profile, CPU seconds per unit-year ({n} more renders; cProfile slows "
                  f"Python code down, so the shares are the figures):")
            for label, seconds in parts:
                print(f"  {label:42s} {seconds / n:6.2f} s {100 * seconds / cells:4.0f} %")
            print(top(kernel_stats, 25, "lkip_helpers"))
            print("rendering process profile (main thread), all renders:")
            print(top(pstats.Stats(parent), 25))


if __name__ == "__main__":
    main()
