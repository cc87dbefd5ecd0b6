"""THE table style of every report table: one function, :func:`tabel`, that all tables go through.

A table arrives as a DataFrame of raw values (Decimal, int, str, None) with Indonesian column
labels, as the calculation modules build it. :func:`tabel` turns it into a pandas ``Styler``:

* every value is formatted by :mod:`lkip_helpers.format` (chosen per column, see
  :func:`pemformat_kolom`), never here;
* every cell text, index label and column label is HTML-escaped (spreadsheet text is untrusted),
  and so is the caption;
* the index is hidden, number columns are right-aligned, total rows ("Jumlah") are bold;
* the caption reads "Tabel X.Y <judul>".

:func:`html` gives the HTML fragment to display; :func:`teks` a plain-text version of the same
formatted cells (the ``text/plain`` alternative of a notebook output).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as _html
import numbers
from decimal import Decimal
from functools import partial
from typing import Any, Callable, Iterable, Mapping

import pandas as pd
from pandas.io.formats.style import Styler

from . import format as fmt

Pemformat = Callable[[Any], str]

#: Column labels whose values are names of periods (2023, "III"), shown as written, not as
#: quantities (a year must never become "2.023").
KOLOM_PERIODE = ("Tahun", "Triwulan", "Tahun anggaran")
#: Text of the first cell of a total row; such rows are shown bold.
LABEL_JUMLAH = ("jumlah", "total")

#: The one stylesheet of report tables (the Styler adds it scoped to the table's id).
GAYA_TABEL = [
    {"selector": "", "props": "border-collapse: collapse; margin: 0.6em 0 1.2em 0; "
                              "font-size: 0.86em; font-family: 'DejaVu Sans', Arial, sans-serif;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; "
                                     "padding: 0 0 0.4em 0; color: #000;"},
    {"selector": "th", "props": "background: #e6e6e6; color: #000; border-top: 1.5px solid #000; "
                                "border-bottom: 1px solid #000; padding: 4px 8px; "
                                "text-align: left; vertical-align: bottom;"},
    {"selector": "td", "props": "border-bottom: 1px solid #bfbfbf; padding: 3px 8px; "
                                "text-align: left; vertical-align: top; color: #000; "
                                "background: #fff;"},
    {"selector": "tr:last-child td", "props": "border-bottom: 1.5px solid #000;"},
]
GAYA_ANGKA = "text-align: right; white-space: nowrap;"
GAYA_KANAN = "text-align: right;"
#: Long names (activities, indicators) get room, so that number columns do not squeeze them.
GAYA_TEKS_PANJANG = "min-width: 16em;"
PANJANG_MINIMAL = 40
GAYA_JUMLAH = "font-weight: bold;"


def _adalah_angka(value: Any) -> bool:
    return isinstance(value, numbers.Number | Decimal) and not isinstance(value, bool)


def _kolom_angka(values: pd.Series) -> bool:
    """True when the column holds numbers (status texts such as "belum ada data" allowed)."""
    isi = [v for v in values if not fmt.kosong(v)]
    return any(_adalah_angka(v) for v in isi) and all(
        _adalah_angka(v) or v in fmt.STATUS_TEKS for v in isi)


def _bulat(values: pd.Series) -> bool:
    return all(fmt.ke_decimal(v) == fmt.ke_decimal(v).to_integral_value()
               for v in values if _adalah_angka(v) and not fmt.kosong(v))


def _periode(value: Any) -> str:
    """A period name as written: 2023 -> "2023" (no thousands separator), "III" -> "III"."""
    if fmt.kosong(value):
        return fmt.KOSONG
    return str(fmt.ke_int(value)) if _adalah_angka(value) else str(value)


def angka_wajar(x: Any) -> str:
    """A count or measure through :mod:`format`: whole values as ``angka`` ("180"), others
    as ``desimal`` ("122,30"). Text (a status such as "belum ada data") passes unchanged."""
    nilai = None if isinstance(x, str) else fmt.ke_decimal(x)
    if nilai is not None and nilai == nilai.to_integral_value():
        return fmt.angka(nilai)
    return fmt.desimal(x)


#: How yes/no values read (e.g. column "Memenuhi minimal").
YA, TIDAK = "ya", "tidak"


def format_sel(value: Any) -> str:
    """A text cell; a date, yes/no or stray number in it is still shown the Indonesian way."""
    if fmt.kosong(value):
        return fmt.KOSONG
    if isinstance(value, bool):
        return YA if value else TIDAK
    if isinstance(value, dt.date | pd.Timestamp):
        return fmt.tanggal(value)
    if _adalah_angka(value):
        return angka_wajar(value)
    return str(value)


def pemformat_kolom(label: Any, values: pd.Series) -> Pemformat:
    """The :mod:`~lkip_helpers.format` function for one column, chosen from its label and values.

    "(Rp)" in the label: Rupiah; "(%)": percentage without the sign (the label carries it);
    a period column (:data:`KOLOM_PERIODE`): as written; other numbers: ``angka`` when all are
    whole, else ``desimal`` (2 decimals); anything else: text, "–" when missing.
    """
    nama = str(label)
    if "(Rp)" in nama:
        return fmt.rupiah
    if "(%)" in nama:
        return partial(fmt.persen, simbol=False)
    if nama in KOLOM_PERIODE:
        return _periode
    if _kolom_angka(values):
        return fmt.angka if _bulat(values) else fmt.desimal
    return format_sel


def _pemformat(df: pd.DataFrame, format_kolom: Mapping[Any, Pemformat] | None) -> dict:
    format_kolom = format_kolom or {}
    unknown = set(format_kolom) - set(df.columns)
    if unknown:
        raise KeyError(f"format_kolom names columns the table does not have: {sorted(map(str, unknown))}")
    return {kolom: format_kolom.get(kolom) or pemformat_kolom(kolom, df[kolom])
            for kolom in df.columns}


def _rata_kanan(pemformat: Pemformat, values: pd.Series) -> bool:
    """Numbers and periods are right-aligned; text is not."""
    return pemformat is _periode or (pemformat is not format_sel and _kolom_angka(values))


def sel_terformat(df: pd.DataFrame, format_kolom: Mapping[Any, Pemformat] | None = None) -> pd.DataFrame:
    """The table's cells as the reader sees them (formatted strings, not yet HTML-escaped)."""
    pemformat = _pemformat(df, format_kolom)
    return pd.DataFrame({k: [pemformat[k](v) for v in df[k]] for k in df.columns},
                        index=df.index, columns=df.columns, dtype=object)


def _teks_panjang(values: pd.Series) -> bool:
    return any(isinstance(v, str) and len(v) > PANJANG_MINIMAL for v in values)


def _baris_jumlah(row: pd.Series) -> list[str]:
    pertama = next((v for v in row if isinstance(v, str)), "")
    tebal = pertama.strip().lower() in LABEL_JUMLAH
    return [GAYA_JUMLAH if tebal else ""] * len(row)


def judul_tabel(judul: str, nomor: str | None = None) -> str:
    """The caption text: "Tabel 3.1 Target dan realisasi ..." (``nomor`` = "3.1")."""
    return f"Tabel {nomor} {judul}" if nomor else judul


def tabel(df: pd.DataFrame, judul: str, nomor: str | None = None,
          format_kolom: Mapping[Any, Pemformat] | None = None,
          rata_kanan: Iterable[Any] = ()) -> Styler:
    """The report style of a table (see the module docstring).

    ``df``: raw values with Indonesian column labels; ``judul``: what the table shows;
    ``nomor``: "X.Y" for the caption; ``format_kolom``: overrides of the per-column formatter
    (a function of :mod:`lkip_helpers.format`, or ``functools.partial`` of one);
    ``rata_kanan``: further columns to right-align (e.g. figures already formatted by
    :mod:`lkip_helpers.format` into text).
    """
    df = df.reset_index(drop=True)
    if df.columns.duplicated().any():
        raise ValueError(f"table {judul!r} has duplicate column labels")
    pemformat = _pemformat(df, format_kolom)
    styler = df.style.format(
        {k: (lambda v, f=f: _html.escape(f(v))) for k, f in pemformat.items()})
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    styler = styler.hide(axis="index").set_caption(_html.escape(judul_tabel(judul, nomor)))
    styler = styler.set_table_styles(GAYA_TABEL)
    kanan = [k for k in df.columns if k in set(rata_kanan) or _rata_kanan(pemformat[k], df[k])]
    if kanan:
        styler = styler.set_table_styles(
            {k: [{"selector": "td", "props": GAYA_ANGKA}, {"selector": "th", "props": GAYA_KANAN}]
             for k in kanan}, overwrite=False)
    panjang = [k for k in df.columns if pemformat[k] is format_sel and _teks_panjang(df[k])]
    if panjang:
        styler = styler.set_table_styles(
            {k: [{"selector": "td", "props": GAYA_TEKS_PANJANG}] for k in panjang}, overwrite=False)
    return styler.apply(_baris_jumlah, axis=1)


def html(styler: Styler) -> str:
    """The HTML fragment of a styled table (style block scoped to this table, then the table).

    The table id is derived from the content, so it is stable from run to run and two
    different tables never share one when chapters are joined into one page.
    """
    sidik = hashlib.sha1(styler.to_html(table_uuid="x").encode()).hexdigest()[:12]
    return styler.to_html(table_uuid=f"lkip{sidik}")


def teks(df: pd.DataFrame, judul: str, nomor: str | None = None,
         format_kolom: Mapping[Any, Pemformat] | None = None) -> str:
    """Plain-text version of :func:`tabel`: caption line, then the formatted cells."""
    sel = sel_terformat(df.reset_index(drop=True), format_kolom)
    return judul_tabel(judul, nomor) + "\n" + sel.to_string(index=False)


def gabung_keterangan(df: pd.DataFrame, kolom_nilai: str, kolom_keterangan: str) -> pd.DataFrame:
    """``df`` with each missing value of ``kolom_nilai`` replaced by its reason from
    ``kolom_keterangan`` (e.g. "belum ada data"), and the reason column dropped, so that one
    column tells the reader either the figure or why there is none."""
    nilai = [k if v is None and k is not None else v
             for v, k in zip(df[kolom_nilai], df[kolom_keterangan])]
    return df.assign(**{kolom_nilai: pd.Series(nilai, index=df.index, dtype=object)}).drop(
        columns=kolom_keterangan)


def tanpa_kolom_kosong(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` without the columns in which every value is missing (nothing to show there)."""
    return df[[k for k in df.columns if not all(fmt.kosong(v) for v in df[k])]]
