"""Build small :class:`~lkip_helpers.model.LkipYear` objects from typed rows, for unit tests.

Frames get exactly the schema's columns and the loader's dtypes (see ``model.py``): text/choice
object, int/rupiah/year Int64, number/percent Float64, date datetime64[ns]; index = Excel row
number (from 2) named ``baris``. Values are given already typed (no parsing here).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from lkip_helpers.model import LkipYear
from lkip_helpers.schema import PROFIL, SHEETS

DTYPES = {"text": object, "choice": object, "int": "Int64", "rupiah": "Int64", "year": "Int64",
          "number": "Float64", "percent": "Float64", "date": "datetime64[ns]"}


def frame(sheet_name: str, rows: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """A typed DataFrame of sheet ``sheet_name`` holding ``rows`` (missing columns are NA)."""
    sheet = next(s for s in SHEETS if s.name == sheet_name)
    rows = rows or []
    data = {}
    for col in sheet.columns:
        values = [row.get(col.name) for row in rows]
        data[col.name] = pd.Series(values, dtype=DTYPES[col.kind])
    df = pd.DataFrame(data, columns=sheet.column_names)
    df.index = pd.RangeIndex(2, 2 + len(rows), name="baris")
    return df


def lkip_year(profil: dict[str, Any] | None = None, year: int = 2023,
              **tables: list[dict]) -> LkipYear:
    """An LkipYear with the given profile fields (defaults applied) and sheets; others empty."""
    fields = {c.name: c.default for c in PROFIL.columns}
    fields.update({"tahun": year, **(profil or {})})
    sheets = {s.name: frame(s.name, tables.pop(s.name, None)) for s in SHEETS if s.name != "profil"}
    if tables:
        raise KeyError(f"unknown sheets {sorted(tables)}")
    return LkipYear(unit="uji", year=year, source=Path("uji.xlsx"), profil=fields, **sheets)
