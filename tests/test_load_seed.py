"""The embedded reference case loads with the figures the LKIP 2023 prints."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd

from lkip_helpers import load
from lkip_helpers.load import load_workbook_file, load_year
from lkip_helpers.schema import SHEETS

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
