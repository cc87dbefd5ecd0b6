"""Time loading the dataset of N unit-years: cold, then from the cache.

Run from the project root: ``.venv/bin/python benchmarks/bench_dataset.py`` (see README.md here).

Writes N unit-year workbooks (the tests' clean unit-year, ``tests/builders.py``, under units
bench-01 ... over the years YEARS, each year restating the earlier ones) into a temporary data
folder, then loads the dataset three times with :func:`lkip_helpers.dataset.muat_dataset`:

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
sys.path.insert(0, str(ROOT / "tests"))
from builders import CLEAN_YEAR, write_unit_year  # noqa: E402
from lkip_helpers import dataset  # noqa: E402

YEARS = (CLEAN_YEAR - 2, CLEAN_YEAR - 1, CLEAN_YEAR)


def write_data(data: Path, count: int) -> None:
    """``count`` unit-years: units bench-01 ... with YEARS each (the last unit may have fewer)."""
    for n in range(count):
        unit, year = f"bench-{n // len(YEARS) + 1:02d}", YEARS[n % len(YEARS)]
        write_unit_year(data, unit, tahun=year, nama_unit=f"Bagian Umum Bench {unit[-2:]}",
                        tanggal_laporan=f"{year + 1}-02-20",
                        batas_penyampaian=f"{year + 1}-02-28")


def timed(data: Path, cache: Path) -> tuple[float, dataset.Dataset]:
    start = time.perf_counter()
    ds = dataset.muat_dataset(data, cache_dir=cache)
    return time.perf_counter() - start, ds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--unit-years", type=int, default=60,
                        help="unit-years to write and load (60)")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="lkip-bench-dataset-") as tmp:
        data, cache = Path(tmp) / "data", Path(tmp) / "cache"
        write_data(data, args.unit_years)
        t_cold, cold = timed(data, cache)
        t_cached, cached = timed(data, cache)
        for snapshot in cache.glob("*/dataset"):
            shutil.rmtree(snapshot)
        t_entries, entries = timed(data, cache)
        assert len(cold.ringkasan) == len(cached.ringkasan) == len(entries.ringkasan) \
            == args.unit_years and cached.dari_cache == entries.dari_cache == args.unit_years
        print(f"unit-years {args.unit_years}, rows: "
              + ", ".join(f"{name} {len(df)}" for name, df in cold.frames().items()))
        print(f"cold            {t_cold:7.2f} s   (every workbook loaded, cache written)")
        print(f"cached          {t_cached:7.2f} s   (the whole dataset from the cache)")
        print(f"per unit-year   {t_entries:7.2f} s   (each unit-year's entry from the cache)")
        print(f"cold / cached        = {t_cold / t_cached:7.1f}  (goal >= 10)")
        print(f"cold / per unit-year = {t_cold / t_entries:7.1f}")


if __name__ == "__main__":
    main()
