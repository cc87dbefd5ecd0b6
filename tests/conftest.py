"""Shared fixtures: the embedded workbook, the loaded seed, and broken copies of it.

* ``workbook_path``: path of ``data/biro-umum-ntt/2023/lkip.xlsx``.
* ``seed``: ``load_year('biro-umum-ntt', 2023)``, loaded once per test session.
* ``workbook_copy``: a function ``make(edit=None, unit=..., year=...) -> Path`` that copies the
  embedded workbook to ``tmp_path/data/<unit>/<year>/lkip.xlsx`` and applies ``edit``:
  either a dict ``{(sheet, cell): value}`` (e.g. ``{("anggaran", "E3"): -5}``) or a function
  taking the openpyxl Workbook. The data folder is ``path.parents[2]`` (pass it as
  ``data_dir``), also available as ``make.data_dir``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Callable

import openpyxl
import pytest

from lkip_helpers import config
from lkip_helpers.load import load_year

SEED_UNIT, SEED_YEAR = "biro-umum-ntt", 2023
SEED_WORKBOOK = config.PROJECT_ROOT / "data" / SEED_UNIT / str(SEED_YEAR) / config.WORKBOOK_NAME

Edit = dict[tuple[str, str], Any] | Callable[[openpyxl.Workbook], None] | None


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch):
    """Tests read messages in English whatever the machine's locale (test_i18n sets its own)."""
    monkeypatch.setenv("LKIP_LANG", "en")


@pytest.fixture(scope="session")
def workbook_path() -> Path:
    """The embedded reference workbook (never modified by tests)."""
    return SEED_WORKBOOK


@pytest.fixture(scope="session")
def seed():
    """The embedded reference case, loaded and validated (LkipYear)."""
    return load_year(SEED_UNIT, SEED_YEAR, config.PROJECT_ROOT / "data")


def edit_workbook(path: Path, edit: Edit) -> None:
    """Apply ``edit`` (cell dict or function of the Workbook) to the workbook at ``path``."""
    if edit is None:
        return
    wb = openpyxl.load_workbook(path)
    if callable(edit):
        edit(wb)
    else:
        for (sheet, cell), value in edit.items():
            wb[sheet][cell] = value
    wb.save(path)


@pytest.fixture
def workbook_copy(tmp_path: Path):
    """Factory of edited copies of the embedded workbook under ``tmp_path/data``."""
    data_dir = tmp_path / "data"

    def make(edit: Edit = None, unit: str = SEED_UNIT, year: int = SEED_YEAR) -> Path:
        dest = data_dir / unit / str(year) / config.WORKBOOK_NAME
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SEED_WORKBOOK, dest)
        edit_workbook(dest, edit)
        return dest

    make.data_dir = data_dir
    return make
