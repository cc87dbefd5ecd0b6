"""The dataset across units and years: typed long frames, sums that match the unit-years,
workbooks left out with their reason, the Parquet cache, exports, and ``lkip dataset``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from lkip_helpers import anggaran, dataset, ikhtisar, kinerja, load, pegawai, reviu
from lkip_helpers.cli import main
from lkip_helpers.dataset import FRAMES, KOLOM, KUNCI, baca_ekspor, muat_dataset
from builders import (CLEAN_UNIT, CLEAN_YEAR, LAIN, SEVERAL, edit_di_bawah_minimal,
                      edit_tahun_sebelumnya, write_several, write_unit_year)

LOADED = [(u, y) for u, years in SEVERAL.items() if u != "dinas-rusak" for y in years]
NUMERIC = {"Int64", "Float64"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A data folder of two units over two years and one broken workbook (builders)."""
    return write_several(tmp_path_factory.mktemp("several") / "data")


@pytest.fixture(scope="module")
def ds(folder):
    return muat_dataset(folder)


@pytest.fixture(scope="module")
def per_unit_year(folder):
    """(unit, year) -> (LkipYear, its earlier workbooks), loaded one by one."""
    found = {}
    for unit, year in LOADED:
        lkip = load.load_year(unit, year, folder)
        found[(unit, year)] = (lkip, reviu.muat_tahun_lain(lkip))
    return found


class Counter:
    """Stands in for load.load_year and counts the unit-years it is asked for."""

    def __init__(self, monkeypatch) -> None:
        self.calls: list[tuple[str, int]] = []
        real = load.load_year

        def counted(unit, year, data_dir=None):
            self.calls.append((unit, int(year)))
            return real(unit, year, data_dir)

        monkeypatch.setattr(load, "load_year", counted)


def assert_same(a: dataset.Dataset, b: dataset.Dataset) -> None:
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


# --------------------------------------------------------------------------- the frames


def test_every_frame_has_its_columns_and_dtypes(ds):
    for name, df in ds.frames().items():
        assert len(df), name
        assert list(df.columns) == [*KUNCI, *KOLOM[name]], name
        assert {str(t) for t in df.dtypes} <= {"string", "Int64", "Float64", "boolean",
                                              "datetime64[ns]"}, name
        assert str(df["tahun"].dtype) == "Int64"
    assert {c: str(t) for c, t in ds.ringkasan.dtypes.items()
            if c in ("capaian", "pagu_belanja", "serapan_belanja", "jumlah_pegawai")} == {
        "capaian": "Float64", "pagu_belanja": "Int64", "serapan_belanja": "Float64",
        "jumlah_pegawai": "Int64"}
    for name, kolom in (("indikator", ["target", "realisasi", "capaian"]),
                        ("anggaran", ["pagu", "realisasi", "serapan", "level"]),
                        ("keluaran", ["target", "realisasi"]), ("aset", ["jumlah"]),
                        ("pegawai", ["jumlah"]), ("komitmen", ["ambang", "realisasi"]),
                        ("temuan", ["baris", "dinyatakan", "dihitung"])):
        assert {str(getattr(ds, name)[k].dtype) for k in kolom} <= NUMERIC, name


def test_rows_carry_the_local_government_unit_and_year(ds):
    r = ds.ringkasan.set_index(["unit", "tahun"])
    assert list(r.index) == LOADED
    assert r.loc[(CLEAN_UNIT, CLEAN_YEAR), "pemda"] == "Provinsi Nusa Tenggara Timur"
    assert pd.isna(r.loc[(CLEAN_UNIT, CLEAN_YEAR), "kabupaten_kota"])
    assert r.loc[("dinas-lain", CLEAN_YEAR), "pemda"] == LAIN["kabupaten_kota"]
    assert r.loc[("dinas-lain", CLEAN_YEAR), "nama_unit"] == LAIN["nama_unit"]
    assert set(zip(ds.anggaran["unit"], ds.anggaran["tahun"])) == set(LOADED)


def test_rows_and_sums_equal_those_of_the_unit_years(ds, per_unit_year):
    lkips = [lkip for lkip, _ in per_unit_year.values()]
    assert len(ds.indikator) == sum(len(kinerja.tabel_capaian(x)) for x in lkips)
    assert len(ds.anggaran) == sum(len(anggaran.tabel_anggaran(x)) for x in lkips)
    assert len(ds.keluaran) == sum(len(kinerja.tabel_keluaran(x)) for x in lkips)
    pagu = sum(anggaran.ringkasan(x).belanja.pagu for x in lkips)
    realisasi = sum(anggaran.ringkasan(x).belanja.realisasi for x in lkips)
    assert ds.ringkasan["pagu_belanja"].sum() == pagu == 7_800_000_000
    assert ds.ringkasan["realisasi_belanja"].sum() == realisasi
    lowest = ds.anggaran[(ds.anggaran["jenis"] == "belanja") & ~ds.anggaran["subtotal"]]
    assert lowest["pagu"].sum() == pagu and lowest["realisasi"].sum() == realisasi
    assert ds.pegawai.groupby("kelompok")["jumlah"].sum().to_dict() == {
        "bagian": sum(pegawai.jumlah_pegawai(x) for x in lkips),
        "golongan": sum(pegawai.tabel_golongan(x)["jumlah"].sum() for x in lkips),
        "jabatan": sum(pegawai.jumlah_pejabat(x) for x in lkips),
        "pendidikan": sum(pegawai.jumlah_pns(x) for x in lkips)}
    assert len(ds.temuan) == sum(len(reviu.periksa(x, lain))
                                 for x, lain in per_unit_year.values())
    capaian = [float(ikhtisar.angka_utama(x).capaian) for x in lkips]
    assert ds.ringkasan["capaian"].tolist() == pytest.approx(capaian)


def test_the_minimum_and_the_findings_of_a_unit_below_it(ds):
    r = ds.ringkasan.set_index(["unit", "tahun"])
    below = ds.ringkasan[ds.ringkasan["memenuhi_minimal"].eq(False).fillna(False)]
    assert list(zip(below["unit"], below["tahun"])) == [("dinas-lain", CLEAN_YEAR)]
    assert r.loc[("dinas-lain", CLEAN_YEAR), "serapan_belanja"] == 75.0
    assert r.loc[(CLEAN_UNIT, CLEAN_YEAR), "memenuhi_minimal"]
    t = ds.temuan[(ds.temuan["unit"] == "dinas-lain") & (ds.temuan["kode"] == "serapan_minimal")]
    assert t["tahun"].tolist() == [CLEAN_YEAR] * 2 and t["dinyatakan"].tolist() == [85.0] * 2
    assert t["uraian"].str.contains("di bawah batas minimal 85,00%").all()
    assert t["letak"].tolist() == ["lembar anggaran, baris 3, kolom serapan_minimal",
                                   "lembar profil, kolom serapan_minimal_total"]


def test_a_pivot_of_capaian_by_unit_and_year(ds):
    pivot = ds.ringkasan.pivot_table(index="unit", columns="tahun", values="capaian")
    assert pivot.loc[CLEAN_UNIT, CLEAN_YEAR] == pytest.approx(112.5)
    assert pivot.loc["dinas-lain", CLEAN_YEAR] == pytest.approx((100 + 500 / 6) / 2)


# --------------------------------------------------------------------------- left out


def test_a_broken_workbook_is_left_out_with_its_reason(ds, folder):
    (d,) = ds.dilewati
    assert (d.unit, d.tahun, d.berkas) == ("dinas-rusak", CLEAN_YEAR,
                                           folder / "dinas-rusak" / "2024" / "lkip.xlsx")
    (p,) = d.masalah
    assert (p.sheet, p.row, p.column) == ("indikator", 2, "satuan")
    assert d.teks("en").startswith("dinas-rusak 2024: 1 problem: ")
    assert "sheet indikator, row 2, column satuan (F): value is blank" in d.teks("en")
    assert "dinas-rusak" not in set(ds.ringkasan["unit"])
    table = ds.tabel_dilewati("en")
    assert table[["unit", "tahun", "jumlah_masalah"]].values.tolist() == [
        ["dinas-rusak", 2024, 1]]
    lines = ds.laporan("en").splitlines()
    assert lines[0] == (f"Loaded 4 unit-years of 2 unit(s) (2023-2024) from {folder}; "
                        "0 from the cache.")
    assert lines[1].startswith("Left out 1 workbook that failed validation")
    assert lines[2] == f"- {d.teks('en')}"


# --------------------------------------------------------------------------- the cache


def test_a_second_load_reads_the_cache_not_the_workbooks(ds, folder, monkeypatch):
    counter = Counter(monkeypatch)
    again = muat_dataset(folder)
    assert counter.calls == [("dinas-rusak", CLEAN_YEAR)]  # loaded again for its problems
    assert again.dari_cache == 4 and again.dilewati == ds.dilewati
    assert_same(again, ds)


def test_the_cache_lies_beside_the_data_never_inside(ds, folder):
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == \
        sorted(f"{u}/{y}/lkip.xlsx" for u, years in SEVERAL.items() for y in years)
    cache = folder.parent / ".lkip-cache" / dataset.sidik_paket()
    assert (cache / "unit" / CLEAN_UNIT / str(CLEAN_YEAR)).is_dir()
    assert len(list((cache / "dataset").iterdir())) == 1


def two_units(data_dir: Path) -> Path:
    write_unit_year(data_dir, CLEAN_UNIT, edit_tahun_sebelumnya)
    write_unit_year(data_dir, CLEAN_UNIT)
    write_unit_year(data_dir, "dinas-lain", **LAIN)
    return data_dir


def test_a_changed_workbook_is_loaded_again_and_the_others_come_from_the_cache(
        tmp_path, monkeypatch):
    data = two_units(tmp_path / "data")
    first = muat_dataset(data)
    write_unit_year(data, "dinas-lain", edit_di_bawah_minimal, **LAIN)  # new bytes
    counter = Counter(monkeypatch)
    second = muat_dataset(data)
    assert counter.calls == [("dinas-lain", CLEAN_YEAR)] and second.dari_cache == 2
    r1, r2 = (d.ringkasan.set_index("unit")["realisasi_belanja"] for d in (first, second))
    assert (r1["dinas-lain"], r2["dinas-lain"]) == (1_800_000_000, 1_500_000_000)
    pd.testing.assert_frame_equal(first.indikator[first.indikator["unit"] == CLEAN_UNIT],
                                  second.indikator[second.indikator["unit"] == CLEAN_UNIT])
    assert_same(second, muat_dataset(data, cache=False))


def test_a_changed_earlier_year_reloads_the_later_one_it_is_checked_against(
        tmp_path, monkeypatch):
    data = two_units(tmp_path / "data")
    muat_dataset(data)

    def realised_95(tables):
        tables["indikator"][0]["realisasi"] = 95
    write_unit_year(data, CLEAN_UNIT, edit_tahun_sebelumnya, realised_95)
    counter = Counter(monkeypatch)
    ds = muat_dataset(data)
    assert counter.calls == [(CLEAN_UNIT, CLEAN_YEAR - 1), (CLEAN_UNIT, CLEAN_YEAR)]
    (t,) = ds.temuan[ds.temuan["kode"] == "antar_tahun_kinerja"].itertuples()
    assert (t.unit, t.tahun, t.lembar, t.baris, t.dinyatakan, t.dihitung) == (
        CLEAN_UNIT, CLEAN_YEAR, "riwayat_kinerja", 2, 100, 95)
    assert "tertulis 100 (LKIP 2023)" in t.uraian and "dinas-contoh/2023/lkip.xlsx" in t.uraian
    assert t.uraian.endswith("mencatat 95.")


def test_units_and_years_can_be_chosen(folder, ds):
    one = muat_dataset(folder, units=CLEAN_UNIT, years=[CLEAN_YEAR])
    assert list(zip(one.ringkasan["unit"], one.ringkasan["tahun"])) == [(CLEAN_UNIT, CLEAN_YEAR)]
    assert one.dilewati == () and one.dari_cache == 1
    mine = ds.anggaran[(ds.anggaran["unit"] == CLEAN_UNIT) & (ds.anggaran["tahun"] == CLEAN_YEAR)]
    pd.testing.assert_frame_equal(one.anggaran, mine.reset_index(drop=True))


def test_a_damaged_cache_is_only_a_miss(tmp_path):
    data = two_units(tmp_path / "data")
    first = muat_dataset(data)
    for path in (tmp_path / ".lkip-cache").rglob("*.parquet"):
        path.write_bytes(b"not parquet")
    second = muat_dataset(data)
    assert second.dari_cache == 0
    assert_same(first, second)


def test_a_cache_that_cannot_be_written_warns_and_loads_all_the_same(tmp_path):
    data = two_units(tmp_path / "data")
    (tmp_path / "a-file").write_text("")
    with pytest.warns(UserWarning, match="cannot be written"):
        ds = muat_dataset(data, cache_dir=tmp_path / "a-file" / "cache")
    assert len(ds.ringkasan) == 3 and ds.dari_cache == 0


def test_without_the_cache_nothing_is_written(tmp_path):
    data = two_units(tmp_path / "data")
    muat_dataset(data, cache=False)
    assert not (tmp_path / ".lkip-cache").exists()


# --------------------------------------------------------------------------- exports


def test_parquet_and_excel_exports_round_trip(ds, tmp_path):
    paths = ds.simpan_parquet(tmp_path / "parquet")
    assert sorted(p.name for p in paths) == sorted(f"{n}.parquet" for n in (*FRAMES, "dilewati"))
    workbook = ds.simpan_excel(tmp_path / "dataset.xlsx")
    for source in (tmp_path / "parquet", workbook):
        assert_same(baca_ekspor(source), ds)
    assert pd.read_excel(workbook, sheet_name="dilewati")["unit"].tolist() == ["dinas-rusak"]
    assert pd.read_parquet(tmp_path / "parquet" / "dilewati.parquet")["tahun"].tolist() == [2024]


def test_the_excel_export_writes_text_as_text(ds, tmp_path):
    indikator = ds.indikator.copy()
    indikator.loc[0, "penjelasan"] = "=HYPERLINK(\"http://example.invalid\")"
    tampered = dataset.Dataset(**{**ds.frames(), "indikator": indikator})
    back = baca_ekspor(tampered.simpan_excel(tmp_path / "x.xlsx"))
    assert back.indikator.loc[0, "penjelasan"] == "=HYPERLINK(\"http://example.invalid\")"


# --------------------------------------------------------------------------- command line


def test_lkip_dataset_prints_what_it_loaded_and_where_it_wrote(tmp_path, folder):
    data = tmp_path / "data"
    shutil.copytree(folder, data)
    out = tmp_path / "out"
    args = ["dataset", "--data-dir", str(data), "--output", str(out), "--format", "parquet",
            "--format", "xlsx"]
    result = CliRunner(env={"LKIP_LANG": "en"}).invoke(main, args)
    assert result.exit_code == 1, (result.output, result.exception)  # one left out
    lines = result.output.splitlines()
    assert lines[0] == (f"Loaded 4 unit-years of 2 unit(s) (2023-2024) from {data}; "
                        "0 from the cache.")
    assert lines[1] == ("Left out 1 workbook that failed validation (lkip check UNIT YEAR "
                        "lists every problem):")
    assert lines[2].startswith("- dinas-rusak 2024: 1 problem: ") and "column satuan" in lines[2]
    assert lines[3:] == [f"Wrote 9 Parquet files to {out}",
                         f"Wrote {out / 'lkip-dataset.xlsx'}"]
    assert_same(baca_ekspor(out), baca_ekspor(out / "lkip-dataset.xlsx"))
    again = CliRunner(env={"LKIP_LANG": "en"}).invoke(main, args[:5])
    assert again.output.splitlines()[0].endswith("; 4 from the cache.")


def test_lkip_dataset_exits_0_when_every_workbook_loads(tmp_path):
    data = two_units(tmp_path / "data")
    result = CliRunner(env={"LKIP_LANG": "en"}).invoke(
        main, ["dataset", "--data-dir", str(data), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, (result.output, result.exception)
    assert result.output.splitlines() == [
        f"Loaded 3 unit-years of 2 unit(s) (2023-2024) from {data}; 0 from the cache.",
        f"Wrote 9 Parquet files to {tmp_path / 'out'}"]


def test_lkip_dataset_without_workbooks_exits_2(tmp_path):
    result = CliRunner(env={"LKIP_LANG": "en"}).invoke(
        main, ["dataset", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert f"no workbook <unit>/<year>/lkip.xlsx under {tmp_path}" in result.output
