"""Hostile and broken input: every case ends in a clear message and a non-zero exit, or a
correct report; never a traceback, a hang, or spreadsheet text run as code."""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import shutil
import subprocess
import warnings
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner
from PIL import Image
from builders import (CLEAN_TABLES, CLEAN_UNIT, CLEAN_YEAR, PROFIL_BARIS, PROGRAM, layout,
                      print_problems, write_clean)

from lkip_helpers import config
from lkip_helpers.cli import main
from lkip_helpers.errors import DataError
from lkip_helpers.load import MAX_DATA_ROWS, load_workbook_file, load_year
from lkip_helpers.parse import FORMULA_PREFIXES
from lkip_helpers.printing import resolve_pdf
from lkip_helpers.workbook import safe_text, write_workbook

SCRIPT = "<script>alert(1)</script>"
ROW_TANGGAL = PROFIL_BARIS["tanggal_laporan"]
TANGGAL_LAPORAN = f"B{ROW_TANGGAL}"
IMG = "<img src=x onerror=alert(1)>"
END_TABLE = "</table>"
LINK = "[klik](javascript:alert(1))"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def problems(path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_workbook_file(path)
    return [str(p) for p in info.value.problems]


def clean_copy(tmp_path, edit=None):
    """CLEAN_TABLES written under tmp_path/data, then ``edit(openpyxl workbook)`` applied."""
    write_clean(tmp_path / "data")
    path = tmp_path / "data" / CLEAN_UNIT / str(CLEAN_YEAR) / config.WORKBOOK_NAME
    if edit:
        wb = openpyxl.load_workbook(path)
        edit(wb)
        wb.save(path)
    return path


# --------------------------------------------------------------------------- HTML in the data


def hostile_tables() -> dict:
    """CLEAN_TABLES with markup in names, labels, free text and the profile."""
    tables = copy.deepcopy(CLEAN_TABLES)
    program = f"{PROGRAM} {SCRIPT}"
    tables["profil"].update(nama_unit=f"Bagian Umum {SCRIPT}", kepala_nama=IMG,
                            kepala_jabatan=f"Kepala {END_TABLE}", provinsi=LINK)
    tables["indikator"][0].update(indikator=f"Persentase layanan {END_TABLE}{SCRIPT}",
                                  sasaran=IMG, program=program)
    tables["indikator"][1].update(penjelasan=f"Lebih cepat {IMG}", program=program)
    tables["keluaran"][0]["keluaran"] = f"Layanan {SCRIPT}"
    for row in tables["anggaran"][1:]:
        row["program"] = program
    tables["anggaran"][2]["kegiatan"] = f"Administrasi {IMG}"
    tables["anggaran"][4]["penjelasan"] = f"Ditunda {END_TABLE} {LINK}"
    tables["aset"][0]["kategori"] = f"Tanah {SCRIPT}"
    tables["pegawai_bagian"][0]["bagian"] = f"Subbagian {END_TABLE}"
    tables["pegawai_golongan"][0]["pangkat"] = IMG
    tables["pegawai_jabatan"][0]["jabatan"] = f"Eselon III {SCRIPT}"
    tables["komitmen"][0]["uraian"] = f"e-Purchasing {IMG}"
    return tables


def assert_shown_as_text(html: str) -> None:
    assert SCRIPT not in html and "<script" not in html.lower()
    assert "<img src=x" not in html and "javascript:" not in html.replace(
        "[klik](javascript:alert(1))", "")  # only as escaped text, never as a link
    assert html.count("<table") == html.count("</table>")  # no table closed early
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/table&gt;" in html


def test_markup_in_the_data_is_shown_as_text_in_report_and_index(tmp_path):
    data, reports = tmp_path / "data", tmp_path / "reports"
    write_workbook(data / CLEAN_UNIT / str(CLEAN_YEAR) / config.WORKBOOK_NAME, hostile_tables())
    result = invoke("render", CLEAN_UNIT, str(CLEAN_YEAR), "--format", "html", "-j", "1",
                    "--data-dir", str(data), "--output-dir", str(reports))
    assert result.exit_code == 0, result.output
    html = (reports / CLEAN_UNIT / str(CLEAN_YEAR) / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html").read_text(
        encoding="utf-8")
    assert_shown_as_text(html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # kepala_nama on the cover
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "Bagian Umum &lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert SCRIPT not in index and "<img src=x" not in index


# --------------------------------------------------------------------------- XML and containers


_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10}">'
                     for i in range(1, 10)) + "]>")


def _with_laughs(src, dest, part: str) -> None:
    """Copy the xlsx ``src`` to ``dest`` with a billion-laughs DTD before ``part``'s root."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                text = data.decode("utf-8")
                if text.startswith("<?xml"):
                    text = text.split("?>", 1)[1]
                root_end = text.index(">") + 1
                data = (_LAUGHS + text[:root_end] + "<!-- &lol9; -->" + text[root_end:]).encode()
            zout.writestr(item, data)


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet2.xml",
                                  "[Content_Types].xml"])
def test_entity_expansion_is_refused(workbook_copy, part):
    path = workbook_copy()
    _with_laughs(config.PROJECT_ROOT / "data/biro-umum-ntt/2023/lkip.xlsx", path, part)
    [line] = problems(path)
    assert f"lkip.xlsx: expected an Excel workbook (.xlsx); this file is not one: part {part} " \
           "declares a DTD" in line
    assert "\n" not in line  # one line, as every problem


def test_a_dtd_in_another_encoding_is_refused_too(workbook_copy):
    """The DTD check reads the XML as a parser does (UTF-16 here), not as bytes."""
    path = workbook_copy()
    src = config.PROJECT_ROOT / "data/biro-umum-ntt/2023/lkip.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode("utf-8").split("?>", 1)[-1]
                data = ('<?xml version="1.0" encoding="UTF-16"?>' + _LAUGHS.split("?>", 1)[1]
                        + text).encode("utf-16")
            zout.writestr(item, data)
    [line] = problems(path)
    assert "part xl/workbook.xml declares a DTD" in line


@pytest.mark.parametrize("content, expected", [
    (b"", "this file is not one"),  # empty file
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000, "this file is not one"),  # .xls (OLE2)
    (b"kunci,nilai\nnama_unit,Biro Umum\n", "this file is not one"),  # .csv
    (b"PK\x03\x04" + os.urandom(3000), "this file is not one"),  # a broken zip
])
def test_files_that_are_not_xlsx(workbook_copy, content, expected):
    path = workbook_copy()
    path.write_bytes(content)
    [line] = problems(path)
    assert "biro-umum-ntt/2023/lkip.xlsx: expected an Excel workbook (.xlsx)" in line
    assert expected in line


def test_a_zip_that_is_no_workbook(workbook_copy):
    path = workbook_copy()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    [line] = problems(path)
    assert "a zip file without xl/workbook.xml; .xls and .ods files must be saved as .xlsx" in line


def test_an_empty_workbook_lists_every_required_sheet(tmp_path):
    path = tmp_path / "kosong" / "2023" / "lkip.xlsx"
    path.parent.mkdir(parents=True)
    openpyxl.Workbook().save(path)
    lines = problems(path)
    assert [line.split(": ", 1)[0].rsplit(", ", 1)[1] for line in lines] == [
        "sheet profil", "sheet indikator"]
    assert "expected a sheet named 'profil'" in lines[0] and "the workbook has: Sheet" in lines[0]


def test_a_huge_sheet_is_refused_with_a_clear_message(tmp_path):
    path = clean_copy(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb.remove(wb["aset"])
    wb.save(path)
    # Rebuild the workbook in write-only mode with a 50.000-row sheet 'aset'.
    src = openpyxl.load_workbook(path)
    big = openpyxl.Workbook(write_only=True)
    for ws in src.worksheets:
        out = big.create_sheet(ws.title)
        for row in ws.iter_rows(values_only=True):
            out.append(row)
    aset = big.create_sheet("aset")
    aset.append(["kategori", "golongan_kib", "jumlah"])
    for i in range(50_000):
        aset.append([f"Barang {i}", "B", 1])
    big.save(path)
    [line] = problems(path)
    assert f"sheet aset, row {MAX_DATA_ROWS + 2}: expected at most 10,000 rows of data" in line


# --------------------------------------------------------------------------- cells


def test_formula_cells_without_cached_values(tmp_path):
    def edit(wb):
        wb["anggaran"]["C4"] = '=HYPERLINK("http://contoh.invalid","klik")'
        wb["profil"]["B2"] = "=A1"

    lines = problems(clean_copy(tmp_path, edit))
    assert any("sheet anggaran, row 4, column kegiatan (C): formula without a cached value" in x
               for x in lines)
    assert any("sheet profil, row 2, column nama_unit (B): formula without a cached value" in x
               for x in lines)


def test_merged_header_cells_lose_a_required_column(tmp_path):
    lines = problems(clean_copy(tmp_path, lambda wb: wb["anggaran"].merge_cells("D1:E1")))
    assert any("sheet anggaran, row 1, column pagu: missing required column" in x for x in lines)


def test_data_under_a_blank_header_is_reported(tmp_path):
    def edit(wb):  # header 'golongan_kib' lost (e.g. merged into A1), its values still below
        wb["aset"]["B1"] = None

    lines = problems(clean_copy(tmp_path, edit))
    assert [x.split("lkip.xlsx, ", 1)[1] for x in lines] == [
        "sheet aset, row 2, column B: value 'A'; expected no data outside the named columns (row 1)"]


def test_trailing_empty_and_blank_rows_are_ignored(tmp_path):
    def edit(wb):
        ws = wb["pegawai_bagian"]
        for r in range(4, 400):
            ws.cell(row=r, column=1, value="   " if r % 2 else None)
            ws.cell(row=r, column=2).number_format = "0"

    path = clean_copy(tmp_path, edit)
    lkip = load_workbook_file(path)
    assert lkip.pegawai_bagian["jumlah"].tolist() == [10, 8]


def test_numbers_typed_as_text_in_every_style(workbook_copy):
    styles = [  # (text, expected Rupiah) in rows 2-5 of riwayat_anggaran, pagu (column B)
        ("Rp 116.943.082.326", 116_943_082_326), ("Rp. 111.617.829.255,-", 111_617_829_255),
        ("62,755,193,270", 62_755_193_270), ("IDR 53.809.092.288,00", 53_809_092_288)]
    percents = [("88,05%", 88.05), ("91.66", 91.66), ("94,77", 94.77), (0.8774, 87.74)]

    def edit(wb):
        ws = wb["riwayat_anggaran"]
        for r, ((text, _), (pct, _)) in enumerate(zip(styles, percents), start=2):
            ws.cell(row=r, column=2, value=text)
            ws.cell(row=r, column=4, value=pct)
        ws["D5"].number_format = "0.00%"  # 0.8774 shown as 87,74% in Excel
        wb["indikator"]["I2"] = "100 % (180 Kegiatan)"
        wb["aset"]["C4"] = "8.284"
        wb["keluaran"]["E5"] = " 108 "

    lkip = load_year("biro-umum-ntt", 2023, workbook_copy(edit).parents[2])
    assert lkip.riwayat_anggaran["pagu"].tolist() == [v for _, v in styles]
    assert lkip.riwayat_anggaran["persen_dinyatakan"].tolist() == [v for _, v in percents]
    assert lkip.indikator.loc[2, "realisasi"] == 100
    assert lkip.aset.loc[4, "jumlah"] == 8284 and lkip.keluaran.loc[5, "realisasi"] == 108


@pytest.mark.parametrize("value", [10**20, 2**63, "9" * 40, 1e300])
def test_numbers_too_large_for_a_count_or_amount(workbook_copy, value):
    lines = problems(workbook_copy({("anggaran", "E4"): value, ("aset", "C2"): value}))
    assert [x.split("lkip.xlsx, ", 1)[1].split(": ", 1)[0] for x in lines] == [
        "sheet anggaran, row 4, column pagu (E)", "sheet aset, row 2, column jumlah (C)"]
    assert all("this number is too large" in x for x in lines)


@pytest.mark.parametrize("text", ["27 Februari 2024", "27/02/2024", "27-02-2024", "2024-02-27",
                                  "27 Feb 2024", "27 February 2024", " 27.02.2024 "])
def test_dates_typed_as_text(workbook_copy, text):
    lkip = load_year("biro-umum-ntt", 2023,
                     workbook_copy({("profil", TANGGAL_LAPORAN): text}).parents[2])
    assert lkip.profil["tanggal_laporan"] == dt.date(2024, 2, 27)


def test_a_date_serial_out_of_range_is_a_problem_without_python_warnings(workbook_copy):
    path = workbook_copy({("profil", TANGGAL_LAPORAN): 46_952_192_890_922})  # date-formatted
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [line] = problems(path)
    assert f"sheet profil, row {ROW_TANGGAL}, column tanggal_laporan (B): value '#VALUE!'; " \
        "expected a date" in line
    assert [str(w.message) for w in caught] == []


@pytest.mark.parametrize("text", ["31/02/2024", "besok", "02/27/2024"])
def test_impossible_dates_are_refused_with_their_place(workbook_copy, text):
    path = workbook_copy({("profil", TANGGAL_LAPORAN): text})
    [line] = problems(path)
    assert f"sheet profil, row {ROW_TANGGAL}, column tanggal_laporan (B): value '{text}'; " \
        "expected a date" in line


# --------------------------------------------------------------------------- names and paths


BAD_NAMES = [("../x", "2023"), ("/etc", "2023"), ("biro-umum-ntt", "../2023"),
             ("biro umum", "2023"), ("Biro-Umum", "2023"), ("biro-umum-ntt/..", "2023"),
             ("bíro", "2023"), ("biro-umum-ntt", "2023/../../x"), ("..", "2023")]


@pytest.mark.parametrize("unit, year", BAD_NAMES)
def test_load_year_refuses_names_that_leave_data(tmp_path, unit, year):
    with pytest.raises(config.InvalidName, match="is not allowed"):
        load_year(unit, year, tmp_path)


@pytest.mark.parametrize("unit, year", BAD_NAMES)
def test_cli_refuses_names_that_leave_data_or_reports(tmp_path, unit, year):
    for args in (["check", unit, year, "--reviu"],
                 ["render", unit, year, "--format", "html", "--output-dir", str(tmp_path / "r")],
                 ["template", unit, year, "--data-dir", str(tmp_path / "d")]):
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "not allowed" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_unit_folder_linking_outside_data_is_refused(tmp_path):
    outside = tmp_path / "outside" / "2023"
    outside.mkdir(parents=True)
    data = tmp_path / "data"
    data.mkdir()
    (data / "tautan").symlink_to(tmp_path / "outside", target_is_directory=True)
    with pytest.raises(config.InvalidName, match="resolves outside"):
        load_year("tautan", 2023, data)


# --------------------------------------------------------------------------- formula injection


INJECTIONS = ['=HYPERLINK("http://contoh.invalid","klik")', "+62 812 3456 7890", "-2+3",
              "@SUM(A1)", " =1+1"]


def test_safe_text_guards_formula_prefixes():
    assert [safe_text(v) for v in INJECTIONS] == ["'" + v for v in INJECTIONS]
    assert safe_text("-") == "-" and safe_text(5) == 5 and safe_text("Biro") == "Biro"


def _cells_starting_with_a_formula_prefix(path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [f"{ws.title}!{cell.coordinate}={cell.value!r}"
            for ws in wb.worksheets for row in ws.iter_rows() for cell in row
            if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.strip() != "-"
                                         and cell.value.lstrip().startswith(FORMULA_PREFIXES))]


def test_written_workbooks_never_start_a_cell_with_a_formula_prefix(tmp_path):
    tables = copy.deepcopy(CLEAN_TABLES)
    tables["profil"]["nama_unit"] = INJECTIONS[0]
    tables["profil"]["kepala_nip"] = INJECTIONS[1]
    tables["pegawai_bagian"][0]["bagian"] = INJECTIONS[2]
    tables["komitmen"][0]["uraian"] = INJECTIONS[3]
    tables["anggaran"][4]["penjelasan"] = INJECTIONS[4]
    path = write_workbook(tmp_path / CLEAN_UNIT / str(CLEAN_YEAR) / "lkip.xlsx", tables)
    assert _cells_starting_with_a_formula_prefix(path) == []
    lkip = load_workbook_file(path)  # the guard is removed again on reading
    assert lkip.profil["nama_unit"] == INJECTIONS[0]
    assert lkip.profil["kepala_nip"] == INJECTIONS[1]
    assert lkip.pegawai_bagian.loc[2, "bagian"] == INJECTIONS[2]
    assert lkip.komitmen.loc[2, "uraian"] == INJECTIONS[3]
    assert lkip.anggaran.loc[6, "penjelasan"] == INJECTIONS[4].strip()  # "=1+1"


def test_template_and_embedded_workbook_hold_no_formula(tmp_path):
    result = invoke("template", "dinas-baru", "2025", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert _cells_starting_with_a_formula_prefix(tmp_path / "dinas-baru/2025/lkip.xlsx") == []
    seed = config.PROJECT_ROOT / "data/biro-umum-ntt/2023/lkip.xlsx"
    assert _cells_starting_with_a_formula_prefix(seed) == []


def test_reviu_of_a_hostile_workbook_is_plain_text(tmp_path):
    write_workbook(tmp_path / CLEAN_UNIT / str(CLEAN_YEAR) / "lkip.xlsx", hostile_tables())
    result = invoke("check", CLEAN_UNIT, str(CLEAN_YEAR), "--reviu", "--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Reviu: 0 items to check" in result.output


# --------------------------------------------------------------------------- layout


LONG_WORD = "Pelayanan" + "x" * 391  # one 400-character word
EMOJI, ARABIC = "😀🚀✅", "مرحبا بالعالم"
#: Text that looks like markup loading something, typed by the unit: shown as text.
URL_TEXT = 'Lihat <img src="http://contoh.invalid/a.png"> dan url(http://contoh.invalid/b.css).'


def hostile_layout_tables() -> dict:
    """CLEAN_TABLES with a 400-character word in an indicator and a kegiatan, emoji and Arabic
    in names, and markup-like URLs in the unit's text."""
    tables = copy.deepcopy(CLEAN_TABLES)
    tables["profil"]["nama_unit"] = f"Bagian Umum {EMOJI} {ARABIC}"
    tables["indikator"][0]["indikator"] = f"Persentase {LONG_WORD} layanan {EMOJI}"
    tables["indikator"][1]["sasaran"] = f"Sasaran {ARABIC} {EMOJI}"
    tables["anggaran"][2]["kegiatan"] = f"Administrasi {LONG_WORD}"
    tables["keluaran"][0]["keluaran"] = f"Layanan {ARABIC}"
    tables["pegawai_bagian"][0]["bagian"] = f"Subbagian {EMOJI} {ARABIC}"
    tables["narasi"] = [dict(row) for row in tables["narasi"]]
    tables["narasi"][0]["teks"] += f" {URL_TEXT} {LONG_WORD}"
    return tables


def _installed(font: str) -> bool:
    listing = subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    return font.lower() in listing.lower()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_long_words_emoji_and_arabic_stay_inside_the_page_and_the_screen(tmp_path):
    chromium, _ = resolve_pdf(("html", "pdf"))
    if chromium is None:
        pytest.skip("Chromium not installed")
    data, reports = tmp_path / "data", tmp_path / "reports"
    write_workbook(data / CLEAN_UNIT / str(CLEAN_YEAR) / config.WORKBOOK_NAME,
                   hostile_layout_tables())
    result = invoke("render", CLEAN_UNIT, str(CLEAN_YEAR), "-j", "1",
                    "--data-dir", str(data), "--output-dir", str(reports))
    assert result.exit_code == 0, result.output
    folder = reports / CLEAN_UNIT / str(CLEAN_YEAR)
    html = (folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html").read_text("utf-8")
    log = (folder / "render.log").read_text("utf-8")
    assert LONG_WORD in html and ARABIC in html and EMOJI in html
    assert "&lt;img src=&#34;http://contoh.invalid/a.png&#34;&gt;" in html.replace("&quot;", "&#34;")
    assert "may not open offline" not in log  # escaped text is no reference
    if _installed("Symbola"):
        assert "missing from font" not in log  # emoji in chart labels have a font
    # on paper: full size, every word of every table between the margins
    pdf = folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.pdf"
    assert print_problems(pdf) == []
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert ARABIC in text and "😀" in text and LONG_WORD[:60] in text
    if _installed("Noto Color Emoji"):  # the emoji drawn in colour, not as empty boxes
        cover = subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf)],
                               capture_output=True, check=True).stdout
        pixels = Image.open(io.BytesIO(cover)).convert("RGB").get_flattened_data()
        assert sum(1 for r, g, b in pixels if r > 200 and g > 150 and b < 80) > 20  # 😀 yellow
    # on screen: no table cut at 1280 px; on a phone the page itself never scrolls sideways
    page = layout(chromium, folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html", 1280)
    assert [t["caption"] for t in page["tables"] if t["content"] > t["box"]] == []
    assert layout(chromium, folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html", 390)["width"] == 390
