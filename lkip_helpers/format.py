"""Indonesian number and date formatting (Babel, locale ``id_ID``), and THE rounding rule.

Everything a reader sees as a number or a date is produced here: ``rupiah`` ("Rp53.809.092.288"),
``angka`` ("8.418"), ``persen`` ("87,74%"), ``desimal`` ("87,74"), ``tanggal`` ("27 Februari
2024"). Missing values (None, pandas NA/NaT, NaN) show as :data:`KOSONG` ("–"); the status texts
:data:`BELUM_ADA_DATA` and :data:`TIDAK_DAPAT_DIHITUNG` pass through unchanged, so a column may
hold either a number or one of them.

The calculation modules keep Rupiah as ``int`` and percentages as exact :class:`~decimal.Decimal`
(0-100 scale); :func:`ke_decimal`, :func:`ke_int` and :func:`persentase` are the shared numeric
primitives they build on, so a percentage is computed in exactly one way.

The rounding rule (applies to every percentage shown anywhere, via :func:`bulatkan_persen`)
--------------------------------------------------------------------------------------------
1. Round half-up (``ROUND_HALF_UP``, decimal arithmetic, never binary floats) to 2 decimals:
   69,998 -> 70,00; 87,745 -> 87,75.
2. A value that is not exactly 100 never shows as 100,00: it shows as 99,99 (below 100) or
   100,01 (above 100). 37.876.900 / 37.877.900 = 99,9974% shows 99,99%.
3. A value that is not exactly 0 never shows as 0,00: it shows as 0,01 (above 0) or -0,01
   (below 0). A realisation of Rp1 on a large allocation is not "nothing".

Decisions (kategori of the assessment scale, "tercapai" of a commitment, "memenuhi" of a budget
minimum) are taken on the exact value; rounding is for display only. Other numbers (Rupiah
that are not whole, ratios such as an efficiency index) are rounded half-up to the digits
shown, without rules 2 and 3.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Iterable

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "id_ID"

#: Shown for a missing value.
KOSONG = "–"
#: Status of a figure whose realisation is not (yet) recorded.
BELUM_ADA_DATA = "belum ada data"
#: Status of a figure that cannot be computed (e.g. target 0, so no ratio exists).
TIDAK_DAPAT_DIHITUNG = "tidak dapat dihitung"
STATUS_TEKS = (BELUM_ADA_DATA, TIDAK_DAPAT_DIHITUNG)

SERATUS = Decimal(100)
_NOL = Decimal(0)


def kosong(value: Any) -> bool:
    """True for None, pandas NA/NaT and float NaN: the value is missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Decimal):
        return value.is_nan()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def ke_decimal(value: Any) -> Decimal | None:
    """``value`` as an exact Decimal, or None when it is missing.

    Floats (the workbook's number/percent columns) go through their shortest repr, so 88.82
    becomes Decimal("88.82") rather than the binary approximation. Booleans are refused.
    """
    if kosong(value):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got the boolean {value!r}")
    if isinstance(value, numbers.Integral):  # int, numpy integers
        return Decimal(int(value))
    if isinstance(value, numbers.Real):  # float, numpy floats
        return Decimal(repr(float(value)))
    if isinstance(value, str):
        return Decimal(value.strip())
    raise TypeError(f"expected a number, got {value!r}")


def ke_int(value: Any) -> int | None:
    """``value`` (a whole number such as a Rupiah amount or a count) as an int, or None."""
    if kosong(value):
        return None
    number = ke_decimal(value)
    if number != number.to_integral_value():
        raise ValueError(f"expected a whole number, got {value!r}")
    return int(number)


def jumlahkan(values: Iterable[Any]) -> int | None:
    """Sum of whole numbers (counts, Rupiah); None when there are none or any is missing.

    A total with an unknown part is unknown: it is never shown as the sum of the known parts.
    """
    whole = [ke_int(v) for v in values]
    if not whole or any(v is None for v in whole):
        return None
    return sum(whole)


def bagi(pembilang: Any, penyebut: Any) -> Decimal | None:
    """The exact ratio ``pembilang / penyebut``; None if either is missing or the divisor is 0."""
    a, b = ke_decimal(pembilang), ke_decimal(penyebut)
    if a is None or b is None or b == 0:
        return None
    return a / b


def persentase(bagian: Any, keseluruhan: Any) -> Decimal | None:
    """The exact percentage ``bagian / keseluruhan x 100``.

    None if either is missing or the whole is 0.

    The one percentage formula of the project: absorption (serapan), capaian of a
    higher-is-better indicator and every share of a total are this.
    """
    pembilang = ke_decimal(bagian)
    return None if pembilang is None else bagi(pembilang * SERATUS, keseluruhan)


def _bulatkan(value: Decimal, desimal: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def bulatkan_persen(value: Any, desimal: int = 2) -> Decimal | None:
    """A percentage rounded for display by THE rounding rule (see the module docstring).

    None (missing) stays None. ``desimal`` is the number of decimals shown (2 by default).
    """
    exact = ke_decimal(value)
    if exact is None:
        return None
    shown = _bulatkan(exact, desimal)
    step = Decimal(1).scaleb(-desimal)
    if shown == SERATUS and exact != SERATUS:
        shown = SERATUS - step if exact < SERATUS else SERATUS + step
    elif shown == _NOL and exact != _NOL:
        shown = step if exact > _NOL else -step
    return _bulatkan(shown, desimal)


def _pola(desimal: int) -> str:
    return "#,##0" + ("." + "0" * desimal if desimal > 0 else "")


def _angka_atau_teks(formatter: Callable[..., str]) -> Callable[..., str]:
    """Wrap a number formatter: missing -> KOSONG; text (a status such as BELUM_ADA_DATA) as is."""
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
    return format_decimal(_bulatkan(ke_decimal(x), desimal), format=_pola(desimal), locale=LOCALE)


def desimal(x: Any, n: int = 2) -> str:
    """A number with ``n`` decimals: ``desimal(1.1397) == "1,14"`` (ratios, indices)."""
    return angka(x, n)


@_angka_atau_teks
def rupiah(x: Any) -> str:
    """A Rupiah amount, whole, no space: ``rupiah(53809092288) == "Rp53.809.092.288"``.

    Amounts that are not whole (e.g. a cost per output) are rounded half-up to the Rupiah.
    """
    whole = _bulatkan(ke_decimal(x), 0)
    return format_currency(whole, "IDR", format="¤#,##0", currency_digits=False, locale=LOCALE)


@_angka_atau_teks
def persen(x: Any, desimal: int = 2, simbol: bool = True) -> str:
    """A percentage (0-100 scale) by THE rounding rule: ``persen(87.7447) == "87,74%"``.

    ``simbol=False`` leaves out the "%" (for table columns whose header already says "(%)").
    Status texts such as :data:`BELUM_ADA_DATA` are returned unchanged.
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
