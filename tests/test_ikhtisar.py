"""Headline figures computed once (lkip_helpers.ikhtisar) and the summary that shows them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lkip_helpers import ikhtisar, narrative
from lkip_helpers.hitung import bulatkan_persen


@pytest.fixture(scope="module")
def utama(seed):
    return ikhtisar.angka_utama(seed)


def test_seed_headline_figures(utama):
    a = utama
    assert (a.unit, a.tahun) == ("biro-umum-ntt", 2023)
    assert a.nama_unit == "Biro Umum Sekretariat Daerah Provinsi Nusa Tenggara Timur"
    assert a.jumlah_indikator == 1
    assert a.capaian == Decimal(100) and isinstance(a.capaian, Decimal)
    assert a.kategori == "Sangat Berhasil" and a.skala.nama == "sakip_ordinal"
    assert (a.target_keluaran, a.keluaran, a.capaian_keluaran) == (180, 180, Decimal(100))


def test_seed_budget(utama):
    r = utama.anggaran
    assert (r.belanja.pagu, r.belanja.realisasi) == (53_809_092_288, 47_214_705_470)
    assert utama.serapan == Decimal(47_214_705_470) * 100 / Decimal(53_809_092_288)
    assert bulatkan_persen(utama.serapan) == Decimal("87.74")
    assert r.belanja.memenuhi is True and r.belanja.serapan_minimal == 85
    assert (r.pendapatan.pagu, r.pendapatan.realisasi) == (484_635_653, 339_237_581)
    assert bulatkan_persen(r.pendapatan.serapan) == Decimal("70.00")
    assert r.pendapatan.memenuhi is False
    assert utama.efisiensi.biaya_per_keluaran == Decimal(47_214_705_470) / 180


def test_seed_assets_staff_and_commitments(utama):
    assert utama.jumlah_aset == 8418
    assert utama.kendaraan_per_pejabat == Decimal("4.3")
    assert (utama.jumlah_pns, utama.jumlah_pegawai, utama.jumlah_pejabat) == (95, 95, 10)
    t = utama.pendidikan_terbanyak
    assert (t.nama, t.jumlah) == ("SLTA/SMK/KPAA", 58)
    assert t.persen == Decimal(58) * 100 / Decimal(95)
    assert bulatkan_persen(t.persen) == Decimal("61.05")
    assert utama.komitmen == {"tercapai": 2, "tidak_tercapai": 2, "belum_ada_data": 12,
                              "tanpa_ambang": 1, "tidak_dapat_dihitung": 0}
    assert list(utama.komitmen) == ["tercapai", "tidak_tercapai", "belum_ada_data",
                                    "tanpa_ambang", "tidak_dapat_dihitung"]


def test_summary_table_shows_the_same_figures(seed):
    df = narrative.tabel_ikhtisar(seed)
    assert list(df.columns) == [narrative.K_BAB, narrative.K_UKURAN, narrative.K_NILAI,
                                narrative.K_PENILAIAN]
    rows = {u: (n, p) for u, n, p in zip(df[narrative.K_UKURAN], df[narrative.K_NILAI],
                                         df[narrative.K_PENILAIAN])}
    assert rows["Capaian indikator kinerja"] == ("100,00%", "Sangat Berhasil")
    assert rows["Keluaran terlaksana dari rencana"] == ("180 dari 180", "capaian 100,00%")
    assert rows["Realisasi belanja"] == ("Rp47.214.705.470 (87,74%)",
                                         "memenuhi batas minimal 85,00%")
    assert rows["Realisasi pendapatan"] == ("Rp339.237.581 (70,00%)",
                                            "belum memenuhi batas minimal 90,00%")
    assert rows["Indeks efisiensi (capaian ÷ serapan)"] == ("1,14", "")
    assert rows["Catatan inventaris"] == ("8.418", "6 kategori, masing-masing dengan satuannya")
    assert "Biaya per keluaran" not in rows  # outputs are not linked to the kegiatan
    assert rows["Jumlah PNS"] == ("95", "terbanyak SLTA/SMK/KPAA (61,05%)")
    assert rows["Butir komitmen"] == (
        "17", "2 tercapai, 2 tidak tercapai, 12 belum ada data, 1 tanpa ambang")


def test_summary_paragraphs_show_the_same_figures(seed):
    teks = narrative.narasi_ikhtisar(seed)
    for bagian in ("capaian kinerja tahun 2023 adalah 100,00%", "**Sangat Berhasil**",
                   "180 dari 180 keluaran", "Realisasi belanja mencapai Rp47.214.705.470 dari "
                   "pagu Rp53.809.092.288 (serapan 87,74%)", "batas minimal 85,00%",
                   "Pendapatan terealisasi 70,00%", "batas minimal 90,00%",
                   "2 tercapai, 2 tidak tercapai, 12 belum ada data, 1 tanpa ambang"):
        assert bagian in teks, bagian
