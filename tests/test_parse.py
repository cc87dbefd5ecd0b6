"""Cell parsing: every accepted number/date style, and the rejections."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_helpers.format import persen, rupiah
from lkip_helpers.parse import ParseError, parse_cell
from lkip_helpers.schema import SHEETS_BY_NAME

PAGU = SHEETS_BY_NAME["anggaran"].column("pagu")  # rupiah
PERSEN = SHEETS_BY_NAME["anggaran"].column("persen_dinyatakan")  # percent
JUMLAH = SHEETS_BY_NAME["aset"].column("jumlah")  # int
TARGET = SHEETS_BY_NAME["indikator"].column("target")  # number, allow_suffix
NILAI = SHEETS_BY_NAME["total_dinyatakan"].column("nilai")  # number, no suffix
TANGGAL = SHEETS_BY_NAME["profil"].column("tanggal_laporan")  # date
TAHUN = SHEETS_BY_NAME["riwayat_anggaran"].column("tahun")  # year
JENJANG = SHEETS_BY_NAME["pegawai_pendidikan"].column("jenjang")  # choice
GOLONGAN = SHEETS_BY_NAME["pegawai_golongan"].column("golongan")  # choice
URAIAN = SHEETS_BY_NAME["komitmen"].column("uraian")  # text


@pytest.mark.parametrize("text, expected", [
    ("53.809.092.288", 53_809_092_288),
    ("Rp 1.234.567", 1_234_567),
    ("Rp. 53.809.092.288,-", 53_809_092_288),
    ("Rp53.809.092.288", 53_809_092_288),
    ("Rp. 484.635.653.-", 484_635_653),
    ("1.234.567,00", 1_234_567),
    ("53,809,092,288", 53_809_092_288),
    ("1,234,567.00", 1_234_567),
    ("1.234", 1_234),
    ("37877900", 37_877_900),
    ("-", 0),
    ("\u2013", 0),
    (" 16.447.819.900 ", 16_447_819_900),
    (53809092288, 53_809_092_288),
    (53809092288.0, 53_809_092_288),
])
def test_rupiah_styles(text, expected):
    value = parse_cell(text, PAGU)
    assert value == expected and isinstance(value, int)


@pytest.mark.parametrize("text", ["1.234.567,50", "12,5", "87,74%", "abc", "1.23.4", "Rp",
                                  "100 (seratus)", "1.2345", True])
def test_rupiah_rejections(text):
    with pytest.raises(ParseError, match="^expected a whole Rupiah amount"):
        parse_cell(text, PAGU)


@pytest.mark.parametrize("column", [PAGU, JUMLAH])
def test_single_comma_thousands_is_refused_in_whole_number_columns(column):
    with pytest.raises(ParseError, match="write 1,000 as 1.000 .thousands. or 1 .no decimals."):
        parse_cell("1,000", column)
    assert parse_cell("1,00", column) == 1  # two decimals: clearly the decimal comma


def test_rupiah_negative_parses_for_the_validator():
    assert parse_cell("-5.000", PAGU) == -5000


@pytest.mark.parametrize("value, fmt, expected", [
    ("87,74%", "General", Decimal("87.74")),
    ("87,74", "General", Decimal("87.74")),
    ("87.74", "General", Decimal("87.74")),
    ("88,05 %", "General", Decimal("88.05")),
    ("99.99", "General", Decimal("99.99")),
    (0.8774, "0.00%", Decimal("87.74")),
    (1, "0%", Decimal("100")),
    (87.74, "0.00", Decimal("87.74")),
    (70, "General", Decimal("70")),
    ("-", "General", Decimal("0")),
])
def test_percent_styles(value, fmt, expected):
    assert parse_cell(value, PERSEN, fmt) == expected


@pytest.mark.parametrize("text", ["87,74 persen", "Rp 5", "seratus", "100 % (180 Kegiatan)"])
def test_percent_rejections(text):
    with pytest.raises(ParseError, match="^expected a percentage"):
        parse_cell(text, PERSEN)


@pytest.mark.parametrize("text, expected", [
    ("100 % (180 Kegiatan)", Decimal("100")),
    ("100% (180 Kegiatan)", Decimal("100")),
    ("122,3", Decimal("122.3")),
    ("122,3%", Decimal("122.3")),
    ("286 %", Decimal("286")),
    ("1,5", Decimal("1.5")),  # the ambiguity rule: a single comma is the decimal comma
    ("0,500", Decimal("0.500")),  # "1,234" is refused as ambiguous (tests/test_misreads.py)
    ("1,2340", Decimal("1.234")),
    ("1.234", Decimal("1234")),  # a dot followed by three digits groups thousands
    ("0.500", Decimal("0.500")),
    ("1,234.56", Decimal("1234.56")),
    ("1.234,56", Decimal("1234.56")),
])
def test_number_styles(text, expected):
    assert parse_cell(text, TARGET) == expected


def test_suffix_only_where_allowed():
    assert parse_cell("54.293.727.941", NILAI) == Decimal("54293727941")
    with pytest.raises(ParseError, match="^expected a number"):
        parse_cell("95 orang", NILAI)


@pytest.mark.parametrize("value, expected", [
    ("8.284", 8284), ("8284", 8284), (8284, 8284), (8284.0, 8284), ("-", 0), ("1.234,00", 1234),
])
def test_int_styles(value, expected):
    assert parse_cell(value, JUMLAH) == expected


@pytest.mark.parametrize("value", ["8,5", 8.5, "delapan", dt.date(2023, 1, 1), "50%"])
def test_int_rejections(value):
    with pytest.raises(ParseError, match="^expected a whole number"):
        parse_cell(value, JUMLAH)


@pytest.mark.parametrize("value", [
    dt.date(2024, 2, 27), dt.datetime(2024, 2, 27, 0, 0), "2024-02-27", "27/02/2024",
    "27-02-2024", "27.02.2024", "27 Februari 2024", "27 february 2024", "27 Feb 2024",
    " 27  FEBRUARI  2024 ",
])
def test_date_styles(value):
    assert parse_cell(value, TANGGAL) == dt.date(2024, 2, 27)


def test_indonesian_month_names():
    assert parse_cell("4 Agustus 2023", TANGGAL) == dt.date(2023, 8, 4)
    assert parse_cell("1 Mei 2023", TANGGAL) == dt.date(2023, 5, 1)
    assert parse_cell("31 Desember 2022", TANGGAL) == dt.date(2022, 12, 31)


@pytest.mark.parametrize("value", ["31/02/2024", "2024/27/02", "Februari 2024", "27 Febr 2024",
                                   45349, "kemarin"])
def test_date_rejections(value):
    with pytest.raises(ParseError, match="^expected a date"):
        parse_cell(value, TANGGAL)


@pytest.mark.parametrize("value", [2023, 2023.0, "2023", " 2023 "])
def test_year_styles(value):
    assert parse_cell(value, TAHUN) == 2023


@pytest.mark.parametrize("value", ["23", "2023x", 20233, 2023.5, "2.023"])
def test_year_rejections(value):
    with pytest.raises(ParseError, match="^expected a four-digit year"):
        parse_cell(value, TAHUN)


def test_choice_is_case_insensitive_and_canonical():
    assert parse_cell("slta", JENJANG) == "SLTA"
    assert parse_cell(" d-iii ", JENJANG) == "D-III"
    assert parse_cell("iii/b", GOLONGAN) == "III/b"
    with pytest.raises(ParseError, match="^expected one of: S3, S2, S1"):
        parse_cell("SMA", JENJANG)


def test_text_strips_the_formula_guard():
    assert parse_cell("'=SUM(A1:A3)", URAIAN) == "=SUM(A1:A3)"
    assert parse_cell("'-5 persen", URAIAN) == "-5 persen"
    assert parse_cell("'Tis", URAIAN) == "'Tis"  # an apostrophe that is not a guard stays
    assert parse_cell(2023.0, URAIAN) == "2023"


def test_blanks_and_dashes():
    assert parse_cell(None, PAGU) is None
    assert parse_cell("   ", PAGU) is None
    assert parse_cell("-", URAIAN) is None  # blank outside number columns
    assert parse_cell("-", TANGGAL) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_round_trip_through_the_indonesian_format(amount):
    assert parse_cell(rupiah(amount), PAGU) == amount
    if amount >= 1_000_000 or amount < 1000:  # "1,000" alone is refused as ambiguous
        assert parse_cell(f"{amount:,}", PAGU) == amount  # English grouping


@given(st.decimals(min_value=0, max_value=1000, places=2))
def test_percent_round_trip_through_the_indonesian_format(value):
    assert parse_cell(persen(value), PERSEN) == value
