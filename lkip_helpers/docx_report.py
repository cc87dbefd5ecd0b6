"""The whole report as one Word document (``<unit>-<year>.docx``) that the unit finishes in Word.

What it holds, in the order of the HTML report: the cover facts, the Kata Pengantar with the
signature block, the Daftar Isi, Daftar Tabel and Daftar Gambar, then every chapter:

* real Word headings: Heading 1 for the front matter's parts and each chapter title (the
  notebook's ``# `` line), Heading 2/3/4 for its ``##``/``###``/``####`` cells and for the
  headings inside the narrative, so Word's navigation pane and its own table of contents work;
* the narrative as paragraphs, lists (bulleted and numbered, each numbered list starting at its
  own first number), bold and italic, from the limited Markdown of the outputs read with
  mistune's AST renderer (text exactly as typed: ``\\&`` comes out as ``&``, markup as text);
* real Word tables from the tables' data (:mod:`lkip_helpers.ekspor`): the cells as the report
  formats them, the header row repeated on every page, figures right-aligned, total rows bold,
  the caption above in the Caption style ("Tabel 3.1 ...") and the footnotes below; a table too
  wide for a portrait page (estimated from its columns' text) gets a landscape section;
* the charts as pictures (their PNG) with their caption below;
* the placeholder of a section the unit has not written and the signature block as paragraphs.

Daftar Isi is Word's TOC field over Heading 1-3; Daftar Tabel and Daftar Gambar are TOC fields
over the captions (each caption carries a hidden ``SEQ Tabel``/``SEQ Gambar`` field, the
captions keep the report's own numbers such as "3.1" and "L.1"). The fields are filled in
beforehand with the entries (without page numbers), and the document asks Word to update its
fields when it is opened (``w:updateFields``), which adds the page numbers. Pages: A4
portrait, "Halaman N dari M" in the footer (PAGE and NUMPAGES fields), none on the cover.

Why python-docx: it is well kept (python-openxml, releases through 2025), pure Python on top of
lxml, writes the document directly with no LibreOffice or pandoc at run time (pandoc is not
installed here and would be a large system dependency), and gives the control a government
document needs (styles, sections, fields, table headers) through its API or, where it stops,
through the document's XML. docxtpl would need a hand-made Word template to keep in step with
the chapters; pypandoc would need pandoc and give less control over tables and sections.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from xml.sax.saxutils import escape
from pathlib import Path
from typing import Any, Iterable

import mistune
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.text.paragraph import Paragraph

from . import ekspor
from .html_report import Chapter, Item, has_foreword, short_title, shown_chapters
from .i18n import _

L = ekspor.LAPORAN
FONT = "Arial"
HITAM = RGBColor(0, 0, 0)
#: A4, and the margins of an Indonesian official document (wider on the binding side).
A4 = (Cm(21.0), Cm(29.7))
MARGIN = {"top": Cm(2.5), "bottom": Cm(2.5), "left": Cm(3.0), "right": Cm(2.0)}
MARGIN_LANSKAP = {"top": Cm(2.5), "bottom": Cm(2.0), "left": Cm(2.5), "right": Cm(2.5)}
LEBAR_POTRET = Emu(A4[0] - MARGIN["left"] - MARGIN["right"])
LEBAR_LANSKAP = Emu(A4[1] - MARGIN_LANSKAP["left"] - MARGIN_LANSKAP["right"])
#: Estimating a table's width: the width of a character of the 9 pt table text and a cell's
#: padding (cm); a figure never wraps, a text wraps between words (down to a word of at most
#: KATA_MAKS characters) and naturally takes up to TEKS_MAKS characters a line.
CM_PER_KARAKTER = 0.2
CM_PADDING = 0.45
KATA_MAKS = 16
TEKS_MAKS = 40
LEBAR_GAMBAR = Cm(15.0)
#: Word's TOC field over the headings, and over the captions carrying SEQ <name>.
TOC_ISI = 'TOC \\o "1-3" \\h \\z \\u'
SEQ = {"tabel": "Tabel", "gambar": "Gambar"}
ABSTRAK_ANGKA, ABSTRAK_BUTIR = 9001, 9002
WARNA_DRAF = "B45309"

_MARKDOWN = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])


# -- XML helpers -------------------------------------------------------------------------------
def _el(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _fonts(rpr: Any, name: str = FONT) -> None:
    """Explicit fonts on a run-properties element (theme fonts removed: they would win)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), name)


def _fld(paragraph: Paragraph, kind: str) -> None:
    paragraph.add_run()._r.append(_el("w:fldChar", fldCharType=kind))


def _instr(paragraph: Paragraph, code: str) -> None:
    text = _el("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {code} "
    paragraph.add_run()._r.append(text)


def field(paragraph: Paragraph, code: str, shown: str = "", hidden: bool = False) -> None:
    """A Word field (``PAGE``, ``SEQ Tabel \\h`` ...) with ``shown`` as its current result;
    ``hidden``: its runs are hidden text (a programme that ignores ``\\h`` shows nothing)."""
    start = len(paragraph.runs)
    _fld(paragraph, "begin")
    _instr(paragraph, code)
    _fld(paragraph, "separate")
    if shown:
        paragraph.add_run(shown)
    _fld(paragraph, "end")
    if hidden:
        for run in paragraph.runs[start:]:
            run.font.hidden = True


#: Characters XML 1.0 cannot hold (a workbook's text may carry them).
_BUKAN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _aman(teks: str) -> str:
    """``teks`` without the characters XML cannot hold (python-docx refuses them)."""
    return _BUKAN_XML.sub("", teks)


def _runs_xml(teks: str, rpr: str = "") -> str:
    """The runs of a text (escaped; line breaks as ``w:br``) with run properties ``rpr``."""
    baris = [escape(_aman(b)) for b in teks.split("\n")]
    isi = "<w:br/>".join(f'<w:t xml:space="preserve">{b}</w:t>' for b in baris)
    return f"<w:r>{rpr}{isi}</w:r>"


def _abstract_num(num_id: int, formats: list[tuple[str, str]]) -> Any:
    abstract = _el("w:abstractNum", abstractNumId=num_id)
    abstract.append(_el("w:multiLevelType", val="multilevel"))
    for level, (fmt, text) in enumerate(formats):
        lvl = _el("w:lvl", ilvl=level)
        lvl.append(_el("w:start", val=1))
        lvl.append(_el("w:numFmt", val=fmt))
        lvl.append(_el("w:lvlText", val=text))
        lvl.append(_el("w:lvlJc", val="left"))
        ppr = _el("w:pPr")
        ppr.append(_el("w:ind", left=360 * (level + 1), hanging=360))
        lvl.append(ppr)
        abstract.append(lvl)
    return abstract


#: What follows ``w:pBdr`` among a paragraph's properties (their order is fixed).
_SETELAH_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                 "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                 "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                 "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                 "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                 "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")

_FORMAT_ANGKA = [("decimal", "%1."), ("lowerLetter", "%2."), ("decimal", "%3)"),
                 ("lowerLetter", "%4)"), ("decimal", "(%5)"), ("lowerLetter", "(%6)")]
_FORMAT_BUTIR = [("bullet", "•"), ("bullet", "–"), ("bullet", "▪"), ("bullet", "•"),
                 ("bullet", "–"), ("bullet", "▪")]


# -- the writer --------------------------------------------------------------------------------
class _Dokumen:
    """Builds the document in report order; the lists (Daftar Isi ...) are filled in last."""

    def __init__(self, facts: dict[str, Any]) -> None:
        self.facts = facts
        self.doc = Document()
        self.body = self.doc.element.body
        self.lanskap = False
        self.isi: list[tuple[int, str]] = []
        self.daftar_tabel: list[str] = []
        self.daftar_gambar: list[str] = []
        self._gaya()
        self._penomoran()
        self._halaman(self.doc.sections[0], lanskap=False)
        self._kaki()
        self._properti()

    # set-up -----------------------------------------------------------------------------------
    def _gaya(self) -> None:
        styles = self.doc.styles
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _fonts(rpr)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = _el("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "id-ID")
        normal = styles["Normal"]
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for level, size in ((1, 16), (2, 13), (3, 12), (4, 11), (5, 11), (6, 11), (7, 11),
                            (8, 11), (9, 11)):
            style = styles[f"Heading {level}"]
            _fonts(style.element.get_or_add_rPr())
            style.font.size, style.font.bold, style.font.italic = Pt(size), True, False
            style.font.color.rgb = HITAM
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            style.paragraph_format.space_before = Pt(12 if level > 1 else 0)
            style.paragraph_format.space_after = Pt(6 if level > 1 else 12)
            style.paragraph_format.keep_with_next = True
        styles["Heading 1"].paragraph_format.page_break_before = True
        caption = styles["Caption"]
        _fonts(caption.element.get_or_add_rPr())
        caption.font.size, caption.font.bold, caption.font.italic = Pt(10), True, False
        caption.font.color.rgb = HITAM
        caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        caption.paragraph_format.space_before = Pt(6)
        caption.paragraph_format.space_after = Pt(4)
        for name, size, indent in (("toc 1", 11, 0), ("toc 2", 11, 0.5), ("toc 3", 10, 1.0),
                                   ("table of figures", 10, 0)):
            style = styles[name] if name in [s.name for s in styles] else \
                styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.font.size = Pt(size)
            style.paragraph_format.left_indent = Cm(indent)
            style.paragraph_format.space_after = Pt(2)
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        for name, size in (("Isi Tabel", 9), ("Catatan Tabel", 8)):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.font.size = Pt(size)
            style.paragraph_format.space_after = Pt(0)
            style.paragraph_format.line_spacing = 1.0
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        #: Style ids by name: assigned to paragraphs directly (python-docx looks a style up
        #: among all styles on every assignment by name or object, which dominated the time).
        self._id = {style.name: style.style_id for style in styles}
        self._judul = {self._id[f"Heading {n}"] for n in range(1, 10)}

    def _penomoran(self) -> None:
        """Two list definitions (numbered, bulleted); each list gets its own w:num."""
        numbering = self.doc.part.numbering_part.element
        first_num = numbering.find(qn("w:num"))
        for abstract in (_abstract_num(ABSTRAK_ANGKA, _FORMAT_ANGKA),
                         _abstract_num(ABSTRAK_BUTIR, _FORMAT_BUTIR)):
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                numbering.append(abstract)
        self._numbering = numbering
        self._next_num = 1 + max((int(n.get(qn("w:numId")))
                                  for n in numbering.findall(qn("w:num"))), default=0)

    def _num(self, ordered: bool, level: int, start: int) -> int:
        num_id, self._next_num = self._next_num, self._next_num + 1
        num = _el("w:num", numId=num_id)
        num.append(_el("w:abstractNumId", val=ABSTRAK_ANGKA if ordered else ABSTRAK_BUTIR))
        override = _el("w:lvlOverride", ilvl=level)
        override.append(_el("w:startOverride", val=start))
        num.append(override)
        self._numbering.append(num)
        return num_id

    def _halaman(self, section: Any, lanskap: bool) -> None:
        section.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (A4[1], A4[0]) if lanskap else A4
        for side, value in (MARGIN_LANSKAP if lanskap else MARGIN).items():
            setattr(section, f"{side}_margin", value)

    def _kaki(self) -> None:
        """Footer: the report and "Halaman N dari M"; the cover has none."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        footer = section.footer
        baris = footer.paragraphs[0]
        baris.alignment = WD_ALIGN_PARAGRAPH.CENTER
        teks = _("Page {page} of {pages}", L)
        sebelum, _p, sisa = teks.partition("{page}")
        tengah, _n, sesudah = sisa.partition("{pages}")
        for bagian, kode in ((sebelum, "PAGE"), (tengah, "NUMPAGES"), (sesudah, None)):
            if bagian:
                baris.add_run(bagian)
            if kode:
                field(baris, kode, "1")
        judul = footer.add_paragraph(_aman(short_title(self.facts)))
        judul.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for p in (baris, judul):
            p.paragraph_format.space_after = Pt(0)
            for run in p.runs:
                run.font.size = Pt(8 if p is judul else 9)

    def _properti(self) -> None:
        core = self.doc.core_properties
        core.title = _aman(short_title(self.facts, "–"))
        core.subject = ekspor.jenis_laporan(self.facts)
        core.author = core.last_modified_by = _aman(str(self.facts.get("nama_unit", "")))
        core.language = "id-ID"
        core.comments = ""
        core.keywords = "LKIP, SAKIP"
        core.created = core.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        core.revision = 1

    # orientation ------------------------------------------------------------------------------
    def _orientasi(self, lanskap: bool) -> None:
        """A new section when the page must turn (a wide table and what follows it)."""
        if lanskap == self.lanskap:
            return
        judul = []  # headings just before the break go with what they head
        last = self.body.sectPr.getprevious()
        while last is not None and last.tag == qn("w:p") and (
                last.pPr is not None and last.pPr.pStyle is not None
                and last.pPr.pStyle.val in self._judul):
            judul.insert(0, last)
            last = last.getprevious()
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        for heading in judul:
            self.body.sectPr.addprevious(heading)
        section.different_first_page_header_footer = False
        self._halaman(section, lanskap)
        self.lanskap = lanskap

    # text -------------------------------------------------------------------------------------
    def _baru(self, teks: str = "", gaya: str | None = None,
              sebelum: Paragraph | None = None) -> Paragraph:
        """A new paragraph at the end (or before ``sebelum``) in style ``gaya`` (a name)."""
        teks = _aman(teks)
        p = sebelum.insert_paragraph_before(teks) if sebelum else self.doc.add_paragraph(teks)
        if gaya:
            p._p.style = self._id[gaya]
        return p

    def paragraf(self, teks: str = "", gaya: str | None = None) -> Paragraph:
        self._orientasi(False)
        return self._baru(teks, gaya)

    def judul(self, teks: str, level: int) -> Paragraph:
        self._orientasi(False)
        level = max(1, min(level, 9))
        p = self._baru(teks, f"Heading {level}")
        if level <= 3:
            self.isi.append((level, teks))
        return p

    def _inline(self, p: Paragraph, tokens: list[dict], bold: bool = False,
                italic: bool = False, strike: bool = False) -> None:
        for tok in tokens:
            kind = tok["type"]
            if kind in ("strong", "emphasis", "strikethrough", "link"):
                self._inline(p, tok.get("children", []), bold or kind == "strong",
                             italic or kind == "emphasis", strike or kind == "strikethrough")
            elif kind == "linebreak":
                p.add_run().add_break()
            elif kind == "softbreak":
                p.add_run(" ")
            elif "raw" in tok:
                run = p.add_run(_aman(tok["raw"]))
                run.bold, run.italic = bold or None, italic or None
                if strike:
                    run.font.strike = True
            elif tok.get("children"):
                self._inline(p, tok["children"], bold, italic, strike)

    @staticmethod
    def _polos(tokens: list[dict]) -> str:
        return "".join(tok.get("raw", "") if "raw" in tok else
                       " " if tok["type"] in ("softbreak", "linebreak") else
                       _Dokumen._polos(tok.get("children", [])) for tok in tokens)

    def markdown(self, teks: str) -> None:
        """Limited Markdown (narrative, the unit's text, authored cells) as Word blocks."""
        self._blok(_MARKDOWN(teks))

    def _blok(self, tokens: list[dict], depth: int = 0) -> None:
        for tok in tokens:
            kind = tok["type"]
            if kind == "heading":
                self.judul(self._polos(tok.get("children", [])), tok["attrs"]["level"])
            elif kind in ("paragraph", "block_text"):
                self._inline(self.paragraf(), tok.get("children", []))
            elif kind == "list":
                self._daftar(tok, depth)
            elif kind == "block_quote":
                self._blok(tok.get("children", []), depth)
            elif kind in ("block_code", "block_html"):
                raw = tok.get("raw", "")
                blocks = ekspor.paragraf_html(raw) if kind == "block_html" else None
                for line in ([b.teks for b in blocks] if blocks else raw.rstrip("\n").split("\n")):
                    self.paragraf(line)
            elif kind == "table":
                self._tabel_markdown(tok)
            elif tok.get("children"):
                self._blok(tok["children"], depth)

    def _daftar(self, tok: dict, depth: int) -> None:
        attrs = tok.get("attrs", {})
        ordered = bool(attrs.get("ordered"))
        level = min(depth, len(_FORMAT_ANGKA) - 1)
        num_id = self._num(ordered, level, int(attrs.get("start") or 1))
        for item in tok.get("children", []):
            first = True
            for child in item.get("children", []):
                if child["type"] == "list":
                    self._daftar(child, depth + 1)
                    continue
                if child["type"] not in ("block_text", "paragraph"):
                    self._blok([child], depth + 1)
                    continue
                p = self.paragraf(gaya="List Paragraph")
                p.paragraph_format.space_after = Pt(3)
                if first:  # in its place among the paragraph properties (Word checks)
                    numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                    numpr.get_or_add_ilvl().val = level
                    numpr.get_or_add_numId().val = num_id
                else:
                    p.paragraph_format.left_indent = Cm(0.635 * (level + 1))
                self._inline(p, child.get("children", []))
                first = False

    def _tabel_markdown(self, tok: dict) -> None:
        rows: list[list[str]] = []
        for part in tok.get("children", []):
            if part["type"] == "table_head":
                rows.append([self._polos(c.get("children", [])) for c in part["children"]])
            else:
                rows.extend([self._polos(c.get("children", [])) for c in row["children"]]
                            for row in part.get("children", []))
        if rows:
            n = max(len(r) for r in rows)
            rows = [r + [""] * (n - len(r)) for r in rows]
            minimal, alami = self.lebar_kolom(rows[0], rows[1:], [False] * n)
            self._tabel_word(rows, [False] * n, [True] + [False] * (len(rows) - 1),
                             self.bagi_lebar(minimal, alami, LEBAR_POTRET.cm))

    def html(self, fragment: str) -> None:
        """A placeholder or the signature block (see :func:`ekspor.paragraf_html`)."""
        for blok in ekspor.paragraf_html(fragment):
            p = self.paragraf()
            for teks, tebal in blok.runs:
                run = p.add_run(_aman(teks))
                run.bold = tebal or None
            if "tanda-tangan" in blok.kelas:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.left_indent = Cm(8)
                p.paragraph_format.space_after = Pt(0)
                p.paragraph_format.keep_with_next = True
                if "ruang-ttd" in blok.kelas:
                    p.paragraph_format.space_before = Pt(48)
                if "nama" in blok.kelas:
                    for run in p.runs:
                        run.bold, run.underline = True, True
            elif "isian-kosong" in blok.kelas:
                self._kotak(p)

    @staticmethod
    def _kotak(p: Paragraph) -> None:
        """The dashed box of a draft's placeholder."""
        borders = _el("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            borders.append(_el(f"w:{side}", val="dashed", sz=8, space=4, color=WARNA_DRAF))
        ppr = p._p.get_or_add_pPr()
        ppr.insert_element_before(borders, *_SETELAH_PBDR)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT

    # tables and figures -----------------------------------------------------------------------
    def _keterangan(self, teks: str, jenis: str, bernomor: bool) -> Paragraph:
        p = self._baru(gaya="Caption")
        if bernomor:
            field(p, f"SEQ {SEQ[jenis]} \\h", hidden=True)
            (self.daftar_tabel if jenis == "tabel" else self.daftar_gambar).append(teks)
        p.add_run(_aman(teks))
        return p

    @staticmethod
    def lebar_kolom(kolom: list[str], teks: list[list[str]], kanan: list[bool]
                    ) -> tuple[list[float], list[float]]:
        """Each column's least and natural width (cm): a figure column its longest cell, a
        text column its longest word (least) or its text up to :data:`TEKS_MAKS` characters;
        the header wraps between words."""
        def cm(karakter: int) -> float:
            return max(karakter, 2) * CM_PER_KARAKTER + CM_PADDING

        minimal, alami = [], []
        for j, label in enumerate(kolom):
            sel = [row[j] for row in teks if j < len(row)]
            kata_label = max((len(w) for w in label.split()), default=1)
            panjang = max((len(t) for t in sel), default=1)
            kata = max((len(w) for t in sel for w in t.split()), default=1)
            if kanan[j]:
                minimal.append(cm(max(kata_label, panjang)))
                alami.append(minimal[-1])
            else:
                minimal.append(cm(max(min(kata_label, KATA_MAKS), min(kata, KATA_MAKS))))
                alami.append(cm(max(kata_label, min(panjang, TEKS_MAKS))))
        return minimal, alami

    @staticmethod
    def bagi_lebar(minimal: list[float], alami: list[float], tersedia: float) -> list[float]:
        """Column widths (cm) within ``tersedia``: the natural widths when they fit, else each
        column its least width plus a share of the rest in proportion to what it lacks."""
        if sum(alami) <= tersedia:
            return alami
        sisa = max(0.0, tersedia - sum(minimal))
        kurang = [a - m for a, m in zip(alami, minimal)]
        total = sum(kurang) or 1.0
        return [m + sisa * k / total for m, k in zip(minimal, kurang)]

    def tabel_data(self, data: dict[str, Any]) -> None:
        """A report table from its data, with caption and footnotes; landscape when wide."""
        kolom = [str(k) for k in data.get("kolom") or []]
        teks = [[str(t) for t in row] for row in data.get("teks") or []]
        kanan = list(data.get("rata_kanan") or [False] * len(kolom))
        tebal = list(data.get("tebal") or [False] * len(teks))
        minimal, alami = self.lebar_kolom(kolom, teks, kanan)
        lanskap = sum(minimal) > LEBAR_POTRET.cm
        self._orientasi(lanskap)
        caption = self._keterangan(ekspor.keterangan(data), "tabel", bool(data.get("nomor")))
        caption.paragraph_format.keep_with_next = True
        tersedia = (LEBAR_LANSKAP if lanskap else LEBAR_POTRET).cm
        self._tabel_word([kolom, *teks], kanan, [True, *tebal],
                         self.bagi_lebar(minimal, alami, tersedia))
        for catatan in data.get("catatan_kaki") or []:
            self._baru(catatan, "Catatan Tabel")
        spasi = self._baru(gaya="Catatan Tabel")
        spasi.paragraph_format.space_after = Pt(6)

    def _tabel_word(self, rows: list[list[str]], kanan: list[bool], tebal: list[bool],
                    lebar_cm: list[float]) -> None:
        """A Word table; ``rows[0]`` is the header (repeated on every page, shaded), widths
        fixed. Written as XML in one piece: through python-docx's cell objects a report's
        tables took most of the document's time."""
        lebar = [Cm(w).twips for w in lebar_cm]
        sel = self._id["Isi Tabel"]
        xml = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{self._id["Table Grid"]}"/>'
               f'<w:tblW w:w="{sum(lebar)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
               '</w:tblPr><w:tblGrid>',
               *(f'<w:gridCol w:w="{w}"/>' for w in lebar), "</w:tblGrid>"]
        for i, values in enumerate(rows):
            xml.append("<w:tr><w:trPr><w:cantSplit/>"
                       + ("<w:tblHeader/>" if i == 0 else "") + "</w:trPr>")
            b = "<w:rPr><w:b/></w:rPr>" if tebal[i] else ""
            for j, value in enumerate(values):
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>' if i == 0 else ""
                jc = '<w:jc w:val="right"/>' if kanan[j] else ""
                xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{lebar[j]}" w:type="dxa"/>{shade}'
                           f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{sel}"/>{jc}</w:pPr>'
                           f"{_runs_xml(value, b)}</w:p></w:tc>")
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        self.body.sectPr.addprevious(parse_xml("".join(xml)))

    def gambar(self, png: bytes, data: dict[str, Any]) -> None:
        """A chart: its picture, then its caption."""
        self._orientasi(False)
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(io.BytesIO(png), width=LEBAR_GAMBAR)
        self._keterangan(ekspor.keterangan(data), "gambar", bool(data.get("nomor")))

    # the parts of the report ------------------------------------------------------------------
    def sampul(self) -> None:
        f = self.facts

        def baris(teks: str, size: int = 12, bold: bool = False, before: int = 0,
                  caps: bool = False) -> None:
            if not teks:
                return
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(before)
            run = p.add_run(_aman(teks))
            run.font.size, run.bold, run.font.all_caps = Pt(size), bold or None, caps or None

        baris(ekspor.jenis_laporan(f), 14, True, 96, caps=True)
        baris(f.get("induk_organisasi", ""), 12, before=12)
        baris(f.get("nama_unit", ""), 20, True, 24)
        if f.get("kode_unit"):
            baris(_("Unit code {code}", L).format(code=f["kode_unit"]))
        if f.get("kabupaten_kota"):
            baris(_("Government of {name}", L).format(name=f["kabupaten_kota"]))
        if f.get("provinsi"):
            baris(_("Province of {name}", L).format(name=f["provinsi"]))
        baris(_("Year {year}", L).format(year=f.get("tahun", "")), 18, True, 24)
        if f.get("jumlah_unit"):  # a roll-up of a local government's units
            baris(_("{count} work units", L).format(count=f["jumlah_unit"]))
        if f.get("demo"):
            baris(_("Demo data: made from fictional workbooks", L), 11, True, 24)
        baris(f.get("kepala_jabatan", ""), before=96)
        baris(f.get("kepala_nama", ""), bold=True)
        baris(f.get("kepala_pangkat", ""))
        if f.get("kepala_nip"):
            baris(_("NIP {nip}", L).format(nip=f["kepala_nip"]))
        baris(f.get("tanggal_laporan", ""), before=24)
        if f.get("bagian_kosong"):
            baris(_("Draft: {count} section(s) not yet written by the unit", L)
                  .format(count=len(f["bagian_kosong"])), 11, True, 24)

    def kata_pengantar(self) -> None:
        self.judul(_("Foreword", L), 1)
        teks = self.facts.get("kata_pengantar") or ""
        if teks:
            self.markdown(teks)
        else:
            self.html(self.facts.get("isian_kata_pengantar") or "")
        self.html(self.facts.get("tanda_tangan") or "")

    def daftar(self, judul: str) -> Paragraph:
        """A list's heading and the paragraph that ends its field (entries go before it)."""
        self.judul(judul, 1)
        return self.doc.add_paragraph()

    def isi_daftar(self, akhir: Paragraph, kode: str, entri: list[tuple[str, str]]) -> None:
        """Fill a TOC field: ``entri`` (style, text) before ``akhir``, the field around them."""
        awal = akhir.insert_paragraph_before()
        _fld(awal, "begin")
        _instr(awal, kode)
        _fld(awal, "separate")
        for style, teks in entri:
            p = self._baru(teks, style, sebelum=akhir)
            p.paragraph_format.keep_with_next = False
        _fld(akhir, "end")

    def bab(self, chapter: Chapter) -> None:
        self.judul(chapter.title, 1)
        for item in chapter.items:
            self.item(item)

    def item(self, item: Item) -> None:
        if item.markdown is not None:
            self.markdown(item.markdown)
            return
        data = ekspor.data_lkip(item)
        if data and data.get("jenis") == "tabel":
            self.tabel_data(data)
        elif data and data.get("jenis") == "gambar" and (gambar := ekspor.png(item)):
            self.gambar(gambar, data)
        elif (fragment := ekspor.html(item)) is not None:
            self.html(fragment)
        elif (teks := ekspor.markdown(item)) is not None:
            self.markdown(teks)
        elif (gambar := ekspor.png(item)) is not None:
            self.gambar(gambar, {})
        elif (teks := ekspor.teks(item)) is not None:
            for line in teks.rstrip("\n").split("\n"):
                self.paragraf(line)

    def settings(self) -> None:
        """Ask Word to update the fields (TOC page numbers) when the document is opened."""
        settings = self.doc.settings.element
        update = _el("w:updateFields", val="true")
        after = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                 "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                 "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                 "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                 "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")
        for child in settings:
            if child.tag.split("}")[-1] in after:
                child.addprevious(update)
                return
        settings.append(update)


def dokumen(facts: dict[str, Any], chapters: Iterable[Chapter]) -> Any:
    """The Word document of a report (a ``docx.Document``; see the module docstring)."""
    d = _Dokumen(facts)
    d.sampul()
    if has_foreword(facts):
        d.kata_pengantar()
    akhir_isi = d.daftar(_("Table of contents", L))
    akhir_tabel = d.daftar(_("List of tables", L))
    akhir_gambar = d.daftar(_("List of figures", L))
    for chapter in shown_chapters(chapters):
        d.bab(chapter)
    d.isi_daftar(akhir_isi, TOC_ISI, [(f"toc {level}", teks) for level, teks in d.isi])
    d.isi_daftar(akhir_tabel, f'TOC \\h \\z \\c "{SEQ["tabel"]}"',
                 [("table of figures", t) for t in d.daftar_tabel])
    d.isi_daftar(akhir_gambar, f'TOC \\h \\z \\c "{SEQ["gambar"]}"',
                 [("table of figures", t) for t in d.daftar_gambar])
    d.settings()
    return d.doc


def write_docx(path: Path | str, facts: dict[str, Any], chapters: Iterable[Chapter]) -> Path:
    """Write the Word document of a report to ``path``, whole or not at all."""
    document = dokumen(facts, chapters)
    with ekspor.berkas_utuh(path) as temporary:
        document.save(str(temporary))
    return Path(path)


__all__ = ["dokumen", "write_docx", "field"]
