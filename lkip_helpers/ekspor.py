"""What the Word and Excel exports read from the executed chapters, and how they write a file.

The exports never read the HTML of a table or a chart: the chapters put them in their outputs
as data (the ``lkip`` metadata of the output, see :mod:`lkip_helpers.chapter`). What they
read is what the HTML report shows: the chapters of :func:`lkip_helpers.html_report.shown_chapters`
and, in each, the items of :func:`lkip_helpers.html_report.visible_items` (hidden cells and
empty sections already left out). An HTML output without a data form is read for its text
(:func:`paragraf_html`); in the chapters these are two small fragments made by
:mod:`lkip_helpers.dokumen`: the placeholder of a section the unit has not written
(``<div class="isian-kosong">``) and the signature block (``<div class="tanda-tangan">``).

This module imports neither pandas nor the libraries of the formats, so the rendering process
stays light when an export is not asked for.
"""

from __future__ import annotations

import base64
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import raster
from .html_report import Chapter, Item
from .i18n import _

#: The language of the reports (:data:`lkip_helpers.labels.LAPORAN`, without importing pandas).
LAPORAN = "id"


def data_lkip(item: Item) -> dict[str, Any] | None:
    """The ``lkip`` metadata of an output item (a table or a chart), else None."""
    if item.output is None:
        return None
    data = (item.output.get("metadata") or {}).get("lkip")
    return dict(data) if data else None


def png(item: Item) -> bytes | None:
    """The picture of an output item as PNG, if it has one: its PNG, or its SVG (a chart)
    rasterised."""
    data = (item.output or {}).get("data", {})
    if payload := data.get("image/png"):
        return base64.b64decode("".join(payload) if isinstance(payload, list) else payload)
    if svg := data.get("image/svg+xml"):
        return raster.png("".join(svg) if isinstance(svg, list) else svg)
    return None


def html(item: Item) -> str | None:
    """The HTML of an output item that carries no data form (placeholder, signature)."""
    if item.output is None or data_lkip(item) is not None:
        return None
    payload = item.output.get("data", {}).get("text/html")
    return "".join(payload) if isinstance(payload, list) else payload


def markdown(item: Item) -> str | None:
    """The Markdown of an output item (narrative), when it has no HTML part."""
    data = (item.output or {}).get("data", {})
    if "text/html" in data or "text/markdown" not in data:
        return None
    payload = data["text/markdown"]
    return "".join(payload) if isinstance(payload, list) else payload


def teks(item: Item) -> str | None:
    """The plain text of an output item shown as text (stdout, or only text/plain)."""
    output = item.output or {}
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    if len(set(data) - {"text/plain"}) == 0 and "text/plain" in data:
        payload = data["text/plain"]
        return "".join(payload) if isinstance(payload, list) else payload
    return None


@dataclass(frozen=True)
class Tabel:
    """One table of the report, in report order: its chapter and its data."""

    bab: Chapter
    data: dict[str, Any]
    urutan: int  # 1, 2 ... within its chapter


def tabel_laporan(chapters: Iterable[Chapter]) -> Iterator[Tabel]:
    """Every table the report shows, in order."""
    for bab in chapters:
        urutan = 0
        for item in bab.items:
            data = data_lkip(item)
            if data and data.get("jenis") == "tabel":
                urutan += 1
                yield Tabel(bab, data, urutan)


def keterangan(data: dict[str, Any]) -> str:
    """The caption of a table or chart as the report shows it ("Tabel 3.1 ...")."""
    return str(data.get("keterangan") or data.get("judul") or "")


def sumber(data: dict[str, Any], facts: dict[str, Any], bab: Chapter) -> str:
    """Where a table's figures come from: the source the chapter names, else the report and
    its chapter ("Laporan Kinerja Instansi Pemerintah Tahun 2023, Bab III ...")."""
    asal = data.get("sumber") or _("{report} {year}, {chapter}", LAPORAN).format(
        report=jenis_laporan(facts), year=facts.get("tahun", ""),
        chapter=bab.title)
    return _("Source: {source}", LAPORAN).format(source=asal)


def jenis_laporan(facts: dict[str, Any]) -> str:
    """What the report is: a unit's "Laporan Kinerja Instansi Pemerintah", or what its facts
    say (``jenis_laporan``: a local government's "Rekapitulasi Kinerja Perangkat Daerah")."""
    return facts.get("jenis_laporan") or _("Government Agency Performance Report", LAPORAN)


def unit_tahun(facts: dict[str, Any]) -> str:
    """"<unit name>, Tahun 2023": the unit-year line above an exported table."""
    return f"{facts.get('nama_unit', '')}, " + _("Year {year}", LAPORAN).format(
        year=facts.get("tahun", ""))


# -- the two HTML fragments without a data form ----------------------------------------------
@dataclass
class Paragraf:
    """A paragraph of an HTML fragment: its runs (text, bold) and the classes of its block."""

    kelas: tuple[str, ...] = ()
    runs: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def teks(self) -> str:
        return "".join(t for t, _b in self.runs)


class _Blok(HTMLParser):
    """Paragraphs of a fragment of ``div``/``p`` blocks holding text and ``strong``/``b``."""

    BLOK = {"div", "p", "li", "br"}
    TEBAL = {"strong", "b"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraf: list[Paragraf] = []
        self._kelas: list[tuple[str, ...]] = []
        self._tebal = 0
        self._baru = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOK:
            kelas = tuple((dict(attrs).get("class") or "").split())
            if tag != "br":
                self._kelas.append(kelas)
            self._baru = True
            if "ruang-ttd" in kelas:  # the room for the signature: an empty line
                self.paragraf.append(Paragraf(kelas))
        elif tag in self.TEBAL:
            self._tebal += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOK and self._kelas:
            self._kelas.pop()
            self._baru = True
        elif tag in self.TEBAL:
            self._tebal = max(0, self._tebal - 1)

    def handle_data(self, data: str) -> None:
        if not data.strip() and self._baru:
            return
        if self._baru:
            kelas = tuple(k for ks in self._kelas for k in ks)
            self.paragraf.append(Paragraf(kelas))
            self._baru = False
            data = data.lstrip()
        self.paragraf[-1].runs.append((" ".join(data.split(" ")), self._tebal > 0))


def paragraf_html(fragment: str) -> list[Paragraf]:
    """The paragraphs of a small HTML fragment of blocks (placeholder, signature block): one
    per block with text, an empty one for the room of a signature; entities decoded once."""
    parser = _Blok()
    parser.feed(fragment or "")
    parser.close()
    for p in parser.paragraf:
        if p.runs:
            teks_akhir, tebal = p.runs[-1]
            p.runs[-1] = (teks_akhir.rstrip(), tebal)
    return parser.paragraf


# -- writing a file whole ---------------------------------------------------------------------
@contextmanager
def berkas_utuh(target: Path | str) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; renamed to ``target`` when the block
    ends without an error, removed otherwise: a failed export leaves no half-written file and
    the previous file (if any) untouched."""
    target = Path(target)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(0o644)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()
