"""The roll-up (rekap) of a local government and year: its figures, and the rendered report.

The calculations are checked on a small hand-made ``ringkasan`` (every figure below is worked
out by hand); the report on a rendered demo province, whose totals must equal the sum of the
unit reports' own totals, read back from the files a reader gets.
"""

from __future__ import annotations

import json
import re
import subprocess

import nbformat
import openpyxl
import pandas as pd
import papermill
import pytest
from builders import PLACEHOLDER, text_of
from click.testing import CliRunner

from lkip_helpers import config, demo, rekap
from lkip_helpers.cli import main
from lkip_helpers.dataset import bertipe, muat_dataset
from lkip_helpers.selection import RekapYear, UnitYear, find_chapters, nama_pemda, rekap_years

PEMDA = "Kabupaten Contoh"


def _ringkasan(rows: list[dict]) -> pd.DataFrame:
    base = {"pemda": PEMDA, "kabupaten_kota": PEMDA, "provinsi": "Contoh"}
    return bertipe(pd.DataFrame([{**base, "nama_unit": f"Dinas {r['unit'].title()}", **r}
                                 for r in rows]), "ringkasan")


@pytest.fixture
def ringkasan():
    return _ringkasan([
        # 2024: three units, one without a capaian, one below its spending minimum
        {"unit": "a", "tahun": 2024, "capaian": 95.5, "kategori": "Sangat Baik",
         "pagu_belanja": 1_000_000_001, "realisasi_belanja": 900_000_000,
         "serapan_belanja": 89.99, "serapan_minimal_belanja": 85.0, "memenuhi_belanja": True,
         "jumlah_indikator": 4},
        {"unit": "b", "tahun": 2024, "capaian": 101.25, "kategori": "Sangat Baik",
         "pagu_belanja": 3, "realisasi_belanja": 1, "serapan_belanja": 33.33,
         "serapan_minimal_belanja": 85.0, "memenuhi_belanja": False,
         "pagu_pendapatan": 200, "realisasi_pendapatan": 150, "serapan_pendapatan": 75.0,
         "serapan_minimal_pendapatan": 80.0, "memenuhi_pendapatan": False,
         "jumlah_indikator": 2},
        {"unit": "c", "tahun": 2024, "capaian": None, "kategori": None,
         "pagu_belanja": 500, "realisasi_belanja": 500, "serapan_belanja": 100.0},
        # 2023: two of them
        {"unit": "a", "tahun": 2023, "capaian": 90.0, "pagu_belanja": 10,
         "realisasi_belanja": 9, "serapan_belanja": 90.0},
        {"unit": "b", "tahun": 2023, "capaian": 101.25, "pagu_belanja": 10,
         "realisasi_belanja": 10, "serapan_belanja": 100.0},
        # another local government, same year: never mixed in
        {"unit": "z", "tahun": 2024, "capaian": 50.0, "pemda": "Kota Lain",
         "kabupaten_kota": "Kota Lain", "pagu_belanja": 7, "realisasi_belanja": 7},
    ])


def test_a_local_government_is_chosen_by_its_slug_or_its_name(ringkasan):
    assert config.slug(PEMDA) == "kabupaten-contoh"
    by_slug = rekap.pilih(ringkasan, "kabupaten-contoh", 2024)
    by_name = rekap.pilih(ringkasan, PEMDA, 2024)
    assert list(by_slug["unit"]) == list(by_name["unit"]) == ["a", "b", "c"]
    assert list(rekap.daftar_pemda(ringkasan).itertuples(index=False, name=None)) == [
        (PEMDA, "kabupaten-contoh", 2023, 2), (PEMDA, "kabupaten-contoh", 2024, 3),
        ("Kota Lain", "kota-lain", 2024, 1)]


def test_ranks_put_the_highest_first_and_a_unit_without_a_figure_last(ringkasan):
    df = rekap.peringkat_capaian(ringkasan, PEMDA, 2024)
    assert list(df["unit"]) == ["b", "a", "c"]
    assert df["peringkat"].tolist() == [1, 2, pd.NA]
    assert str(df["capaian"].dtype) == "Float64" and str(df["peringkat"].dtype) == "Int64"
    serapan = rekap.peringkat_serapan(ringkasan, PEMDA, 2024)
    assert list(serapan["unit"]) == ["c", "a", "b"]
    assert serapan["memenuhi"].tolist() == [pd.NA, True, False]


def test_totals_are_exact_sums_and_absorption_is_recomputed_from_them(ringkasan):
    total = rekap.total_anggaran(ringkasan, PEMDA, 2024).iloc[0]
    assert total["jumlah_unit"] == 3
    assert total["pagu_belanja"] == 1_000_000_504
    assert total["realisasi_belanja"] == 900_000_501
    # 900000501 / 1000000504 = 90.0000047%: from the sums, not the units' mean (74.44%)
    assert total["serapan_belanja"] == pytest.approx(90.0000047, abs=1e-7)
    assert total["pagu_pendapatan"] == 200 and total["serapan_pendapatan"] == 75.0
    table = rekap.anggaran_unit(ringkasan, PEMDA, 2024)
    assert table["nama_unit"].tolist() == ["Dinas A", "Dinas C", "Dinas B", rekap.JUMLAH]
    assert table["pagu_belanja"].iloc[-1] == table["pagu_belanja"].iloc[:-1].sum()
    pendapatan = rekap.anggaran_unit(ringkasan, PEMDA, 2024, "pendapatan")
    assert pendapatan["nama_unit"].tolist() == ["Dinas B", rekap.JUMLAH]


def test_units_below_their_minimums_with_the_gap(ringkasan):
    df = rekap.di_bawah_minimal(ringkasan, PEMDA, 2024)
    assert list(df.itertuples(index=False, name=None)) == [
        ("b", "Dinas B", "belanja", 33.33, 85.0, -51.67),
        ("b", "Dinas B", "pendapatan", 75.0, 80.0, -5.0)]


def test_categories_are_counted_over_units_and_indicators(ringkasan):
    indikator = bertipe(pd.DataFrame([
        {"pemda": PEMDA, "unit": "a", "tahun": 2024, "capaian": 120.0, "kategori": "Sangat Baik"},
        {"pemda": PEMDA, "unit": "a", "tahun": 2024, "capaian": 60.0, "kategori": "Kurang"},
        {"pemda": PEMDA, "unit": "c", "tahun": 2024, "capaian": None, "kategori": None},
    ]), "indikator")
    df = rekap.distribusi_kategori(ringkasan, indikator, PEMDA, 2024)
    assert list(df.itertuples(index=False, name=None)) == [
        ("Sangat Baik", 2, 66.67, 1, 33.33), ("Kurang", 0, 0.0, 1, 33.33),
        ("belum_ada_data", 1, 33.33, 1, 33.33)]


def test_trends_per_unit_and_for_the_local_government(ringkasan):
    df = rekap.tren_unit(ringkasan, PEMDA, 2024)
    assert list(df["unit"]) == ["b", "a", "c"]
    assert df[2023].tolist() == [101.25, 90.0, pd.NA]
    assert df["perubahan"].tolist() == [0.0, 5.5, pd.NA]
    assert df["arah"].tolist() == [rekap.TETAP, rekap.NAIK, pd.NA]
    tren = rekap.tren_pemda(ringkasan, PEMDA, 2024)
    assert tren["tahun"].tolist() == [2023, 2024]
    assert tren["capaian_rata"].tolist() == [95.62, 98.38]  # (90 + 101.25) / 2; (95.5 + 101.25) / 2
    assert tren["pagu_belanja"].tolist() == [20, 1_000_000_504]
    assert rekap.rata_capaian(ringkasan, PEMDA, 2024) == 98.38


def test_the_years_of_the_data_and_the_workbooks_left_out_of_a_year(ringkasan):
    assert rekap.tahun_data(ringkasan, PEMDA) == [2023, 2024]
    assert rekap.tahun_data(ringkasan, PEMDA, 2023) == [2023]
    assert rekap.tahun_data(ringkasan, "Kota Lain", 2024) == [2024]
    dilewati = pd.DataFrame({"unit": ["a", "b", "c"], "tahun": [2023, 2024, 2024],
                             "jumlah_masalah": [1, 2, 3]})
    tahun_ini = rekap.dilewati_tahun(dilewati, 2024)
    assert tahun_ini["unit"].tolist() == ["b", "c"]
    assert tahun_ini["jumlah_masalah"].tolist() == [2, 3]


def test_a_chart_names_a_unit_without_its_local_government_and_demo_mark():
    assert rekap.nama_singkat(f"Dinas Sosial Provinsi Contoh Nusantara {demo.TANDA_DEMO}",
                              "Provinsi Contoh Nusantara") == "Dinas Sosial"


def test_roll_up_names_are_safe_folders_and_reserved_for_units():
    assert nama_pemda(None, "Nusa Tenggara Timur") == "Provinsi Nusa Tenggara Timur"
    assert nama_pemda("Kota Kupang", "Nusa Tenggara Timur") == "Kota Kupang"
    assert rekap_years([{"provinsi": "Nusa Tenggara Timur", "tahun": 2023},
                        {"kabupaten_kota": "", "provinsi": None, "tahun": 2023}]) == [
        RekapYear("provinsi-nusa-tenggara-timur", 2023)]
    item = RekapYear("kota-kupang", 2024)
    assert item.report_dir("/r").parts[-3:] == ("rekap", "kota-kupang", "2024")
    assert item.stem == "rekap-kota-kupang-2024"
    for bad in ("../etc", "Kota Kupang", ""):
        with pytest.raises(config.InvalidName):
            RekapYear(bad, 2024)
    for reserved in sorted(config.RESERVED_UNITS):
        with pytest.raises(config.InvalidName, match="holds other output"):
            UnitYear(reserved, 2024)


# -- the rendered roll-up of a demo province -------------------------------------------------
YEARS = (2023, 2024)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Three demo units over two years, every unit report and both roll-ups, all formats."""
    province = demo.buat_demo(tmp_path_factory.mktemp("rekap") / "data", units=3, tahun=YEARS)
    out = province.folder.parent / "reports"
    result = CliRunner().invoke(main, ["render", "--all", "--rekap", "--jobs", "2",
                                       "--data-dir", str(province.folder),
                                       "--output-dir", str(out)])
    assert result.exit_code == 0, result.output
    return province, out, result.output


def _belanja_tahun(xlsx, year: int) -> tuple[int, int]:
    """(pagu, realisasi) of spending in ``year`` as a unit report's Excel file states it (its
    table of spending over the years)."""
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        if rows and "Pagu dan realisasi belanja dari tahun ke tahun" in str(rows[0][0]):
            for row in rows:
                if row and row[0] == year:
                    return int(row[1]), int(row[2])
    raise AssertionError(f"no spending row of {year} in {xlsx}")


def _rekap_jumlah(xlsx) -> tuple[int, int]:
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        if rows and "Pagu, realisasi dan serapan belanja per unit kerja" in str(rows[0][0]):
            jumlah = [r for r in rows if r and r[0] == rekap.JUMLAH]
            assert len(jumlah) == 1
            return int(jumlah[0][1]), int(jumlah[0][2])
    raise AssertionError(f"no spending table in {xlsx}")


@pytest.mark.slow
def test_the_roll_up_totals_equal_the_sum_of_the_unit_reports(rendered):
    province, out, output = rendered
    assert output.count("ok     rekap provinsi-contoh-nusantara") == 2
    for year in YEARS:
        units = [u for u, y in province.ciri if y == year]
        pagu = realisasi = 0
        for unit in units:
            p, r = _belanja_tahun(out / unit / str(year) / f"{unit}-{year}.xlsx", year)
            pagu, realisasi = pagu + p, realisasi + r
        folder = out / "rekap" / "provinsi-contoh-nusantara" / str(year)
        stem = f"rekap-provinsi-contoh-nusantara-{year}"
        assert _rekap_jumlah(folder / f"{stem}.xlsx") == (pagu, realisasi)
        # the reader sees the same sums, the Indonesian way, in the HTML and the PDF
        shown = f"Rp{pagu:,}".replace(",", ".")
        html = text_of((folder / f"{stem}.html").read_text("utf-8"))
        assert f"Jumlah {shown}" in html
        pdf = subprocess.run(["pdftotext", "-layout", str(folder / f"{stem}.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
        assert re.search(rf"Jumlah\s+{re.escape(shown)}", pdf)
        facts = json.loads((folder / "facts.json").read_text("utf-8"))
        assert facts["pagu"] == shown and facts["jumlah_unit"] == len(units)


@pytest.mark.slow
def test_the_roll_up_ranks_flags_and_says_it_is_demo_data(rendered):
    province, out, _ = rendered
    folder = out / "rekap" / "provinsi-contoh-nusantara" / "2024"
    text = text_of((folder / "rekap-provinsi-contoh-nusantara-2024.html").read_text("utf-8"))
    cover = text[:text.index("Daftar Isi")]
    assert "Rekapitulasi Kinerja Perangkat Daerah" in cover and "Provinsi Contoh Nusantara" in cover
    assert "Data demo: dibuat dari buku kerja fiktif" in cover and "3 unit kerja" in cover
    assert "Kata Pengantar" not in text
    assert not PLACEHOLDER.search(text)
    ds = muat_dataset(province.folder)
    pemda = "provinsi-contoh-nusantara"
    first = rekap.peringkat_capaian(ds.ringkasan, pemda, 2024).iloc[0]
    assert f"Capaian tertinggi diraih {first['nama_unit']}" in text
    below = rekap.di_bawah_minimal(ds.ringkasan, pemda, 2024)
    assert len(below)  # the demo plants units below their minimums
    for nama in set(below["nama_unit"]):
        assert nama in text[text.index("C. Unit Kerja di Bawah Minimal"):]
    for heading in ("Bab I Ringkasan", "Bab II Peringkat Unit Kerja",
                    "Bab III Perkembangan Antartahun", "Tabel 3.2 Capaian kinerja unit kerja "
                    "tahun 2023–2024", "Gambar 2.1"):
        assert heading in text
    docx = folder / "rekap-provinsi-contoh-nusantara-2024.docx"
    assert docx.stat().st_size > 10_000


@pytest.mark.slow
def test_the_index_links_the_roll_ups_above_the_unit_reports(rendered):
    _, out, _ = rendered
    html = (out / "index.html").read_text("utf-8")
    for year in YEARS:
        assert (f'href="rekap/provinsi-contoh-nusantara/{year}/'
                f'rekap-provinsi-contoh-nusantara-{year}.html"') in html
    text = text_of(html)
    assert text.index("Rekapitulasi pemerintah daerah") < text.index("Laporan unit kerja")
    report = (out / "rekap" / "provinsi-contoh-nusantara" / "2024" /
              "rekap-provinsi-contoh-nusantara-2024.html").read_text("utf-8")
    assert 'href="../../../index.html"' in report


# -- the roll-up's notebooks, as an analyst opens them ----------------------------------------
REKAP_CHAPTERS = find_chapters(config.NOTEBOOKS_DIR, RekapYear("provinsi-x", 2023))


def test_the_roll_up_has_its_own_parameterized_chapters():
    assert [p.stem for p in REKAP_CHAPTERS] == ["01_ringkasan", "02_peringkat", "03_tren",
                                                "90_lampiran"]
    for path in REKAP_CHAPTERS:
        assert nbformat.read(path, as_version=4).cells[0].source.startswith("# ")
        found = papermill.inspect_notebook(str(path))
        for name, default in (("pemda", '"provinsi-nusa-tenggara-timur"'),
                              ("year", str(config.DEFAULT_YEAR)), ("data_dir", "None")):
            assert found[name]["default"] == default, (path.name, name)
            assert found[name]["help"].strip() and found[name]["inferred_type_name"] != "None"


@pytest.mark.slow
@pytest.mark.parametrize("path", REKAP_CHAPTERS, ids=lambda p: p.stem)
def test_run_all_on_the_embedded_data_shows_its_figures(path, tmp_path):
    """Opened in JupyterLab with the stored parameters, a roll-up chapter runs on the embedded
    unit-year (Provinsi Nusa Tenggara Timur, 2023: one unit) and shows nothing but outputs."""
    out = tmp_path / path.name
    papermill.execute_notebook(str(path), str(out), kernel_name="python3",
                               cwd=str(path.parent), progress_bar=False, log_output=False)
    outputs = [o for c in nbformat.read(out, as_version=4).cells if c.cell_type == "code"
               for o in c.outputs]
    assert outputs and all(o.output_type == "display_data" for o in outputs), path.name
    text = json.dumps([o.get("data", {}) for o in outputs], ensure_ascii=False)
    expected = {"01_ringkasan": ("Rp53.809.092.288", "Rp47.214.705.470", "87,74"),
                "02_peringkat": ("Biro Umum", "87,74"),
                "03_tren": ("Folder data hanya memuat tahun 2023 untuk pemerintah daerah ini",),
                "90_lampiran": ("biro-umum-ntt",)}[path.stem]
    for figure in expected:
        assert figure in text, (path.name, figure)
    assert "Traceback" not in text and "Warning" not in text
