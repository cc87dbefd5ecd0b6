"""Throughput and memory of `lkip render` on a Dask LocalCluster against the local process pool.

Run from the project root: ``.venv/bin/python benchmarks/bench_dask.py`` (see README.md here).

For each batch size N (default 50 and 200) the demo province (:mod:`lkip_helpers.demo`) is
written with enough units and years for N unit-years (the two workbooks that fail ``lkip
check`` on purpose, and any beyond N, are left out), then rendered by two fresh ``lkip render
--all --jobs J`` processes, each into an empty output folder:

* pool: ``--executor local`` (J worker processes, one PDF engine in the parent);
* dask: ``--executor dask`` (a LocalCluster of J workers with one thread each, printing with
  the client's one engine, as the pool's workers do).

Printed side by side: wall time (cluster start included), unit-years per minute, peak memory of
the whole process tree (every process under ``lkip render``: workers, kernels, Chromium;
sampled every 50 ms with psutil) and the load average of the machine before each run. Then the
ratios against the goals of issue 13: Dask's throughput at least 0.9x the pool's, and the peak
memory at the largest N within 10 % of the smallest (memory does not grow with the batch).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench_render import PeakMemory, chromium_and_machine  # noqa: E402

from lkip_helpers import config, demo  # noqa: E402

EXECUTORS = {"pool": "local", "dask": "dask"}


def province(folder: Path, count: int) -> int:
    """Write a demo of at least ``count`` valid unit-years into ``folder``, keep ``count``."""
    years = max(2, math.ceil((count + 2) / len(demo.KATALOG)))
    units = min(len(demo.KATALOG), math.ceil((count + 2) / years))
    if units * years - 2 < count:
        raise SystemExit(f"the demo has at most {len(demo.KATALOG) * years - 2} unit-years "
                         f"over {years} years")
    written = demo.buat_demo(folder, units=units, tahun=range(2025 - years, 2025))
    broken = {key for key, found in written.ciri.items() if set(found) & demo.GAGAL_CHECK}
    keep = sorted(key for key in written.ciri if key not in broken)[:count]
    for unit, year in written.ciri:
        if (unit, year) not in keep:
            shutil.rmtree(config.unit_year_dir(unit, year, folder))
    return len(keep)


def render(data: Path, out: Path, executor: str, jobs: int, formats: list[str]) -> dict:
    """One ``lkip render --all`` in a fresh process: seconds, peak bytes, unit-years done."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "lkip_helpers.cli", "render", "--all", "--data-dir",
               str(data), "--output-dir", str(out), "--jobs", str(jobs), "--executor", executor,
               *(f"--format={f}" for f in formats)]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env)
    meter = PeakMemory(proc.pid)
    output, _ = proc.communicate()
    seconds = time.perf_counter() - start
    peak = meter.stop()
    done = sum(line.startswith("ok ") for line in output.splitlines())
    if proc.returncode != 0:
        print(output)
    return {"seconds": seconds, "peak": peak, "done": done, "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200],
                        help="batch sizes N in unit-years (50 200)")
    parser.add_argument("--jobs", type=int, default=2, help="pool workers / Dask workers (2)")
    parser.add_argument("--format", dest="formats", action="append", default=None,
                        choices=["html", "pdf", "docx", "xlsx"],
                        help="formats to render, repeat for several (default: all four)")
    args = parser.parse_args()
    chromium_and_machine()
    formats = args.formats or ["html", "pdf", "docx", "xlsx"]
    print(f"formats: {', '.join(formats)}; --jobs {args.jobs}; Dask LocalCluster of "
          f"{args.jobs} workers x 1 thread")
    print(f"{'N':>5} {'executor':>8} {'seconds':>9} {'unit-years/min':>15} "
          f"{'peak GiB':>9} {'ok':>5} {'load before':>12}")
    results: dict[tuple[int, str], dict] = {}
    with tempfile.TemporaryDirectory(prefix="lkip-bench-dask-") as tmp:
        for size in sorted(args.sizes):
            data = Path(tmp) / f"data-{size}"
            count = province(data, size)
            for name, executor in EXECUTORS.items():
                out = Path(tmp) / f"out-{size}-{name}"
                found = results[size, name] = render(data, out, executor, args.jobs, formats)
                shutil.rmtree(out)
                print(f"{size:>5} {name:>8} {found['seconds']:>9.1f} "
                      f"{count / found['seconds'] * 60:>15.2f} {found['peak'] / 2**30:>9.2f} "
                      f"{found['done']:>5} {found['load']:>12.2f}", flush=True)
            shutil.rmtree(data)
    print()
    for size in sorted(args.sizes):
        ratio = results[size, "pool"]["seconds"] / results[size, "dask"]["seconds"]
        print(f"N={size}: Dask / pool throughput = {ratio:5.2f}  (goal >= 0.90)")
    small, large = min(args.sizes), max(args.sizes)
    if small != large:
        for name in EXECUTORS:
            growth = results[large, name]["peak"] / results[small, name]["peak"]
            print(f"{name}: peak memory N={large} / N={small} = {growth:5.2f}  (goal <= 1.10)")
    print(f"load average after: {os.getloadavg()[0]:.2f} (2 cores shared with other work: "
          f"figures are noisy)")


if __name__ == "__main__":
    main()
