"""The numeric primitives (lkip_helpers.hitung): THE rounding rule and display-faithful floats.

An independent oracle of THE rounding rule on exact Fractions (no Decimal, no lkip_helpers)
checks that a percentage stored in a frame as ``ke_float(exact)`` shows, through
``format.persen``, exactly as the exact value does, and that the float stays within a few
units in the last place of the exact value. Deterministic hypothesis settings, as in
tests/test_property.py.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lkip_helpers import format as fmt, hitung

FAST = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

#: How far (in units in the last place) a display-faithful float may be from the exact value.
ULP_MAKS = 4


# --------------------------------------------------------------------------- the oracle


def _setengah_ke_atas(x: Fraction, desimal: int) -> int:
    """``x`` in units of 10**-desimal, rounded half away from zero (ROUND_HALF_UP)."""
    scaled = abs(x) * 10**desimal
    n = math.floor(scaled + Fraction(1, 2))
    return n if x >= 0 else -n


def aturan(x: Fraction, desimal: int = 2) -> int:
    """THE rounding rule, in units of 10**-desimal: half-up; not exactly 100 never shows 100;
    not exactly 0 never shows 0."""
    n = _setengah_ke_atas(x, desimal)
    seratus = 100 * 10**desimal
    if n == seratus and x != 100:
        n = seratus - 1 if x < 100 else seratus + 1
    elif n == 0 and x != 0:
        n = 1 if x > 0 else -1
    return n


def teks(n: int, desimal: int) -> str:
    """``n`` units of 10**-desimal written the Indonesian way: "1.234,50", "-0,01", "88"."""
    tanda = "-" if n < 0 else ""
    utuh, pecahan = divmod(abs(n), 10**desimal)
    hasil = f"{utuh:,}".replace(",", ".")
    if desimal:
        hasil += "," + str(pecahan).zfill(desimal)
    return tanda + hasil


def _ulp(f: float, exact: Fraction) -> Fraction:
    """|f - exact| in units of the last place of f."""
    return abs(Fraction(f) - exact) / Fraction(math.ulp(f))


def _periksa(exact: Decimal) -> None:
    """The display-faithful float of ``exact`` shows as ``exact`` does, and is close to it."""
    f = hitung.ke_float(exact)
    pecahan = Fraction(exact)
    assert isinstance(f, float) and math.isfinite(f)
    for d in (0, 1, 2):
        assert fmt.persen(f, desimal=d, simbol=False) == teks(aturan(pecahan, d), d), (exact, f, d)
        # plain numbers (no rules 2 and 3) are rounded half-up the same way (non-negative
        # only: a tiny negative number shows as "-0", see the report)
        if pecahan >= 0:
            assert fmt.angka(f, d) == teks(_setengah_ke_atas(pecahan, d), d), (exact, f, d)
    assert _ulp(f, pecahan) <= ULP_MAKS, (exact, f)


def test_oracle_on_the_documented_examples():
    assert teks(aturan(Fraction(37_876_900 * 100, 37_877_900)), 2) == "99,99"
    assert teks(aturan(Fraction(339_237_581 * 100, 484_635_653)), 2) == "70,00"
    assert teks(aturan(Fraction(47_214_705_470 * 100, 53_809_092_288)), 2) == "87,74"
    assert teks(aturan(Fraction(87745, 1000)), 2) == "87,75"
    assert teks(aturan(Fraction(-4, 1000)), 2) == "-0,01"
    assert teks(aturan(Fraction(1_000_042, 10_000)), 2) == "100,01"
    assert teks(aturan(Fraction(123_450)), 2) == "123.450,00"
    assert teks(aturan(Fraction(0)), 2) == "0,00" and teks(aturan(Fraction(100), 0), 0) == "100"
    assert teks(aturan(Fraction(9996, 100), 0), 0) == "99"
    assert teks(aturan(Fraction(1, 10**9), 1), 1) == "0,1"


# --------------------------------------------------------------------------- properties


@FAST
@given(q=st.integers(min_value=1, max_value=10**15), data=st.data())
@example(q=37_877_900, data=None)
def test_integer_percentages_show_as_the_exact_rule(q, data):
    p = 37_876_900 if data is None else data.draw(st.integers(min_value=0, max_value=2 * q))
    exact = hitung.persentase(p, q)
    assert isinstance(exact, Decimal)
    f = hitung.ke_float(exact)
    shown = fmt.persen(f, simbol=False)
    assert shown == teks(aturan(Fraction(100 * p, q)), 2)
    assert _ulp(f, Fraction(100 * p, q)) <= ULP_MAKS
    _periksa(exact)


#: Rounding boundaries: x.xx5 (2 decimals), x.x5 (1 decimal), x.5 (0 decimals) up to 200%,
#: and the two values rules 2 and 3 guard, 100 and 0.
BATAS = st.one_of(
    st.integers(min_value=0, max_value=39_999).map(lambda k: Fraction(2 * k + 1, 200)),
    st.integers(min_value=0, max_value=3_999).map(lambda k: Fraction(2 * k + 1, 20)),
    st.integers(min_value=0, max_value=399).map(lambda k: Fraction(2 * k + 1, 2)),
    st.sampled_from([Fraction(100), Fraction(0), Fraction(87745, 1000), Fraction(99995, 1000),
                     Fraction(100005, 1000), Fraction(5, 1000), Fraction(1005, 1000)]),
)


@st.composite
def dekat_batas(draw) -> Decimal:
    """A value at, or within 1e-15 of, a rounding boundary, as an exact Decimal."""
    batas = draw(BATAS)
    n = draw(st.integers(min_value=15, max_value=24))  # delta = m x 10**-n, |delta| <= 1e-15
    m = draw(st.one_of(st.just(0), st.integers(min_value=-(10 ** (n - 15)),
                                               max_value=10 ** (n - 15))))
    nilai = batas + Fraction(m, 10**n)
    # exact as a Decimal: nilai x 10**n is a whole number (batas has at most 3 decimals)
    return Decimal(f"{int(nilai * 10**n)}E-{n}")


@FAST
@given(exact=dekat_batas())
@example(exact=Decimal("87.745"))
@example(exact=Decimal("87.744999999999999"))
@example(exact=Decimal("99.999999999999999"))
@example(exact=Decimal("100.000000000000001"))
@example(exact=Decimal("1E-15"))
@example(exact=Decimal("-1E-15"))
@example(exact=Decimal("0"))
@example(exact=Decimal("100"))
def test_values_at_and_near_rounding_boundaries_show_as_the_exact_rule(exact):
    _periksa(exact)


def test_the_float_nearest_is_not_always_faithful():
    """Why ke_float exists: float(87.7449999999999999) is 87.745, which shows 87,75."""
    exact = Decimal("87.7449999999999999")
    assert fmt.persen(float(exact), simbol=False) == "87,75"
    assert fmt.persen(hitung.ke_float(exact), simbol=False) == "87,74"
    assert fmt.persen(float(Decimal("99.9999999999999999")), simbol=False) == "100,00"
    assert fmt.persen(hitung.ke_float(Decimal("99.9999999999999999")), simbol=False) == "99,99"


def test_huge_percentages_still_get_a_float():
    """Above about 7e13 a float cannot hold two decimals: the nearest float, no error (the
    exact value still shows by the rule)."""
    exact = hitung.persentase(10**13, 3)  # 333.333.333.333.333,33...%
    assert hitung.ke_float(exact) == float(exact)
    assert fmt.persen(exact, simbol=False) == teks(aturan(Fraction(10**15, 3)), 2)


# --------------------------------------------------------------------------- bulatkan_persen


@pytest.mark.parametrize("value, shown", [
    (Decimal(37_876_900 * 100) / Decimal(37_877_900), "99.99"),  # 99,9974: never 100,00
    (Decimal("99.996"), "99.99"),
    (Decimal(339_237_581 * 100) / Decimal(484_635_653), "70.00"),  # 69,998: half-up
    (Decimal(100) / Decimal(121_216_200), "0.01"),  # Rp1 of Rp121.216.200: never 0,00
    (Decimal("0.004"), "0.01"),
    (Decimal("100.004"), "100.01"),  # above 100 never shows 100,00
    (Decimal("-0.004"), "-0.01"),
    (Decimal("87.745"), "87.75"),
    (1.005, "1.01"),  # a float goes through its repr: 1.005, not 1.00499...
    (100, "100.00"), (0, "0.00"),
])
def test_bulatkan_persen_examples(value, shown):
    assert hitung.bulatkan_persen(value) == Decimal(shown)
    assert str(hitung.bulatkan_persen(value)) == shown


def test_bulatkan_persen_other_decimals_and_missing():
    assert hitung.bulatkan_persen(Decimal("99.96"), 1) == Decimal("99.9")
    assert hitung.bulatkan_persen(Decimal("99.6"), 0) == Decimal("99")
    assert hitung.bulatkan_persen(Decimal("0.4"), 0) == Decimal("1")
    assert hitung.bulatkan_persen(None) is None and hitung.bulatkan_persen(pd.NA) is None
    assert hitung.bulatkan(Decimal("99.996"), 2) == Decimal("100.00")  # no rule 2 here
    assert hitung.bulatkan(Decimal("262303919.28")) == Decimal(262_303_919)


# --------------------------------------------------------------------------- the primitives


def test_codes():
    assert (hitung.BELUM_ADA_DATA, hitung.TIDAK_DAPAT_DIHITUNG) == (
        "belum_ada_data", "tidak_dapat_dihitung")
    assert hitung.SERATUS == Decimal(100)


def test_kosong_and_conversions():
    assert [hitung.kosong(v) for v in (None, pd.NA, pd.NaT, float("nan"), Decimal("NaN"))] == [
        True] * 5
    assert [hitung.kosong(v) for v in (0, "", "NA", Decimal(0), False)] == [False] * 5
    assert hitung.ke_decimal(88.82) == Decimal("88.82")
    assert hitung.ke_decimal(" 1.5 ") == Decimal("1.5")
    assert hitung.ke_int(pd.array([7], dtype="Int64")[0]) == 7 and hitung.ke_int(None) is None
    with pytest.raises(ValueError):
        hitung.ke_int(Decimal("7.5"))
    with pytest.raises(TypeError):
        hitung.ke_decimal(False)
    assert math.isnan(hitung.ke_float(None)) and math.isnan(hitung.ke_float(pd.NA))


def test_jumlahkan_bagi_persentase():
    assert hitung.jumlahkan([53_809_092_288, 484_635_653]) == 54_293_727_941
    assert hitung.jumlahkan([1, None, 2]) is None  # a total with an unknown part is unknown
    assert hitung.jumlahkan([]) is None
    assert hitung.bagi(8418, 95) == Decimal(8418) / Decimal(95)
    assert hitung.bagi(1, 0) is None and hitung.bagi(None, 2) is None
    assert hitung.persentase(47_214_705_470, 53_809_092_288) == (
        Decimal(47_214_705_470) * 100 / Decimal(53_809_092_288))
    assert hitung.persentase(5, 0) is None and hitung.persentase(None, 5) is None


def test_series_helpers():
    s = hitung.seri_float([Decimal("87.745"), None, 3])
    assert str(s.dtype) == "Float64" and s.isna().tolist() == [False, True, False]
    assert fmt.persen(s[0], simbol=False) == "87,75" and s[2] == 3
    i = hitung.seri_int([1, None, 53_809_092_288], index=[5, 6, 7])
    assert str(i.dtype) == "Int64" and i[7] == 53_809_092_288 and pd.isna(i[6])
    assert i.index.tolist() == [5, 6, 7]
