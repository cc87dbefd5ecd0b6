"""No silent misreads (issue 9, items 5 and 6).

A number typed as text is read exactly by THE rule of ``lkip_helpers/parse.py`` (documented in
``data/README.md``) or refused with a located message; never another number. Text never
reaches a chart as mathtext, control and bidi characters are removed with a located warning,
a damaged sheet is one located problem, and the template's next command keeps ``--data-dir``.
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from decimal import Decimal

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_helpers import charts
from lkip_helpers.cli import main
from lkip_helpers.errors import DataError
from lkip_helpers.load import load_year
from lkip_helpers.parse import PERCENT_MAX, ParseError, parse_cell
from lkip_helpers.schema import SHEETS, SHEETS_BY_NAME

UNIT, YEAR = "biro-umum-ntt", 2023
MANY = settings(max_examples=400, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

#: Every numeric column of the schema, and each kind once more with the other allow_suffix.
NUMERIC = [c for s in SHEETS for c in s.columns if c.kind in ("int", "rupiah", "number", "percent")]
COLUMNS = NUMERIC + [replace(c, allow_suffix=not c.allow_suffix)
                     for c in {c.kind: c for c in NUMERIC}.values()]
TARGET = SHEETS_BY_NAME["indikator"].column("target")  # number, unit and note allowed
AMBANG = SHEETS_BY_NAME["komitmen"].column("ambang")  # number, unit and note allowed
NILAI = SHEETS_BY_NAME["total_dinyatakan"].column("nilai")  # number, nothing after it
PERSEN = SHEETS_BY_NAME["anggaran"].column("persen_dinyatakan")  # percent
PAGU = SHEETS_BY_NAME["anggaran"].column("pagu")  # rupiah
JUMLAH = SHEETS_BY_NAME["aset"].column("jumlah")  # int


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def refused(value, col) -> str:
    with pytest.raises(ParseError) as info:
        parse_cell(value, col)
    return str(info.value)


# --------------------------------------------------------------------------- the generator
#
# A number is built from its parts (sign, whole part, decimal digits) and then written in one
# of the styles people type; the value the writer means is computed from the parts with
# Decimal, never by the parser. Decorations either keep that value (Rp, %, ",-", a unit of
# measure, a note in brackets, spaces around) or change it (a scale word: the meaning is the
# value times the scale) or leave no single value (a range, a second number: None).

SPACES = [" ", "\u00a0", "\u2009", "\u202f"]


def _group(whole: int, sep: str) -> str:
    return f"{whole:,}".replace(",", sep)


@st.composite
def written_numbers(draw) -> tuple[str, Decimal | None]:
    whole = draw(st.one_of(st.integers(0, 999), st.integers(1000, 10**13)))
    frac = draw(st.sampled_from(["", "", "5", "05", "74", "500", "125", "0", "00", "1234"]))
    negative = draw(st.booleans()) and draw(st.booleans())
    value = Decimal(f"{whole}.{frac}" if frac else whole)
    style = draw(st.sampled_from(["id", "en", "space", "plain,", "plain."]))
    if style == "id":
        text = _group(whole, ".") + ("," + frac if frac else "")
    elif style == "en":
        text = _group(whole, ",") + ("." + frac if frac else "")
    elif style == "space":
        text = _group(whole, draw(st.sampled_from(SPACES))) + (
            draw(st.sampled_from(",.")) + frac if frac else "")
    else:
        text = str(whole) + (style[-1] + frac if frac else "")
    if text == f"{whole}.{frac}" and len(frac) == 3 and whole >= 1:
        # By THE rule a lone dot before three digits groups thousands (Indonesian): "123.456"
        # is 123456, so it is no way to write 123,456; the README says to write 123,4560.
        text = f"{whole},{frac}0"
    if negative:
        text, value = "-" + text, -value
    meant: Decimal | None = value
    if draw(st.booleans()):
        text = draw(st.sampled_from(["Rp ", "Rp. ", "Rp", "IDR "])) + text
    if not frac and draw(st.booleans()):
        text += ",-"
    if draw(st.booleans()):
        text += draw(st.sampled_from(["%", " %", "\u00a0%"]))
    ending = draw(st.sampled_from(
        ["", "", "", "unit", "note", "scale", "range", "second", "odd"]))
    if ending == "unit":
        text += draw(st.sampled_from([" dokumen", " kali", " orang", " Kegiatan", "kali",
                                      " hari/kegiatan", " %"]))
    elif ending == "note":
        text += draw(st.sampled_from([" (180 Kegiatan)", " (lihat Tabel 3.2)", "(Rp 5.000)",
                                      " [catatan]"]))
    elif ending == "scale":
        word, factor = draw(st.sampled_from([
            (" ribu", 10**3), (" rb", 10**3), (" juta", 10**6), ("jt", 10**6),
            (" Juta", 10**6), (" miliar", 10**9), (" milyar", 10**9), (" M", 10**9),
            ("M", 10**9), (" triliun", 10**12), (" T", 10**12), ("K", 10**3),
            (" million", 10**6), (" (dalam juta)", 10**6)]))
        text += word
        meant = value * factor
    elif ending in ("range", "second"):
        other = draw(st.integers(0, 10**6))
        joint = draw(st.sampled_from([" - ", "-", "\u2013", " \u2013 ", " s.d. ", " s/d ",
                                      " sampai ", " hingga ", " dan ", " / "]) if ending == "range"
                     else st.sampled_from([" dokumen ", " x ", "e", " atau ", "/"]))
        # (not a plain space: "123 456" is 123456 by THE rule, spaces group thousands)
        text += joint + str(other)
        meant = None
    elif ending == "odd":
        text += draw(st.sampled_from([" +", "+", " \u2030", " *"]))
        meant = None  # "5+" means "5 or more", "5 ‰" is per mille
    if draw(st.booleans()):
        text = draw(st.sampled_from([" ", "\u00a0"])) + text + " "
    return text, meant


@MANY
@given(written=written_numbers(), col=st.sampled_from(COLUMNS))
def test_a_number_string_is_read_exactly_or_refused_never_misread(written, col):
    text, meant = written
    try:
        value = parse_cell(text, col)
    except ParseError as error:
        assert str(error).startswith("expected"), str(error)
        return
    assert meant is not None, f"{text!r} in {col.name} ({col.kind}) read as {value!r}"
    assert value == meant, f"{text!r} in {col.name} ({col.kind}) read as {value!r}, not {meant}"
    assert type(value) is (int if col.kind in ("int", "rupiah") else Decimal)
    if col.kind == "percent":
        assert value <= PERCENT_MAX


def test_the_generator_makes_values_the_parser_reads():
    """The property above is not vacuous: common styles are read, not all refused."""
    for text, meant in [("1.234,5", Decimal("1234.5")), ("1 234 567", 1234567),
                        ("12 kali", 12), ("100 % (180 Kegiatan)", 100), ("87,74\u00a0%", 87.74)]:
        assert parse_cell(text, TARGET) == Decimal(str(meant))


# --------------------------------------------------------------------------- the cases


@pytest.mark.parametrize("col", [TARGET, AMBANG, NILAI, PERSEN])
@pytest.mark.parametrize("text", ["1,234", "1,500", "1,500 dokumen", "12,500%"])
def test_english_thousands_with_one_comma_are_refused_with_what_to_type(col, text):
    if col is NILAI and "dokumen" in text or col is PERSEN and "dokumen" in text:
        return  # nothing may follow the number there: refused by that rule already
    digits = text.split()[0].rstrip("%")
    message = refused(text, col)
    assert f"write {digits.replace(',', '.')} (thousands) or {digits}0 (decimals)" in message


@pytest.mark.parametrize("text, expected", [
    ("1 234", 1234), ("1\u00a0234", 1234), ("1\u2009234\u2009567", 1234567),
    ("1\u202f234,5", Decimal("1234.5")), ("Rp 1 234 567", 1234567), ("1 500 dokumen", 1500),
])
def test_spaces_group_thousands(text, expected):
    assert parse_cell(text, TARGET) == expected


@pytest.mark.parametrize("text", ["1 23", "12 34", "1 2345", "19650528 198603 1 014",
                                  "1 234,567", "0 123"])
def test_spaces_that_do_not_group_thousands_are_refused(text):
    assert refused(text, TARGET).startswith("expected a number")


@pytest.mark.parametrize("text, full", [
    ("2,5 juta", "2.500.000"), ("Rp 1,5 M", "1.500.000.000"), ("3 miliar", "3.000.000.000"),
    ("2,5jt", "2.500.000"), ("750 rb", "750.000"), ("1,2 T", "1.200.000.000.000"),
    ("4 milyar", "4.000.000.000"), ("2 ribu", "2.000"),
])
@pytest.mark.parametrize("col", [TARGET, PAGU, NILAI])
def test_scale_words_are_refused_with_the_number_in_full(text, full, col):
    assert refused(text, col) == (f"expected the number in full, without a scale word such as "
                                  f"juta or M: write {text} as {full}")


@pytest.mark.parametrize("text", ["75 - 80", "75-80", "75\u201380", "75 s.d. 80", "75 sampai 80",
                                  "75 s/d 80", "10 dari 12", "1e5"])
@pytest.mark.parametrize("col", [TARGET, PERSEN, JUMLAH])
def test_ranges_and_second_numbers_are_refused(text, col):
    assert refused(text, col).startswith("expected a single number, not a range")


@pytest.mark.parametrize("text, expected", [
    ("100 % (180 Kegiatan)", 100), ("100% (180 Kegiatan)", 100), ("12 kali", 12),
    ("1.500 dokumen", 1500), ("76,61 (indeks)", Decimal("76.61")),
    ("3 jenis", 3), ("2 hari kerja", 2),
])
def test_a_unit_of_measure_or_a_note_keeps_the_value(text, expected):
    assert parse_cell(text, TARGET) == expected
    assert parse_cell(text, AMBANG) == expected
    assert refused(text, NILAI).startswith("expected a number")  # no suffix allowed there


@pytest.mark.parametrize("value, fmt", [("1001", "General"), ("8.774", "General"),
                                        (8774, "General"), (87.74, "0.00%"), ("1 234", "General")])
def test_implausible_percentages_are_refused(value, fmt):
    with pytest.raises(ParseError, match="is more than 1.000, not a plausible percentage"):
        parse_cell(value, PERSEN, fmt)
    assert parse_cell("1000", PERSEN) == 1000 and parse_cell("286%", PERSEN) == 286


def _edit(workbook_copy, cells):
    workbook_copy(cells)
    return workbook_copy.data_dir


@pytest.mark.parametrize("cell, value, column", [
    ("H2", "1,234", "target"), ("I2", "1 234,567", "realisasi"), ("H2", "2,5 juta", "target"),
    ("I2", "75 - 80", "realisasi"), ("K2", "1200", "capaian_dinyatakan"),
])
def test_lkip_check_never_says_ok_for_a_misread(workbook_copy, cell, value, column):
    data = _edit(workbook_copy, {("indikator", cell): value})
    result = invoke("check", UNIT, str(YEAR), "--data-dir", str(data))
    assert result.exit_code == 1, result.output
    assert "OK" not in result.output and "Traceback" not in result.output
    assert f"lkip.xlsx, sheet indikator, row 2, column {column} ({cell[0]}): value {value!r}; " \
           "expected" in result.output


# --------------------------------------------------------------------------- text


BIDI = "\u202e"


def test_parse_text_removes_control_and_bidi_characters():
    uraian = SHEETS_BY_NAME["komitmen"].column("uraian")
    assert parse_cell(f"a\x00b\x07c\x1bd\x7fe\x9bf{BIDI}g\u2066h\u200fi\u061cj", uraian) == \
        "abcdefghij"
    assert parse_cell("satu\tdua\r\ntiga\rempat", uraian) == "satu\tdua\ntiga\nempat"
    assert parse_cell(BIDI, uraian) is None


def test_control_and_bidi_characters_are_removed_with_a_located_warning(workbook_copy):
    data = _edit(workbook_copy, {("profil", "B2"): f"Biro {BIDI}Umum\u2066",
                                 ("indikator", "D2"): "Meningkatnya\x9b pelayanan\nbaris dua",
                                 ("anggaran", "A2"): "pendapatan\u200e"})
    lkip = load_year(UNIT, YEAR, data)
    assert lkip.profil["nama_unit"] == "Biro Umum"
    assert lkip.indikator.loc[2, "indikator"] == "Meningkatnya pelayanan\nbaris dua"
    assert lkip.anggaran.loc[2, "jenis"] == "pendapatan"
    warnings = [str(w) for w in lkip.warnings]
    assert any(w.endswith("sheet profil, row 2, column nama_unit (B): invisible control "
                          "characters (U+202E, U+2066) were removed from the text; check it in "
                          "the spreadsheet") for w in warnings), warnings
    assert any("sheet indikator, row 2, column indikator (D): invisible control characters "
               "(U+009B)" in w for w in warnings), warnings
    assert any("sheet anggaran, row 2, column jenis (A)" in w for w in warnings), warnings
    result = invoke("check", UNIT, str(YEAR), "--data-dir", str(data))
    assert result.exit_code == 0 and "Warning: " in result.output and BIDI not in result.output


def test_a_required_text_of_only_control_characters_is_blank(workbook_copy):
    data = _edit(workbook_copy, {("profil", "B2"): BIDI + "\u200f"})
    with pytest.raises(DataError) as info:
        load_year(UNIT, YEAR, data)
    assert any("column nama_unit (B)" in str(p) for p in info.value.problems)


def test_numbers_with_bidi_characters_are_refused(workbook_copy):
    data = _edit(workbook_copy, {("anggaran", "E2"): "484.635.653" + BIDI})
    with pytest.raises(DataError) as info:
        load_year(UNIT, YEAR, data)
    [problem] = info.value.problems
    assert "sheet anggaran, row 2, column pagu (E)" in str(problem)


def _damage(src, dest, part: str, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, change(data) if item.filename == part else data)


@pytest.mark.parametrize("change, reason", [
    (lambda xml: xml.replace(b"<sheetData>", b"<sheetData>\x00", 1), "not well-formed"),
    (lambda xml: xml[: len(xml) // 2], "no element found"),
    (lambda xml: xml.replace(b"</sheetData>", b"\x00</sheetData>", 1), "not well-formed"),
])
def test_a_damaged_sheet_is_one_located_line_without_traceback(workbook_copy, change, reason):
    path = workbook_copy()
    original = path.read_bytes()
    (path.parent / "asli.xlsx").write_bytes(original)
    _damage(path.parent / "asli.xlsx", path, "xl/worksheets/sheet2.xml", change)
    (path.parent / "asli.xlsx").unlink()
    result = invoke("check", UNIT, str(YEAR), "--data-dir", str(workbook_copy.data_dir))
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # an error the user can fix, not a crash
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("1 problem in ") and len(lines) == 2, lines
    assert "lkip.xlsx, sheet indikator: expected a sheet that can be read; its XML is damaged (" \
           f"{reason}" in lines[1]


# --------------------------------------------------------------------------- charts


SVG = "{http://www.w3.org/2000/svg}"
DOLLARS = "US$ 5 dan US$ 10"
MATH = r"$\undefinedcmd$"


def _chart_figures():
    labels = [DOLLARS, MATH]
    return [
        charts.batang(labels, [1, 2], MATH, DOLLARS, acuan=1, label_acuan=MATH),
        charts.batang(labels, [1, 2], DOLLARS, MATH, horizontal=False,
                      format_nilai=lambda v: f"${v}$"),
        charts.batang_kelompok(labels, {DOLLARS: [1, 2], MATH: [3, 4]}, MATH, DOLLARS),
        charts.batang_kelompok(labels, {DOLLARS: [1, 2], MATH: [3, 4]}, MATH, DOLLARS,
                               horizontal=True),
        charts.garis(labels, {MATH: [1, 2], DOLLARS: [2, 3]}, DOLLARS, MATH,
                     format_nilai=lambda v: f"$x^{v}$", acuan=1, label_acuan=DOLLARS),
    ]


def test_chart_text_is_never_parsed_as_math():
    """Dollars and TeX-like text are drawn as typed: in the SVG's text and in the PNG."""
    for grafik in _chart_figures():
        root = ET.fromstring(grafik.svg)
        texts = [" ".join("".join(span.text or "" for span in text.iter(f"{SVG}tspan")).split())
                 for text in root.iter(f"{SVG}text")]  # a long label is wrapped over lines
        assert DOLLARS in texts and MATH in texts, texts
        assert charts.png(grafik).startswith(b"\x89PNG")


# --------------------------------------------------------------------------- template


@pytest.mark.parametrize("folder", ["data", "data with spaces"])
def test_template_names_the_next_command_with_the_same_data_dir(tmp_path, folder):
    data = tmp_path / folder
    result = invoke("template", "dinas-baru", "2025", "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    command = f"lkip check dinas-baru 2025 --data-dir {shlex.quote(str(data))}"
    assert result.output.rstrip().endswith(f"then run: {command}")
    checked = invoke(*shlex.split(command)[1:])
    assert checked.exit_code == 1 and "expected" in checked.output  # blank, but found


def test_template_without_data_dir_names_the_plain_command(tmp_path, monkeypatch):
    from lkip_helpers import template

    monkeypatch.setattr(template, "buat_template",  # never writes into the project's data/
                        lambda unit, year, data_dir=None: tmp_path / "lkip.xlsx")
    result = invoke("template", "dinas-baru", "2025")
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("then run: lkip check dinas-baru 2025")


def test_template_dropdowns_show_their_indonesian_error_message(tmp_path):
    from lkip_helpers.template import buat_template

    wb = openpyxl.load_workbook(buat_template("dinas-baru", 2025, tmp_path))
    seen = 0
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            seen += 1
            assert dv.type == "list" and dv.showErrorMessage and dv.showInputMessage
            assert dv.errorStyle in (None, "stop")
            assert dv.errorTitle == "Nilai tidak dikenal"
            assert dv.error.startswith("Pilih salah satu") and len(dv.error) <= 255
            assert dv.prompt and len(dv.prompt) <= 255
    assert seen >= sum(1 for s in SHEETS for c in s.columns if c.choices)


def test_a_figure_in_percent_beyond_the_plausible_range_is_a_located_problem(workbook_copy):
    """An indicator measured in % with realisation 8774 (87,74 typed in a %-formatted cell, or
    a slip) is refused where it is, like a percent column."""
    workbook_copy({("indikator", "I2"): 8774})
    with pytest.raises(DataError) as info:
        load_year(UNIT, YEAR, workbook_copy.data_dir)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.row, problem.column, problem.letter) == (
        "indikator", 2, "realisasi", "I")
    assert "at most 1000" in str(problem)
