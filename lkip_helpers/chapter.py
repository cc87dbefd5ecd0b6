"""What a chapter notebook calls to show things: numbered tables, numbered charts, narrative.

A notebook opens its unit-year with :meth:`Bab.buka` and then calls ``bab.blok`` (a table,
its chart and its narrative: the block every section repeats), or ``bab.tabel``,
``bab.grafik`` and ``bab.narasi`` one by one. Every output is a raw MIME bundle whose ``text/plain`` part
is Indonesian text written here (never an object repr such as ``<Figure ...>``), whose HTML
is escaped, and which carries no Python warning: the reader sees tables, charts and prose only.

Tables and charts also travel as data, so that the Word and Excel exports never read HTML:
the output's metadata holds ``{"lkip": ...}``:

* a table (:func:`lkip_helpers.tables.data_tabel`): ``{"jenis": "tabel", "nomor": "3.1" or
  None, "judul", "keterangan": the caption as shown ("Tabel 3.1 ..."), "kolom": [labels],
  "jenis_kolom": [kinds of lkip_helpers.labels.JENIS], "rata_kanan": [bool], "nilai": [[raw
  values: numbers, None, ISO dates, text]], "teks": [[the cells as shown]], "tebal": [bool
  per row], "catatan_kaki": [footnotes]}``, plus ``"sumber"`` when the notebook names the
  table's source;
* a chart: ``{"jenis": "gambar", "nomor", "judul", "keterangan"}``, and its SVG is also in
  the bundle as ``image/svg+xml`` (after ``text/html``, which the HTML report and JupyterLab
  show); when ``lkip render`` writes a Word file (:data:`lkip_helpers.raster.VARIABEL_PNG`)
  its PNG follows as ``image/png``, else the Word export rasterises the SVG itself.
"""

from __future__ import annotations

import base64
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd
from IPython.display import display

from . import charts, dokumen, raster, tables
from .load import load_year
from .model import LkipYear
from .schema import BAGIAN_NARASI_BY_KEY


def tampilkan_html(isi_html: str, teks: str, data: Mapping[str, Any] | None = None,
                   lkip: Mapping[str, Any] | None = None) -> None:
    """Show an HTML fragment; ``teks`` is its plain-text alternative, ``data`` further MIME
    parts (after the HTML), ``lkip`` what it is as data (the output's ``lkip`` metadata)."""
    display({"text/html": isi_html, **(data or {}), "text/plain": teks}, raw=True,
            metadata={"lkip": dict(lkip)} if lkip else None)


def tampilkan_markdown(teks: str) -> None:
    """Show Markdown (narrative paragraphs, headings, formula lists)."""
    display({"text/markdown": teks, "text/plain": teks}, raw=True)


def html_gambar(grafik: charts.Grafik, keterangan: str) -> str:
    """An embedded SVG chart (works offline; a picture, so nothing in it runs) with its
    numbered caption below. Its size is stated, so the page is laid out before the picture
    is read (the draft print paints nothing)."""
    data = base64.b64encode(grafik.svg.encode("utf-8")).decode("ascii")
    return (
        '<figure style="margin: 0.6em 0 1.4em 0;">'
        f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(grafik.judul)}" '
        f'width="{round(grafik.lebar)}" height="{round(grafik.tinggi)}" '
        f'style="width: 100%; max-width: {charts.LEBAR_LAYAR}px; height: auto;">'
        '<figcaption style="font-weight: bold; font-size: 0.92em; margin-top: 0.3em;">'
        f"{html.escape(keterangan)}</figcaption></figure>"
    )


#: Environment variables that may name the notebook being run: set by ``lkip render`` for each
#: chapter, and by JupyterLab (jupyter_server) for the notebook of a kernel's session.
VARIABEL_NOTEBOOK = ("LKIP_NOTEBOOK", "JPY_SESSION_NAME")
_NAMA_BAB = re.compile(r"^(\d{2})_[a-z0-9_]+\.ipynb$")


def nomor_dari_nama(nama: str | os.PathLike | None) -> int | None:
    """The chapter number of a notebook file name: ``02_capaian_kinerja.ipynb`` -> 2."""
    if not nama:
        return None
    m = _NAMA_BAB.match(Path(nama).name)
    return int(m[1]) if m else None


#: File numbers of the parts of the report: 00 is the front matter (Ikhtisar Eksekutif: its
#: tables and charts carry no number), 01-89 are the Bab (Tabel 3.1 ...), 90-99 the Lampiran
#: (Tabel L.1 ...).
DEPAN, LAMPIRAN_DARI = 0, 90


def label_bab(nomor: int | None) -> str | None:
    """What captions put before the table's own number: "3" for Bab III (Tabel 3.1), "L" in
    the Lampiran (Tabel L.1), None in the front matter and when unknown (unnumbered)."""
    if nomor is None or nomor == DEPAN:
        return None
    return "L" if nomor >= LAMPIRAN_DARI else str(nomor)


def nomor_bab() -> int | None:
    """The number of the chapter being run, from its notebook's file name (see
    :data:`VARIABEL_NOTEBOOK`); None when it cannot be known (then captions carry no
    chapter number)."""
    for nama in VARIABEL_NOTEBOOK:
        nomor = nomor_dari_nama(os.environ.get(nama))
        if nomor is not None:
            return nomor
    return None


@dataclass
class Bab:
    """One chapter being shown: numbers its tables ("Tabel 2.1") and charts ("Gambar 2.1").

    The chapter number comes from the notebook's file name (``NN_slug.ipynb``), so a new
    chapter is one new notebook: nothing inside it names its number.
    """

    nomor: int | None
    lkip: LkipYear | None  # None: a chapter of no single unit-year (the roll-up's)
    _tabel: int = field(default=0, repr=False)
    _gambar: int = field(default=0, repr=False)

    @classmethod
    def buka(cls, unit: str, year: int | str, data_dir: Path | str | None = None,
             nomor: int | None = None) -> "Bab":
        """The chapter of unit-year ``unit``/``year`` (loaded by :func:`load.load_year`).

        ``nomor``: the chapter number; by default taken from the notebook's file name
        (:func:`nomor_bab`).
        """
        return cls(nomor if nomor is not None else nomor_bab(), load_year(unit, year, data_dir))

    @classmethod
    def tanpa_unit(cls, nomor: int | None = None) -> "Bab":
        """A chapter that shows no single unit-year (a roll-up's, :mod:`lkip_helpers.rekap`):
        it numbers its tables and charts like any other; :meth:`teks_unit` is not for it."""
        return cls(nomor if nomor is not None else nomor_bab(), None)

    def _nomor(self, urutan: int) -> str | None:
        if self.nomor == DEPAN:
            return None  # the front matter's tables are not numbered
        label = label_bab(self.nomor)
        return f"{label}.{urutan}" if label is not None else str(urutan)

    def tabel(self, df: pd.DataFrame, judul: str, *, kolom: Iterable[str] | None = None,
              alasan: Mapping[str, str] | None = None,
              format_kolom: Mapping[Any, tables.Pemformat] | None = None,
              rata_kanan: Iterable[Any] = (),
              dinyatakan: tables.Dinyatakan | None = None, sumber: str | None = None) -> None:
        """Show ``df`` in the one table style, captioned "Tabel <bab>.<n> <judul>".

        ``kolom``: the keys to show, in order; ``alasan``: value column -> column of reason
        codes shown where the value is missing; ``dinyatakan``: value column -> (stated
        column, source column), default ``df.attrs["dinyatakan"]``: a stated figure that
        differs gets a footnote under the table (see :func:`lkip_helpers.tables.tabel`);
        ``sumber``: where the figures come from, for the exports (not shown in the report).
        The table also goes out as data (see the module docstring).
        """
        self._tabel += 1
        isi = tables.isi_tabel(df, judul, self._nomor(self._tabel), kolom=kolom, alasan=alasan,
                               format_kolom=format_kolom, rata_kanan=rata_kanan,
                               dinyatakan=dinyatakan)
        data = {**tables.data_tabel(isi), "keterangan": isi.keterangan}
        if sumber:
            data["sumber"] = sumber
        tampilkan_html(tables.html_tabel(isi), tables.teks_tabel(isi), lkip=data)

    def blok(self, df: pd.DataFrame | None, judul: str, *, narasi: str | None = None,
             grafik: Any = None, **opsi: Any) -> None:
        """One section's block: the table (when ``df`` has rows), its chart(s), its narrative.

        ``opsi`` go to :meth:`tabel` (``kolom``, ``alasan``, ``format_kolom``,
        ``rata_kanan``, ``dinyatakan``). A chart is drawn only with a table to show: pass it
        as a function of no argument (``lambda: charts.batang(...)``) so nothing is drawn for
        an empty table, or as a :class:`~lkip_helpers.charts.Grafik` (or several). The narrative is shown in any case (it says when data are
        missing).
        """
        if df is not None and len(df):
            self.tabel(df, judul, **opsi)
            gambar = grafik() if callable(grafik) else grafik
            for satu in ([gambar] if isinstance(gambar, charts.Grafik) else list(gambar or ())):
                self.grafik(satu)
        if narasi:
            self.narasi(narasi)

    def grafik(self, grafik: charts.Grafik) -> None:
        """Show a chart made by :mod:`lkip_helpers.charts`, captioned "Gambar <bab>.<n> <title>"."""
        self._gambar += 1
        judul = charts.judul_grafik(grafik)
        nomor = self._nomor(self._gambar)
        keterangan = f"Gambar {nomor} {judul}" if nomor else judul
        data = {"image/svg+xml": grafik.svg}
        if os.environ.get(raster.VARIABEL_PNG) == "1":  # lkip render writes a Word file
            data["image/png"] = base64.b64encode(charts.png(grafik)).decode("ascii")
        tampilkan_html(html_gambar(grafik, keterangan), keterangan, data,
                       {"jenis": "gambar", "nomor": nomor, "judul": judul,
                        "keterangan": keterangan})

    def narasi(self, teks: str) -> None:
        """Show narrative paragraphs (Markdown from :mod:`lkip_helpers.narrative`)."""
        tampilkan_markdown(teks)

    def teks_unit(self, bagian: str, pengganti: str | None = None) -> None:
        """Show the unit's own text of section ``bagian`` (sheet ``narasi``).

        Without it: ``pengganti`` (a text generated from the data, e.g. the outline of the
        report) when given; else, for a regulated section, the placeholder of a draft
        (:func:`lkip_helpers.dokumen.html_isian_kosong`); else nothing.
        """
        if self.lkip is None:
            raise ValueError("teks_unit needs a unit-year: open the chapter with Bab.buka")
        teks = dokumen.teks_bagian(self.lkip, bagian) or pengganti
        if teks:
            self.narasi(teks)
        elif BAGIAN_NARASI_BY_KEY[bagian].wajib:
            self.html(dokumen.html_isian_kosong(bagian))

    def html(self, isi_html: str) -> None:
        """Show an HTML fragment built by the presentation layer (text already escaped)."""
        if isi_html:
            tampilkan_html(isi_html, html.unescape(re.sub(r"<[^>]+>", " ", isi_html)).strip())
