"""Time loading the dataset of the demo province: cold, then from the cache.

Run from the project root: ``.venv/bin/python benchmarks/bench_dataset.py`` (see README.md here).

Writes the demo province (``lkip demo``: by default its 36 units over 2021-2024, 144
workbooks, two of them broken on purpose) into a temporary data folder, then loads the dataset
three times with :func:`lkip_helpers.dataset.muat_dataset`:

* cold: an empty cache, every workbook loaded and computed (the cache is written);
* cached: the same folder again (the whole dataset read back, one Parquet file per frame);
* per unit-year: the whole-dataset entries removed first, so each unit-year's entry is read
  (what a load costs after one workbook changed, less that workbook).

Goal (issue 12): the cached load at least 10x faster than the cold one.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lkip_helpers import dataset, demo  # noqa: E402
from lkip_helpers.selection import parse_years  # noqa: E402


def timed(data: Path, cache: Path) -> tuple[float, dataset.Dataset]:
    start = time.perf_counter()
    ds = dataset.muat_dataset(data, cache_dir=cache)
    return time.perf_counter() - start, ds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=36, help="demo units (36)")
    parser.add_argument("--years", default="2021-2024", help="demo years (2021-2024)")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="lkip-bench-dataset-") as tmp:
        data, cache = Path(tmp) / "data", Path(tmp) / "cache"
        province = demo.buat_demo(data, units=args.units, tahun=parse_years(args.years))
        workbooks = len(province.ciri)
        t_cold, cold = timed(data, cache)
        t_cached, cached = timed(data, cache)
        for snapshot in cache.glob("*/dataset"):
            shutil.rmtree(snapshot)
        t_entries, entries = timed(data, cache)
        loaded = workbooks - len(cold.dilewati)  # the demo's broken workbooks are left out
        assert len(cold.ringkasan) == len(cached.ringkasan) == len(entries.ringkasan) \
            == loaded and cached.dari_cache == entries.dari_cache == loaded
        print(f"demo province: {workbooks} workbooks, {loaded} unit-years loaded, "
              f"{len(cold.dilewati)} left out (broken on purpose, loaded again each time to "
              f"list their problems); rows: "
              + ", ".join(f"{name} {len(df)}" for name, df in cold.frames().items()))
        print(f"cold            {t_cold:7.2f} s   (every workbook loaded, cache written)")
        print(f"cached          {t_cached:7.2f} s   (the whole dataset from the cache)")
        print(f"per unit-year   {t_entries:7.2f} s   (each unit-year's entry from the cache)")
        print(f"cold / cached        = {t_cold / t_cached:7.1f}  (goal >= 10)")
        print(f"cold / per unit-year = {t_cold / t_entries:7.1f}")


if __name__ == "__main__":
    main()
