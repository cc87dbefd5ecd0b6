"""The embedded reference case loads with the figures the LKIP 2023 prints."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from lkip_helpers import config, load
from lkip_helpers.load import load_workbook_file, load_year
from lkip_helpers.schema import BAGIAN_NARASI, BAGIAN_NARASI_BY_KEY, SHEETS

DTYPES = {"text": "object", "choice": "object", "int": "Int64", "rupiah": "Int64",
          "year": "Int64", "number": "Float64", "percent": "Float64", "date": "datetime64[ns]"}


def test_frames_follow_the_schema(seed):
    for sheet in SHEETS:
        if sheet.layout != "table":
            continue
        df = seed.table(sheet.name)
        assert list(df.columns) == sheet.column_names, sheet.name
        assert df.index.name == "baris"
        for col in sheet.columns:
            assert str(df[col.name].dtype) == DTYPES[col.kind], (sheet.name, col.name)


def test_index_is_the_excel_row(seed):
    assert list(seed.anggaran.index) == list(range(2, 12))
    assert seed.anggaran.loc[3, "pagu"] == 53_809_092_288


def test_profil(seed):
    assert seed.unit == "biro-umum-ntt" and seed.year == 2023
    assert seed.profil["tahun"] == 2023
    assert seed.profil["kepala_nama"] == "George Melkianus Hadjoh, SH"
    assert seed.profil["tanggal_laporan"] == dt.date(2024, 2, 27)
    assert seed.profil["batas_penyampaian"] == dt.date(2023, 2, 4)
    assert seed.profil["skala_penilaian"] == "sakip_ordinal"
    assert seed.profil["serapan_minimal_total"] == 90


def test_spending_program_row_and_activities(seed):
    belanja = seed.anggaran[seed.anggaran["jenis"] == "belanja"]
    program = belanja[belanja["kegiatan"].isna()]
    kegiatan = belanja[belanja["kegiatan"].notna()]
    assert program["pagu"].tolist() == [53_809_092_288]
    assert program["realisasi"].tolist() == [47_214_705_470]
    assert program["persen_dinyatakan"].tolist() == [87.74]
    assert len(kegiatan) == 8
    assert int(kegiatan["pagu"].sum()) == 53_809_092_288
    assert int(kegiatan["realisasi"].sum()) == 47_214_705_470


def test_unrealised_activity_reads_dash_as_zero(seed):
    row = seed.anggaran[seed.anggaran["kegiatan"].str.startswith("Pengadaan", na=False)]
    assert row["pagu"].tolist() == [121_216_200]
    assert row["realisasi"].tolist() == [0]


def test_revenue(seed):
    pendapatan = seed.anggaran[seed.anggaran["jenis"] == "pendapatan"]
    assert pendapatan["pagu"].tolist() == [484_635_653]
    assert pendapatan["realisasi"].tolist() == [339_237_581]
    assert pendapatan["serapan_minimal"].tolist() == [90.0]


def test_assets(seed):
    assert int(seed.aset["jumlah"].sum()) == 8_418
    assert len(seed.aset) == 6
    assert seed.aset.set_index("kategori").loc["Alat Kantor dan Rumah Tangga", "jumlah"] == 8_284


def test_civil_servants_by_education_and_rank(seed):
    assert int(seed.pegawai_pendidikan["jumlah"].sum()) == 95
    assert seed.pegawai_pendidikan.set_index("jenjang")["jumlah"].to_dict() == {
        "S2": 3, "S1": 28, "D-III": 5, "SLTA": 58, "SLTP": 1, "SD": 0}
    assert int(seed.pegawai_golongan["jumlah"].sum()) == 95
    assert seed.pegawai_golongan.set_index("golongan").loc["III/b", "jumlah"] == 24


def test_officials_by_gender(seed):
    jabatan = seed.pegawai_jabatan
    assert int(jabatan["jumlah"].sum()) == 10
    assert int(jabatan["laki_laki"].sum()) == 7
    assert int(jabatan["perempuan"].sum()) == 3


def test_outputs_add_up_to_180(seed):
    assert seed.keluaran["target"].tolist() == [12, 24, 36, 108]
    assert int(seed.keluaran["realisasi"].sum()) == 180


def test_indicator(seed):
    iku = seed.indikator.iloc[0]
    assert iku["kode"] == "IKU-1" and iku["polaritas"] == "maksimal"
    assert iku["target"] == 100 and iku["realisasi"] == 100


def test_budget_history(seed):
    history = seed.riwayat_anggaran.set_index("tahun")
    assert history.loc[2020, ["pagu", "realisasi"]].tolist() == [116_943_082_326, 103_454_484_027]
    assert history.loc[2020, "persen_dinyatakan"] == 88.05
    assert history.loc[2021, ["pagu", "realisasi"]].tolist() == [111_617_829_255, 102_309_636_358]
    assert history.loc[2021, "persen_dinyatakan"] == 91.66
    assert history.loc[2022, ["pagu", "realisasi"]].tolist() == [62_755_193_270, 59_473_648_921]
    assert history.loc[2022, "persen_dinyatakan"] == 94.77
    assert history.loc[2023, ["pagu", "realisasi"]].tolist() == [53_809_092_288, 47_214_705_470]
    assert history.loc[2023, "persen_dinyatakan"] == 87.74


def test_indicator_history_against_renstra(seed):
    renstra = seed.riwayat_kinerja[seed.riwayat_kinerja["sumber"] == "Tabel 3.3 (Renstra)"]
    assert dict(zip(renstra["tahun"], renstra["realisasi"])) == {
        2019: 286.0, 2020: 122.3, 2021: 100.0, 2022: 100.0, 2023: 100.0}
    na_row = seed.riwayat_kinerja[seed.riwayat_kinerja["sumber"] == "Tabel 2.1 (RKT)"]
    assert na_row["catatan"].tolist() == ["NA"] and na_row["realisasi"].isna().all()


def test_commitment_dates(seed):
    d = seed.komitmen.set_index("butir").loc["D"]
    assert d["pembanding"] == "paling_lambat"
    assert d["ambang_tanggal"] == pd.Timestamp("2023-02-04")
    assert seed.komitmen.set_index("butir").loc["J", "ambang"] == 76.61


def test_absent_optional_sheets_are_empty_frames(seed):
    assert seed.triwulan.empty and list(seed.triwulan.columns) == [
        "kode_indikator", "triwulan", "target", "realisasi"]


def test_workbook_stores_real_numbers(workbook_path):
    wb = openpyxl.load_workbook(workbook_path, read_only=True)
    ws = wb["anggaran"]
    row = next(ws.iter_rows(min_row=3, max_row=3, values_only=True))
    wb.close()
    assert row[4] == 53_809_092_288 and row[5] == 47_214_705_470 and row[6] == 87.74


def test_cache_returns_independent_copies(workbook_path):
    first = load_workbook_file(workbook_path)
    first.anggaran.loc[3, "pagu"] = 1
    first.profil["tahun"] = 1999
    second = load_workbook_file(workbook_path)
    assert second.anggaran.loc[3, "pagu"] == 53_809_092_288
    assert second.profil["tahun"] == 2023
    assert load._load_cached.cache_info().hits >= 1


def test_cache_notices_a_changed_file(workbook_copy):
    path = workbook_copy()
    assert load_year("biro-umum-ntt", 2023, workbook_copy.data_dir).aset["jumlah"].sum() == 8418
    wb = openpyxl.load_workbook(path)
    wb["aset"]["C2"] = 36  # Tanah: 35 -> 36
    wb.save(path)
    assert load_year("biro-umum-ntt", 2023, workbook_copy.data_dir).aset["jumlah"].sum() == 8419


def test_unit_and_year_come_from_the_folder(workbook_path):
    lkip = load_workbook_file(workbook_path)
    assert (lkip.unit, lkip.year, lkip.source) == ("biro-umum-ntt", 2023, workbook_path)


SEED_TEXT = config.PROJECT_ROOT.parent / "shared" / "seeds" / "000_c5afe5dd126a9ad2.txt"


def _narasi(seed, bagian: str, kode: str | None = None) -> pd.DataFrame:
    rows = seed.narasi[seed.narasi["bagian"] == bagian]
    return rows if kode is None else rows[rows["kode_indikator"] == kode]


def test_perjanjian_kinerja_parties_and_date(seed):
    assert seed.profil["pk_judul"] == "Perubahan Perjanjian Kinerja Tahun 2023"
    assert seed.profil["pk_tempat"] == "Kupang"
    assert seed.profil["pk_tanggal"] == dt.date(2023, 12, 7)
    assert seed.profil["pk_pihak_pertama_nama"] == "George Melkianus Hadjoh, SH"
    assert seed.profil["pk_pihak_pertama_jabatan"] == \
        "Kepala Biro Umum Provinsi Nusa Tenggara Timur"
    assert seed.profil["pk_pihak_kedua_nama"] == "Kosmas D. Lana"
    assert seed.profil["pk_pihak_kedua_jabatan"] == \
        "Sekretaris Daerah Provinsi Nusa Tenggara Timur"


def test_indicator_carries_the_rkt_outcome_benefit_impact(seed):
    iku = seed.indikator.iloc[0]
    assert iku["outcome"].startswith("Meningkatnya penyelenggaraan pemerintahan")
    assert "berkinerja tinggi" in iku["benefit"]
    assert iku["impact"] == ("Mewujudkan reformasi birokrasi pemerintahan untuk meningkatkan "
                             "kualitas pelayanan publik")


def test_every_required_section_has_text(seed):
    filled = set(seed.narasi["bagian"])
    missing = [b.kunci for b in BAGIAN_NARASI if b.wajib and b.kunci not in filled]
    assert not missing, missing


def test_strategic_issues_have_their_headings(seed):
    isu = _narasi(seed, "isu_strategis")
    assert ["Aspek Pelayanan Publik", "Aspek Sarana Prasarana"] == isu["judul"].dropna().tolist()
    assert isu["judul"].isna().iloc[0]  # the introduction comes first, without a heading


def test_legal_bases_name_the_regulations(seed):
    teks = "\n".join(_narasi(seed, "dasar_hukum")["teks"])
    for nomor in ("Nomor 25 Tahun 2004", "Nomor 28 Tahun 1999", "Nomor 8 Tahun 2006",
                  "Nomor 8 Tahun 2008", "Nomor 29 Tahun 2014", "Nomor 53 Tahun 2014",
                  "Nomor 12 Tahun 2015", "Nomor 88 Tahun 2021"):
        assert nomor in teks, nomor


def test_renstra_comparison_explains_the_indicator_change(seed):
    teks = "\n".join(_narasi(seed, "perbandingan_renstra", "IKU-1")["teks"])
    for angka in ("12 kali", "24 kali", "48 kali", "96 kali", "286%", "122,3%", "180 kegiatan"):
        assert angka in teks, angka
    renstra = seed.riwayat_kinerja[seed.riwayat_kinerja["sumber"] == "Tabel 3.3 (Renstra)"]
    explained = renstra[renstra["catatan"].notna()]
    assert explained["tahun"].tolist() == [2019, 2020]
    assert all("12, 24, 48 dan 96" in c for c in explained["catatan"])


def test_only_per_indicator_sections_name_an_indicator(seed):
    named = seed.narasi[seed.narasi["kode_indikator"].notna()]
    assert not named.empty
    assert all(BAGIAN_NARASI_BY_KEY[b].per_indikator for b in named["bagian"])


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="seed document not available")
def test_narrative_does_not_copy_the_seeds_sentences(seed):
    """Facts carry over, sentences do not: no long sentence of the seed stands in a text.

    Sentences are the seed's lines split on ". " (a paragraph ends a sentence too), compared
    without their final stop and with runs of white space as one space.
    """
    def plain(text: str) -> str:
        return " ".join(text.split())

    teks = [plain(t) for t in seed.narasi["teks"]]
    lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    sentences = {plain(s).rstrip(".;:") for line in lines for s in line.split(". ")}
    copied = [s for s in sentences if len(s) >= 60 and any(s in t for t in teks)]
    assert not copied, copied
