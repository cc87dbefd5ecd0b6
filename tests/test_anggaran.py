"""Budget absorption, minimums, trend and efficiency (lkip_helpers.anggaran)."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from builders import lkip_year
from lkip_helpers import anggaran as a, narrative
from lkip_helpers.format import desimal, persen, rupiah
from lkip_helpers.hitung import bulatkan_persen

PROGRAM = "Program Penunjang Urusan Pemerintahan Daerah Provinsi"
KEGIATAN = [  # Tabel 3.3 (second) of the seed: kegiatan, pagu, realisasi, stated %
    ("Perencanaan dan Evaluasi Kinerja Perangkat Daerah", 37_877_900, 37_876_900, 99.99),
    ("Administrasi Umum Perangkat Daerah", 16_447_819_900, 13_658_392_671, 83.04),
    ("Pengadaan Barang Milik Daerah", 121_216_200, 0, 0.0),
    ("Penyediaan Jasa Penunjang Urusan Pemerintah Daerah", 20_097_197_201, 18_852_560_631, 93.81),
    ("Pemeliharaan Barang Milik Daerah", 4_712_974_000, 3_748_914_865, 79.54),
    ("Administrasi Keuangan dan Operasional KDH/ WKDH", 3_173_459_200, 2_863_458_812, 90.23),
    ("Fasilitasi Kerumahtangaan Sekretariat Daerah", 8_204_727_887, 7_273_651_696, 88.65),
    ("Fasilitasi Materi dan Komunikasi Pimpinan", 1_013_820_000, 779_849_895, 76.92),
]
ANGGARAN = (
    [dict(jenis="pendapatan", pagu=484_635_653, realisasi=339_237_581, persen_dinyatakan=70.0,
          serapan_minimal=90.0),
     dict(jenis="belanja", program=PROGRAM, pagu=53_809_092_288, realisasi=47_214_705_470,
          persen_dinyatakan=87.74, serapan_minimal=85.0)]
    + [dict(jenis="belanja", program=PROGRAM, kegiatan=k, pagu=p, realisasi=r,
            persen_dinyatakan=s) for k, p, r, s in KEGIATAN]
)
RIWAYAT_ANGGARAN = [  # Bab III A.2 of the seed
    dict(tahun=2020, pagu=116_943_082_326, realisasi=103_454_484_027, persen_dinyatakan=88.05),
    dict(tahun=2021, pagu=111_617_829_255, realisasi=102_309_636_358, persen_dinyatakan=91.66),
    dict(tahun=2022, pagu=62_755_193_270, realisasi=59_473_648_921, persen_dinyatakan=94.77),
]
IKU = dict(kode="IKU-1", sasaran="s", indikator="i", satuan="%", polaritas="maksimal",
           target=100.0, realisasi=100.0)
KELUARAN = [dict(kode_indikator="IKU-1", keluaran=f"k{n}", satuan="kali", target=n, realisasi=n)
            for n in (12, 24, 36, 108)]


@pytest.fixture
def lkip():
    return lkip_year(profil={"serapan_minimal_total": 90.0}, anggaran=ANGGARAN,
                     riwayat_anggaran=RIWAYAT_ANGGARAN, indikator=[IKU], keluaran=KELUARAN)


def test_serapan_is_exact_from_integer_rupiah():
    assert a.serapan(53_809_092_288, 47_214_705_470) == (
        Decimal(47_214_705_470) * 100 / Decimal(53_809_092_288))
    assert a.serapan(121_216_200, 0) == 0
    assert a.serapan(0, 5) is None and a.serapan(5, None) is None
    assert a.sisa_anggaran(53_809_092_288, 47_214_705_470) == 6_594_386_818
    assert a.sisa_anggaran(10, None) is None


def test_memenuhi_minimal_on_exact_values():
    assert a.memenuhi_minimal(Decimal("85"), 85) is True
    assert a.memenuhi_minimal(Decimal("89.996"), 90) is False  # shows 90,00% but is below
    assert a.memenuhi_minimal(None, 90) is None and a.memenuhi_minimal(Decimal(1), None) is None


def test_tabel_anggaran_per_activity(lkip):
    df = a.tabel_anggaran(lkip)
    assert list(df.columns) == a.KOLOM_ANGGARAN
    assert (a.K_PAGU, a.K_SERAPAN, a.K_SERAPAN_TERTULIS) == ("pagu", "serapan", "serapan_dinyatakan")
    assert {k: str(df[k].dtype) for k in (a.K_PAGU, a.K_REALISASI, a.K_SISA, a.K_SERAPAN,
                                          a.K_SERAPAN_MINIMAL, a.K_MEMENUHI)} == {
        a.K_PAGU: "Int64", a.K_REALISASI: "Int64", a.K_SISA: "Int64", a.K_SERAPAN: "Float64",
        a.K_SERAPAN_MINIMAL: "Float64", a.K_MEMENUHI: "boolean"}
    assert df.attrs["jenis"] == {a.K_REALISASI: "rupiah"}  # Rupiah here, a measure elsewhere
    assert df[a.K_URAIAN].tolist() == ["Pendapatan", PROGRAM] + [k for k, _, _, _ in KEGIATAN]
    shown = [persen(x, simbol=False) for x in df[a.K_SERAPAN]]
    assert shown == ["70,00", "87,74", "99,99", "83,04", "0,00", "93,81", "79,54", "90,23",
                     "88,65", "76,92"]
    # the computed figures agree with those the report prints (to 2 decimals)
    assert [bulatkan_persen(x) for x in df[a.K_SERAPAN]] == [
        bulatkan_persen(x) for x in df[a.K_SERAPAN_TERTULIS]]
    assert df[a.K_TINGKAT].tolist() == [a.JUMLAH, a.PROGRAM] + [a.KEGIATAN] * 8
    assert df[a.K_LEVEL].tolist() == [0, 0] + [1] * 8
    assert df[a.K_SUBTOTAL].tolist() == [False, True] + [False] * 8  # the program lists 8
    assert not df[a.K_DITAMBAHKAN].any()  # every line is stated
    assert df[a.K_MEMENUHI].tolist()[:2] == [False, True]
    assert df[a.K_MEMENUHI].isna().tolist() == [False, False] + [True] * 8  # no minimum set
    assert df[a.K_SISA][1] == 6_594_386_818 and df[a.K_SISA][4] == 121_216_200
    assert df[a.K_KEGIATAN][0] is None and df[a.K_PROGRAM][0] is None


def test_ringkasan(lkip):
    r = a.ringkasan(lkip)
    assert (r.belanja.pagu, r.belanja.realisasi, r.belanja.sisa) == (
        53_809_092_288, 47_214_705_470, 6_594_386_818)
    assert persen(r.belanja.serapan) == "87,74%" and r.belanja.memenuhi is True
    assert r.belanja.serapan_minimal == 85
    assert persen(r.pendapatan.serapan) == "70,00%" and r.pendapatan.memenuhi is False
    assert r.pendapatan.sisa == 145_398_072
    assert r.total.pagu == 54_293_727_941 and r.total.realisasi == 47_553_943_051
    assert persen(r.total.serapan) == "87,59%" and r.total.memenuhi is False
    assert [p.uraian for p in r.tanpa_realisasi] == ["Pengadaan Barang Milik Daerah"]
    assert r.serapan_terendah.uraian == "Fasilitasi Materi dan Komunikasi Pimpinan"
    assert persen(r.serapan_terendah.serapan) == "76,92%"


def test_ringkasan_sums_activities_when_no_total_is_stated():
    lines = [row for row in ANGGARAN if row.get("kegiatan")][:2] + [
        dict(jenis="belanja", program="Program B", kegiatan="X", pagu=1_000, realisasi=None)]
    r = a.ringkasan(lkip_year(anggaran=lines))
    assert r.belanja.pagu == 37_877_900 + 16_447_819_900 + 1_000
    assert r.belanja.realisasi is None and r.belanja.serapan is None  # one part unknown
    assert r.pendapatan is None and r.total.pagu == r.belanja.pagu
    assert r.total.serapan_minimal is None and r.total.memenuhi is None


def test_tren_anggaran(lkip):
    df = a.tren_anggaran(lkip)
    assert df[a.K_TAHUN].tolist() == [2020, 2021, 2022, 2023]
    assert [persen(x) for x in df[a.K_SERAPAN]] == ["88,47%", "91,66%", "94,77%", "87,74%"]
    # the report states 88,05% for 2020; the computation gives 88,47%
    assert persen(df[a.K_SERAPAN_TERTULIS][0]) == "88,05%"
    assert df[a.K_SUMBER][3] == a.SUMBER_ANGGARAN and pd.isna(df[a.K_SERAPAN_TERTULIS][3])
    assert df[a.K_PAGU].tolist() == [116_943_082_326, 111_617_829_255, 62_755_193_270,
                                     53_809_092_288]
    assert str(df[a.K_PAGU].dtype) == "Int64" and str(df[a.K_PERUBAHAN_PAGU].dtype) == "Float64"
    assert df.attrs["jenis"] == {a.K_REALISASI: "rupiah"}
    # the stated figure and where it is stated, for the table's footnote (tables.tabel)
    assert df.attrs["dinyatakan"] == {a.K_SERAPAN: (a.K_SERAPAN_TERTULIS, a.K_SUMBER)}
    assert pd.isna(df[a.K_PERUBAHAN_PAGU][0])
    assert persen(df[a.K_PERUBAHAN_PAGU][3]) == "-14,26%"  # 62,76 -> 53,81 billion


def test_efisiensi(lkip):
    e = a.efisiensi(lkip)
    assert e.capaian_kinerja == 100 and persen(e.serapan_anggaran) == "87,74%"
    assert e.indeks_efisiensi == Decimal(100) / e.serapan_anggaran
    assert desimal(e.indeks_efisiensi) == "1,14"
    assert e.sisa_anggaran == 6_594_386_818
    assert (e.target_keluaran, e.keluaran_terealisasi) == (180, 180)
    assert e.biaya_per_keluaran == Decimal(47_214_705_470) / 180
    assert rupiah(e.biaya_per_keluaran) == "Rp262.303.919"
    assert rupiah(e.pagu_per_keluaran) == "Rp298.939.402"  # 298.939.401,6


def test_efisiensi_without_outputs_or_indicators():
    e = a.efisiensi(lkip_year(anggaran=ANGGARAN[1:2]))
    assert e.capaian_kinerja is None and e.indeks_efisiensi is None
    assert e.biaya_per_keluaran is None and e.keluaran_terealisasi is None
    assert e.realisasi_belanja == 47_214_705_470


def test_formulas_are_stated_for_readers():
    # the wording moved from anggaran.RUMUS to narrative.RUMUS
    assert narrative.RUMUS["serapan"] == "Serapan (%) = Realisasi ÷ Pagu × 100"
    assert narrative.RUMUS["sisa"] == "Sisa anggaran (Rp) = Pagu − Realisasi"
    assert "indeks_efisiensi" in narrative.RUMUS
    assert not {"biaya_per_keluaran", "pagu_per_keluaran"} & set(narrative.RUMUS)


# --------------------------------------------------------------------------- embedded seed


def test_seed_absorption_per_line(seed):
    df = a.tabel_anggaran(seed)
    assert [persen(x, simbol=False) for x in df[a.K_SERAPAN]] == [
        "70,00", "87,74", "99,99", "83,04", "0,00", "93,81", "79,54", "90,23", "88,65", "76,92"]
    assert df[a.K_PAGU][1] == 53_809_092_288 and df[a.K_REALISASI][1] == 47_214_705_470
    assert df[a.K_SISA][1] == 6_594_386_818
    assert df[a.K_SERAPAN_TERTULIS][1] == 87.74 and df[a.K_MEMENUHI][1]
    # the program total equals the sum of its activities
    assert sum(df[a.K_PAGU][2:]) == df[a.K_PAGU][1]
    assert sum(df[a.K_REALISASI][2:]) == df[a.K_REALISASI][1]


def test_seed_ringkasan(seed):
    r = a.ringkasan(seed)
    assert r.belanja.sisa == 6_594_386_818 and r.belanja.memenuhi is True
    assert persen(r.pendapatan.serapan) == "70,00%" and r.pendapatan.memenuhi is False
    assert r.total.pagu == 54_293_727_941 and persen(r.total.serapan) == "87,59%"
    assert r.total.serapan_minimal == 90 and r.total.memenuhi is False
    assert [p.pagu for p in r.tanpa_realisasi] == [121_216_200]
    assert r.serapan_terendah.uraian == "Fasilitasi Materi dan Komunikasi Pimpinan"


def test_seed_tren_and_efisiensi(seed):
    tren = a.tren_anggaran(seed)
    assert tren[a.K_TAHUN].tolist() == [2020, 2021, 2022, 2023]
    assert [persen(x) for x in tren[a.K_SERAPAN]] == ["88,47%", "91,66%", "94,77%", "87,74%"]
    assert [persen(x) for x in tren[a.K_SERAPAN_TERTULIS]] == [
        "88,05%", "91,66%", "94,77%", "87,74%"]
    e = a.efisiensi(seed)
    assert desimal(e.indeks_efisiensi) == "1,14"
    assert rupiah(e.biaya_per_keluaran) == "Rp262.303.919"
    assert rupiah(e.sisa_anggaran) == "Rp6.594.386.818"
