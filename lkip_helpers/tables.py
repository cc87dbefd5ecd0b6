"""THE table style of every report table: one function, :func:`tabel`, that all tables go through.

A table arrives as a tidy frame from the calculation modules (snake_case keys, numeric dtypes,
codes). :func:`tabel` turns it into a pandas ``Styler``:

* column headings come from the label catalogue (:mod:`lkip_helpers.labels`), never from keys;
* every value is formatted by :mod:`lkip_helpers.format` according to its column's kind
  (Rupiah, percentage by THE rounding rule, count, period, date, code in words), never here;
* a figure that could not be computed shows its reason (``alasan``: e.g. the capaian column
  shows "belum ada data" from the ``keterangan`` code);
* every cell text, index label and column label is HTML-escaped exactly once (spreadsheet
  text is untrusted), and so is the caption;
* the index is hidden, number columns are right-aligned, total rows ("Jumlah") are bold, and
  so are the rows a frame marks in ``df.attrs["tebal"]`` (one bool per row: subtotals);
* a hierarchy (budget: program -> kegiatan -> sub kegiatan) is shown by indenting a text
  column by each row's level (:func:`berjenjang`), with non-breaking spaces that pass through
  HTML escaping unchanged, so the cell is still escaped exactly once;
* the caption reads "Tabel X.Y <judul>";
* stated vs computed (``dinyatakan``): where the data hold the figure the unit's report states
  beside the computed one (``{"serapan": ("serapan_dinyatakan", "sumber")}``: value column ->
  its stated column and the column saying where it is stated; by default the pairs the frame
  names in ``df.attrs["dinyatakan"]``, see :mod:`lkip_helpers.dinyatakan`), the cell shows the
  computed figure and, when the two differ as displayed (same formatter, so percentages by THE
  rounding rule), a superscript marker (¹ ² ³ ..., numbered per table, row by row); the
  footnotes ("¹ Tertulis 88,05% dalam Bab III A.2.") follow the table. The stated and source
  columns are shown only when listed in ``kolom``.

:func:`html` gives the HTML fragment to display (the table, then its footnotes); :func:`teks` a
plain-text version of the same formatted cells and footnotes (the ``text/plain`` alternative of
a notebook output).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as _html
import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any, Callable, Iterable, Mapping

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from . import format as fmt
from . import labels
from .dinyatakan import ATTR as ATTR_DINYATAKAN
from .hitung import kosong
from .i18n import _

Pemformat = Callable[[Any], str]
#: Value column -> (column of its stated figure, column saying where it is stated, or None).
Dinyatakan = Mapping[str, tuple[str, "str | None"]]

#: Text of the first cell of a total row; such rows are shown bold.
LABEL_JUMLAH = ("jumlah", "total")

#: The one stylesheet of report tables (the Styler adds it scoped to the table's id). Font and
#: size are the page's (report.css: the report's font, smaller on paper), so that a table is
#: as compact as the page it is on; spacing is relative to them.
GAYA_TABEL = [
    {"selector": "", "props": "border-collapse: collapse; margin: 0.6em 0 1.2em 0;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; "
                                     "padding: 0 0 0.4em 0; color: #000; "
                                     "overflow-wrap: anywhere;"},
    {"selector": "th", "props": "background: #e6e6e6; color: #000; border-top: 1.5px solid #000; "
                                "border-bottom: 1px solid #000; padding: 0.3em 0.4em; "
                                "text-align: left; vertical-align: bottom;"},
    {"selector": "td", "props": "border-bottom: 1px solid #bfbfbf; padding: 0.2em 0.4em; "
                                "text-align: left; vertical-align: top; color: #000; "
                                "background: #fff;"},
    {"selector": "tr:last-child td", "props": "border-bottom: 1.5px solid #000;"},
]
GAYA_ANGKA = "text-align: right; white-space: nowrap;"
GAYA_KANAN = "text-align: right;"
#: Class of the cells of a column of long names (activities, indicators: a text longer than
#: PANJANG_MINIMAL): on screen report.css gives them room so that number columns do not
#: squeeze them; on paper the table takes the page's width as it can.
KELAS_TEKS_PANJANG = "teks-panjang"
PANJANG_MINIMAL = 40
#: A column holding a word longer than this (a code, an address, a typing slip) may break
#: words anywhere: else that one word would set the column's width and push the table's other
#: columns off the page. Ordinary words keep whole.
KATA_TERPANJANG = 30
GAYA_KATA_PANJANG = "overflow-wrap: anywhere;"
GAYA_JUMLAH = "font-weight: bold;"
#: The footnotes under a table (stated vs computed figures), and the table's margin above them.
GAYA_CATATAN = "margin: 0 0 1.2em 0; font-size: 0.8em; color: #000;"
GAYA_CATATAN_BARIS = "margin: 0.1em 0;"
GAYA_TABEL_BERCATATAN = "margin-bottom: 0.3em;"


def _periode(value: Any) -> str:
    """A period name as written: 2023 -> "2023" (no thousands separator), "III" -> "III"."""
    if kosong(value):
        return fmt.KOSONG
    return str(int(value)) if isinstance(value, (int, float)) or hasattr(value, "__index__") \
        else str(value)


def angka_wajar(x: Any) -> str:
    """A count or measure through :mod:`format`: whole values as ``angka`` ("180"), others
    as ``desimal`` ("122,30"). Text passes unchanged."""
    if isinstance(x, str) or kosong(x):
        return fmt.angka(x)
    nilai = fmt.ke_decimal(x)
    if nilai == nilai.to_integral_value():
        return fmt.angka(nilai)
    return fmt.desimal(x)


def format_sel(value: Any, lang: str = labels.LAPORAN) -> str:
    """A text cell; a date, yes/no or stray number in it is still shown the Indonesian way."""
    if kosong(value):
        return fmt.KOSONG
    if isinstance(value, bool):
        return _kode(value, lang)
    if isinstance(value, dt.date | pd.Timestamp):
        return fmt.tanggal(value)
    if isinstance(value, (int, float)):
        return angka_wajar(value)
    return str(value)


def _awal_besar(teks: str) -> str:
    """A cell starts with a capital, as in a formal table ("Belanja", "Ya", "Tidak tercapai")."""
    return teks[:1].upper() + teks[1:]


def _kode(value: Any, lang: str = labels.LAPORAN) -> str:
    """A code cell in words, capitalised (``belanja`` -> "Belanja", True -> "Ya")."""
    teks = labels.kode(value, lang)
    return _awal_besar(teks) if teks else fmt.KOSONG


#: The formatter of each column kind (see :mod:`lkip_helpers.labels`).
PEMFORMAT: dict[str, Pemformat] = {
    "teks": format_sel,
    "kode": _kode,
    "angka": angka_wajar,
    "desimal": fmt.desimal,
    "rupiah": fmt.rupiah,
    "persen": partial(fmt.persen, simbol=False),
    "periode": _periode,
    "tanggal": fmt.tanggal,
    "ya_tidak": _kode,
}
#: Kinds shown right-aligned.
RATA_KANAN = ("angka", "desimal", "rupiah", "persen", "periode")


def _bulat(values: pd.Series) -> bool:
    """True when every number of the column is whole (then no column shows decimals)."""
    return all(fmt.ke_decimal(v) == fmt.ke_decimal(v).to_integral_value()
               for v in values if not kosong(v) and not isinstance(v, str))


def _pemformat_angka(values: pd.Series) -> Pemformat:
    """Counts and measures: whole numbers when the whole column is whole, else 2 decimals for
    every value, so the figures of a column line up."""
    return fmt.angka if _bulat(values) else fmt.desimal


def _pemformat(df: pd.DataFrame, format_kolom: Mapping[Any, Pemformat] | None) -> dict:
    format_kolom = format_kolom or {}
    unknown = set(format_kolom) - set(df.columns)
    if unknown:
        raise KeyError(f"format_kolom names columns the table does not have: {sorted(map(str, unknown))}")
    chosen = {}
    for k in df.columns:
        jenis = labels.jenis(df, k)
        chosen[k] = format_kolom.get(k) or (
            _pemformat_angka(df[k]) if jenis == "angka" else PEMFORMAT[jenis])
    return chosen


def sel_terformat(df: pd.DataFrame, format_kolom: Mapping[Any, Pemformat] | None = None,
                  alasan: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The table's cells as the reader sees them (formatted strings, not yet HTML-escaped).

    ``alasan`` maps a value column to the column of reason codes shown where the value is
    missing (``{"capaian": "keterangan"}``).
    """
    pemformat = _pemformat(df, format_kolom)
    sel = {k: [pemformat[k](v) for v in df[k]] for k in df.columns}
    for kolom, sebab in (alasan or {}).items():
        if kolom in sel and sebab in df.columns:
            sel[kolom] = [_kode(r) if kosong(v) and not kosong(r) else t
                          for t, v, r in zip(sel[kolom], df[kolom], df[sebab])]
    return pd.DataFrame(sel, index=df.index, columns=df.columns, dtype=object)


def _teks_panjang(values: pd.Series) -> bool:
    return any(isinstance(v, str) and len(v) > PANJANG_MINIMAL for v in values)


def _kata_panjang(values: Iterable[Any]) -> bool:
    return any(isinstance(v, str) and any(len(w) > KATA_TERPANJANG for w in v.split())
               for v in values)


#: Non-breaking spaces per level of indentation (:func:`berjenjang`).
INDENTASI = "\u00a0" * 4


def berjenjang(df: pd.DataFrame, kolom: str = "uraian", level: str = "level",
               tebal: str | None = "subtotal") -> pd.DataFrame:
    """A copy of ``df`` ready to show as a hierarchy: each ``kolom`` text indented by
    :data:`INDENTASI` times the row's ``level``, and the rows where column ``tebal`` is true
    marked bold (``attrs["tebal"]``, read by :func:`tabel`). Values stay plain text (escaped
    once, when the table is made); the ``level`` and ``tebal`` columns need not be shown.
    """
    out = df.copy()
    out[kolom] = [v if kosong(v) or kosong(n) else INDENTASI * int(n) + str(v)
                  for v, n in zip(df[kolom], df[level])]
    if tebal is not None and tebal in df.columns:
        out.attrs["tebal"] = [bool(v) if not kosong(v) else False for v in df[tebal]]
    return out


def judul_tabel(judul: str, nomor: str | None = None) -> str:
    """The caption text: "Tabel 3.1 Target dan realisasi ..." (``nomor`` = "3.1")."""
    return f"Tabel {nomor} {judul}" if nomor else judul


def pasangan_dinyatakan(df: pd.DataFrame, dinyatakan: Dinyatakan | None = None
                        ) -> dict[str, tuple[str, str | None]]:
    """The stated-figure pairs of a table: ``dinyatakan`` when given (every column it names
    must be in ``df``), else those the frame names in ``df.attrs["dinyatakan"]`` whose columns
    are still there (a selection of columns may have left some out)."""
    def missing(k: str, nilai: str, sumber: str | None) -> list[str]:
        return [c for c in (k, nilai, sumber) if c is not None and c not in df.columns]

    if dinyatakan is None:
        return {k: (nilai, sumber)
                for k, (nilai, sumber) in (df.attrs.get(ATTR_DINYATAKAN) or {}).items()
                if not missing(k, nilai, sumber)}
    for k, (nilai, sumber) in dinyatakan.items():
        if missing(k, nilai, sumber):
            raise KeyError(f"dinyatakan names columns the table does not have: "
                           f"{missing(k, nilai, sumber)}")
    return dict(dinyatakan)


def _pilih(df: pd.DataFrame, kolom: Iterable[str] | None,
           sembunyi: Iterable[str] = ()) -> pd.DataFrame:
    """The columns listed in ``kolom`` (default: all but those in ``sembunyi``)."""
    if kolom is None:
        shown = df[[k for k in df.columns if k not in set(sembunyi)]]
    else:
        shown = df[list(kolom)]
    return shown.reset_index(drop=True)


def _kosong_semua(values: pd.Series, df: pd.DataFrame, key: str,
                 alasan: Mapping[str, str] | None, dinyatakan: Dinyatakan) -> bool:
    """A column with no value in any row, nor a reason or a stated figure in its place: not
    shown."""
    isi = [(alasan or {}).get(key), (dinyatakan.get(key) or (None,))[0]]
    return (all(kosong(v) for v in values)
            and all(c is None or c not in df.columns or all(kosong(v) for v in df[c])
                    for c in isi))


def _sel(df: pd.DataFrame, kolom: Iterable[str] | None, alasan: Mapping[str, str] | None,
         format_kolom: Mapping[Any, Pemformat] | None, dinyatakan: Dinyatakan | None = None,
         lang: str = labels.LAPORAN) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """The columns shown (raw), their cells as the reader sees them (formatted, reasons
    filled in from columns that need not be shown themselves, footnote markers added) and
    the footnotes. A column with no value in any row is left out, and so are the stated and
    source columns unless listed in ``kolom``."""
    pairs = pasangan_dinyatakan(df, dinyatakan)
    sembunyi = {c for nilai, sumber in pairs.values() for c in (nilai, sumber) if c is not None}
    shown = _pilih(df, kolom, sembunyi)
    shown = shown[[k for k in shown.columns
                   if not _kosong_semua(shown[k], df, k, alasan, pairs)]]
    sel = sel_terformat(_pilih(df, None), alasan=alasan)[list(shown.columns)]
    for k, f in (format_kolom or {}).items():
        if k not in shown.columns:
            if k in df.columns:
                continue  # left out: no value in any row
            raise KeyError(f"format_kolom names a column the table does not have: {k!r}")
        sel[k] = [f(v) for v in shown[k]]
    catatan = _catatan_kaki(df, sel, pairs, format_kolom, lang)
    return shown, sel, catatan


_SUPERSKRIP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def penanda(nomor: int) -> str:
    """The footnote marker of footnote ``nomor``: 1 -> "¹", 12 -> "¹²"."""
    return str(nomor).translate(_SUPERSKRIP)


def _pemformat_catatan(df: pd.DataFrame, kolom: str,
                       format_kolom: Mapping[Any, Pemformat] | None) -> Pemformat:
    """How a stated figure and the computed one are compared and the stated one is written in
    a footnote: the column's own formatter, with its unit (a percentage as "88,05%", by THE
    rounding rule) and, for counts, decimals only when the figure has them."""
    if format_kolom and kolom in format_kolom:
        return format_kolom[kolom]
    jenis = labels.jenis(df, kolom)
    return {"persen": fmt.persen, "angka": angka_wajar}.get(jenis) or PEMFORMAT[jenis]


def catatan_dinyatakan(nilai: str, sumber: Any, lang: str = labels.LAPORAN) -> str:
    """The wording of a footnote: "Tertulis 88,05% dalam Bab III A.2." (``nilai`` already
    formatted; ``sumber`` where it is stated, or missing)."""
    if kosong(sumber) or not str(sumber).strip():
        return _("Stated as {value}.", lang).format(value=nilai)
    return _("Stated as {value} in {source}.", lang).format(value=nilai, source=str(sumber).strip())


def _catatan_kaki(df: pd.DataFrame, sel: pd.DataFrame, pairs: Dinyatakan,
                  format_kolom: Mapping[Any, Pemformat] | None, lang: str) -> list[str]:
    """Marks, in ``sel`` (in place), each shown cell whose stated figure differs from the
    computed one as displayed, and returns the footnotes ("¹ Tertulis ..."), numbered row by
    row, left to right."""
    raw = _pilih(df, None)
    catatan: list[str] = []
    kolom = [(j, k) for j, k in enumerate(sel.columns) if k in pairs]
    for i in range(len(sel)):
        for j, k in kolom:
            kol_nilai, kol_sumber = pairs[k]
            stated = raw[kol_nilai].iloc[i]
            if kosong(stated):
                continue
            f = _pemformat_catatan(df, k, format_kolom)
            if f(stated) == f(raw[k].iloc[i]):
                continue
            tanda = penanda(len(catatan) + 1)
            sel.iat[i, j] = f"{sel.iat[i, j]}{tanda}"
            sumber = None if kol_sumber is None else raw[kol_sumber].iloc[i]
            catatan.append(f"{tanda} {catatan_dinyatakan(f(stated), sumber, lang)}")
    return catatan


@dataclass(frozen=True)
class IsiTabel:
    """One table as the reader sees it, computed once (:func:`isi_tabel`) and then shown as
    HTML (:func:`styler_tabel`), as plain text (:func:`teks_tabel`) and as data for the Word
    and Excel exports (:func:`data_tabel`).

    ``kunci``: the keys of the columns shown; ``kolom``: their labels; ``jenis``: their kinds
    (:data:`lkip_helpers.labels.JENIS`); ``kanan``: right-aligned or not; ``panjang``: a column
    of long names or holding a word over :data:`KATA_TERPANJANG` characters (given room on
    screen, :data:`KELAS_TEKS_PANJANG`); ``nilai``: the raw
    values shown (index 0..n-1); ``sel``: the cells as formatted strings (not escaped, with
    footnote markers); ``tebal``: bold rows; ``catatan``: the footnotes.
    """

    judul: str
    nomor: str | None
    kunci: tuple[str, ...]
    kolom: tuple[str, ...]
    jenis: tuple[str, ...]
    kanan: tuple[bool, ...]
    panjang: tuple[bool, ...]
    nilai: pd.DataFrame = field(repr=False)
    sel: pd.DataFrame = field(repr=False)
    tebal: tuple[bool, ...]
    catatan: tuple[str, ...]

    @property
    def keterangan(self) -> str:
        """The caption: "Tabel 3.1 <judul>"."""
        return judul_tabel(self.judul, self.nomor)


def _tebal(df: pd.DataFrame, sel: pd.DataFrame) -> tuple[bool, ...]:
    """Bold rows: total rows (first cell "Jumlah") and those ``df.attrs["tebal"]`` marks."""
    tandai = list(df.attrs.get("tebal") or [])
    return tuple(
        bool(i < len(tandai) and tandai[i])
        or next((v for v in sel.iloc[i] if isinstance(v, str)), "").strip().lower() in LABEL_JUMLAH
        for i in range(len(sel)))


def isi_tabel(df: pd.DataFrame, judul: str, nomor: str | None = None, *,
              kolom: Iterable[str] | None = None, alasan: Mapping[str, str] | None = None,
              format_kolom: Mapping[Any, Pemformat] | None = None,
              rata_kanan: Iterable[Any] = (), dinyatakan: Dinyatakan | None = None,
              lang: str = labels.LAPORAN) -> IsiTabel:
    """The table as the reader sees it (arguments as for :func:`tabel`), computed once."""
    shown, sel, catatan = _sel(df, kolom, alasan, format_kolom, dinyatakan, lang)
    if shown.columns.duplicated().any():
        raise ValueError(f"table {judul!r} has duplicate columns")
    jenis = tuple(labels.jenis(df, k) for k in shown.columns)
    rata_kanan = set(rata_kanan)
    return IsiTabel(
        judul=judul, nomor=nomor, kunci=tuple(shown.columns),
        kolom=tuple(labels.label(k, df, lang) for k in shown.columns), jenis=jenis,
        kanan=tuple(k in rata_kanan or j in RATA_KANAN for k, j in zip(shown.columns, jenis)),
        panjang=tuple(_kata_panjang(sel[k]) or (j == "teks" and _teks_panjang(sel[k]))
                      for k, j in zip(shown.columns, jenis)),
        nilai=shown, sel=sel, tebal=_tebal(df, sel), catatan=tuple(catatan))


def styler_tabel(isi: IsiTabel) -> Styler:
    """The report style of a table (see the module docstring); its footnotes are kept on the
    Styler (:func:`catatan_kaki`) and shown by :func:`html`."""
    sel = isi.sel.copy()
    sel.columns = range(len(sel.columns))  # positions: labels may repeat, keys may not be str
    styler = sel.style.format(lambda v: _html.escape(str(v)))
    styler = styler.relabel_index([_html.escape(k) for k in isi.kolom], axis=1)
    styler = styler.hide(axis="index").set_caption(_html.escape(isi.keterangan))
    styler = styler.set_table_styles(GAYA_TABEL)
    kanan = [j for j, ya in enumerate(isi.kanan) if ya]
    if kanan:
        styler = styler.set_table_styles(
            {j: [{"selector": "td", "props": GAYA_ANGKA}, {"selector": "th", "props": GAYA_KANAN}]
             for j in kanan}, overwrite=False)
    panjang = [j for j, ya in enumerate(isi.panjang) if ya]
    if panjang:
        kelas = pd.DataFrame("", index=sel.index, columns=sel.columns)
        kelas[panjang] = KELAS_TEKS_PANJANG
        styler = styler.set_td_classes(kelas)
    tak_terpisah = [j for j in range(len(sel.columns)) if _kata_panjang(sel[j])]
    if tak_terpisah:
        styler = styler.set_table_styles(
            {j: [{"selector": "td", "props": GAYA_KATA_PANJANG}] for j in tak_terpisah},
            overwrite=False)
    if isi.catatan:
        styler = styler.set_table_styles([{"selector": "", "props": GAYA_TABEL_BERCATATAN}],
                                         overwrite=False)
    tebal = isi.tebal
    styler = styler.apply(lambda row: [GAYA_JUMLAH if tebal[int(row.name)] else ""] * len(row),
                          axis=1)
    setattr(styler, _ATTR_CATATAN, list(isi.catatan))
    return styler


def tabel(df: pd.DataFrame, judul: str, nomor: str | None = None, *,
          kolom: Iterable[str] | None = None, alasan: Mapping[str, str] | None = None,
          format_kolom: Mapping[Any, Pemformat] | None = None,
          rata_kanan: Iterable[Any] = (), dinyatakan: Dinyatakan | None = None,
          lang: str = labels.LAPORAN) -> Styler:
    """The report style of a table (see the module docstring).

    ``df``: a tidy frame; ``kolom``: the keys to show, in order (default all but the stated
    and source columns of ``dinyatakan``); ``alasan``: value column -> column of reason codes
    shown where the value is missing (the reason column itself is shown only if listed in
    ``kolom``); ``judul``: what the table shows; ``nomor``: "X.Y" for the caption;
    ``format_kolom``: overrides of a column's formatter; ``rata_kanan``: further columns to
    right-align; ``dinyatakan``: value column -> (its stated column, its source column or
    None), default ``df.attrs["dinyatakan"]`` (``{}`` for none): a differing stated figure
    gets a footnote. The footnotes are kept on the Styler (:func:`catatan_kaki`) and shown by
    :func:`html`.
    """
    return styler_tabel(isi_tabel(df, judul, nomor, kolom=kolom, alasan=alasan,
                                  format_kolom=format_kolom, rata_kanan=rata_kanan,
                                  dinyatakan=dinyatakan, lang=lang))


#: Attribute of a Styler made by :func:`tabel` holding its footnotes (plain text).
_ATTR_CATATAN = "lkip_catatan_kaki"


def catatan_kaki(styler: Styler) -> list[str]:
    """The footnotes of a table made by :func:`tabel` ("¹ Tertulis 88,05% dalam Bab III A.2."),
    plain text, not escaped; empty when there are none."""
    return list(getattr(styler, _ATTR_CATATAN, None) or [])


def html_catatan(catatan: Iterable[str]) -> str:
    """The footnotes under a table, each escaped once: ``<div class="catatan-kaki">`` holding
    one ``<p>`` each; "" when there are none."""
    baris = "".join(f'<p style="{GAYA_CATATAN_BARIS}">{_html.escape(c)}</p>' for c in catatan)
    return f'<div class="catatan-kaki" style="{GAYA_CATATAN}">{baris}</div>' if baris else ""


def html(styler: Styler) -> str:
    """The HTML fragment of a styled table (style block scoped to this table, then the table,
    then its footnotes).

    The table id is derived from the content, so it is stable from run to run and two
    different tables never share one when chapters are joined into one page.
    """
    catatan = html_catatan(catatan_kaki(styler))
    sidik = hashlib.sha1((styler.to_html(table_uuid="x") + catatan).encode()).hexdigest()[:12]
    return styler.to_html(table_uuid=f"lkip{sidik}") + catatan


def _css(props: str) -> list[tuple[str, str]]:
    """A declaration list ("a: b; c: d;") as (property, value) pairs, as the Styler reads it."""
    pairs = []
    for declaration in props.split(";"):
        if declaration.strip():
            name, _, value = declaration.partition(":")
            pairs.append((name.strip(), value.strip()))
    return pairs


def _html_tabel(isi: IsiTabel, uuid: str) -> str:
    """The HTML :func:`styler_tabel` and :func:`html` give for ``isi`` (its style block, then
    the table; table id ``T_<uuid>``), written directly: pandas' Styler builds the same text
    through its general machinery (the context of every cell, a Jinja template) in about 30
    ms a table, this in well under 1 ms. ``tests/test_tables.py`` holds the two equal."""
    n = len(isi.kolom)
    rows = isi.sel.to_numpy(dtype=object).tolist()
    kanan = [j for j, ya in enumerate(isi.kanan) if ya]
    tak_terpisah = [j for j in range(n) if _kata_panjang([row[j] for row in rows])]
    gaya = [(g["selector"], _css(g["props"])) for g in GAYA_TABEL]
    gaya += [(f"{sel}.col{j}", _css(props)) for j in kanan
             for sel, props in (("td", GAYA_ANGKA), ("th", GAYA_KANAN))]
    gaya += [(f"td.col{j}", _css(GAYA_KATA_PANJANG)) for j in tak_terpisah]
    if isi.catatan:
        gaya.append(("", _css(GAYA_TABEL_BERCATATAN)))
    t = f"T_{uuid}"
    out = ['<style type="text/css">\n']
    for selector, props in gaya:
        out.append(f"#{t} {selector} {{\n")
        out += [f"  {name}: {value};\n" for name, value in props]
        out.append("}\n")
    tebal = [i for i, ya in enumerate(isi.tebal) if ya]
    if tebal:
        out.append(", ".join(f"#{t}_row{i}_col{j}" for i in tebal for j in range(n)) + " {\n")
        out += [f"  {name}: {value};\n" for name, value in _css(GAYA_JUMLAH)]
        out.append("}\n")
    out.append(f'</style>\n<table id="{t}">\n'
               f"  <caption>{_html.escape(isi.keterangan)}</caption>\n  <thead>\n")
    if n:  # the Styler writes no heading row for a table without columns
        out.append("    <tr>\n")
        out += [f'      <th id="{t}_level0_col{j}" class="col_heading level0 col{j}" >'
                f"{_html.escape(label)}</th>\n" for j, label in enumerate(isi.kolom)]
        out.append("    </tr>\n")
    out.append("  </thead>\n  <tbody>\n")
    panjang = [f" {KELAS_TEKS_PANJANG}" if ya else "" for ya in isi.panjang]
    for i, baris in enumerate(rows):
        out.append("    <tr>\n")
        out += [f'      <td id="{t}_row{i}_col{j}" class="data row{i} col{j}{panjang[j]}" >'
                f"{_html.escape(str(v))}</td>\n" for j, v in enumerate(baris)]
        out.append("    </tr>\n")
    out.append("  </tbody>\n</table>\n")
    return "".join(out)


def html_tabel(isi: IsiTabel) -> str:
    """``html(styler_tabel(isi))``, the same text, written without the Styler (the report's
    tables are made this way, see :func:`_html_tabel`)."""
    catatan = html_catatan(isi.catatan)
    sidik = hashlib.sha1((_html_tabel(isi, "x") + catatan).encode()).hexdigest()[:12]
    return _html_tabel(isi, f"lkip{sidik}") + catatan


def teks_tabel(isi: IsiTabel) -> str:
    """Plain-text version of a table: caption line, the formatted cells, the footnotes."""
    sel = isi.sel.copy()
    sel.columns = list(isi.kolom)
    return "\n".join([isi.keterangan, sel.to_string(index=False), *isi.catatan])


def teks(df: pd.DataFrame, judul: str, nomor: str | None = None, *,
         kolom: Iterable[str] | None = None, alasan: Mapping[str, str] | None = None,
         format_kolom: Mapping[Any, Pemformat] | None = None,
         dinyatakan: Dinyatakan | None = None, lang: str = labels.LAPORAN) -> str:
    """Plain-text version of :func:`tabel`: caption line, the formatted cells, the footnotes."""
    return teks_tabel(isi_tabel(df, judul, nomor, kolom=kolom, alasan=alasan,
                                format_kolom=format_kolom, dinyatakan=dinyatakan, lang=lang))


def nilai_json(value: Any) -> Any:
    """A raw cell value as JSON can hold it: numbers as numbers (whole Decimals as int), None
    for a missing value, dates as ISO text ("2024-02-27"; with the time only when there is
    one), yes/no as bool, anything else as text."""
    if kosong(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def data_tabel(isi: IsiTabel) -> dict[str, Any]:
    """The table as data for exporters (JSON-ready: the ``lkip`` metadata of its notebook
    output, see :mod:`lkip_helpers.chapter`): caption parts, column labels and kinds, raw
    values, the cells as shown, bold rows and footnotes."""
    return {
        "jenis": "tabel", "nomor": isi.nomor, "judul": isi.judul,
        "kolom": list(isi.kolom), "jenis_kolom": list(isi.jenis),
        "rata_kanan": list(isi.kanan),
        "nilai": [[nilai_json(v) for v in baris] for baris in isi.nilai.itertuples(index=False)],
        "teks": [list(map(str, baris)) for baris in isi.sel.itertuples(index=False)],
        "tebal": list(isi.tebal), "catatan_kaki": list(isi.catatan),
    }


def tanpa_kolom_kosong(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` without the columns in which every value is missing (nothing to show there)."""
    return df[[k for k in df.columns if not all(kosong(v) for v in df[k])]]
