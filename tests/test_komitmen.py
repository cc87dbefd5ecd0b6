"""Perjanjian Kinerja commitments and their status (lkip_helpers.komitmen)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from builders import lkip_year
from lkip_helpers import komitmen as km, labels
from lkip_helpers.format import persen
from lkip_helpers.hitung import BELUM_ADA_DATA, TIDAK_DAPAT_DIHITUNG

PROGRAM = "Program Penunjang Urusan Pemerintahan Daerah Provinsi"
ANGGARAN = [  # Tabel 3.3 (second) totals, minimums from the Perjanjian Kinerja (lampiran B)
    dict(jenis="pendapatan", pagu=484_635_653, realisasi=339_237_581, serapan_minimal=90.0),
    dict(jenis="belanja", program=PROGRAM, pagu=53_809_092_288, realisasi=47_214_705_470,
         serapan_minimal=85.0),
]
IKU = dict(kode="IKU-1", sasaran="s", indikator="Meningkatnya pelayanan", satuan="%",
           polaritas="maksimal", target=100.0, realisasi=100.0)
KOMITMEN = [  # Perjanjian Kinerja items C-L of the seed (a selection), with made-up realisations
    dict(butir="C", uraian="e-Purchasing", pembanding="minimal", ambang=40.0, satuan="%",
         realisasi=40.0),
    dict(butir="D", uraian="Penyampaian LKIP", pembanding="paling_lambat",
         ambang_tanggal=pd.Timestamp("2023-02-04"), realisasi_tanggal=pd.Timestamp("2023-02-05")),
    dict(butir="E", uraian="Nilai SAKIP", pembanding="lebih_dari", ambang=70.0, realisasi=70.0),
    dict(butir="F", uraian="Rata-rata SKP", pembanding="minimal", ambang=90.0, satuan="%"),
    dict(butir="I", uraian="SRIKANDI", pembanding="paling_lambat",
         ambang_tanggal=pd.Timestamp("2023-01-31"), realisasi_tanggal=pd.Timestamp("2023-01-31")),
    dict(butir="J", uraian="Indeks Kepuasan Masyarakat", pembanding="minimal", ambang=76.61,
         realisasi=76.6, satuan="indeks"),
    dict(butir="L", uraian="Kerja sama", pembanding="tanpa_ambang", realisasi=3.0),
]


@pytest.fixture
def lkip():
    return lkip_year(profil={"serapan_minimal_total": 90.0}, indikator=[IKU], anggaran=ANGGARAN,
                     komitmen=KOMITMEN)


@pytest.mark.parametrize("pembanding, realisasi, ambang, expected", [
    ("minimal", 85, 85, km.TERCAPAI), ("minimal", 84.99, 85, km.TIDAK_TERCAPAI),
    ("lebih_dari", 70, 70, km.TIDAK_TERCAPAI), ("lebih_dari", 70.01, 70, km.TERCAPAI),
    ("maksimal", 5, 5, km.TERCAPAI), ("maksimal", 6, 5, km.TIDAK_TERCAPAI),
    ("kurang_dari", 5, 5, km.TIDAK_TERCAPAI), ("kurang_dari", 4, 5, km.TERCAPAI),
    ("minimal", None, 5, BELUM_ADA_DATA), ("minimal", 5, None, km.TANPA_AMBANG),
    ("tanpa_ambang", 5, 5, km.TANPA_AMBANG),
    ("paling_lambat", dt.date(2024, 2, 4), dt.date(2024, 2, 4), km.TERCAPAI),
    ("paling_lambat", pd.Timestamp("2024-02-05"), dt.date(2024, 2, 4), km.TIDAK_TERCAPAI),
])
def test_status(pembanding, realisasi, ambang, expected):
    assert km.status(pembanding, realisasi, ambang) == expected


def test_status_rejects_unknown_comparison():
    with pytest.raises(ValueError, match="pembanding"):
        km.status("sama_dengan", 1, 1)


def test_tabel_komitmen_has_all_groups(lkip):
    df = km.tabel_komitmen(lkip)
    assert list(df.columns) == km.KOLOM_KOMITMEN
    assert {k: str(df[k].dtype) for k in (km.K_AMBANG, km.K_REALISASI)} == {
        km.K_AMBANG: "Float64", km.K_REALISASI: "Float64"}
    assert all(str(df[k].dtype).startswith("datetime64")
               for k in (km.K_AMBANG_TANGGAL, km.K_REALISASI_TANGGAL))
    assert km.STATUS == ("tercapai", "tidak_tercapai", "belum_ada_data", "tanpa_ambang",
                         "tidak_dapat_dihitung")
    assert df[km.K_BUTIR].tolist() == ["A.1", "B.a", "B.b", "B.c", "C", "D", "E", "F", "I", "J",
                                       "L"]
    assert df[km.K_KELOMPOK].tolist()[:4] == [km.SASARAN] + [km.ANGGARAN] * 3
    assert df[km.K_STATUS].tolist() == [
        km.TERCAPAI,  # A: 100 of target 100
        km.TERCAPAI, km.TIDAK_TERCAPAI, km.TIDAK_TERCAPAI,  # belanja 87,74; pendapatan 70; 87,59
        km.TERCAPAI, km.TIDAK_TERCAPAI, km.TIDAK_TERCAPAI, BELUM_ADA_DATA, km.TERCAPAI,
        km.TIDAK_TERCAPAI, km.TANPA_AMBANG]


def test_budget_items_come_from_anggaran(lkip):
    df = km.tabel_komitmen(lkip).set_index(km.K_BUTIR)
    assert [persen(df.at[b, km.K_REALISASI]) for b in ("B.a", "B.b", "B.c")] == [
        "87,74%", "70,00%", "87,59%"]
    assert [df.at[b, km.K_AMBANG] for b in ("B.a", "B.b", "B.c")] == [85, 90, 90]
    # a date threshold lives in ambang_tanggal; ambang stays numeric (NA there)
    assert df.at["D", km.K_AMBANG_TANGGAL] == pd.Timestamp(2023, 2, 4)
    assert df.at["D", km.K_REALISASI_TANGGAL] == pd.Timestamp(2023, 2, 5)
    assert pd.isna(df.at["D", km.K_AMBANG]) and pd.isna(df.at["C", km.K_AMBANG_TANGGAL])
    assert df.at["J", km.K_REALISASI] == 76.6 and df.at["J", km.K_AMBANG] == 76.61


def test_budget_items_without_minimum_or_allocation():
    lkip = lkip_year(anggaran=[dict(jenis="belanja", program="P", pagu=0, realisasi=0,
                                    serapan_minimal=85.0),
                               dict(jenis="pendapatan", pagu=10, realisasi=None)])
    df = km.tabel_komitmen(lkip).set_index(km.K_BUTIR)
    assert df.at["B.a", km.K_STATUS] == TIDAK_DAPAT_DIHITUNG  # pagu 0
    # Derived items only from data that exists: revenue has no minimum, the profile sets no
    # minimum for both together, so neither is a commitment of this Perjanjian Kinerja.
    assert "B.b" not in df.index and "B.c" not in df.index


def test_budget_items_need_both_lines_for_the_total():
    only_spending = lkip_year(profil={"serapan_minimal_total": 90.0},
                              anggaran=[dict(jenis="belanja", program="P", pagu=100, realisasi=95,
                                             serapan_minimal=85.0)])
    assert list(km.tabel_komitmen(only_spending)[km.K_BUTIR]) == ["B.a"]


def test_lower_is_better_target_is_a_maximum():
    ind = dict(IKU, polaritas="minimal", target=10.0, realisasi=12.0)
    df = km.tabel_komitmen(lkip_year(indikator=[ind]))
    assert (df[km.K_PEMBANDING][0], df[km.K_STATUS][0]) == ("maksimal", km.TIDAK_TERCAPAI)


def test_comparisons_read_through_the_label_catalogue():
    # komitmen.PEMBANDING_TEKS is gone: labels.pembanding words the codes
    assert [labels.pembanding(p) for p in km.PEMBANDING] == [
        "paling sedikit (≥)", "lebih dari (>)", "paling banyak (≤)", "kurang dari (<)",
        "paling lambat", "tanpa ambang"]


def test_rekap_status(lkip):
    assert km.rekap_status(lkip) == {km.TERCAPAI: 4, km.TIDAK_TERCAPAI: 5, BELUM_ADA_DATA: 1,
                                     km.TANPA_AMBANG: 1, TIDAK_DAPAT_DIHITUNG: 0}


# --------------------------------------------------------------------------- embedded seed


def test_seed_komitmen(seed):
    df = km.tabel_komitmen(seed).set_index(km.K_BUTIR)
    assert df.index.tolist() == ["A.1", "B.a", "B.b", "B.c", "C", "D", "E", "F", "G.1a", "G.1b",
                                 "G.2a", "G.2b", "H", "I", "J", "K", "L"]
    assert df.at["A.1", km.K_STATUS] == km.TERCAPAI
    assert [df.at[b, km.K_STATUS] for b in ("B.a", "B.b", "B.c")] == [
        km.TERCAPAI, km.TIDAK_TERCAPAI, km.TIDAK_TERCAPAI]
    assert persen(df.at["B.c", km.K_REALISASI]) == "87,59%"
    assert df.at["D", km.K_AMBANG_TANGGAL] == pd.Timestamp(2023, 2, 4)
    assert df.at["J", km.K_AMBANG] == 76.61 and pd.isna(df.at["J", km.K_REALISASI])
    assert df.at["L", km.K_STATUS] == km.TANPA_AMBANG
    # the report gives no realisation for items C-K
    assert km.rekap_status(seed) == {km.TERCAPAI: 2, km.TIDAK_TERCAPAI: 2, BELUM_ADA_DATA: 12,
                                     km.TANPA_AMBANG: 1, TIDAK_DAPAT_DIHITUNG: 0}
