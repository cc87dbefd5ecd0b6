"""The Word (.docx) and Excel (.xlsx) exports: what a reader finds when opening them.

Fast tests build small chapters in memory (the same outputs a chapter notebook shows, with
their ``lkip`` metadata); slow tests render the embedded unit-year in all four formats and
compare the DOCX and XLSX with the HTML report, and render a hostile workbook.
"""

from __future__ import annotations

import base64
import copy
import re
import shutil
import subprocess
from html.parser import HTMLParser

import docx
import nbformat
import openpyxl
import pytest
from builders import CLEAN_TABLES, CLEAN_UNIT, CLEAN_YEAR, write_clean

from lkip_helpers import anggaran, config, ekspor
from lkip_helpers import chapter as chapter_module
from lkip_helpers.chapter import Bab
from lkip_helpers.docx_report import write_docx
from lkip_helpers.ekspor import paragraf_html
from lkip_helpers.html_report import Item, chapter_from_notebook
from lkip_helpers.pipeline import FORMATS, Options
from lkip_helpers.printing import resolve_pdf
from lkip_helpers.render import render_batch
from lkip_helpers.selection import UnitYear
from lkip_helpers.xlsx_report import angka, nama_sheet, write_xlsx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FACTS = {"unit": "uji", "tahun": 2024, "nama_unit": "Bagian Uji", "kata_pengantar": "",
         "tanda_tangan": '<div class="tanda-tangan"><div>20 Februari 2025</div>'
                         '<div class="ruang-ttd"></div><div class="nama">A &amp; B</div></div>'}
HOSTILE = "Tanda & < > \" ' =HYPERLINK(\"http://contoh.invalid\",\"klik\")"
FORMULA = '=HYPERLINK("http://contoh.invalid","klik")'


# -- building blocks -------------------------------------------------------------------------
def _outputs(bab: Bab, show) -> list[dict]:
    """What ``show(bab)`` displays, as notebook outputs (data and metadata), as a kernel
    would record them."""
    shown = []

    def record(data, raw=False, metadata=None):
        assert raw
        shown.append(nbformat.v4.new_output("display_data", data=dict(data),
                                            metadata=dict(metadata or {})))

    original, chapter_module.display = chapter_module.display, record
    try:
        show(bab)
    finally:
        chapter_module.display = original
    return shown


def _chapter(cells: list, title: str = "# Bab III Uji"):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(title), *cells])
    return chapter_from_notebook(nb, "bab-03", "03_uji")


def _code(outputs: list[dict]):
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = outputs
    return cell


def test_a_table_goes_out_with_its_data(seed):
    [out] = _outputs(Bab(3, seed), lambda bab: bab.tabel(
        anggaran.tren_anggaran(seed), "Pagu dan realisasi belanja"))
    data = out["metadata"]["lkip"]
    assert data["jenis"] == "tabel" and data["nomor"] == "3.1"
    assert data["keterangan"] == "Tabel 3.1 Pagu dan realisasi belanja"
    assert data["kolom"][:4] == ["Tahun", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"]
    assert data["jenis_kolom"][:4] == ["periode", "rupiah", "rupiah", "persen"]
    years = [row[0] for row in data["nilai"]]
    row = data["nilai"][years.index(2023)]
    assert row[1:3] == [53809092288, 47214705470] and isinstance(row[1], int)
    assert data["teks"][years.index(2023)][1:4] == ["Rp53.809.092.288", "Rp47.214.705.470",
                                                    "87,74"]
    assert data["teks"][years.index(2020)][3] == "88,47¹"
    assert data["catatan_kaki"] == ["¹ Tertulis 88,05% dalam Bab III A.2."]
    assert len(data["tebal"]) == len(data["teks"]) == len(data["nilai"])
    assert list(out["data"])[0] == "text/html"


def test_a_chart_goes_out_as_svg_after_its_html(seed):
    from lkip_helpers import charts

    grafik = charts.batang(["A", "B"], [1, 2], "Judul grafik", "Jumlah")
    [out] = _outputs(Bab(3, seed), lambda bab: bab.grafik(grafik))
    assert list(out["data"]) == ["text/html", "image/svg+xml", "text/plain"]
    assert out["metadata"]["lkip"] == {"jenis": "gambar", "nomor": "3.1", "judul": "Judul grafik",
                                       "keterangan": "Gambar 3.1 Judul grafik"}
    svg = out["data"]["image/svg+xml"]
    shown = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', out["data"]["text/html"])[1]
    assert base64.b64decode(shown).decode() == svg == grafik.svg  # one chart, shown twice
    png = ekspor.png(Item(0, output=out))  # what the Word export puts in the document
    assert png.startswith(b"\x89PNG") and len(png) > 5_000


@pytest.mark.parametrize("teks, nilai, pola", [
    ("Rp47.214.705.470", 47214705470, '"Rp"#,##0;-"Rp"#,##0'),
    ("-Rp1.000", -1000, '"Rp"#,##0;-"Rp"#,##0'),
    ("87,74", 87.74, "#,##0.00"),
    ("88,47¹", 88.47, '#,##0.00"¹"'),
    ("1.234", 1234, "#,##0"),
    ("12,5%", 12.5, '#,##0.0"%"'),
    ("2023", 2023, "#,##0"),
])
def test_figures_as_shown_become_numbers(teks, nilai, pola):
    assert angka(teks) == (nilai, pola)
    assert type(angka(teks)[0]) is type(nilai)


@pytest.mark.parametrize("teks", ["–", "Belum ada data", "IKU-1", "1.2.3", "Rp", "12,3,4", ""])
def test_text_stays_text(teks):
    assert angka(teks) is None


def test_sheet_names_follow_excel_rules():
    bab = _chapter([], "# Ikhtisar Eksekutif")
    used = {"daftar tabel"}
    assert nama_sheet({"nomor": "3.1"}, bab, 1, used) == "Tabel 3.1"
    assert nama_sheet({"nomor": "L.1"}, bab, 1, used) == "Tabel L.1"
    assert nama_sheet({"nomor": None}, bab, 1, used) == "Ikhtisar 1"
    assert nama_sheet({"nomor": "3.1"}, bab, 1, used) == "Tabel 3.1 (2)"
    odd = nama_sheet({"nomor": "a/b:c*d?e[f]" + "x" * 40}, bab, 1, used)
    assert len(odd) == 31 and not set(odd) & set("[]:*?/\\")


def test_placeholder_and_signature_are_paragraphs():
    [ttd] = [paragraf_html(FACTS["tanda_tangan"])]
    assert [p.teks for p in ttd] == ["20 Februari 2025", "", "A & B"]
    assert "nama" in ttd[2].kelas and "ruang-ttd" in ttd[1].kelas
    [draf] = paragraf_html('<div class="isian-kosong" data-bagian="x"><strong>Draf.</strong> '
                           'Belum diisi: &lt;teks&gt;.</div>')
    assert draf.runs == [("Draf.", True), (" Belum diisi: <teks>.", False)]


def _small_report(seed):
    df = anggaran.tren_anggaran(seed)
    df.loc[df.index[0], "sumber"] = FORMULA  # a stated source that looks like a formula
    outputs = _outputs(Bab(3, seed), lambda bab: (
        bab.narasi("Paragraf dengan **tebal**, *miring* dan \\& \\<x\\>."
                   "\n\n1. satu\n2. dua\n\n- butir\n\n#### Subjudul"),
        bab.tabel(df, "Pagu", kolom=["tahun", "pagu", "realisasi", "serapan", "sumber"]),
        bab.html('<div class="isian-kosong"><strong>Draf.</strong> Belum diisi.</div>')))
    hidden = nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})
    hidden.outputs = [nbformat.v4.new_output("stream", name="stdout", text="tersembunyi")]
    cells = [hidden, nbformat.v4.new_markdown_cell("## A. Bagian"), _code(outputs),
             nbformat.v4.new_markdown_cell("## B. Kosong")]
    return [_chapter(cells)]


def test_the_word_document_of_small_chapters(seed, tmp_path):
    chapters = _small_report(seed)
    path = write_docx(tmp_path / "uji.docx", FACTS, chapters)
    doc = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Kata Pengantar"), ("Heading 1", "Daftar Isi"),
                        ("Heading 1", "Daftar Tabel"), ("Heading 1", "Daftar Gambar"),
                        ("Heading 1", "Bab III Uji"), ("Heading 2", "A. Bagian"),
                        ("Heading 4", "Subjudul")]  # "B. Kosong" shows nothing: left out
    text = [p.text for p in doc.paragraphs]
    assert "Paragraf dengan tebal, miring dan & <x>." in text
    assert "tersembunyi" not in "\n".join(text)
    para = next(p for p in doc.paragraphs if p.text.startswith("Paragraf dengan"))
    assert [r.text for r in para.runs if r.bold] == ["tebal"]
    assert [r.text for r in para.runs if r.italic] == ["miring"]
    numbered = [p for p in doc.paragraphs if p.text in ("satu", "dua", "butir")]
    assert all(p._p.pPr.numPr is not None for p in numbered[:1] + numbered[2:])
    assert "Draf. Belum diisi." in text and "A & B" in text
    [table] = doc.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Tahun", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)", "Sumber"]
    assert FORMULA in [r[4] for r in rows]
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    caption = table._tbl.getprevious()
    assert "".join(t.text for t in caption.iter(f"{W}t")) == "Tabel 3.1 Pagu"
    assert f"¹ Tertulis 88,05% dalam {FORMULA}." in text
    footer = doc.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "Halaman" in footer
    assert doc.settings.element.find(f"{W}updateFields") is not None
    assert "TOC \\o" in doc.element.body.xml


def test_the_workbook_of_small_chapters(seed, tmp_path):
    path = write_xlsx(tmp_path / "uji.xlsx", FACTS, _small_report(seed))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Daftar Tabel", "Tabel 3.1"]
    ws = wb["Tabel 3.1"]
    assert ws["A1"].value == "Tabel 3.1 Pagu"
    assert ws["A2"].value == "Bagian Uji, Tahun 2024"
    assert ws["A3"].value.startswith("Sumber: Laporan Kinerja Instansi Pemerintah Tahun 2024")
    assert [c.value for c in ws[4]] == ["Tahun", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)",
                                        "Sumber"]
    assert ws.freeze_panes == "A5"
    cells = [c for row in ws.iter_rows(min_row=5) for c in row]
    formula = [c for c in cells if c.value == FORMULA]
    assert formula and all(c.data_type == "s" and c.quotePrefix for c in formula)
    assert not any(isinstance(c.value, str) and c.value.startswith("'") for c in cells)
    assert 47214705470 in [c.value for c in cells]
    marked = next(c for c in cells if c.value == 88.47)
    assert marked.number_format == '#,##0.00"¹"'
    assert f"¹ Tertulis 88,05% dalam {FORMULA}." in [c.value for c in cells]
    assert wb["Daftar Tabel"]["A5"].hyperlink.location == "'Tabel 3.1'!A1"


def test_a_failed_export_leaves_no_file_and_keeps_the_last_one(seed, tmp_path):
    path = write_xlsx(tmp_path / "uji.xlsx", FACTS, _small_report(seed))
    before = path.read_bytes()

    class Broken:
        title, body, items = "x", "x", property(lambda self: 1 / 0)

    with pytest.raises(ZeroDivisionError):
        write_xlsx(path, FACTS, [Broken()])
    with pytest.raises(ZeroDivisionError):
        write_docx(tmp_path / "uji.docx", FACTS, [Broken()])
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uji.xlsx"]


# -- the embedded unit-year in all four formats ----------------------------------------------
class _Tables(HTMLParser):
    """Every table of a page: caption, rows of cell texts, and the footnotes after it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self._in: str | None = None
        self._text: list[str] = []
        self._note = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": [], "notes": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("caption", "td", "th"):
            self._in, self._text = tag, []
        elif tag == "div" and ("class", "catatan-kaki") in attrs:
            self._note = True
        elif tag == "p" and self._note:
            self._in, self._text = "note", []

    def handle_endtag(self, tag):
        text = "".join(self._text)
        if tag == "caption" and self._in == "caption":
            self.tables[-1]["caption"] = text
        elif tag in ("td", "th") and self._in in ("td", "th"):
            self.tables[-1]["rows"][-1].append(text)
        elif tag == "p" and self._in == "note":
            self.tables[-1]["notes"].append(text)
        elif tag == "div":
            self._note = False
        if tag in ("caption", "td", "th", "p"):
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._text.append(data)


def html_tables(html: str) -> list[dict]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def docx_tables(doc) -> list[dict]:
    found = []
    for table in doc.tables:
        caption = table._tbl.getprevious()
        notes, after = [], table._tbl.getnext()
        while after is not None and after.tag == f"{W}p" and "".join(
                t.text for t in after.iter(f"{W}t")).strip():
            notes.append("".join(t.text for t in after.iter(f"{W}t")))
            after = after.getnext()
        found.append({"caption": "".join(t.text for t in caption.iter(f"{W}t")),
                      "rows": [[c.text for c in row.cells] for row in table.rows],
                      "notes": notes})
    return found


def html_headings(html: str) -> list[tuple[int, str]]:
    body = html[html.index("</header>"):]  # the cover's h1 is not a heading of the document
    return [(int(m[1]), re.sub(r"<[^>]+>", "", m[2]).strip())
            for m in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", body, re.S)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    chromium, _ = resolve_pdf(FORMATS)
    options = Options(output_dir=out, formats=FORMATS, pdf_executable=chromium)
    [outcome] = render_batch([UnitYear(config.DEFAULT_UNIT, config.DEFAULT_YEAR)], options, jobs=1)
    assert outcome.ok, outcome.report()
    folder = out / config.DEFAULT_UNIT / str(config.DEFAULT_YEAR)
    stem = f"{config.DEFAULT_UNIT}-{config.DEFAULT_YEAR}"
    return {"folder": folder, "html": (folder / f"{stem}.html").read_text("utf-8"),
            "docx": folder / f"{stem}.docx", "xlsx": folder / f"{stem}.xlsx",
            "files": {p.name for p in folder.iterdir()}}


@pytest.mark.slow
def test_render_writes_word_and_excel_beside_html(exported):
    stem = f"{config.DEFAULT_UNIT}-{config.DEFAULT_YEAR}"
    assert {f"{stem}.html", f"{stem}.docx", f"{stem}.xlsx"} <= exported["files"]
    assert not [name for name in exported["files"] if name.endswith(".tmp")]
    log = (exported["folder"] / "render.log").read_text("utf-8")
    assert "DOCX: " in log and "XLSX: " in log


@pytest.mark.slow
def test_the_word_document_has_the_headings_of_the_report(exported):
    doc = docx.Document(str(exported["docx"]))
    headings = [(int(p.style.name.split()[-1]), p.text) for p in doc.paragraphs
                if p.style.name.startswith("Heading")]
    lists = {"Daftar Tabel", "Daftar Gambar"}  # not (yet) in the HTML
    assert [h for h in headings if h[1] not in lists] == \
        [h for h in html_headings(exported["html"]) if h[1] not in lists]
    titles = [text for _, text in headings]
    expected = ["Kata Pengantar", "Daftar Isi", "Ikhtisar Eksekutif", "Bab I Pendahuluan",
                "A. Latar Belakang", "Bab II Perencanaan Kinerja", "Bab III Akuntabilitas Kinerja",
                "Bab IV Penutup", "Lampiran"]
    positions = [titles.index(t) for t in expected]
    assert positions == sorted(positions)


@pytest.mark.slow
def test_every_table_of_the_report_is_in_the_word_document(exported):
    doc = docx.Document(str(exported["docx"]))
    in_html, in_word = html_tables(exported["html"]), docx_tables(doc)
    assert len(in_word) == len(in_html) > 10
    for html, word in zip(in_html, in_word):
        assert word == html, html["caption"]
    cells = {cell for table in in_word for row in table["rows"] for cell in row}
    assert {"Rp47.214.705.470", "87,74", "88,47¹"} <= cells
    notes = [note for table in in_word for note in table["notes"]]
    assert "¹ Tertulis 88,05% dalam Bab III A.2." in notes
    assert any(s.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE for s in doc.sections)


@pytest.mark.slow
def test_the_word_document_has_every_figure_and_page_numbers(exported):
    doc = docx.Document(str(exported["docx"]))
    assert len(doc.inline_shapes) == exported["html"].count("<figcaption") > 5
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert sum(c.startswith("Gambar ") for c in captions) == len(doc.inline_shapes)
    footer = doc.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert abs(doc.sections[0].page_width.cm - 21.0) < 0.01  # A4 portrait
    assert_word_order(doc)


@pytest.mark.slow
def test_the_workbook_has_one_sheet_per_table_with_numbers(exported):
    wb = openpyxl.load_workbook(exported["xlsx"])
    in_html = html_tables(exported["html"])
    assert wb.sheetnames[0] == "Daftar Tabel"
    assert len(wb.sheetnames) == len(in_html) + 1
    assert wb.sheetnames[1] == "Ikhtisar 1" and "Tabel 3.1" in wb.sheetnames
    assert "Tabel L.1" in wb.sheetnames
    values, formats = [], {}
    for name, table in zip(wb.sheetnames[1:], in_html):
        ws = wb[name]
        assert ws["A1"].value == table["caption"]
        assert ws.freeze_panes == "A5"
        assert [c.value for c in ws[4]] == table["rows"][0]
        for row in ws.iter_rows(min_row=5):
            for c in row:
                values.append(c.value)
                formats.setdefault(c.value, c.number_format)
    assert 47214705470 in values and 87.74 in values
    assert formats[47214705470] == '"Rp"#,##0;-"Rp"#,##0'
    assert formats[87.74] == "#,##0.00"


@pytest.mark.slow
def test_word_and_excel_show_hostile_text_exactly_as_typed(tmp_path):
    def edit(t):
        t["indikator"][0]["indikator"] = HOSTILE
        t["keluaran"][0]["keluaran"] = FORMULA
        t["narasi"] = copy.deepcopy(CLEAN_TABLES["narasi"])
        t["narasi"][2]["teks"] = HOSTILE

    data, out = tmp_path / "data", tmp_path / "reports"
    write_clean(data, edit)
    options = Options(data_dir=data, output_dir=out, formats=("docx", "xlsx"))
    [outcome] = render_batch([UnitYear(CLEAN_UNIT, CLEAN_YEAR)], options, jobs=1)
    assert outcome.ok, outcome.report()
    folder = out / CLEAN_UNIT / str(CLEAN_YEAR)
    assert not (folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html").exists()
    doc = docx.Document(str(folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.docx"))
    assert HOSTILE in [p.text for p in doc.paragraphs]  # the unit's narrative
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert {HOSTILE, FORMULA} <= cells
    wb = openpyxl.load_workbook(folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.xlsx")
    texts = [c for ws in wb.worksheets[1:] for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert HOSTILE in [c.value for c in texts]
    formula = [c for c in texts if c.value == FORMULA]
    assert formula and all(c.quotePrefix and c.data_type == "s" for c in formula)
    assert not any(c.value.startswith("'=") for c in texts)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_word_document(exported, tmp_path):
    """A converter reads the document: every page lays out (PDF with pages and the text)."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(exported["docx"])],
                   check=True, capture_output=True, timeout=300)
    pdf = tmp_path / exported["docx"].with_suffix(".pdf").name
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Bab III Akuntabilitas Kinerja" in text and "Rp47.214.705.470" in text
    assert re.search(r"Halaman 2 dari \d+", text)


def test_characters_xml_cannot_hold_are_dropped_not_fatal(seed, tmp_path):
    facts = {**FACTS, "nama_unit": "Bagian\x01 Uji", "kata_pengantar": "Teks\x0b dengan kontrol"}
    doc = docx.Document(str(write_docx(tmp_path / "uji.docx", facts, _small_report(seed))))
    assert "Teks dengan kontrol" in [p.text for p in doc.paragraphs]
    wb = openpyxl.load_workbook(write_xlsx(tmp_path / "uji.xlsx", facts, _small_report(seed)))
    assert wb["Tabel 3.1"]["A2"].value == "Bagian Uji, Tahun 2024"


#: The order WordprocessingML fixes for the children of paragraph, run, table and cell
#: properties (ECMA-376 Part 1, CT_PPrBase, CT_RPr, CT_TblPr, CT_TcPr): Word refuses a
#: document ("unreadable content") where they come in another order; LibreOffice does not mind.
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
           "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
           "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
           "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
           "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
           "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
           "specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
             "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark",
}


def assert_word_order(doc) -> None:
    """Every property element of ``doc`` holds its children in the order of :data:`ORDER`."""
    parts = [doc.element, doc.styles.element, doc.part.numbering_part.element,
             doc.sections[0].footer._element]
    checked = 0
    for part in parts:
        for tag, order in ORDER.items():
            rank = {name: i for i, name in enumerate(order.split())}
            for element in part.iter(f"{W}{tag}"):
                names = [child.tag.removeprefix(W) for child in element
                         if child.tag.startswith(W)]
                ranks = [rank.get(name, -1) for name in names]
                assert -1 not in ranks and ranks == sorted(ranks), (tag, names)
                checked += 1
    assert checked > 100


def test_the_word_xml_keeps_the_order_word_requires(seed, tmp_path):
    assert_word_order(docx.Document(str(write_docx(tmp_path / "uji.docx", FACTS,
                                                   _small_report(seed)))))


@pytest.mark.slow
def test_a_failed_export_keeps_the_last_good_report(tmp_path, monkeypatch):
    data, out = tmp_path / "data", tmp_path / "reports"
    write_clean(data)
    options = Options(data_dir=data, output_dir=out, formats=("docx", "xlsx"))
    item = UnitYear(CLEAN_UNIT, CLEAN_YEAR)
    [good] = render_batch([item], options, jobs=1, executor="serial")
    assert good.ok, good.report()
    folder = out / CLEAN_UNIT / str(CLEAN_YEAR)
    before = {p.name: p.read_bytes() for p in folder.glob(f"{CLEAN_UNIT}-*")}

    def broken(path, facts, chapters):
        path.write_bytes(b"half")
        raise RuntimeError("disk full")

    import lkip_helpers.xlsx_report

    monkeypatch.setattr(lkip_helpers.xlsx_report, "write_xlsx", broken)
    [failed] = render_batch([item], options, jobs=1, executor="serial")
    assert not failed.ok and "disk full" in failed.problems[0]
    assert {p.name: p.read_bytes() for p in folder.glob(f"{CLEAN_UNIT}-*")} == before
    assert (folder.parent / f"{CLEAN_YEAR}-failed").is_dir()  # kept for inspection
