"""Capaian, defensibly (issue 9): formula and polarity per indicator, the optional cap, negative
results and realisation 0, and the unit's overall capaian stated under the capaian table."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from builders import INDIKATOR_KECIL, edit_small_unit, lkip_year, write_clean
from lkip_helpers import ikhtisar, kinerja as k, narrative
from lkip_helpers.hitung import BELUM_ADA_DATA, bulatkan_persen
from lkip_helpers.load import load_year

MAKS = dict(kode="IKU-1", indikator="Persentase layanan selesai", satuan="%",
            polaritas="maksimal", target=100.0, realisasi=100.0)
#: Lower is better: T = 88,82, R = 135,15 gives 65,72% (T/R) and 47,84% ((2T-R)/T).
MIN = dict(kode="IKU-2", indikator="Rata-rata waktu tunggu layanan", satuan="menit",
           polaritas="minimal", target=88.82, realisasi=135.15)
#: What must never reach a sentence: a missing value's repr, or the table's dash for "none".
FORBIDDEN = re.compile(r"\bNone\b|\bnan\b|\bNaN\b|\bNA\b|–| - ")


def _persen(x) -> Decimal:
    return bulatkan_persen(x)


def _bersih(teks: str) -> None:
    assert not FORBIDDEN.search(teks), FORBIDDEN.search(teks)


# --------------------------------------------------------------------------- formulas


def test_unit_default_and_per_row_override():
    default = lkip_year(indikator=[MAKS, MIN])
    assert [k.rumus_untuk(default, r) for r in default.indikator.itertuples()] == ["R/T", "T/R"]
    unit = lkip_year(profil={"rumus_polaritas_minimal": "(2T-R)/T"}, indikator=[MAKS, MIN])
    assert k.tabel_capaian(unit)[k.K_RUMUS].tolist() == ["R/T", "(2T-R)/T"]
    # the row's own choice wins over the unit default, both ways
    baris = lkip_year(profil={"rumus_polaritas_minimal": "(2T-R)/T"},
                      indikator=[MAKS, dict(MIN, rumus_capaian="T/R")])
    df = k.tabel_capaian(baris)
    assert df[k.K_RUMUS].tolist() == ["R/T", "T/R"]
    assert _persen(df[k.K_CAPAIAN][1]) == Decimal("65.72")
    rincian = k.agregasi_capaian(baris).rincian
    assert [i.rumus_sendiri for i in rincian] == [False, True]


@pytest.mark.parametrize("rumus, expected, kategori, kata", [
    ("T/R", "65.72", "Cukup Berhasil", "Capaian (%) = Target ÷ Realisasi × 100"),
    ("(2T-R)/T", "47.84", "Belum Berhasil",
     "Capaian (%) = (2 × Target − Realisasi) ÷ Target × 100"),
])
def test_lower_is_better_with_each_formula_stated_in_the_report(rumus, expected, kategori, kata):
    for lkip in (lkip_year(profil={"rumus_polaritas_minimal": rumus}, indikator=[MIN]),
                 lkip_year(indikator=[dict(MIN, rumus_capaian=rumus)])):
        df = k.tabel_capaian(lkip)
        assert _persen(df[k.K_CAPAIAN][0]) == Decimal(expected)
        assert df[k.K_KATEGORI][0] == kategori and df[k.K_RUMUS][0] == rumus
        teks = narrative.narasi_capaian(lkip)
        assert kata in teks and "berpolaritas minimal (makin rendah makin baik)" in teks
        assert f"capaian {expected.replace('.', ',')}%" in teks
        _bersih(teks)


def test_formula_that_does_not_fit_the_polarity_is_shown_with_its_reason():
    lkip = lkip_year(indikator=[MAKS, dict(MIN, kode="IKU-3", rumus_capaian="R/T")])
    df = k.tabel_capaian(lkip)
    assert df[k.K_CAPAIAN].isna().tolist() == [False, True]
    assert df[k.K_KETERANGAN][1] == k.RUMUS_TIDAK_SESUAI
    a = k.agregasi_capaian(lkip)
    assert [i.kode for i in a.dikecualikan] == ["IKU-3"] and a.nilai == Decimal(100)
    teks = narrative.narasi_capaian(lkip)
    assert ("**Rata-rata waktu tunggu layanan**, karena rumus R/T yang tercatat tidak sesuai "
            "dengan polaritas minimal (makin rendah makin baik)") in teks
    with pytest.raises(ValueError, match="rumus"):
        k.capaian(1, 1, rumus="R-T")


# --------------------------------------------------------------------------- aggregation rules


def test_cap_counts_the_cap_and_shows_the_computed_value():
    ind = [MAKS, dict(MAKS, kode="IKU-2", indikator="Jumlah kegiatan", satuan="kegiatan",
                      target=10.0, realisasi=15.0)]
    tanpa = k.agregasi_capaian(lkip_year(indikator=ind))
    assert tanpa.batas is None and tanpa.nilai == Decimal(125) and not tanpa.disesuaikan
    lkip = lkip_year(profil={"batas_capaian": 120.0}, indikator=ind)
    a = k.agregasi_capaian(lkip)
    assert a.batas == Decimal(120) and a.nilai == Decimal(110) and a.metode == k.RATA_RATA
    assert [i.kode for i in a.dibatasi] == ["IKU-2"] and a.disesuaikan
    df = k.tabel_capaian(lkip)
    assert df[k.K_CAPAIAN].tolist() == [100, 150]  # shown as computed
    assert df[k.K_CAPAIAN_DIPERHITUNGKAN].tolist() == [100, 120]  # counted capped
    assert df[k.K_PERLAKUAN].tolist() == [None, k.DIBATASI]
    teks = narrative.narasi_capaian(lkip)
    assert "batas capaian 120,00%" in teks and "**Jumlah kegiatan** (capaian 150,00%)" in teks
    assert "yaitu 110,00% (**Sangat Berhasil**)" in teks
    # no cap and a capaian above 100%: the report says it counts as is
    assert "tidak menetapkan batas capaian" in narrative.narasi_capaian(lkip_year(indikator=ind))


def test_negative_result_is_shown_and_counted_as_zero_with_the_reason():
    neg = dict(MIN, target=5.0, realisasi=12.0, rumus_capaian="(2T-R)/T")  # (10 - 12) / 5
    lkip = lkip_year(indikator=[MAKS, neg])
    df = k.tabel_capaian(lkip)
    assert df[k.K_CAPAIAN][1] == -40 and df[k.K_KATEGORI][1] == "Belum Berhasil"
    assert df[k.K_CAPAIAN_DIPERHITUNGKAN][1] == 0 and df[k.K_PERLAKUAN][1] == k.NEGATIF_NOL
    a = k.agregasi_capaian(lkip)
    assert a.nilai == Decimal(50) and [i.kode for i in a.negatif] == ["IKU-2"]
    teks = narrative.narasi_capaian(lkip)
    assert "Capaian negatif" in teks and "dihitung sebagai 0%" in teks
    assert "**Rata-rata waktu tunggu layanan** (capaian -40,00%)" in teks


def test_realisation_zero_with_t_over_r_is_excluded_and_listed():
    nol = dict(MIN, target=5.0, realisasi=0.0)
    lkip = lkip_year(indikator=[MAKS, nol])
    df = k.tabel_capaian(lkip)
    assert df[k.K_CAPAIAN].isna().tolist() == [False, True]
    assert df[k.K_KETERANGAN][1] == k.REALISASI_NOL
    assert df[k.K_PERLAKUAN][1] == k.TIDAK_DIPERHITUNGKAN
    a = k.agregasi_capaian(lkip)
    assert a.nilai == Decimal(100) and [(i.kode, i.alasan) for i in a.dikecualikan] == [
        ("IKU-2", k.REALISASI_NOL)]
    teks = narrative.narasi_capaian(lkip)
    assert ("Tidak diikutkan dalam rata-rata: **Rata-rata waktu tunggu layanan**, karena "
            "realisasinya 0, sehingga Target ÷ Realisasi tidak menghasilkan angka.") in teks
    # with (2T-R)/T the same row has a capaian (200%)
    assert k.capaian(5, 0, "minimal", "(2T-R)/T").nilai == Decimal(200)


def test_no_indicator_counts():
    lkip = lkip_year(indikator=[dict(MAKS, realisasi=None)])
    a = k.agregasi_capaian(lkip)
    assert a.nilai is None and a.dikecualikan[0].alasan == BELUM_ADA_DATA
    teks = narrative.narasi_capaian(lkip)
    assert "capaian kinerja unit kerja belum dapat dinyatakan" in teks
    assert "realisasinya belum dicatat dalam lembar kerja" in teks
    _bersih(teks)


def test_the_statement_names_formulas_cap_and_exclusions_once():
    lkip = lkip_year(profil={"batas_capaian": 120.0}, indikator=[
        MAKS, dict(MAKS, kode="IKU-2", indikator="Jumlah kegiatan", satuan="kegiatan",
                   target=10.0, realisasi=15.0),
        dict(MIN, kode="IKU-3", rumus_capaian="(2T-R)/T"),
        dict(MIN, kode="IKU-4", indikator="Jumlah keluhan", satuan="keluhan", target=5.0,
             realisasi=0.0)])
    teks = narrative.narasi_capaian(lkip)
    for kata in ("Capaian (%) = Realisasi ÷ Target × 100",
                 "Capaian (%) = (2 × Target − Realisasi) ÷ Target × 100",
                 "Capaian (%) = Target ÷ Realisasi × 100", "rata-rata hitung",
                 "dari 3 indikator", "batas capaian 120,00%", "Tidak diikutkan dalam rata-rata",
                 "**Jumlah keluhan**, karena realisasinya 0"):
        assert teks.count(kata) == 1, kata
    assert teks.count("berpolaritas minimal (makin rendah makin baik)") == 1
    # (100 + 120 + 47,84...) / 3
    assert _persen(k.rata_rata_capaian(lkip)) == Decimal("89.28")
    _bersih(teks)


# --------------------------------------------------------------------------- a small unit


def test_small_unit_three_indicators():
    lkip = lkip_year(indikator=INDIKATOR_KECIL)
    a = k.agregasi_capaian(lkip)
    assert [i.capaian.nilai for i in a.rincian] == [85, 125, 150]
    assert a.nilai == Decimal(120) and len(a.dihitung) == 3
    teks = narrative.narasi_capaian(lkip)
    assert "1. **Persentase surat yang diselesaikan tepat waktu**: target 100%, realisasi 85%, " \
        "capaian 85,00% (**Sangat Berhasil**)." in teks
    assert "target 12 kali, realisasi 15 kali, capaian 125,00%" in teks
    assert "dihitung dengan rumus Capaian (%) = Realisasi ÷ Target × 100." in teks
    assert "rata-rata hitung capaian yang diperhitungkan dari 3 indikator, yaitu 120,00%" in teks
    assert "capaian di atas 100% masuk ke dalam rata-rata apa adanya" in teks
    _bersih(teks)
    capped = lkip_year(profil={"batas_capaian": 120.0}, indikator=INDIKATOR_KECIL)
    assert _persen(ikhtisar.angka_utama(capped).capaian) == Decimal("108.33")


def test_small_unit_workbook_loads_with_the_new_columns(tmp_path):
    def edit(tables):
        edit_small_unit(tables)
        tables["profil"]["batas_capaian"] = 120
        tables["indikator"].append({"kode": "IKU-4", "indikator": "Rata-rata waktu layanan",
                                    "satuan": "hari", "polaritas": "minimal", "target": 5,
                                    "realisasi": 4, "rumus_capaian": "(2T-R)/T"})
    write_clean(tmp_path, edit)
    lkip = load_year("dinas-contoh", 2024, tmp_path)
    assert k.batas_capaian_untuk(lkip) == Decimal(120)
    assert k.tabel_capaian(lkip)[k.K_RUMUS].tolist() == ["R/T"] * 3 + ["(2T-R)/T"]
    assert _persen(k.rata_rata_capaian(lkip)) == Decimal("111.25")  # (85+120+120+120) / 4


# --------------------------------------------------------------------------- quarters, seed


def test_quarterly_capaian_in_wide_form():
    lkip = lkip_year(indikator=[MAKS, MIN], triwulan=[
        dict(kode_indikator="IKU-2", triwulan="II", target=90.0, realisasi=90.0),
        dict(kode_indikator="IKU-1", triwulan="II", target=50.0, realisasi=40.0),
        dict(kode_indikator="IKU-1", triwulan="I", target=25.0, realisasi=25.0)])
    lebar = k.capaian_per_triwulan(lkip)
    assert lebar.index.tolist() == ["I", "II"] and lebar.columns.tolist() == ["IKU-1", "IKU-2"]
    assert lebar["IKU-1"].tolist() == [100, 80] and str(lebar["IKU-1"].dtype) == "Float64"
    assert lebar["IKU-2"].isna().tolist() == [True, False]
    assert k.capaian_per_triwulan(lkip_year(indikator=[MAKS])).empty


def test_seed_unchanged(seed):
    a = k.agregasi_capaian(seed)
    assert a.nilai == Decimal(100) and a.batas is None and not a.dikecualikan
    assert [(i.rumus, i.perlakuan) for i in a.rincian] == [("R/T", None)]
    utama = ikhtisar.angka_utama(seed)
    assert utama.capaian == Decimal(100) and utama.kategori == "Sangat Berhasil"
    assert utama.agregasi == a
    teks = narrative.narasi_capaian(seed)
    assert "dihitung dengan rumus Capaian (%) = Realisasi ÷ Target × 100" in teks
    assert "hanya memiliki satu indikator" in teks
    _bersih(teks)


def test_quarterly_narrative_names_each_indicator_once():
    lkip = lkip_year(indikator=[MAKS], triwulan=[
        dict(kode_indikator="IKU-1", triwulan="I", target=25.0, realisasi=20.0),
        dict(kode_indikator="IKU-1", triwulan="II", target=50.0)])
    teks = narrative.narasi_triwulan(lkip)
    assert teks.count("Persentase layanan selesai") == 1
    assert "triwulan I 80,00% dan triwulan II belum ada data" in teks
