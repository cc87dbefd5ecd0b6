"""Indonesian formatting (lkip_helpers.format) and THE rounding rule (lkip_helpers.hitung)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from lkip_helpers import format as fmt, hitung


@pytest.mark.parametrize("realisasi, pagu, shown", [
    (37_876_900, 37_877_900, "99,99%"),  # 99,9974: never 100,00 unless exactly 100
    (339_237_581, 484_635_653, "70,00%"),  # 69,998: half-up to 70,00
    (47_214_705_470, 53_809_092_288, "87,74%"),
    (13_658_392_671, 16_447_819_900, "83,04%"),
    (0, 121_216_200, "0,00%"),
    (1, 121_216_200, "0,01%"),  # above 0 never shows as 0,00
    (180, 180, "100,00%"),
])
def test_seed_percentages(realisasi, pagu, shown):
    assert fmt.persen(hitung.persentase(realisasi, pagu)) == shown
    # the tidy frames hold display-faithful floats: they show the same
    assert fmt.persen(hitung.seri_float([hitung.persentase(realisasi, pagu)])[0]) == shown


def test_rounding_rule_is_half_up_on_decimals():
    assert hitung.bulatkan_persen(Decimal("87.745")) == Decimal("87.75")  # Babel alone: 87,74
    assert hitung.bulatkan_persen(Decimal("87.7449")) == Decimal("87.74")
    assert hitung.bulatkan_persen(1.005) == Decimal("1.01")  # float 1.005 is 1.00499... in binary
    assert hitung.bulatkan_persen(Decimal("99.996")) == Decimal("99.99")
    assert hitung.bulatkan_persen(Decimal("100.004")) == Decimal("100.01")
    assert hitung.bulatkan_persen(Decimal("-0.004")) == Decimal("-0.01")
    assert hitung.bulatkan_persen(100) == Decimal("100.00")
    assert hitung.bulatkan_persen(0) == Decimal("0.00")
    assert hitung.bulatkan_persen(Decimal("99.996"), desimal=1) == Decimal("99.9")
    assert hitung.bulatkan_persen(None) is None


def test_persen_variants():
    assert fmt.persen(286) == "286,00%"
    assert fmt.persen(Decimal("1234.5")) == "1.234,50%"
    assert fmt.persen(Decimal("87.7447"), simbol=False) == "87,74"
    assert fmt.persen(Decimal("61.0526"), desimal=1) == "61,1%"
    assert fmt.persen("belum ada data") == "belum ada data"  # text (a code in words) as is
    assert fmt.persen(pd.NA) == fmt.KOSONG == "–"


def test_rupiah():
    assert fmt.rupiah(53_809_092_288) == "Rp53.809.092.288"
    assert fmt.rupiah(np.int64(6_594_386_818)) == "Rp6.594.386.818"
    assert fmt.rupiah(Decimal(47_214_705_470) / 180) == "Rp262.303.919"  # 262.303.919,28
    assert fmt.rupiah(Decimal("0.5")) == "Rp1"  # half-up to the Rupiah
    assert fmt.rupiah(0) == "Rp0"
    assert fmt.rupiah(None) == "–"


def test_angka_and_desimal():
    assert fmt.angka(8418) == "8.418"
    assert fmt.angka(pd.array([95], dtype="Int64")[0]) == "95"
    assert fmt.angka(4.3, 2) == "4,30"
    assert fmt.angka(Decimal("2.5")) == "3"
    assert fmt.desimal(Decimal(100) / Decimal("87.74")) == "1,14"
    assert fmt.desimal(Decimal(8418) / 95) == "88,61"
    assert fmt.angka(pd.NA) == "–"


def test_tanggal():
    assert fmt.tanggal(dt.date(2024, 2, 27)) == "27 Februari 2024"
    assert fmt.tanggal(pd.Timestamp("2023-12-07")) == "7 Desember 2023"
    assert fmt.tanggal(dt.datetime(2022, 12, 31, 10, 0)) == "31 Desember 2022"
    assert fmt.tanggal("2023-02-04") == "4 Februari 2023"
    assert fmt.tanggal(pd.NaT) == "–"


def test_conversions():
    assert not hasattr(fmt, "BELUM_ADA_DATA") and not hasattr(fmt, "STATUS_TEKS")
    assert hitung.ke_decimal(pd.array([88.82], dtype="Float64")[0]) == Decimal("88.82")
    assert hitung.ke_decimal(np.int64(7)) == Decimal(7)
    assert hitung.ke_decimal(float("nan")) is None
    assert hitung.ke_int(pd.array([None], dtype="Int64")[0]) is None
    assert hitung.ke_int(12.0) == 12
    with pytest.raises(ValueError):
        hitung.ke_int(12.5)
    with pytest.raises(TypeError):
        hitung.ke_decimal(True)
    assert hitung.persentase(5, 0) is None
    assert hitung.persentase(None, 5) is None
