"""The in-memory form of one unit-year: what :func:`lkip_helpers.load.load_year` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class LkipYear:
    """One unit's workbook for one year, parsed and validated.

    ``profil`` is a dict of typed field values (``None`` for blanks, defaults applied).
    Every table is a DataFrame with exactly the schema's columns, in schema order (optional
    columns that the sheet lacks are all-NA), indexed by the Excel row number (index name
    ``baris``). Dtypes: text and choice ``object`` (str or None), int/rupiah/year ``Int64``,
    number/percent ``Float64``, date ``datetime64[ns]``. Optional sheets that are absent are
    empty DataFrames with the same columns.
    """

    unit: str
    year: int
    source: Path
    profil: dict[str, Any]
    indikator: pd.DataFrame
    triwulan: pd.DataFrame
    keluaran: pd.DataFrame
    riwayat_kinerja: pd.DataFrame
    riwayat_anggaran: pd.DataFrame
    anggaran: pd.DataFrame
    aset: pd.DataFrame
    pegawai_bagian: pd.DataFrame
    pegawai_pendidikan: pd.DataFrame
    pegawai_golongan: pd.DataFrame
    pegawai_jabatan: pd.DataFrame
    total_dinyatakan: pd.DataFrame
    komitmen: pd.DataFrame
    skala: pd.DataFrame
    narasi: pd.DataFrame
    warnings: tuple[Any, ...] = field(default=())  # i18n.Msg or str: str() shows it

    def table(self, name: str) -> pd.DataFrame:
        """The DataFrame of sheet ``name``."""
        return getattr(self, name)
