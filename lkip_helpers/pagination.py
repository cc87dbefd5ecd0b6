"""Page numbers in the printed Daftar Isi, Daftar Tabel and Daftar Gambar: two printing passes.

Where a heading, a table or a figure falls is known only once the report is laid out on A4
pages, by the engine that prints it. So :func:`print_numbered` prints twice:

1. the report as it is (its lists without numbers, each page-number box empty but as wide as
   a number, so lines break the same in both passes);
2. the same report with the pages found in pass 1 written into its lists.

The pages are read from the first PDF itself, where Chromium put them: for every element an
in-page link points to (the lists link every entry) it writes a *named destination* (the
PDF's ``/Dests``, named after the element's id) on the page where the element's first box
fell, as its own page layout decided: breaks forced by CSS, tables and figures kept whole,
headings kept with what follows. Nothing is estimated (measuring the page in a browser's
print emulation would not paginate, and searching the PDF's text for a title would stumble on
titles that occur twice). The destinations are read with pypdf.

With a printer that prints in place (Chromium: :attr:`lkip_helpers.pdf.PdfEngine.in_place`),
pass 1 is a *draft*, printed for its pages only (no tags, bookmarks or footer), and pass 2
prints the same page, still loaded in the browser, with its three lists replaced by their
numbered versions (:func:`lkip_helpers.html_report.report_lists`): no second load and
layout of the whole report from its file (the browser's work for the PDF drops by about a
third).

The numbers change only digits inside fixed-width boxes, so pass 2 puts every entry on the
page pass 1 found; it is checked all the same: pass 2's destinations must equal the printed
numbers. Should they differ, one more pass prints the pages pass 2 found and is checked in
turn; after :data:`MAX_PASSES` the report keeps pass 1's PDF, without numbers. Likewise when
the engine writes no destinations, or pypdf is missing or cannot read the PDF: no numbers
rather than wrong numbers (and one pass). An entry whose destination is missing while the
others' are there gets no number (the render log names it).

Chromium places those destinations on the right page but at a wrong height, so a viewer
following a link of the lists may land on the next page: :func:`destinations_to_page_tops`
points each at the top of its page, in an incremental update of the final PDF (under
0.1 s; the bookmarks, which Chromium places right, are left alone).
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Callable, Iterable

#: Printing passes at most: the report without numbers, with them, and one more should the
#: numbers have moved anything.
MAX_PASSES = 3
#: Beside the report while it is printed (in the unit-year's staging folder): the report with
#: page numbers, and its PDF before it replaces the one without numbers.
NUMBERED_SUFFIX = "-bernomor"


@dataclass(frozen=True)
class Numbering:
    """What :func:`print_numbered` did: ``pages`` printed in the lists (anchor -> page; empty:
    no numbers, and ``reason`` says why) after ``passes`` prints; ``missing``: listed anchors
    the PDF gave no page for (their lines show none)."""

    pages: dict[str, int]
    passes: int
    reason: str = ""
    missing: tuple[str, ...] = ()


def destination_pages(pdf_file: Path) -> dict[str, int]:
    """The page (1 = first) of every named destination in ``pdf_file``, by name.

    Empty when pypdf is not installed or cannot read the file.
    """
    try:
        from pypdf import PdfReader
    except ImportError:
        return {}
    pages: dict[str, int] = {}
    try:
        reader = PdfReader(pdf_file)
        for name, destination in reader.named_destinations.items():
            page = reader.get_destination_page_number(destination)
            if page >= 0:  # a destination on no page of the document is no position
                pages[name.removeprefix("/")] = page + 1
    except Exception:  # noqa: BLE001 - any unreadable PDF: no positions, no numbers
        return {}
    return pages


def pages_of(pdf_file: Path, anchors: Iterable[str]) -> dict[str, int]:
    """The page of each of ``anchors`` that has one in ``pdf_file``."""
    found = destination_pages(pdf_file)
    return {anchor: found[anchor] for anchor in anchors if anchor in found}


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def _page_box(page: Any) -> Any:
    """A page dictionary's ``/MediaBox`` [x0 y0 x1 y1], inherited from the page tree."""
    while page is not None:
        if "/MediaBox" in page:
            return page["/MediaBox"]
        page = page.get("/Parent")
        page = page.get_object() if page is not None else None
    return None


def destinations_to_page_tops(pdf_file: Path) -> bool:
    """Make every named destination of ``pdf_file`` show its page from the top; True if done.

    Chromium (156 here) puts each named destination on the right page but at a wrong height,
    the more wrong the lower the element stands (a heading in the lower quarter of page 9 got
    the height -83, below the page), so a viewer following a link of the Daftar Isi may show
    the next page instead. The bookmarks are right and untouched. The file is amended by an
    incremental update (PDF 1.7, 7.5.6): a new version of the ``/Dests`` dictionary, each
    destination ``[page /XYZ 0 <page top> null]``, is appended with its cross-reference
    section; nothing before it changes. False, and the file unchanged, when pypdf is missing
    or the PDF is not of the expected kind (no ``/Dests`` object of its own, or a
    cross-reference stream).
    """
    try:
        from pypdf import PdfReader
        from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, IndirectObject,
                                   NameObject, NullObject, NumberObject)
    except ImportError:
        return False
    try:
        data = Path(pdf_file).read_bytes()
        found = _STARTXREF.search(data[-1024:])
        if not found or not data[int(found[1]):].startswith(b"xref"):
            return False
        reader = PdfReader(pdf_file)
        reference = reader.trailer["/Root"].raw_get("/Dests")
        if not isinstance(reference, IndirectObject):
            return False
        dests = DictionaryObject()
        for name, destination in reference.get_object().items():
            target = destination.get_object()
            if isinstance(target, DictionaryObject):  # << /D [page ...] >>
                target = target["/D"]
            page = target[0]
            if not isinstance(page, IndirectObject):
                return False
            box = _page_box(page.get_object())
            if box is None:
                return False
            top = float(box[3])
            dests[NameObject(name)] = ArrayObject(
                [page, NameObject("/XYZ"), NumberObject(0), FloatObject(top), NullObject()])
        trailer = DictionaryObject({NameObject("/Size"): reader.trailer.raw_get("/Size"),
                                    NameObject("/Prev"): NumberObject(int(found[1]))})
        for key in ("/Root", "/Info", "/ID"):
            if key in reader.trailer:
                trailer[NameObject(key)] = reader.trailer.raw_get(key)
        update = io.BytesIO()
        update.write(b"\n")
        offset = len(data) + update.tell()
        update.write(f"{reference.idnum} {reference.generation} obj\n".encode())
        dests.write_to_stream(update)
        update.write(b"\nendobj\n")
        xref = len(data) + update.tell()
        update.write(f"xref\n0 1\n0000000000 65535 f \n{reference.idnum} 1\n{offset:010d} "
                     f"{reference.generation:05d} n \n".encode())
        update.write(b"trailer\n")
        trailer.write_to_stream(update)
        update.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
    except Exception:  # noqa: BLE001 - a PDF not as expected is left as it is
        return False
    with open(pdf_file, "ab") as file:
        file.write(update.getvalue())
    return True


def print_numbered(print_pdf: Callable[..., None], html_file: Path,
                   pdf_file: Path, footer: str, render: Callable[[dict[str, int]], str],
                   anchors: Iterable[str],
                   parts: Callable[[dict[str, int]], dict[str, str]] | None = None) -> Numbering:
    """Print ``html_file`` to ``pdf_file`` with page numbers in its lists, where they can be
    known exactly (see the module's docstring).

    ``print_pdf(html, pdf, footer)``: a printer's call (it raises when printing fails);
    ``render(pages)``: the report's HTML with ``pages`` (anchor -> page) in its lists;
    ``anchors``: every anchor the lists link to. An anchor the PDF gives no page for gets no
    number. ``pdf_file`` holds, in the end, the numbered PDF, or the first pass's without
    numbers, its links leading to the top of their target's page
    (:func:`destinations_to_page_tops`). The numbered HTML and PDF are written beside
    ``html_file`` and ``pdf_file`` while printing and removed afterwards.

    ``parts(pages)``: the lists alone with ``pages`` in them (element id -> outer HTML), for
    a printer that prints in place (:attr:`lkip_helpers.pdf.PdfEngine.in_place`: its
    ``print_pdf`` takes ``draft`` and ``parts``). The first pass is then a draft, for the
    pages only, and the next pass prints the same loaded page with its lists replaced, instead
    of loading and laying out a numbered copy of the report: the browser's work of a
    numbered PDF drops from two whole prints to about one and a half.
    """
    if parts is None:
        numbering = _print_numbered(print_pdf, html_file, pdf_file, footer, render, anchors)
    else:
        numbering = _print_in_place(print_pdf, html_file, pdf_file, footer, parts, anchors)
    destinations_to_page_tops(pdf_file)
    return numbering


def _no_pages_reason() -> str:
    return ("the PDF tells the page of no entry" if find_spec("pypdf")
            else "pypdf, which reads the pages, is not installed")


def _settle(print_with: Callable[[dict[str, int]], None], numbered_pdf: Path, pdf_file: Path,
            pages: dict[str, int], missing: tuple[str, ...]) -> Numbering:
    """After the first pass found ``pages``: ``print_with(pages)`` prints the numbered report
    to ``numbered_pdf``, again with the pages it found while the numbers moved an entry, at
    most :data:`MAX_PASSES` prints in all; the numbered PDF replaces ``pdf_file`` when its
    entries stand on the pages printed. Without numbers in the end, ``pdf_file`` is left as
    it is."""
    passes = 1
    while passes < MAX_PASSES:
        print_with(pages)
        passes += 1
        landed = pages_of(numbered_pdf, pages)
        if landed == pages:
            os.replace(numbered_pdf, pdf_file)
            return Numbering(pages, passes, missing=missing)
        if set(landed) != set(pages):
            return Numbering({}, passes, "the numbered PDF does not tell the same entries' "
                                         "pages", missing)
        pages = landed
    return Numbering({}, passes, f"the page numbers still moved entries after {MAX_PASSES} "
                                 f"passes", missing)


def _print_numbered(print_pdf: Callable[[Path, Path, str], None], html_file: Path,
                    pdf_file: Path, footer: str, render: Callable[[dict[str, int]], str],
                    anchors: Iterable[str]) -> Numbering:
    anchors = list(anchors)
    print_pdf(html_file, pdf_file, footer)
    pages = pages_of(pdf_file, anchors)
    if not pages:
        return Numbering({}, 1, _no_pages_reason())
    missing = tuple(anchor for anchor in anchors if anchor not in pages)
    numbered_html = html_file.with_name(f".{html_file.stem}{NUMBERED_SUFFIX}.html")
    numbered_pdf = pdf_file.with_name(f".{pdf_file.stem}{NUMBERED_SUFFIX}.pdf")

    def print_with(pages: dict[str, int]) -> None:
        numbered_html.write_text(render(pages), encoding="utf-8")
        print_pdf(numbered_html, numbered_pdf, footer)

    try:
        return _settle(print_with, numbered_pdf, pdf_file, pages, missing)
    finally:
        numbered_html.unlink(missing_ok=True)
        numbered_pdf.unlink(missing_ok=True)


def _print_in_place(print_pdf: Callable[..., None], html_file: Path, pdf_file: Path,
                    footer: str, parts: Callable[[dict[str, int]], dict[str, str]],
                    anchors: Iterable[str]) -> Numbering:
    """:func:`print_numbered` with a printer that prints in place: a draft first, then the
    numbered lists printed into the loaded page; without numbers in the end, the report as it
    is gets one more (final) print, since a draft is no report."""
    anchors = list(anchors)
    draft = pdf_file.with_name(f".{pdf_file.stem}-draf.pdf")
    numbered_pdf = pdf_file.with_name(f".{pdf_file.stem}{NUMBERED_SUFFIX}.pdf")
    try:
        print_pdf(html_file, draft, footer, draft=True)
        pages = pages_of(draft, anchors)
        if pages:
            numbering = _settle(
                lambda pages: print_pdf(html_file, numbered_pdf, footer, parts=parts(pages)),
                numbered_pdf, pdf_file, pages,
                tuple(anchor for anchor in anchors if anchor not in pages))
        else:
            numbering = Numbering({}, 1, _no_pages_reason())
        if not numbering.pages:
            print_pdf(html_file, pdf_file, footer)  # the report as it is, without numbers
            numbering = dataclasses.replace(numbering, passes=numbering.passes + 1)
        return numbering
    finally:
        draft.unlink(missing_ok=True)
        numbered_pdf.unlink(missing_ok=True)


__all__ = ["MAX_PASSES", "NUMBERED_SUFFIX", "Numbering", "destination_pages",
           "destinations_to_page_tops", "pages_of", "print_numbered"]
