"""Every table of a report in one Excel workbook (``<unit>-<year>.xlsx``), one sheet per table.

The tables come from the executed chapters as data (:mod:`lkip_helpers.ekspor`), in report
order. The first sheet, ``Daftar Tabel``, lists them with a link to each; then one sheet per
table, named by its number ("Tabel 3.1", "Tabel L.1"; the front matter's unnumbered tables
"Ikhtisar 1" ...), within Excel's rules for sheet names (31 characters, none of ``[]:*?/\\``,
unique). On each sheet: the caption, the unit and year and the source above, the column
labels in a frozen header row (repeated on every printed page), one row per table row (total
rows bold), the footnotes below.

Cells: a figure is a number with an Indonesian display format, holding the figure the report
shows (by THE rounding rule: the cell of "87,74" holds 87.74, the unrounded value is in the
executed notebook's metadata); Rupiah as ``"Rp"#,##0``, percentages with 2 decimals, a
footnote marker (¹) as part of the format. Excel writes the thousands and decimal separators
of the reader's own settings (dots and commas on an Indonesian system): a number format holds
no separator of its own. A date of a date column is a date (shown "27 Februari 2024" with the
Indonesian locale code ``[$-421]``). Everything else is the text the report shows; text that
starts with ``= + - @`` is marked with Excel's quote prefix (the cell's style, invisible in
the cell), never a typed apostrophe, so editing the cell cannot turn it into a formula.

The workbook is written to a temporary file and renamed into place (:func:`ekspor.berkas_utuh`).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from . import ekspor
from .html_report import Chapter, shown_chapters
from .i18n import _
from .parse import FORMULA_PREFIXES

L = ekspor.LAPORAN
#: One level of a hierarchy's indentation (:data:`lkip_helpers.tables.INDENTASI`, whose module
#: imports pandas).
INDENTASI = "\u00a0" * 4
#: Rows above a table: caption, unit and year, source; the header row follows.
BARIS_JUDUL, BARIS_HEADER = 1, 4
#: Kinds whose cells are figures (:data:`lkip_helpers.labels.JENIS`).
JENIS_ANGKA = frozenset({"angka", "desimal", "rupiah", "persen", "periode"})
#: A figure as :mod:`lkip_helpers.format` writes it: "Rp47.214.705.470", "-1.234", "87,74",
#: "88,47¹" (footnote marker), "12,5%".
_ANGKA = re.compile(r"^(?P<minus1>-)?(?P<rp>Rp)?(?P<minus2>-)?"
                    r"(?P<bulat>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<pecahan>\d+))?"
                    r"(?P<persen>%)?(?P<penanda>[⁰¹²³⁴⁵⁶⁷⁸⁹]*)$")
FORMAT_TANGGAL = "[$-421]d mmmm yyyy"
SHEET_DILARANG = re.compile(r"[\[\]:*?/\\]")
PANJANG_SHEET = 31
LEBAR_MAKS = 60
ISI_HEADER = PatternFill("solid", fgColor="E6E6E6")
GARIS = Side(style="thin", color="000000")


def angka(teks: str) -> tuple[int | float, str] | None:
    """A cell's text as the number it shows and its Excel number format, or None when the
    text is not a figure ("–", "Belum ada data")."""
    m = _ANGKA.match(teks.strip())
    if not m or (m["minus1"] and m["minus2"]):
        return None
    bulat = m["bulat"].replace(".", "")
    nilai: int | float = (float(Decimal(f"{bulat}.{m['pecahan']}")) if m["pecahan"]
                          else int(bulat))
    if m["minus1"] or m["minus2"]:
        nilai = -nilai
    pola = "#,##0" + ("." + "0" * len(m["pecahan"]) if m["pecahan"] else "")
    if m["rp"]:
        pola = f'"Rp"{pola};-"Rp"{pola}'
    akhir = ("%" if m["persen"] else "") + m["penanda"]
    if akhir:
        pola = ";".join(f'{bagian}"{akhir}"' for bagian in pola.split(";"))
    return nilai, pola


def nama_sheet(data: dict[str, Any], bab: Chapter, urutan: int, dipakai: set[str]) -> str:
    """The sheet of a table: "Tabel 3.1"; an unnumbered table after its chapter's first word
    and its place in the chapter ("Ikhtisar 1"); within Excel's rules, unique."""
    if data.get("nomor"):
        nama = _("Table {number}", L).format(number=data["nomor"])
    else:
        nama = f"{(bab.title.split() or ['Tabel'])[0]} {urutan}"
    nama = SHEET_DILARANG.sub("-", nama).strip("'")[:PANJANG_SHEET] or "Tabel"
    calon, n = nama, 1
    while calon.lower() in dipakai:
        n += 1
        akhir = f" ({n})"
        calon = nama[:PANJANG_SHEET - len(akhir)] + akhir
    dipakai.add(calon.lower())
    return calon


def _teks(cell, teks: str) -> None:
    """A text cell exactly as the report shows it; quote-prefixed when it starts like a
    formula (openpyxl would otherwise store "=..." as a formula). The indentation of a
    hierarchy (non-breaking spaces, :data:`lkip_helpers.tables.INDENTASI`) becomes the cell's
    indent."""
    teks = ILLEGAL_CHARACTERS_RE.sub("", teks)
    isi = teks.lstrip("\u00a0")
    if isi != teks and isi:
        cell.alignment = Alignment(indent=(len(teks) - len(isi)) // len(INDENTASI),
                                   vertical="top")
        teks = isi
    cell.value = teks
    cell.data_type = "s"
    if teks.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True


def _tanggal(nilai: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(nilai)[:10]) if nilai else None
    except ValueError:
        return None


def _sel(cell, teks: str, nilai: Any, jenis: str, kanan: bool) -> None:
    """One table cell: a figure, a date or text (see the module docstring)."""
    if jenis in JENIS_ANGKA or kanan:
        figure = angka(teks) if jenis in JENIS_ANGKA else None
        cell.alignment = Alignment(horizontal="right", vertical="top")
        if figure is not None:
            cell.value, cell.number_format = figure
            if jenis == "periode":
                cell.number_format = "0"
            return
    elif jenis == "tanggal" and (tanggal := _tanggal(nilai)) is not None:
        cell.value, cell.number_format = tanggal, FORMAT_TANGGAL
        return
    _teks(cell, teks)


def _lebar(teks: Iterable[str]) -> float:
    return min(LEBAR_MAKS, max((len(t) for t in teks), default=4) + 2)


def _sheet_tabel(ws: Worksheet, data: dict[str, Any], facts: dict[str, Any],
                 bab: Chapter) -> None:
    kolom = list(data.get("kolom") or [])
    jenis = list(data.get("jenis_kolom") or ["teks"] * len(kolom))
    kanan = list(data.get("rata_kanan") or [j in JENIS_ANGKA for j in jenis])
    baris_teks = data.get("teks") or []
    baris_nilai = data.get("nilai") or [[None] * len(kolom) for _r in baris_teks]
    tebal = data.get("tebal") or [False] * len(baris_teks)
    _teks(ws.cell(BARIS_JUDUL, 1), ekspor.keterangan(data))
    ws.cell(BARIS_JUDUL, 1).font = Font(bold=True, size=12)
    _teks(ws.cell(BARIS_JUDUL + 1, 1), ekspor.unit_tahun(facts))
    _teks(ws.cell(BARIS_JUDUL + 2, 1), ekspor.sumber(data, facts, bab))
    for j, label in enumerate(kolom, start=1):
        cell = ws.cell(BARIS_HEADER, j)
        _teks(cell, label)
        cell.font = Font(bold=True)
        cell.fill = ISI_HEADER
        cell.border = Border(top=GARIS, bottom=GARIS)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom",
                                   horizontal="right" if kanan[j - 1] else "left")
    for i, (teks, nilai) in enumerate(zip(baris_teks, baris_nilai)):
        r = BARIS_HEADER + 1 + i
        for j, (t, v) in enumerate(zip(teks, nilai)):
            cell = ws.cell(r, j + 1)
            _sel(cell, t, v, jenis[j], kanan[j])
            if cell.alignment.horizontal != "right":
                cell.alignment = Alignment(wrap_text=len(t) > LEBAR_MAKS, vertical="top",
                                           indent=cell.alignment.indent)
            if i < len(tebal) and tebal[i]:
                cell.font = Font(bold=True)
    for catatan_ke, catatan in enumerate(data.get("catatan_kaki") or []):
        _teks(ws.cell(BARIS_HEADER + len(baris_teks) + 2 + catatan_ke, 1), catatan)
    for j, label in enumerate(kolom):
        isi = [label.split()[0] if label.split() else "", *(t[j] for t in baris_teks)]
        panjang_label = max((len(w) for w in label.split()), default=4)
        ws.column_dimensions[get_column_letter(j + 1)].width = max(_lebar(isi),
                                                                   panjang_label + 2, 8)
    ws.freeze_panes = ws.cell(BARIS_HEADER + 1, 1)
    ws.print_title_rows = f"{BARIS_HEADER}:{BARIS_HEADER}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if len(kolom) > 6 else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def buku_kerja(facts: dict[str, Any], chapters: Iterable[Chapter]) -> Workbook:
    """The workbook of a report's tables (see the module docstring)."""
    wb = Workbook()
    daftar = wb.active
    daftar.title = _("List of tables", L)
    _teks(daftar.cell(1, 1), _("List of tables", L))
    daftar.cell(1, 1).font = Font(bold=True, size=12)
    _teks(daftar.cell(2, 1), ekspor.unit_tahun(facts))
    header = (_("Sheet", L), _("Table", L), _("Part of the report", L))
    for j, label in enumerate(header, start=1):
        cell = daftar.cell(BARIS_HEADER, j)
        _teks(cell, label)
        cell.font, cell.fill = Font(bold=True), ISI_HEADER
    dipakai = {daftar.title.lower()}
    baris = BARIS_HEADER
    for tabel in ekspor.tabel_laporan(shown_chapters(chapters)):
        nama = nama_sheet(tabel.data, tabel.bab, tabel.urutan, dipakai)
        _sheet_tabel(wb.create_sheet(nama), tabel.data, facts, tabel.bab)
        baris += 1
        link = daftar.cell(baris, 1)
        _teks(link, nama)
        link.hyperlink = Hyperlink(ref=link.coordinate,
                                   location="'{}'!A1".format(nama.replace("'", "''")))
        link.font = Font(color="0563C1", underline="single")
        _teks(daftar.cell(baris, 2), ekspor.keterangan(tabel.data))
        _teks(daftar.cell(baris, 3), tabel.bab.title)
    for j, lebar in enumerate((14, 80, 36), start=1):
        daftar.column_dimensions[get_column_letter(j)].width = lebar
    daftar.freeze_panes = daftar.cell(BARIS_HEADER + 1, 1)
    return wb


def write_xlsx(path: Path | str, facts: dict[str, Any], chapters: Iterable[Chapter]) -> Path:
    """Write the workbook of a report's tables to ``path``, whole or not at all."""
    wb = buku_kerja(facts, chapters)
    with ekspor.berkas_utuh(path) as temporary:
        wb.save(temporary)
    return Path(path)
