"""``lkip template``: a blank workbook that a new user fills in, checks and renders."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from click.testing import CliRunner
from builders import CLEAN_TABLES, CLEAN_UNIT, CLEAN_YEAR

from lkip_helpers import config
from lkip_helpers.cli import main
from lkip_helpers.errors import DataError
from lkip_helpers.load import load_year
from lkip_helpers.schema import KINDS, SHEETS
from lkip_helpers.schema import SHEET_PILIHAN
from lkip_helpers.template import TemplateExists, buat_template
from lkip_helpers.workbook import JENIS, NUMBER_FORMATS


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def fill(path, tables) -> None:
    """Type ``tables`` into the template at ``path`` with openpyxl, as a user would."""
    wb = openpyxl.load_workbook(path)
    profil = wb["profil"]
    rows = {profil.cell(row=r, column=1).value: r for r in range(2, profil.max_row + 1)}
    for key, value in tables["profil"].items():
        profil.cell(row=rows[key], column=2, value=value)
    for sheet, records in tables.items():
        if sheet == "profil":
            continue
        ws = wb[sheet]
        columns = {cell.value: cell.column for cell in ws[1]}
        for r, record in enumerate(records, start=2):
            for name, value in record.items():
                ws.cell(row=r, column=columns[name], value=value)
    wb.save(path)


def test_template_has_every_sheet_column_note_dropdown_and_format(tmp_path):
    path = buat_template("dinas-baru", 2025, tmp_path)
    assert path == tmp_path / "dinas-baru" / "2025" / "lkip.xlsx"
    wb = openpyxl.load_workbook(path)
    # the schema's sheets, then the hidden sheet holding the values of long dropdowns
    assert wb.sheetnames == [s.name for s in SHEETS] + [SHEET_PILIHAN]
    assert wb[SHEET_PILIHAN].sheet_state == "hidden"
    for sheet in SHEETS:
        ws = wb[sheet.name]
        assert ws.freeze_panes == "A2", sheet.name
        if sheet.layout == "fields":
            fields = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2)
                      for r in range(2, ws.max_row + 1)}
            assert list(fields) == sheet.column_names
            assert fields["tahun"].value == 2025  # prefilled
            assert all(c.value is None for name, c in fields.items() if name != "tahun")
            continue
        header = [c.value for c in ws[1]]
        assert header == sheet.column_names, sheet.name
        validations = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
        for i, col in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=i)
            assert col.keterangan in cell.comment.text  # the Indonesian explanation
            assert JENIS[col.kind] in cell.comment.text
            assert ws.cell(row=2, column=i).number_format == NUMBER_FORMATS[col.kind]
            if col.choices:
                letter = cell.column_letter
                formula = validations[f"{letter}2:{letter}200"]
                inline = '"' + ",".join(col.choices) + '"'
                if len(inline) <= 255:  # Excel's limit for a list written in the dropdown
                    assert formula == inline
                else:  # a long list (the sections of sheet narasi) lives on the hidden sheet
                    sheet_name, rng = formula.split("!")
                    values = [c.value for row in wb[sheet_name.strip("'")][rng.replace("$", "")]
                              for c in row]
                    assert values == list(col.choices)
    assert wb["anggaran"]["A1"].comment.text.startswith(
        "Jenis: pendapatan atau belanja.\nJenis: salah satu nilai yang diperbolehkan; wajib diisi.")


def test_blank_template_fails_the_check_with_the_fields_to_fill(tmp_path):
    buat_template("dinas-baru", 2025, tmp_path)
    with pytest.raises(DataError) as info:
        load_year("dinas-baru", 2025, tmp_path)
    lines = [str(p) for p in info.value.problems]
    assert any("sheet profil, row 2, column nama_unit (B): value is blank" in x for x in lines)
    assert any("sheet indikator: expected at least 1 row(s) of data" in x for x in lines)
    assert not any("column tahun" in x for x in lines)  # prefilled with the folder's year


def test_every_column_kind_has_an_indonesian_name():
    assert set(JENIS) == set(KINDS)


def test_template_never_overwrites_existing_data(tmp_path):
    path = buat_template("dinas-baru", 2025, tmp_path)
    path.write_bytes(b"the user's data")
    with pytest.raises(TemplateExists):
        buat_template("dinas-baru", 2025, tmp_path)
    result = invoke("template", "dinas-baru", "2025", "--data-dir", str(tmp_path))
    assert result.exit_code == 1
    assert "already exists; it was left untouched" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == b"the user's data"
    assert [p.name for p in path.parent.iterdir()] == ["lkip.xlsx"]  # no temporary left


@pytest.mark.parametrize("unit, year", [("../x", "2025"), ("/etc", "2025"), ("Dinas Baru", "2025"),
                                        ("dinas-baru", "../2025"), ("dinas-baru", "25")])
def test_template_refuses_names_that_leave_the_data_folder(tmp_path, unit, year):
    result = invoke("template", unit, year, "--data-dir", str(tmp_path / "data"))
    assert result.exit_code == 2
    assert "is not allowed" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "data").exists() and list(tmp_path.iterdir()) == []


def test_new_unit_year_from_template_checks_and_renders(tmp_path):
    data, reports = tmp_path / "data", tmp_path / "reports"
    result = invoke("template", CLEAN_UNIT, str(CLEAN_YEAR), "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    path = data / CLEAN_UNIT / str(CLEAN_YEAR) / config.WORKBOOK_NAME
    assert f"Wrote {path}" in result.output
    # CLEAN_TABLES holds a lower-is-better indicator (IKU-2, polaritas minimal) and an activity
    # with zero realisation ("-").
    fill(path, CLEAN_TABLES)

    result = invoke("check", CLEAN_UNIT, str(CLEAN_YEAR), "--reviu", "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    assert "Spending (belanja): pagu Rp2.000.000.000, realisation Rp1.800.000.000 (90,00%)" \
        in result.output
    assert "Reviu: 0 items to check in " in result.output
    lkip = load_year(CLEAN_UNIT, CLEAN_YEAR, data)
    assert lkip.indikator.loc[3, "polaritas"] == "minimal"
    assert lkip.anggaran.loc[6, "realisasi"] == 0
    assert lkip.profil["tanggal_laporan"] == dt.date(2025, 2, 20)

    result = invoke("render", CLEAN_UNIT, str(CLEAN_YEAR), "--format", "html", "-j", "1",
                    "--data-dir", str(data), "--output-dir", str(reports))
    assert result.exit_code == 0, result.output
    html = (reports / CLEAN_UNIT / str(CLEAN_YEAR) / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html").read_text(
        encoding="utf-8")
    assert "Bagian Umum Dinas Contoh Provinsi Nusa Tenggara Timur" in html
    assert "Rp2.000.000.000" in html and "Rata-rata waktu penyelesaian surat masuk" in html
    assert "Traceback" not in html
    assert CLEAN_UNIT in (reports / "index.html").read_text(encoding="utf-8")
