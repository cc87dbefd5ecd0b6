"""Writing unit-year workbooks from the schema: the blank template and filled copies.

Every sheet gets its header row from :mod:`lkip_helpers.schema`, an Indonesian explanation of
each column as a cell note, a dropdown for choice columns, number formats, and a frozen
header row. Text coming from data is written so that no cell starts with ``=``, ``+``, ``-``
or ``@`` (spreadsheet formula injection); a lone ``-`` is kept, as it means zero.
"""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Mapping

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .parse import FORMULA_PREFIXES, parse_cell
from .schema import SHEET_PILIHAN, SHEETS, Column, Sheet

#: Zero shows as "-", the accountant's zero of the source tables.
WHOLE_FORMAT = '#,##0;-#,##0;"-"'
NUMBER_FORMATS = {
    "int": WHOLE_FORMAT,
    "rupiah": WHOLE_FORMAT,
    "number": "#,##0.00",
    "percent": "0.00",
    "date": "yyyy-mm-dd",
    "year": "0",
    "text": "@",
    "choice": "@",
}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

#: The column kinds (:data:`lkip_helpers.schema.KINDS`) as the Indonesian header notes say them:
#: the workbook, like the report, is written in Indonesian whatever the user's language.
JENIS = {
    "text": "teks",
    "int": "bilangan bulat (hitungan)",
    "rupiah": "jumlah Rupiah tanpa desimal",
    "number": "angka (boleh desimal)",
    "percent": "persentase, skala 0-100",
    "date": "tanggal",
    "year": "tahun empat angka",
    "choice": "salah satu nilai yang diperbolehkan",
}


def safe_text(value: Any) -> Any:
    """Neutralise text that a spreadsheet program would run as a formula.

    A leading ``=``, ``+``, ``-`` or ``@`` gets an apostrophe-like guard (a leading space is
    not enough for all programs, so we prefix a single quote character). A lone ``-`` (the
    accountant's zero) and numbers are returned unchanged.
    """
    if isinstance(value, str) and value.strip() != "-" and value.lstrip().startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def column_note(col: Column) -> str:
    """The Indonesian note on a column header: what it holds, its kind, choices, an example."""
    wajib = "wajib diisi" if col.required else "boleh kosong"
    note = f"{col.keterangan}.\nJenis: {JENIS[col.kind]}; {wajib}."
    if col.choices:
        note += "\nPilihan: " + ", ".join(col.choices)
    if col.example not in (None, ""):
        note += f"\nContoh: {col.example}"
    return note


#: Excel refuses a dropdown whose inline list (and a message) is longer than this.
BATAS_EXCEL = 255


def _daftar_pilihan(wb: Workbook, col: Column) -> str | None:
    """For a choice column whose values do not fit an inline dropdown: write them to the
    hidden sheet SHEET_PILIHAN and return the range formula; None when they fit inline."""
    if len('"' + ",".join(col.choices) + '"') <= BATAS_EXCEL:
        return None
    ws = wb[SHEET_PILIHAN] if SHEET_PILIHAN in wb.sheetnames else wb.create_sheet(SHEET_PILIHAN)
    ws.sheet_state = "hidden"
    idx = ws.max_column + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for row, value in enumerate(col.choices, start=1):
        ws.cell(row=row, column=idx, value=value)
    letter = get_column_letter(idx)
    return f"'{SHEET_PILIHAN}'!${letter}$1:${letter}${len(col.choices)}"


def dropdown(col: Column, allow_blank: bool, daftar: str | None = None) -> DataValidation:
    """The dropdown of a choice column: its values, the column's explanation as the input
    message, and an Indonesian error message shown (and the value refused) when something
    else is typed. Excel shows neither message unless its ``show...Message`` flag is set.
    ``daftar``: a range holding the values, for a list too long to write inline."""
    dv = DataValidation(type="list", formula1=daftar or '"' + ",".join(col.choices) + '"',
                        allow_blank=allow_blank, showDropDown=False, showErrorMessage=True,
                        showInputMessage=True, errorStyle="stop")
    dv.errorTitle = "Nilai tidak dikenal"
    semua = "Pilih salah satu: " + ", ".join(col.choices)
    dv.error = semua if len(semua) <= BATAS_EXCEL else (
        "Pilih salah satu nilai dari daftar (lihat catatan pada judul kolom).")
    dv.promptTitle = col.name[:32]
    dv.prompt = col.keterangan[:255]
    return dv


def _header(ws, sheet: Sheet, rows_hint: int) -> None:
    for idx, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=idx, value=col.name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        comment = Comment(column_note(col), "lkip")
        comment.width, comment.height = 320, 140
        cell.comment = comment
        letter = get_column_letter(idx)
        ws.column_dimensions[letter].width = max(12, min(48, len(col.name) + 6))
        rng = f"{letter}2:{letter}{rows_hint}"
        if col.choices:
            ws.add_data_validation(dv := dropdown(col, allow_blank=not col.required,
                                                  daftar=_daftar_pilihan(ws.parent, col)))
            dv.add(rng)
        for row in range(2, rows_hint + 1):
            ws.cell(row=row, column=idx).number_format = NUMBER_FORMATS[col.kind]
    ws.freeze_panes = "A2"


def _fields(ws, sheet: Sheet, values: Mapping[str, Any]) -> None:
    ws.append(["kunci", "nilai", "keterangan"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    ws.freeze_panes = "A2"
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 70
    for row, col in enumerate(sheet.columns, start=2):
        ws.cell(row=row, column=1, value=col.name)
        value = _cell_value(values.get(col.name), col)
        target = ws.cell(row=row, column=2, value=value)
        target.number_format = NUMBER_FORMATS[col.kind]
        ws.cell(row=row, column=3, value=column_note(col).replace("\n", " "))
        if col.choices:
            ws.add_data_validation(dv := dropdown(col, allow_blank=True,
                                                  daftar=_daftar_pilihan(ws.parent, col)))
            dv.add(f"B{row}")


def _cell_value(value: Any, col: Column) -> Any:
    """The cell value to write: text guarded by :func:`safe_text`; numbers and dates typed.

    Numbers and dates given as text in the Indonesian style ("53.809.092.288", "87,74%",
    "-", "2024-02-27") are parsed with :func:`lkip_helpers.parse.parse_cell`, so the
    workbook holds real numbers and dates; a value that does not parse raises ValueError.
    """
    if value is None:
        return None
    if col.kind in ("text", "choice"):
        return safe_text(value)
    typed = parse_cell(value, col)
    if isinstance(typed, Decimal):
        return int(typed) if typed == typed.to_integral_value() else float(typed)
    return typed


#: Rows given number formats and dropdowns in a blank template: room for typing.
TEMPLATE_ROWS = 200


def build_workbook(tables: Mapping[str, Any] | None = None,
                   rows_hint: int = TEMPLATE_ROWS) -> Workbook:
    """A workbook with every sheet of the schema, filled with ``tables`` where given.

    ``tables`` maps sheet names to a list of row dicts (``profil``: a dict of fields).
    Rows 2 to ``rows_hint`` of each table sheet (at least the filled rows plus one) get the
    column's number format and dropdown. Formatted empty rows are kept by Excel and read
    back by every loader, so a filled workbook should carry few (see :func:`write_workbook`).
    """
    tables = tables or {}
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        if sheet.layout == "fields":
            _fields(ws, sheet, tables.get(sheet.name, {}))
            continue
        rows: Iterable[Mapping[str, Any]] = tables.get(sheet.name, [])
        rows = list(rows)
        _header(ws, sheet, max(rows_hint, len(rows) + 1, 2))
        for r, row in enumerate(rows, start=2):
            unknown = set(row) - set(sheet.column_names)
            if unknown:
                raise KeyError(f"sheet {sheet.name}: unknown columns {sorted(unknown)}")
            for c, col in enumerate(sheet.columns, start=1):
                ws.cell(row=r, column=c, value=_cell_value(row.get(col.name), col))
    return wb


def save_atomic(wb: Workbook, path: Path | str) -> Path:
    """Save ``wb`` to ``path`` through a temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_workbook(path: Path | str, tables: Mapping[str, Any] | None = None,
                   rows_hint: int = 0) -> Path:
    """Write a schema workbook filled with ``tables`` to ``path`` (atomically).

    By default only the filled rows (and one more) are formatted: a data workbook is read far
    more often than typed into, and every formatted empty row costs the loader a parsed row.
    """
    return save_atomic(build_workbook(tables, rows_hint), path)
