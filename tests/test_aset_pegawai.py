"""Asset inventory and staff tables (lkip_helpers.aset, lkip_helpers.pegawai)."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from builders import lkip_year
from lkip_helpers import aset, pegawai
from lkip_helpers.format import desimal, persen

ASET = [  # Tabel 3.4 of the seed
    dict(kategori="Tanah", golongan_kib="A", jumlah=35, satuan="Bidang"),
    dict(kategori="Peralatan dan Mesin/Kendaraan", golongan_kib="B", jumlah=43,
         satuan="Kendaraan"),
    dict(kategori="Alat Kantor dan Rumah Tangga", golongan_kib="B", jumlah=8284,
         satuan="Barang rumah tangga & peralatan kantor"),
    dict(kategori="Bangunan dan Gedung", golongan_kib="C", jumlah=25, satuan="Bangunan"),
    dict(kategori="Jalan, Irigasi dan Jaringan", golongan_kib="D", jumlah=27,
         satuan="Jaringan/ irigasi"),
    dict(kategori="Aset Tetap Lainnya", golongan_kib="E", jumlah=4, satuan="Aset lainnya"),
]
BAGIAN = [dict(bagian="Bagian Rumah Tangga", jumlah=37), dict(bagian="Bagian Tata Usaha", jumlah=35),
          dict(bagian="Bagian Administrasi Keuangan dan Aset", jumlah=23)]
PENDIDIKAN = [dict(jenjang=j, uraian=u, jumlah=n) for j, u, n in (  # Tabel 1.1, order shuffled
    ("SLTA", "SLTA/SMK/KPAA", 58), ("S2", "S2", 3), ("S1", "S1", 28), ("D-III", "D-III", 5),
    ("SLTP", "SLTP", 1), ("SD", "SD", 0))]
GOLONGAN = [dict(golongan=g, jumlah=n) for g, n in (  # Tabel 1.2
    ("I/d", 1), ("IV/c", 0), ("IV/b", 2), ("IV/a", 1), ("III/d", 9), ("III/c", 8), ("III/b", 24),
    ("III/a", 15), ("II/d", 8), ("II/c", 14), ("II/b", 12), ("II/a", 1), ("I/a", 0))]
JABATAN = [  # Tabel 1.3
    dict(jabatan="Eselon II", jenis_jabatan="struktural", jumlah=1, laki_laki=1, perempuan=0),
    dict(jabatan="Eselon III", jenis_jabatan="struktural", jumlah=3, laki_laki=3, perempuan=0),
    dict(jabatan="Eselon IV", jenis_jabatan="struktural", jumlah=1, laki_laki=0, perempuan=1),
    dict(jabatan="Pejabat Fungsional", jenis_jabatan="fungsional", jumlah=5, laki_laki=3,
         perempuan=2),
]


@pytest.fixture
def lkip():
    return lkip_year(aset=ASET, pegawai_bagian=BAGIAN, pegawai_pendidikan=PENDIDIKAN,
                     pegawai_golongan=GOLONGAN, pegawai_jabatan=JABATAN)


# --------------------------------------------------------------------------- aset


def test_tabel_aset_counts_and_shares(lkip):
    df = aset.tabel_aset(lkip, jumlah=True)
    assert list(df.columns) == [aset.K_KATEGORI, aset.K_GOLONGAN_KIB, aset.K_JUMLAH,
                                aset.K_SATUAN, pegawai.K_PERSENTASE,  # no value/condition
                                "jumlah_dinyatakan", "jumlah_sumber"]  # nothing stated: NA
    assert df["jumlah_dinyatakan"].isna().all() and df["jumlah_sumber"].isna().all()
    assert (str(df[aset.K_JUMLAH].dtype), str(df[aset.K_PERSENTASE].dtype)) == ("Int64", "Float64")
    assert df[aset.K_JUMLAH].tolist() == [35, 43, 8284, 25, 27, 4, 8418]
    assert aset.tabel_aset(lkip)[aset.K_JUMLAH].tolist() == [35, 43, 8284, 25, 27, 4]  # no total
    assert persen(df[aset.K_PERSENTASE][2]) == "98,41%"
    assert persen(df[pegawai.K_PERSENTASE][6]) == "100,00%"
    assert df[aset.K_KATEGORI].tolist()[-1] == pegawai.JUMLAH
    assert sum(df[pegawai.K_PERSENTASE][:-1]) == pytest.approx(100)
    assert aset.ringkasan_kondisi(lkip) is None and aset.nilai_aset(lkip) is None


def test_tabel_aset_with_value_and_condition():
    rows = [dict(ASET[0], nilai=1_000_000, kondisi_baik=30, kondisi_rusak_ringan=5),
            dict(ASET[1], nilai=2_500_000, kondisi_baik=33, kondisi_rusak_berat=10)]
    lkip = lkip_year(aset=rows)
    df = aset.tabel_aset(lkip, jumlah=True)
    assert [aset.K_NILAI, aset.K_BAIK, aset.K_RUSAK_RINGAN, aset.K_RUSAK_BERAT] == list(
        df.columns[5:9])
    assert list(df.attrs["dinyatakan"]) == [aset.K_JUMLAH, aset.K_NILAI, aset.K_BAIK,
                                            aset.K_RUSAK_RINGAN, aset.K_RUSAK_BERAT]
    assert df.iloc[-1][aset.K_NILAI] == 3_500_000 and df.iloc[-1][aset.K_BAIK] == 63
    assert pd.isna(df.iloc[-1][aset.K_RUSAK_RINGAN])  # one category does not record it
    assert (str(df[aset.K_NILAI].dtype), str(df[aset.K_BAIK].dtype)) == ("Int64", "Int64")
    kondisi = aset.ringkasan_kondisi(lkip)
    assert (kondisi.baik, kondisi.rusak_ringan, kondisi.rusak_berat, kondisi.tercatat) == (
        63, 5, 10, 78)
    assert persen(kondisi.persen_baik) == "80,77%"
    assert aset.nilai_aset(lkip) == 3_500_000


def test_rasio_aset(lkip):
    r = aset.rasio_aset(lkip)
    assert (r.jumlah_aset, r.jumlah_kendaraan, r.jumlah_pejabat, r.jumlah_pns) == (
        8418, 43, 10, 95)
    assert r.kendaraan_per_pejabat == Decimal("4.3")
    assert desimal(r.aset_per_pns) == "88,61"


def test_rasio_aset_without_staff_or_vehicles():
    r = aset.rasio_aset(lkip_year(aset=ASET[:1]))
    assert r.jumlah_kendaraan is None and r.jumlah_pns is None
    assert r.kendaraan_per_pejabat is None and r.aset_per_pns is None
    empty = aset.tabel_aset(lkip_year(), jumlah=True)  # empty sheet: no total row of nothing
    assert empty.empty and list(empty.columns) == [aset.K_KATEGORI, aset.K_GOLONGAN_KIB,
                                                   aset.K_JUMLAH, aset.K_SATUAN,
                                                   aset.K_PERSENTASE]


# --------------------------------------------------------------------------- pegawai


def test_tabel_bagian(lkip):
    df = pegawai.tabel_bagian(lkip, jumlah=True)
    assert df[pegawai.K_JUMLAH].tolist() == [37, 35, 23, 95]
    assert df[pegawai.K_BAGIAN].tolist()[-1] == pegawai.JUMLAH
    assert persen(df[pegawai.K_PERSENTASE][0]) == "38,95%"
    assert len(pegawai.tabel_bagian(lkip)) == 3  # the total row is opt-in


def test_tabel_pendidikan_ordered_with_shares(lkip):
    df = pegawai.tabel_pendidikan(lkip, jumlah=True)
    assert df[pegawai.K_JENJANG].tolist() == ["S2", "S1", "D-III", "SLTA", "SLTP", "SD",
                                              pegawai.JUMLAH]
    slta = df[df[pegawai.K_JENJANG] == "SLTA"].iloc[0]
    assert (slta[pegawai.K_URAIAN], slta[pegawai.K_JUMLAH]) == ("SLTA/SMK/KPAA", 58)
    assert persen(slta[pegawai.K_PERSENTASE]) == "61,05%"
    assert df.iloc[-1][pegawai.K_JUMLAH] == 95
    assert persen(df[df[pegawai.K_JENJANG] == "SD"].iloc[0][pegawai.K_PERSENTASE]) == "0,00%"


def test_tabel_golongan_ordered_from_iv_e(lkip):
    df = pegawai.tabel_golongan(lkip, jumlah=False)
    assert df[pegawai.K_GOLONGAN].tolist() == [
        "IV/c", "IV/b", "IV/a", "III/d", "III/c", "III/b", "III/a", "II/d", "II/c", "II/b",
        "II/a", "I/d", "I/a"]
    assert sum(df[pegawai.K_JUMLAH]) == 95
    assert persen(df[df[pegawai.K_GOLONGAN] == "III/b"].iloc[0][pegawai.K_PERSENTASE]) == "25,26%"


def test_tabel_jabatan_by_gender(lkip):
    df = pegawai.tabel_jabatan(lkip, jumlah=True)
    assert list(df.columns) == pegawai.KOLOM_JABATAN + [
        f"{k}_{s}" for k in ("jumlah", "laki_laki", "perempuan") for s in ("dinyatakan", "sumber")]
    assert list(pegawai.tabel_jabatan(lkip).columns) == pegawai.KOLOM_JABATAN
    assert len(pegawai.tabel_jabatan(lkip)) == 4
    assert {str(df[k].dtype) for k in (pegawai.K_JUMLAH, pegawai.K_LAKI_LAKI,
                                       pegawai.K_PEREMPUAN)} == {"Int64"}
    total = df.iloc[-1]
    assert (total[pegawai.K_JABATAN], total[pegawai.K_JUMLAH], total[pegawai.K_LAKI_LAKI],
            total[pegawai.K_PEREMPUAN]) == (pegawai.JUMLAH, 10, 7, 3)
    assert total[pegawai.K_JENIS_JABATAN] is None


def test_totals(lkip):
    assert pegawai.jumlah_pns(lkip) == 95
    assert pegawai.jumlah_pegawai(lkip) == 95
    assert pegawai.jumlah_pejabat(lkip) == 10
    only_rank = lkip_year(pegawai_golongan=GOLONGAN)
    assert pegawai.jumlah_pns(only_rank) == 95 and pegawai.jumlah_pegawai(only_rank) == 95
    assert pegawai.jumlah_pejabat(only_rank) is None
    assert pegawai.tabel_jabatan(only_rank, jumlah=True).empty  # no total row of nothing


# --------------------------------------------------------------------------- embedded seed


def test_seed_aset(seed):
    df = aset.tabel_aset(seed, jumlah=True)
    assert df[aset.K_JUMLAH].tolist() == [35, 43, 8284, 25, 27, 4, 8418]
    assert persen(df[aset.K_PERSENTASE][2]) == "98,41%"
    r = aset.rasio_aset(seed)
    assert (r.jumlah_kendaraan, r.jumlah_pejabat, r.jumlah_pns) == (43, 10, 95)
    assert desimal(r.kendaraan_per_pejabat) == "4,30" and desimal(r.aset_per_pns) == "88,61"


def test_seed_pegawai(seed):
    pendidikan = pegawai.tabel_pendidikan(seed, jumlah=True).set_index(pegawai.K_JENJANG)
    assert persen(pendidikan.at["SLTA", pegawai.K_PERSENTASE]) == "61,05%"
    assert pendidikan.at[pegawai.JUMLAH, pegawai.K_JUMLAH] == 95
    golongan = pegawai.tabel_golongan(seed, jumlah=True)
    assert golongan[pegawai.K_GOLONGAN].tolist()[:2] == ["IV/c", "IV/b"]
    assert golongan[pegawai.K_GOLONGAN].tolist()[-2:] == ["I/a", pegawai.JUMLAH]
    assert golongan.iloc[-1][pegawai.K_JUMLAH] == 95
    jabatan = pegawai.tabel_jabatan(seed, jumlah=True).iloc[-1]
    assert (jabatan[pegawai.K_JUMLAH], jabatan[pegawai.K_LAKI_LAKI],
            jabatan[pegawai.K_PEREMPUAN]) == (10, 7, 3)
    # the report says 104 staff; its sections add up to 95 (the review flags the difference)
    assert pegawai.jumlah_pegawai(seed) == 95
