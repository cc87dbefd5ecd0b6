"""The numeric primitives of every calculation, THE rounding rule, and display-faithful floats.

Calculations keep Rupiah and counts as whole numbers and compute percentages exactly
(:class:`~decimal.Decimal`, 28 significant digits, from the integer amounts): 87,74% is
47.214.705.470 x 100 / 53.809.092.288. Decisions (the kategori of the assessment scale, whether
a minimum is met) are taken on these exact values.

The tables the calculation modules return are tidy pandas frames with numeric dtypes, so
``plot``, ``describe`` and ``groupby`` work: Rupiah and counts ``Int64``, other figures
``Float64``. A float cannot hold 87,745 or 99,9999999999999 exactly, and a naive conversion
could then be shown rounded the wrong way. :func:`ke_float` therefore stores each exact value as
the float nearest to it that is *display-faithful*: read back through its shortest repr (as
:mod:`lkip_helpers.format` does), it rounds exactly as the exact value does, at 0, 1 and 2
decimals and under rules 2 and 3 below. The float differs from the exact value by at most a
few units in the last place; what the reader sees is what the exact value gives.

THE rounding rule (every percentage shown anywhere, :func:`bulatkan_persen`)
----------------------------------------------------------------------------
1. Round half-up (``ROUND_HALF_UP``, decimal arithmetic, never binary floats) to 2 decimals:
   69,998 -> 70,00; 87,745 -> 87,75.
2. A value that is not exactly 100 never shows as 100,00: it shows as 99,99 (below 100) or
   100,01 (above 100). 37.876.900 / 37.877.900 = 99,9974% shows 99,99%.
3. A value that is not exactly 0 never shows as 0,00: it shows as 0,01 (above 0) or -0,01
   (below 0). A realisation of Rp1 on a large allocation is not "nothing".

Other numbers (Rupiah that are not whole, ratios such as an efficiency index) are rounded
half-up to the digits shown, without rules 2 and 3 (:func:`bulatkan`).
"""

from __future__ import annotations

import math
import numbers
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable

import pandas as pd

SERATUS = Decimal(100)
_NOL = Decimal(0)

#: Status codes of a figure that has no value (a column ``keterangan`` holds them).
BELUM_ADA_DATA = "belum_ada_data"  # realisation not (yet) recorded
TIDAK_DAPAT_DIHITUNG = "tidak_dapat_dihitung"  # e.g. target 0: no ratio exists


def kosong(value: Any) -> bool:
    """True for None, pandas NA/NaT and float NaN: the value is missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (str, int)):  # text and whole numbers (bool too): never missing, and
        return False                   # the most frequent cells (pd.isna is slow on them)
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

    Floats (the workbook's number/percent columns, the frames' figures) go through their
    shortest repr, so 88.82 becomes Decimal("88.82") rather than the binary approximation.
    Booleans are refused.
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

    None if either is missing or the whole is 0. The one percentage formula of the project:
    absorption (serapan), capaian of a higher-is-better indicator and every share of a total.
    """
    pembilang = ke_decimal(bagian)
    return None if pembilang is None else bagi(pembilang * SERATUS, keseluruhan)


def bulatkan(value: Any, desimal: int = 0) -> Decimal | None:
    """``value`` rounded half-up to ``desimal`` decimals (decimal arithmetic); None if missing."""
    exact = ke_decimal(value)
    if exact is None:
        return None
    return exact.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def bulatkan_persen(value: Any, desimal: int = 2) -> Decimal | None:
    """A percentage rounded for display by THE rounding rule (see the module docstring).

    None (missing) stays None. ``desimal`` is the number of decimals shown (2 by default).
    """
    exact = ke_decimal(value)
    if exact is None:
        return None
    shown = bulatkan(exact, desimal)
    step = Decimal(1).scaleb(-desimal)
    if shown == SERATUS and exact != SERATUS:
        shown = SERATUS - step if exact < SERATUS else SERATUS + step
    elif shown == _NOL and exact != _NOL:
        shown = step if exact > _NOL else -step
    return bulatkan(shown, desimal)


def _tampilan(value: Decimal) -> tuple:
    """How ``value`` is shown at 0, 1 and 2 decimals, as a percentage and as a plain number."""
    return tuple(f(value, d) for d in (0, 1, 2) for f in (bulatkan_persen, bulatkan))


def ke_float(value: Any) -> float:
    """An exact value as a display-faithful float (module docstring); NaN when missing.

    The float nearest to the exact value is taken unless reading it back (shortest repr, as
    :mod:`lkip_helpers.format` does) would round differently from the exact value; then the
    next floats towards the exact value's side are tried, at most a few units in the last place.
    Values too large for a float to hold two decimals (above about 7e13) get the nearest float.
    """
    exact = ke_decimal(value)
    if exact is None:
        return math.nan
    nearest = float(exact)
    if not math.isfinite(nearest):
        return nearest
    wanted = _tampilan(exact)
    if _tampilan(Decimal(repr(nearest))) == wanted:
        return nearest
    below, above = nearest, nearest
    for _ in range(64):
        below, above = math.nextafter(below, -math.inf), math.nextafter(above, math.inf)
        for candidate in ((above, below) if exact > Decimal(repr(nearest)) else (below, above)):
            if _tampilan(Decimal(repr(candidate))) == wanted:
                return candidate
    # Beyond about 7e13 a float has no room for two decimals: no float can be faithful, and
    # such a figure (a percentage of trillions) is shown from its exact value or not at all.
    return nearest


def seri_float(values: Iterable[Any], index: Any = None) -> pd.Series:
    """Exact values as a ``Float64`` series of display-faithful floats (missing -> NA)."""
    data = [None if kosong(v) else ke_float(v) for v in values]
    return pd.Series(data, index=index, dtype="Float64")


def seri_int(values: Iterable[Any], index: Any = None) -> pd.Series:
    """Whole numbers as an ``Int64`` series (missing -> NA)."""
    return pd.Series([ke_int(v) for v in values], index=index, dtype="Int64")
