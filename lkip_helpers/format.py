"""Indonesian number and date formatting (Babel, locale ``id_ID``): what a reader sees.

Everything a reader sees as a number or a date is produced here: ``rupiah`` ("Rp53.809.092.288"),
``angka`` ("8.418"), ``persen`` ("87,74%"), ``desimal`` ("87,74"), ``tanggal`` ("27 Februari
2024"). Missing values (None, pandas NA/NaT, NaN) show as :data:`KOSONG` ("–"); text passes
unchanged, so a column may hold either a number or a status already put into words.

Percentages follow THE rounding rule of :func:`lkip_helpers.hitung.bulatkan_persen` (half-up
to 2 decimals; not exactly 100 never shows 100,00; not exactly 0 never shows 0,00), applied to
the exact value: a Decimal from the calculations, or a display-faithful float of their tidy
frames (:func:`lkip_helpers.hitung.ke_float`), read back through its shortest repr.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Callable

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from .hitung import SERATUS, bulatkan, bulatkan_persen, ke_decimal, kosong

LOCALE = "id_ID"

#: Shown for a missing value.
KOSONG = "–"


def _pola(desimal: int) -> str:
    return "#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def _angka_atau_teks(formatter: Callable[..., str]) -> Callable[..., str]:
    """Wrap a number formatter: missing -> KOSONG; text (e.g. a status in words) as is."""
    @functools.wraps(formatter)
    def wrapped(x: Any, *args: Any, **kwargs: Any) -> str:
        if kosong(x):
            return KOSONG
        if isinstance(x, str):
            return x
        return formatter(x, *args, **kwargs)
    return wrapped


@_angka_atau_teks
def angka(x: Any, desimal: int = 0) -> str:
    """A number the Indonesian way: ``angka(8418) == "8.418"``; ``angka(4.3, 2) == "4,30"``.

    Rounded half-up to ``desimal`` decimals. Not for percentages (use :func:`persen`).
    """
    return format_decimal(bulatkan(ke_decimal(x), desimal), format=_pola(desimal), locale=LOCALE)


def desimal(x: Any, n: int = 2) -> str:
    """A number with ``n`` decimals: ``desimal(1.1397) == "1,14"`` (ratios, indices)."""
    return angka(x, n)


@_angka_atau_teks
def rupiah(x: Any) -> str:
    """A Rupiah amount, whole, no space: ``rupiah(53809092288) == "Rp53.809.092.288"``.

    Amounts that are not whole (e.g. a cost per output) are rounded half-up to the Rupiah.
    """
    whole = bulatkan(ke_decimal(x), 0)
    return format_currency(whole, "IDR", format="¤#,##0", currency_digits=False, locale=LOCALE)


@_angka_atau_teks
def persen(x: Any, desimal: int = 2, simbol: bool = True) -> str:
    """A percentage (0-100 scale) by THE rounding rule: ``persen(87.7447) == "87,74%"``.

    ``simbol=False`` leaves out the "%" (for table columns whose header already says "(%)").
    Text (a status already in words) is returned unchanged.
    """
    shown = bulatkan_persen(x, desimal)
    if not simbol:
        return format_decimal(shown, format=_pola(desimal), locale=LOCALE)
    return format_percent(shown / SERATUS, format=_pola(desimal) + "%", locale=LOCALE)


def tanggal(d: Any) -> str:
    """A date in Indonesian, day month year: ``tanggal(date(2024, 2, 27)) == "27 Februari 2024"``.

    Accepts date, datetime, pandas Timestamp and ISO strings ("2024-02-27").
    """
    if kosong(d):
        return KOSONG
    if isinstance(d, str):
        d = dt.date.fromisoformat(d.strip())
    if isinstance(d, pd.Timestamp):
        d = d.to_pydatetime()
    if isinstance(d, dt.datetime):
        d = d.date()
    return format_date(d, format="d MMMM y", locale=LOCALE)
