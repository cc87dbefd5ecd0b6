"""Stated figures (dinyatakan): what the unit's report says a figure is, beside the computed one.

The report shows the computed figure; where the workbook records the figure the unit's report
states for it, and the two differ, the table adds a footnote with the stated figure and where
it is stated (:mod:`lkip_helpers.tables`, ``dinyatakan``). A calculation frame carries the stated
figure of a value column ``k`` in column ``<k>_dinyatakan`` and where it is stated in
``<k>_sumber`` (NA where nothing is stated), and names the pairs in ``df.attrs["dinyatakan"]``:
``{"jumlah": ("jumlah_dinyatakan", "jumlah_sumber")}``. (The budget history's pair is
``{"serapan": ("serapan_dinyatakan", "sumber")}``: its rows hold their own source.)

Stated totals come from sheet ``total_dinyatakan`` (one row per sheet, column and source):
:func:`daftar_total` reads them once for everyone, the tables that end with a total row
(:func:`tambah_total`) and the reviu, which compares them with the sum of the sheet's column.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable

import pandas as pd

from .hitung import ke_decimal, kosong, seri_float, seri_int
from .model import LkipYear

#: Suffixes of the columns that hold a value column's stated figure and its source.
SUFIKS_DINYATAKAN = "_dinyatakan"
SUFIKS_SUMBER = "_sumber"
#: Key of ``DataFrame.attrs``: value column -> (stated column, source column or None).
ATTR = "dinyatakan"


def kolom_dinyatakan(kolom: str) -> str:
    """The column of ``kolom``'s stated figure: ``jumlah`` -> ``jumlah_dinyatakan``."""
    return kolom + SUFIKS_DINYATAKAN


def kolom_sumber(kolom: str) -> str:
    """The column saying where ``kolom``'s stated figure is stated: ``jumlah_sumber``."""
    return kolom + SUFIKS_SUMBER


@dataclass(frozen=True)
class TotalDinyatakan:
    """One row of sheet ``total_dinyatakan``: the total the report prints for a sheet's column.

    ``baris``: Excel row; ``kolom``: the summed column, as the schema names it (trimmed,
    lower case); ``nilai``: the total as printed (exact, None when blank); ``sumber``: where.
    """

    baris: int
    lembar: str
    kolom: str
    nilai: Decimal | None
    sumber: str | None


def _teks(value: Any) -> str | None:
    return None if kosong(value) else str(value).strip() or None


def daftar_total(lkip: LkipYear) -> list[TotalDinyatakan]:
    """Every stated total of sheet ``total_dinyatakan``, in sheet order."""
    return [TotalDinyatakan(int(row.Index), str(row.lembar).strip(),
                            str(row.kolom).strip().lower(), ke_decimal(row.nilai),
                            _teks(row.sumber))
            for row in lkip.total_dinyatakan.itertuples()]


def total(lkip: LkipYear, lembar: str, kolom: str, dihitung: Any = None) -> TotalDinyatakan | None:
    """The stated total of column ``kolom`` of sheet ``lembar``, or None when none is stated.

    When several sources state it, the first that differs from ``dihitung`` (the computed total,
    compared exactly) is taken, so that a disagreement is never hidden by an agreeing source;
    else the first.
    """
    found = [t for t in daftar_total(lkip)
             if t.lembar == lembar and t.kolom == kolom and t.nilai is not None]
    hitung = ke_decimal(dihitung)
    beda = [t for t in found if hitung is not None and t.nilai != hitung]
    return (beda or found or [None])[0]


def _seri_seperti(asal: pd.Series, values: list[Any]) -> pd.Series:
    """Stated figures with the dtype of the column they state: Int64 for whole numbers (counts,
    Rupiah) when every stated figure is whole, else display-faithful Float64."""
    exact = [ke_decimal(v) for v in values]
    whole = all(v is None or v == v.to_integral_value() for v in exact)
    return seri_int(exact) if str(asal.dtype) == "Int64" and whole else seri_float(exact)


def pasangan(df: pd.DataFrame) -> dict[str, tuple[str, str | None]]:
    """The stated-figure columns a frame names (``df.attrs["dinyatakan"]``); empty if none."""
    return dict(df.attrs.get(ATTR) or {})


def tandai(df: pd.DataFrame, pasangan_baru: dict[str, tuple[str, str | None]]) -> pd.DataFrame:
    """``df`` with ``pasangan_baru`` added to the pairs of ``df.attrs["dinyatakan"]`` (in place;
    returned for chaining)."""
    df.attrs[ATTR] = {**pasangan(df), **pasangan_baru}
    return df


def tambah_total(tabel: pd.DataFrame, lkip: LkipYear, lembar: str, kolom: Iterable[str],
                 baris: int | None) -> pd.DataFrame:
    """``tabel`` with the stated totals of sheet ``lembar`` beside its total row.

    For each column ``k`` of ``kolom`` (the summed columns) adds ``<k>_dinyatakan`` (the total
    the report states, :func:`total`; same dtype as ``k`` when whole) and ``<k>_sumber`` (where it
    is stated), filled on the row at position ``baris`` only: the row that sums the whole
    sheet (None when the table has none: the columns stay NA). The pairs are named in
    ``attrs["dinyatakan"]``. The computed figures are not touched.
    """
    out = tabel.copy()
    pairs = {}
    for k in kolom:
        nilai: list[Any] = [None] * len(out)
        sumber: list[Any] = [None] * len(out)
        if baris is not None:
            t = total(lkip, lembar, k, out[k].iloc[baris])
            if t is not None:
                nilai[baris], sumber[baris] = t.nilai, t.sumber
        out[kolom_dinyatakan(k)] = _seri_seperti(out[k], nilai).set_axis(out.index)
        out[kolom_sumber(k)] = pd.Series(sumber, index=out.index, dtype=object)
        pairs[k] = (kolom_dinyatakan(k), kolom_sumber(k))
    out.attrs = dict(tabel.attrs)
    return tandai(out, pairs)
