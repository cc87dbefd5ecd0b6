"""The LKIP as a document: the unit's own text (sheet ``narasi``) in its regulated sections.

PermenPAN-RB 53/2014 fixes the sections of the report; :data:`lkip_helpers.schema.BAGIAN_NARASI`
lists those the unit writes itself. This module turns the rows of sheet ``narasi`` into what
the chapters show:

* :func:`markdown_unit`: one cell of the unit's text as *limited* Markdown: paragraphs, lists,
  bold and italic pass; everything else (HTML, links, images, code, headings, tables, quotes)
  is shown as typed, never interpreted. The text is escaped for Markdown here and for HTML
  once, by the Markdown renderer, so ``&`` and ``<`` reach the reader as typed;
* :func:`teks_bagian`: a section's rows in sheet order (sub-headings from ``judul``; a
  per-indicator section grouped by indicator);
* :func:`bagian_kosong` and :func:`html_isian_kosong`: the regulated sections left empty and
  the placeholder a draft shows for each (``lkip check --reviu`` lists the same sections);
* generated parts that only restate the data: the outline of the report
  (:func:`sistematika`), the signature block (:func:`html_tanda_tangan`) and the parties of the
  Perjanjian Kinerja (:func:`para_pihak`).
"""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd

from .format import tanggal
from .hitung import kosong
from .i18n import _
from .labels import LAPORAN
from .model import LkipYear
from .narrative import tulis
from .schema import BAGIAN_NARASI, BAGIAN_NARASI_BY_KEY, BagianNarasi

#: Characters that would make Markdown do more than the limited set: raw HTML and entities
#: (``< > &``), links and images (``[ ] !``), code (backtick), tables (``|``), strikethrough
#: (``~``), headings (``#``), attribute braces and the escape character itself.
_KHUSUS = re.compile(r"([\\`\[\]{}#|~!<>&])")
#: A line that Markdown would read as a rule or as the underline of a heading.
_GARIS = re.compile(r"^\s*([-=_*])(\s*\1){2,}\s*$|^\s*=+\s*$")
_DAFTAR = re.compile(r"^(\s*)([-+*]|\d{1,9}[.)])(\s+)")
_KUTIPAN = re.compile(r"^\s*>")


def _baris_aman(baris: str) -> str:
    if _GARIS.match(baris):
        return "\\" + baris.strip()
    isi = baris.lstrip(" \t")
    indent = len(baris) - len(isi)
    daftar = _DAFTAR.match(baris)
    # Four spaces would start a code block: list items keep up to three (nesting), other
    # lines none.
    awal = " " * min(indent, 3) if daftar else ""
    return awal + _KHUSUS.sub(r"\\\1", isi)


def markdown_unit(teks: Any) -> str:
    """One cell of the unit's text as limited Markdown (see the module docstring)."""
    if kosong(teks):
        return ""
    baris = str(teks).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_baris_aman(b) for b in baris).strip()


def _baris_bagian(lkip: LkipYear, bagian: str) -> pd.DataFrame:
    df = lkip.narasi
    return df[(df["bagian"] == bagian) & df["teks"].notna()]


def _blok(rows: pd.DataFrame, tingkat_judul: str) -> list[str]:
    bagian = []
    for judul, teks in zip(rows["judul"], rows["teks"]):
        if not kosong(judul):
            bagian.append(f"{tingkat_judul} {markdown_unit(judul)}")
        bagian.append(markdown_unit(teks))
    return bagian


def teks_bagian(lkip: LkipYear, bagian: str, tingkat_judul: str = "####") -> str:
    """The unit's text of section ``bagian`` as Markdown ("" when the unit wrote none).

    Rows come in sheet order; a row's ``judul`` becomes a sub-heading of ``tingkat_judul``.
    In a per-indicator section, rows without an indicator come first, then each indicator's
    rows (in the order of sheet ``indikator``) under a bold line naming the indicator.
    """
    if bagian not in BAGIAN_NARASI_BY_KEY:
        raise KeyError(f"unknown narrative section {bagian!r}")
    rows = _baris_bagian(lkip, bagian)
    if rows.empty:
        return ""
    umum = rows[rows["kode_indikator"].isna()]
    bagian_md = _blok(umum, tingkat_judul)
    nama = dict(zip(lkip.indikator["kode"], lkip.indikator["indikator"]))
    for kode in [k for k in lkip.indikator["kode"] if k in set(rows["kode_indikator"])]:
        per = rows[rows["kode_indikator"] == kode]
        bagian_md.append(f"**{markdown_unit(kode)} {markdown_unit(nama.get(kode, ''))}**".strip())
        bagian_md.extend(_blok(per, tingkat_judul))
    return "\n\n".join(b for b in bagian_md if b)


def bagian_kosong(lkip: LkipYear) -> list[BagianNarasi]:
    """The regulated sections (``wajib``) the unit has not written, in report order.

    Tujuan and sasaran are optional texts: without them the report lists those of sheet
    ``indikator``.
    """
    return [b for b in BAGIAN_NARASI if b.wajib and _baris_bagian(lkip, b.kunci).empty]


def html_isian_kosong(bagian: str, lang: str = LAPORAN) -> str:
    """The placeholder a draft shows for an empty section (HTML, text escaped once)."""
    b = BAGIAN_NARASI_BY_KEY[bagian]
    pesan = _("Not yet written: the unit's text for “{judul}” ({letak}). Fill it in on sheet "
              "narasi with section {kunci}.", lang).format(judul=b.judul, letak=b.letak,
                                                            kunci=b.kunci)
    draf = _("Draft", lang)
    return (f'<div class="isian-kosong" data-bagian="{html.escape(b.kunci)}">'
            f'<strong>{html.escape(draf)}.</strong> {html.escape(pesan)}</div>')


def daftar_dari_indikator(lkip: LkipYear, kolom: str) -> str:
    """The distinct values of a column of sheet ``indikator`` (``tujuan``, ``sasaran``) as a
    Markdown list, in sheet order ("" when none is filled)."""
    nilai = [str(v) for v in dict.fromkeys(lkip.indikator[kolom]) if not kosong(v)]
    return "\n".join(f"- {markdown_unit(v)}" for v in nilai)


def judul_dokumen_pk(lkip: LkipYear) -> str:
    """Title of the Perjanjian Kinerja as signed (``profil.pk_judul``), else the standard one."""
    return str(lkip.profil.get("pk_judul") or f"Perjanjian Kinerja Tahun {lkip.year}")


def para_pihak(lkip: LkipYear) -> str:
    """Who signed the Perjanjian Kinerja, where and when (Markdown; "" when not recorded)."""
    p = lkip.profil
    pihak = [(p.get(f"pk_pihak_{k}_nama"), p.get(f"pk_pihak_{k}_jabatan"))
             for k in ("pertama", "kedua")]
    if not any(nama for nama, _j in pihak):
        return ""
    return tulis("perjanjian_kinerja", judul=judul_dokumen_pk(lkip),
                 tempat=p.get("pk_tempat"),
                 tanggal=tanggal(p["pk_tanggal"]) if p.get("pk_tanggal") else None,
                 pertama=pihak[0], kedua=pihak[1])


def rujukan_lampiran_pk(lkip: LkipYear) -> str:
    """The sentence that points from Bab II C to the signed Perjanjian Kinerja in the Lampiran
    ("" when the workbook records no party)."""
    return tulis("rujukan_pk", judul=judul_dokumen_pk(lkip)) if para_pihak(lkip) else ""


def sistematika(lkip: LkipYear) -> str:
    """The outline of the report (Bab I D): the unit's text, else the regulated outline."""
    return teks_bagian(lkip, "sistematika") or tulis(
        "sistematika", unit=str(lkip.profil.get("nama_unit") or lkip.unit),
        tahun=str(lkip.year))


def html_tanda_tangan(lkip: LkipYear, tempat: str | None = None) -> str:
    """The signature block of the head of unit (date, position, name, rank, NIP); "" when
    the workbook names no head of unit."""
    p = lkip.profil
    if not p.get("kepala_nama"):
        return ""
    tanggal_laporan = tanggal(p["tanggal_laporan"]) if p.get("tanggal_laporan") else ""
    baris = [", ".join(x for x in (tempat, tanggal_laporan) if x),
             p.get("kepala_jabatan") or "", ""]
    isi = "".join(f"<div>{html.escape(str(b))}</div>" if b else '<div class="ruang-ttd"></div>'
                  for b in baris if b is not None)
    isi += f'<div class="nama">{html.escape(str(p["kepala_nama"]))}</div>'
    if p.get("kepala_pangkat"):
        isi += f"<div>{html.escape(str(p['kepala_pangkat']))}</div>"
    if p.get("kepala_nip"):
        isi += f"<div>NIP {html.escape(str(p['kepala_nip']))}</div>"
    return f'<div class="tanda-tangan">{isi}</div>'
