"""Capaian formulas, assessment scales and the performance tables (lkip_helpers.kinerja)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from builders import lkip_year
from lkip_helpers import kinerja as k, narrative
from lkip_helpers.hitung import BELUM_ADA_DATA, TIDAK_DAPAT_DIHITUNG, bulatkan_persen

IKU = dict(kode="IKU-1", sasaran="Terwujudnya pelayanan yang profesional",
           indikator="Meningkatnya pelayanan terhadap Kepala Daerah", satuan="%",
           polaritas="maksimal", target=100.0, realisasi=100.0, target_renstra=100.0,
           capaian_dinyatakan=100.0)
KELUARAN = [  # Bab III A.1 of the seed
    dict(kode_indikator="IKU-1", keluaran="FORKOPIMDA", satuan="kali", target=12, realisasi=12),
    dict(kode_indikator="IKU-1", keluaran="Tamu pemerintah", satuan="kali", target=24, realisasi=24),
    dict(kode_indikator="IKU-1", keluaran="Tokoh masyarakat", satuan="kali", target=36,
         realisasi=36),
    dict(kode_indikator="IKU-1", keluaran="Kunjungan kerja", satuan="kali", target=108,
         realisasi=108),
]
RENSTRA = "Tabel 3.3 (Renstra)"
RIWAYAT = (
    [dict(kode_indikator="IKU-1", tahun=y, realisasi=100.0, capaian_dinyatakan=100.0,
          sumber="Tabel 3.2") for y in (2020, 2021, 2022, 2023)]
    + [dict(kode_indikator="IKU-1", tahun=y, realisasi=r, sumber=RENSTRA)
       for y, r in ((2019, 286.0), (2020, 122.3), (2021, 100.0), (2022, 100.0))]
    + [dict(kode_indikator="IKU-1", tahun=2022, sumber="Tabel 2.1 (RKT)", catatan="NA")]
)


@pytest.fixture
def lkip():
    return lkip_year(indikator=[IKU], keluaran=KELUARAN, riwayat_kinerja=RIWAYAT)


# --------------------------------------------------------------------------- capaian


def test_capaian_maksimal():
    assert k.capaian(100, 100) == k.Capaian(Decimal(100), None)
    assert bulatkan_persen(k.capaian(180, 150).nilai) == Decimal("83.33")
    assert k.capaian(100, 286).nilai == Decimal(286)  # above 100% is kept


def test_capaian_minimal_both_formulas():
    t, r = 88.82, 135.15
    assert bulatkan_persen(k.capaian(t, r, "minimal").nilai) == Decimal("65.72")
    assert bulatkan_persen(k.capaian(t, r, "minimal", "(2T-R)/T").nilai) == Decimal("47.84")
    # better than target (lower): above 100%
    assert bulatkan_persen(k.capaian(10, 8, "minimal").nilai) == Decimal("125.00")
    assert bulatkan_persen(k.capaian(10, 8, "minimal", "(2T-R)/T").nilai) == Decimal("120.00")


def test_capaian_that_cannot_be_computed_is_never_0_or_100():
    assert k.capaian(0, 50) == k.Capaian(None, TIDAK_DAPAT_DIHITUNG)
    assert k.capaian(None, 50) == k.Capaian(None, TIDAK_DAPAT_DIHITUNG)
    assert k.capaian(100, None) == k.Capaian(None, BELUM_ADA_DATA)
    assert k.capaian(10, 0, "minimal") == k.Capaian(None, k.REALISASI_NOL)  # T/R, R = 0
    assert k.capaian(10, 0, "minimal", "(2T-R)/T").nilai == Decimal(200)
    assert k.capaian(100, 0).nilai == Decimal(0)  # a real zero realisation is 0%


def test_capaian_rejects_unknown_options():
    with pytest.raises(ValueError, match="polaritas"):
        k.capaian(1, 1, "naik")
    with pytest.raises(ValueError, match="rumus_minimal"):
        k.capaian(1, 1, "minimal", "R/T")


# --------------------------------------------------------------------------- scales


@pytest.mark.parametrize("x, expected", [
    (Decimal(85), "Sangat Berhasil"), (Decimal("84.99"), "Berhasil"), (Decimal(70), "Berhasil"),
    (Decimal("69.99"), "Cukup Berhasil"), (Decimal("55.01"), "Cukup Berhasil"),
    (Decimal(55), "Belum Berhasil"), (Decimal(0), "Belum Berhasil"), (286, "Sangat Berhasil"),
])
def test_sakip_ordinal_edges(x, expected):
    assert k.Skala.preset().kategori(x) == expected


@pytest.mark.parametrize("x, expected", [
    (91, "Sangat Tinggi"), (90.99, "Tinggi"), (76, "Tinggi"), (75.99, "Sedang"), (66, "Sedang"),
    (65.99, "Rendah"), (51, "Rendah"), (50.99, "Sangat Rendah"),
])
def test_permendagri_86_2017_edges(x, expected):
    assert k.Skala.preset("permendagri_86_2017").kategori(x) == expected


def test_scale_decides_on_the_exact_value():
    # 84,996 shows as 85,00% but is below 85
    assert k.Skala.preset().kategori(Decimal("84.996")) == "Berhasil"
    assert k.Skala.preset().kategori(k.Capaian(None, BELUM_ADA_DATA)) is None


def test_scale_descriptions():
    assert narrative.uraian_skala(k.Skala.preset()) == [
        "X ≥ 85: Sangat Berhasil", "70 ≤ X < 85: Berhasil", "55 < X < 70: Cukup Berhasil",
        "X ≤ 55: Belum Berhasil"]
    assert narrative.uraian_skala(k.Skala.preset("permendagri_86_2017"))[-1] == \
        "X < 51: Sangat Rendah"


def test_custom_scale_from_sheet():
    lkip = lkip_year(profil={"skala_penilaian": "kustom"}, indikator=[IKU], skala=[
        dict(batas_bawah=None, termasuk_batas="ya", kategori="Kurang"),
        dict(batas_bawah=90.5, termasuk_batas="tidak", kategori="Baik"),
        dict(batas_bawah=60, termasuk_batas="ya", kategori="Cukup"),
    ])
    skala = k.skala_untuk(lkip)
    assert [skala.kategori(x) for x in (95, 90.5, 60, 59.9)] == ["Baik", "Cukup", "Cukup", "Kurang"]
    assert narrative.uraian_skala(skala) == ["X > 90,5: Baik", "60 ≤ X ≤ 90,5: Cukup", "X < 60: Kurang"]
    assert k.tabel_capaian(lkip)[k.K_KATEGORI].tolist() == ["Baik"]


def test_custom_scale_without_open_band_and_bad_sheets():
    skala = k.Skala.from_table(lkip_year(skala=[
        dict(batas_bawah=50, termasuk_batas="ya", kategori="Lulus")]).skala)
    assert skala.kategori(49) is None
    with pytest.raises(ValueError, match="at least one row"):
        k.skala_untuk(lkip_year(profil={"skala_penilaian": "kustom"}))
    with pytest.raises(ValueError, match="only one row"):
        k.Skala.from_table(lkip_year(skala=[
            dict(termasuk_batas="ya", kategori="A"), dict(termasuk_batas="ya", kategori="B")]).skala)
    with pytest.raises(ValueError, match="unknown scale"):
        k.Skala.preset("kustom")


def test_permendagri_scale_from_profile(lkip):
    lkip = lkip_year(profil={"skala_penilaian": "permendagri_86_2017"}, indikator=[IKU])
    assert k.skala_untuk(lkip).nama == "permendagri_86_2017"
    assert k.tabel_capaian(lkip)[k.K_KATEGORI].tolist() == ["Sangat Tinggi"]


# --------------------------------------------------------------------------- tables


def _na(series) -> list[bool]:
    return series.isna().tolist()


def test_tabel_capaian(lkip):
    df = k.tabel_capaian(lkip)
    assert list(df.columns) == k.KOLOM_CAPAIAN
    assert k.K_CAPAIAN == "capaian" and k.K_CAPAIAN_TERTULIS == "capaian_dinyatakan"
    assert {c: str(df[c].dtype) for c in (k.K_TARGET, k.K_REALISASI, k.K_CAPAIAN,
                                          k.K_CAPAIAN_TERTULIS)} == dict.fromkeys(
        (k.K_TARGET, k.K_REALISASI, k.K_CAPAIAN, k.K_CAPAIAN_TERTULIS), "Float64")
    row = df.iloc[0]
    assert (row[k.K_TARGET], row[k.K_REALISASI], row[k.K_CAPAIAN]) == (100, 100, 100)
    assert row[k.K_CAPAIAN_TERTULIS] == 100 and row[k.K_KATEGORI] == "Sangat Berhasil"
    assert row[k.K_POLARITAS] == "maksimal"
    assert row[k.K_KETERANGAN] is None
    assert k.rata_rata_capaian(lkip) == Decimal(100)
    assert isinstance(k.rata_rata_capaian(lkip), Decimal)


def test_tabel_capaian_minimal_polarity_follows_profile():
    ind = dict(IKU, polaritas="minimal", target=88.82, realisasi=135.15)
    for rumus, expected, kategori in (("T/R", "65.72", "Cukup Berhasil"),
                                      ("(2T-R)/T", "47.84", "Belum Berhasil")):
        df = k.tabel_capaian(lkip_year(profil={"rumus_polaritas_minimal": rumus}, indikator=[ind]))
        assert bulatkan_persen(df[k.K_CAPAIAN][0]) == Decimal(expected)
        assert df[k.K_KATEGORI][0] == kategori


def test_tabel_capaian_missing_realisation_and_zero_target():
    lkip = lkip_year(indikator=[dict(IKU, realisasi=None), dict(IKU, kode="IKU-2", target=0.0)])
    df = k.tabel_capaian(lkip)
    assert str(df[k.K_CAPAIAN].dtype) == "Float64" and _na(df[k.K_CAPAIAN]) == [True, True]
    assert df[k.K_KETERANGAN].tolist() == [BELUM_ADA_DATA, TIDAK_DAPAT_DIHITUNG]
    assert df[k.K_KETERANGAN].tolist() == ["belum_ada_data", "tidak_dapat_dihitung"]
    assert df[k.K_KATEGORI].tolist() == [None, None]
    assert k.rata_rata_capaian(lkip) is None


def test_tabel_keluaran_sums_to_180(lkip):
    df = k.tabel_keluaran(lkip, jumlah=True)
    assert str(df[k.K_TARGET].dtype) == "Int64" and str(df[k.K_REALISASI].dtype) == "Int64"
    assert df[k.K_TARGET].tolist() == [12, 24, 36, 108, 180]
    total = df.iloc[-1]
    assert (total[k.K_KELUARAN], total[k.K_SATUAN], total[k.K_REALISASI]) == (k.JUMLAH, "kali", 180)
    assert total[k.K_CAPAIAN] == 100
    # no total row unless asked for
    plain = k.tabel_keluaran(lkip)
    assert plain[k.K_TARGET].tolist() == [12, 24, 36, 108]
    assert k.JUMLAH not in plain[k.K_KELUARAN].tolist()
    assert k.total_keluaran(lkip) == (180, 180)


def test_tabel_keluaran_with_unknown_and_mixed_units():
    rows = [dict(KELUARAN[0], realisasi=6), dict(KELUARAN[1], satuan="orang", realisasi=None)]
    df = k.tabel_keluaran(lkip_year(indikator=[IKU], keluaran=rows), jumlah=True)
    assert df[k.K_CAPAIAN][0] == 50 and _na(df[k.K_CAPAIAN]) == [False, True, True]
    assert df[k.K_KETERANGAN].tolist() == [None, BELUM_ADA_DATA, BELUM_ADA_DATA]
    assert df.iloc[-1][k.K_SATUAN] is None and df.iloc[-1][k.K_TARGET] == 36
    assert df[k.K_REALISASI].isna().tolist() == [False, True, True]  # total of an unknown is unknown


def test_tabel_riwayat(lkip):
    df = k.tabel_riwayat(lkip)
    assert list(df.columns) == k.KOLOM_RIWAYAT
    assert str(df[k.K_TAHUN].dtype) == "Int64" and str(df[k.K_REALISASI].dtype) == "Float64"
    assert df[k.K_SUMBER].tolist() == ["Tabel 3.2"] * 4 + [RENSTRA] * 4 + ["Tabel 2.1 (RKT)"]
    assert df[k.K_TAHUN].tolist()[:8] == [2020, 2021, 2022, 2023, 2019, 2020, 2021, 2022]
    assert df[k.K_CAPAIAN_TERTULIS].tolist()[:4] == [100] * 4
    # no target recorded per year: capaian not computable; NA row: no data
    assert _na(df[k.K_CAPAIAN]) == [True] * 9
    assert df[k.K_KETERANGAN].tolist() == [TIDAK_DAPAT_DIHITUNG] * 8 + [BELUM_ADA_DATA]
    assert df.iloc[-1][k.K_CATATAN] == "NA"


def test_tabel_renstra(lkip):
    df = k.tabel_renstra(lkip)
    assert list(df.columns) == k.KOLOM_RENSTRA
    assert df[k.K_TAHUN].tolist() == [2019, 2020, 2021, 2022, 2023]
    assert str(df[k.K_REALISASI].dtype) == "Float64"
    assert df[k.K_REALISASI].tolist() == [286, 122.3, 100, 100, 100]
    assert [bulatkan_persen(x) for x in df[k.K_CAPAIAN_RENSTRA]] == [
        Decimal("286.00"), Decimal("122.30"), 100, 100, 100]
    assert df[k.K_KETERANGAN].tolist() == [None] * 5
    # 2023 is missing from the Renstra rows here: taken from sheet indikator
    assert df[k.K_SUMBER].tolist() == [RENSTRA] * 4 + [k.SUMBER_INDIKATOR]
    only_32 = k.tabel_renstra(lkip, sumber="Tabel 3.2")
    assert only_32[k.K_TAHUN].tolist() == [2020, 2021, 2022, 2023]


def test_tabel_triwulan_empty_and_filled(lkip):
    assert k.tabel_triwulan(lkip).empty
    assert list(k.tabel_triwulan(lkip).columns) == k.KOLOM_TRIWULAN
    filled = lkip_year(indikator=[IKU], triwulan=[
        dict(kode_indikator="IKU-1", triwulan="II", target=50.0, realisasi=40.0),
        dict(kode_indikator="IKU-1", triwulan="I", target=25.0, realisasi=25.0),
        dict(kode_indikator="IKU-1", triwulan="III", target=75.0)])
    df = k.tabel_triwulan(filled)
    assert df[k.K_TRIWULAN].tolist() == ["I", "II", "III"]
    assert df[k.K_CAPAIAN][:2].tolist() == [100, 80] and _na(df[k.K_CAPAIAN])[2]
    assert df[k.K_KETERANGAN].tolist() == [None, None, BELUM_ADA_DATA]


def test_formula_texts():
    # the wording moved to the presentation layer (kinerja.rumus_capaian is gone)
    assert narrative.RUMUS["maksimal"] == "Capaian (%) = Realisasi ÷ Target × 100"
    assert narrative.RUMUS["minimal T/R"] == "Capaian (%) = Target ÷ Realisasi × 100"
    assert narrative.RUMUS["minimal (2T-R)/T"].startswith("Capaian (%) = (2 × Target")


# --------------------------------------------------------------------------- embedded seed


def test_seed_capaian(seed):
    row = k.tabel_capaian(seed).iloc[0]
    assert (row[k.K_TARGET], row[k.K_REALISASI], row[k.K_CAPAIAN]) == (100, 100, 100)
    assert row[k.K_CAPAIAN_TERTULIS] == 100 and row[k.K_KATEGORI] == "Sangat Berhasil"
    assert row[k.K_KETERANGAN] is None
    assert k.skala_untuk(seed).nama == "sakip_ordinal"
    assert k.rata_rata_capaian(seed) == Decimal(100)


def test_seed_keluaran(seed):
    df = k.tabel_keluaran(seed, jumlah=True)
    assert df[k.K_TARGET].tolist() == [12, 24, 36, 108, 180]
    assert df[k.K_REALISASI].tolist() == [12, 24, 36, 108, 180]
    assert df[k.K_CAPAIAN].tolist() == [100] * 5
    assert len(k.tabel_keluaran(seed)) == 4
    assert k.total_keluaran(seed) == (180, 180)


def test_seed_renstra(seed):
    df = k.tabel_renstra(seed)
    assert df[k.K_TAHUN].tolist() == [2019, 2020, 2021, 2022, 2023]
    assert [bulatkan_persen(x) for x in df[k.K_CAPAIAN_RENSTRA]] == [
        Decimal("286.00"), Decimal("122.30"), 100, 100, 100]
    assert set(df[k.K_TARGET_RENSTRA]) == {100}


def test_seed_riwayat(seed):
    df = k.tabel_riwayat(seed)
    tabel_32 = df[df[k.K_SUMBER] == "Tabel 3.2"]
    assert tabel_32[k.K_TAHUN].tolist() == [2020, 2021, 2022, 2023]
    assert tabel_32[k.K_CAPAIAN_TERTULIS].tolist() == [100] * 4
    rkt = df[df[k.K_SUMBER] == "Tabel 2.1 (RKT)"].iloc[0]
    assert (rkt[k.K_CATATAN], rkt[k.K_KETERANGAN]) == ("NA", BELUM_ADA_DATA)
    assert k.tabel_triwulan(seed).empty
