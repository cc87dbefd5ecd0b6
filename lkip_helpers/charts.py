"""THE chart style of the reports, and the few chart shapes the chapters use, written as SVG.

A chart is laid out here from its data and written as a small SVG document (:class:`Grafik`):
vector shapes and real text, sharp on a phone's dense screen and in the PDF, searchable, and
made in about a millisecond, where drawing it with matplotlib's general artist machinery took
about 0.2 CPU s (see ``benchmarks/README.md``). The Word export, which needs a picture, gets a PNG rasterised from
the same SVG (:func:`png`, resvg). In JupyterLab a :class:`Grafik` shows itself (``_repr_svg_``).

The style: Indonesian labels, numbers on axes and bars through :mod:`lkip_helpers.format`
(thousands with dots, decimal comma), grey levels plus hatching and markers so that a
black-and-white print still tells the series apart, and a title that says what the chart shows.

Size: a chart is :data:`LEBAR_LAYAR` CSS px wide (:data:`LEBAR` inches) and shown at that size
on a desktop and on paper, so its text is as large as the report's; on a phone the picture is
scaled down to the screen's width, and every text is large enough that it still measures
:data:`TEKS_TERKECIL_PX` CSS px at :data:`LAYAR_TERSEMPIT` px (a 390 px phone less the page's
margins). Text is laid out with the metrics of DejaVu Sans (the report's chart font; a phone
without it draws a narrower sans-serif, which still fits); a character DejaVu Sans lacks (emoji
in a unit's names) is drawn from a fallback font when one is installed
(:data:`HURUF_CADANGAN`); Arabic is shaped and laid out right to left by the browser.

Text from the workbook is data: it is escaped once into the SVG and never interpreted
(``US$ 5 dan US$ 10`` keeps its dollars; ``$\\undefinedcmd$`` is just text).
"""

from __future__ import annotations

import functools
import html
import math
import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from matplotlib.ft2font import FT2Font
from PIL import ImageFont

from . import format as fmt, raster

#: Fill greys, darkest first; with :data:`ARSIR` they separate series without colour.
ABU = ("#3a3a3a", "#bdbdbd", "#ffffff", "#7a7a7a")
#: Hatch patterns, one per series (none, diagonal lines, dots, cross-hatching).
ARSIR = ("", "///", "...", "xx")
#: Line markers and dash styles, one per series.
PENANDA = ("o", "s", "^", "D")
GARIS = ("", "7,4", "2,3", "7,3,2,3")

#: Resolution of the PNG for Word (:func:`png`).
DPI = raster.DPI
#: Width of every chart, in inches; its height depends on its content.
LEBAR = 4.8
#: Width (CSS px) at which a chart is shown on a desktop and printed: its natural size.
LEBAR_LAYAR = round(LEBAR * 96)
#: The narrowest screen a chart must stay readable on (CSS px: a 390 px phone less margins),
#: and the smallest size (CSS px) of a chart's text there.
LAYAR_TERSEMPIT, TEKS_TERKECIL_PX = 370, 11
#: The smallest font size (pt) of a chart: TEKS_TERKECIL_PX when the chart is scaled from
#: LEBAR_LAYAR to LAYAR_TERSEMPIT (1 pt = 4/3 CSS px); 10.5 pt gives 11.2 px.
HURUF_TERKECIL = 10.5
#: Font size (pt) of a chart's title (bold).
HURUF_JUDUL = 12
#: Characters per line of a chart's title and of its legend.
LEBAR_JUDUL = 42
#: Characters that fit side by side under the plot (category labels of vertical bars).
LEBAR_SUMBU = 48
#: Fonts for the characters DejaVu Sans lacks (emoji); see :mod:`lkip_helpers.raster`.
HURUF_CADANGAN = raster.HURUF_CADANGAN

_PX = 96 / 72  # CSS px per point
_TEKS = HURUF_TERKECIL * _PX  # 14 px
_JUDUL = HURUF_JUDUL * _PX  # 16 px
_BARIS = 1.25  # line height, in font sizes
_TEPI = 6.0  # blank border of the chart, px
_TIK = 3.5 * _PX  # tick length
_JARAK = 3.5 * _PX  # tick to its label
_HITAM, _GRID = "#000000", "#d0d0d0"

Format = Callable[[Any], str]


# -- fonts and text widths ---------------------------------------------------------------


#: The ``font-family`` of every text: DejaVu Sans, the installed fallbacks, then any sans.
KELUARGA_HURUF = ", ".join(["DejaVu Sans", *(nama for nama, _ in raster.cadangan()), "sans-serif"])


@functools.lru_cache(maxsize=None)
def _huruf(berkas: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(berkas, size=100)  # measured at 100 px, scaled (see _lebar)


@functools.lru_cache(maxsize=None)
def _karakter(berkas: str) -> frozenset[str]:
    return frozenset(map(chr, FT2Font(berkas).get_charmap()))


@functools.lru_cache(maxsize=4096)
def _lebar(teks: str, ukuran: float, tebal: bool = False) -> float:
    """Width (px) of one line of ``teks`` at font size ``ukuran`` px: DejaVu Sans's advance
    widths, a character it lacks measured in the first fallback font that has it (else as
    wide as the font size)."""
    utama = raster.berkas_dejavu(tebal)
    punya = _karakter(utama)
    lebar, potong = 0.0, ""
    for c in teks:
        if c in punya or c.isspace():
            potong += c
            continue
        if potong:
            lebar += _huruf(utama).getlength(potong)
            potong = ""
        lain = next((b for _, b in raster.cadangan() if c in _karakter(b)), None)
        lebar += _huruf(lain).getlength(c) if lain else 100
    if potong:
        lebar += _huruf(utama).getlength(potong)
    return lebar * ukuran / 100


def _lebar_baris(teks: str, ukuran: float, tebal: bool = False) -> float:
    return max((_lebar(line, ukuran, tebal) for line in teks.split("\n")), default=0.0)


# -- labels ------------------------------------------------------------------------------


def _lipat(label: Any, lebar: int = 20, baris: int = 3) -> str:
    """A long category name wrapped over at most ``baris`` lines of about ``lebar`` characters,
    so it fits beside a bar; a longer one ends in "…" (its table shows it whole). A word is cut
    only when longer than two lines ("Penyelenggaraan" stays whole under a narrow bar)."""
    words = []
    for word in str(label).split():
        words += textwrap.wrap(word, lebar) if len(word) > 2 * lebar else [word]
    lines = textwrap.wrap(" ".join(words), lebar, break_long_words=False)
    if len(lines) > baris:
        sisa = " ".join(lines[baris - 1:])
        akhir = textwrap.shorten(sisa, lebar, placeholder="…")
        lines = [*lines[:baris - 1], akhir if akhir != "…" else sisa[:lebar - 1] + "…"]
    return "\n".join(lines) or str(label)


def _float(value: Any) -> float:
    number = fmt.ke_decimal(value) if not isinstance(value, str) else None
    return math.nan if number is None else float(number)


def _tinggi_pita(label: str) -> float:
    """Height (px) of one category of a horizontal bar chart: room for its label's lines."""
    return max(30.0, _TEKS * _BARIS * (label.count("\n") + 1) + 10)


def tik(bawah: float, atas: float, integer: bool = False, maks: int = 5) -> list[float]:
    """At most ``maks`` + 1 round tick values between ``bawah`` and ``atas``: steps of 1, 2,
    2,5 or 5 times a power of ten (whole numbers only when ``integer``), so that "8.000"
    beside "9.000" never touch on a narrow chart."""
    if not atas > bawah:
        atas = bawah + 1
    kasar = (atas - bawah) / maks
    pangkat = 10 ** math.floor(math.log10(kasar))
    for kali in (1, 2, 2.5, 5, 10, 20):
        langkah = kali * pangkat
        if integer and (langkah < 1 or langkah != int(langkah)):
            continue
        pertama = math.ceil(bawah / langkah - 1e-9)
        terakhir = math.floor(atas / langkah + 1e-9)
        if terakhir - pertama <= maks:
            return [round(i * langkah, 10) + 0.0 for i in range(pertama, terakhir + 1)]
    return [bawah, atas]


# -- the SVG canvas ----------------------------------------------------------------------


@dataclass(frozen=True)
class Teks:
    """One text drawn on a chart: its content and the box it takes (px, y downwards)."""

    isi: str
    x0: float
    x1: float
    y0: float
    y1: float
    ukuran: float  # font size, px


def _n(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


@dataclass
class _Kanvas:
    """Collects the SVG elements of one chart and the boxes of its texts."""

    lebar: float
    unsur: list[str] = field(default_factory=list)
    teks: list[Teks] = field(default_factory=list)
    pola: set[str] = field(default_factory=set)

    def kotak(self, x: float, y: float, w: float, h: float, isi: str, garis: str | None = None,
              tebal: float = 0.8, arsir: str = "") -> None:
        if w < 0:
            x, w = x + w, -w
        if h < 0:
            y, h = y + h, -h
        tepi = f' stroke="{garis}" stroke-width="{_n(tebal)}"' if garis else ""
        atribut = f'x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}"'
        self.unsur.append(f'<rect {atribut} fill="{isi}"{tepi}/>')
        if arsir:
            self.pola.add(arsir)
            self.unsur.append(f'<rect {atribut} fill="url(#{_ID_ARSIR[arsir]})"/>')

    def garis(self, x1: float, y1: float, x2: float, y2: float, warna: str = _HITAM,
              tebal: float = 0.8 * _PX, putus: str = "") -> None:
        dash = f' stroke-dasharray="{putus}"' if putus else ""
        self.unsur.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                          f'stroke="{warna}" stroke-width="{_n(tebal)}"{dash}/>')

    def polyline(self, titik: Sequence[tuple[float, float]], warna: str, tebal: float,
                 putus: str = "") -> None:
        if len(titik) < 2:
            return
        dash = f' stroke-dasharray="{putus}"' if putus else ""
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in titik)
        self.unsur.append(f'<polyline points="{points}" fill="none" stroke="{warna}" '
                          f'stroke-width="{_n(tebal)}" stroke-linejoin="round"{dash}/>')

    def penanda(self, jenis: str, x: float, y: float, isi: str, warna: str) -> None:
        r = 3 * _PX  # markersize 6 pt
        tepi = f'fill="{isi}" stroke="{warna}" stroke-width="{_n(1.0 * _PX)}"'
        if jenis == "o":
            self.unsur.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {tepi}/>')
            return
        if jenis == "s":
            sudut = [(-r, -r), (r, -r), (r, r), (-r, r)]
        elif jenis == "^":
            sudut = [(0, -r), (r, r * 0.8), (-r, r * 0.8)]
        else:  # "D"
            sudut = [(0, -r * 1.2), (r, 0), (0, r * 1.2), (-r, 0)]
        points = " ".join(f"{_n(x + dx)},{_n(y + dy)}" for dx, dy in sudut)
        self.unsur.append(f'<polygon points="{points}" {tepi}/>')

    def tulis(self, isi: str, x: float, y: float, *, ukuran: float = _TEKS, jangkar: str = "start",
              tebal: bool = False, latar: bool = False, putar: bool = False) -> Teks:
        """Text whose first line's top is at ``y``; ``jangkar``: start, middle or end at
        ``x``. ``putar``: turned upright (reading upwards), its end at ``(x, y)``, centred
        on ``x``. ``latar``: on a white box (labels on bars cross the grid)."""
        lines = isi.split("\n")
        lebar = _lebar_baris(isi, ukuran, tebal)
        tinggi = ukuran * _BARIS * len(lines)
        if putar:
            box = Teks(isi, x - tinggi / 2, x + tinggi / 2, y, y + lebar, ukuran)
        else:
            x0 = {"start": x, "middle": x - lebar / 2, "end": x - lebar}[jangkar]
            box = Teks(isi, x0, x0 + lebar, y, y + tinggi, ukuran)
        if latar:
            self.kotak(box.x0 - 1, box.y0, box.x1 - box.x0 + 2, box.y1 - box.y0, "#ffffff")
        gaya = f' font-size="{_n(ukuran)}"' if ukuran != _TEKS else ""
        gaya += ' font-weight="bold"' if tebal else ""
        gaya += f' text-anchor="{jangkar}"' if jangkar != "start" and not putar else ""
        if putar:
            gaya += ' text-anchor="middle"'
        tspans = []
        for i, line in enumerate(lines):
            baseline = ukuran * (_BARIS * i + 0.5 * _BARIS + 0.35)
            tspans.append(f'<tspan x="{_n(0 if putar else x)}" y="{_n(baseline)}">'
                          f"{html.escape(line, quote=False)}</tspan>")
        if putar:
            # Turned -90 degrees about its anchor: lines run upwards, stacked to the right.
            geser = f'translate({_n(x - tinggi / 2)},{_n(y + lebar / 2)}) rotate(-90)'
            self.unsur.append(f'<text transform="{geser}"{gaya}>{"".join(tspans)}</text>')
        else:
            self.unsur.append(f'<text transform="translate(0,{_n(y)})"{gaya}>'
                              f'{"".join(tspans)}</text>')
        self.teks.append(box)
        return box

    def svg(self, tinggi: float, judul: str) -> str:
        defs = "".join(_POLA_ARSIR[a] for a in ARSIR if a in self.pola)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(self.lebar)}" '
                f'height="{_n(tinggi)}" viewBox="0 0 {_n(self.lebar)} {_n(tinggi)}" '
                f'font-family="{KELUARGA_HURUF}" font-size="{_n(_TEKS)}" role="img">'
                f"<title>{html.escape(judul, quote=False)}</title>"
                + (f"<defs>{defs}</defs>" if defs else "")
                + f'<rect width="100%" height="100%" fill="#ffffff"/>{"".join(self.unsur)}</svg>')


_ID_ARSIR = {"///": "lkip-arsir-garis", "...": "lkip-arsir-titik", "xx": "lkip-arsir-silang"}
_POLA_ARSIR = {
    "///": ('<pattern id="lkip-arsir-garis" patternUnits="userSpaceOnUse" width="6" height="6">'
            '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#000000" '
            'stroke-width="0.9"/></pattern>'),
    "...": ('<pattern id="lkip-arsir-titik" patternUnits="userSpaceOnUse" width="5" height="5">'
            '<circle cx="2.5" cy="2.5" r="0.9" fill="#000000"/></pattern>'),
    "xx": ('<pattern id="lkip-arsir-silang" patternUnits="userSpaceOnUse" width="7" height="7">'
           '<path d="M0,0 l7,7 M0,7 l7,-7" stroke="#000000" stroke-width="0.8"/></pattern>'),
}


# -- a finished chart --------------------------------------------------------------------


@dataclass(frozen=True)
class Grafik:
    """A finished chart: its title (whole, for the caption), its SVG and the texts on it."""

    judul: str
    svg: str
    lebar: float
    tinggi: float
    teks: tuple[Teks, ...] = field(repr=False)

    def _repr_svg_(self) -> str:  # JupyterLab shows the chart itself
        return self.svg


def judul_grafik(grafik: Grafik) -> str:
    """The title of a chart made here (what it shows), whole."""
    return grafik.judul


def png(grafik: Grafik, dpi: int = DPI) -> bytes:
    """The chart as PNG bytes at ``dpi`` (for Word), rasterised from its SVG."""
    return raster.png(grafik.svg, dpi)


# -- layout shared by the chart shapes ----------------------------------------------------


@dataclass(frozen=True)
class _Entri:
    """One legend entry: a bar swatch, a line (with marker) or a reference line."""

    label: str
    jenis: str  # "batang", "garis", "acuan"
    isi: str = ABU[0]
    arsir: str = ""
    warna: str = _HITAM
    putus: str = ""
    penanda: str = ""


def _judul(kanvas: _Kanvas, judul: str) -> float:
    """The title over the chart from its left edge, wrapped; returns the y below it."""
    box = kanvas.tulis(_lipat(judul, LEBAR_JUDUL), _TEPI, _TEPI, ukuran=_JUDUL, tebal=True)
    return box.y1 + 8


def _sebaris(labels: Sequence[str]) -> bool:
    return len(labels) <= 3 and sum(len(label) + 6 for label in labels) <= LEBAR_JUDUL


def _legenda(kanvas: _Kanvas, entri: Sequence[_Entri], y: float) -> float:
    """The legend below the chart, outside the plot, so it never covers bars or labels: its
    entries side by side when they fit the chart's width, else one under the other. Returns
    the y below it."""
    if not entri:
        return y
    labels = [_lipat(e.label, LEBAR_JUDUL) for e in entri]
    contoh, sela = 22.0, 6.0
    lebar = [contoh + sela + _lebar_baris(label, _TEKS) for label in labels]
    y += 8
    if _sebaris(labels):
        total = sum(lebar) + 16 * (len(lebar) - 1)
        posisi = [(max(_TEPI, (kanvas.lebar - total) / 2) + sum(lebar[:i]) + 16 * i, y)
                  for i in range(len(labels))]
        bawah = y + _TEKS * _BARIS * max(label.count("\n") + 1 for label in labels) + 2
    else:
        kiri = max(_TEPI, (kanvas.lebar - max(lebar)) / 2)
        posisi, bawah = [], y
        for label in labels:
            posisi.append((kiri, bawah))
            bawah += _TEKS * _BARIS * (label.count("\n") + 1) + 2
        bawah += 2
    for e, label, (x, yy) in zip(entri, labels, posisi):
        tengah = yy + _TEKS * _BARIS / 2
        if e.jenis == "batang":
            kanvas.kotak(x + 2, tengah - 5, contoh - 4, 10, e.isi, _HITAM, 0.8, e.arsir)
        else:
            kanvas.garis(x, tengah, x + contoh, tengah, e.warna,
                         (1.8 if e.jenis == "garis" else 1.2) * _PX, e.putus)
            if e.penanda:
                kanvas.penanda(e.penanda, x + contoh / 2, tengah, e.isi, e.warna)
        kanvas.tulis(label, x + contoh + sela, yy)
    return bawah


def _label_nilai(nilai: Sequence[Any], format_nilai: Format | None) -> list[str]:
    if format_nilai is None:
        return ["" for _ in nilai]
    return [format_nilai(v) if not fmt.kosong(v) else "" for v in nilai]


def _skala(data: Sequence[tuple[float, float]], panjang: float, bawah: float,
           atas: float) -> tuple[float, float]:
    """The value range shown over ``panjang`` px: from ``bawah`` (or lower) to at least
    ``atas``, so that each (value, room in px its label needs beyond the bar's end) fits:
    beyond a positive bar's end on the upper side, a negative one's on the lower side."""
    if not atas > bawah:
        atas = bawah + 1
    negatif = max((r for v, r in data if v < 0), default=0.0) if bawah < 0 else 0.0
    per_px = (atas - bawah) / max(panjang - negatif, 1.0)
    for nilai, ruang in data:
        if nilai > 0:
            per_px = max(per_px, (nilai - bawah) / max(panjang - negatif - ruang, 1.0))
    bawah -= negatif * per_px
    return bawah, bawah + panjang * per_px


@dataclass(frozen=True)
class _Seri:
    nama: str
    data: list[float]  # scaled, NaN when missing
    label: list[str]   # the value labels shown on the bars or points ("" for none)


def _sumbu_nilai(seri: Sequence[_Seri], acuan: float | None, skala: float, desimal: int,
                 panjang: float, ruang_label: Callable[[str], float],
                 nol: bool = True, tepi: float = 0.0) -> tuple[float, float, list[float]]:
    """The value axis: its range and its ticks."""
    semua = [v for s in seri for v in s.data if not math.isnan(v)]
    if acuan is not None and not math.isnan(acuan):
        semua.append(acuan)
    bawah, atas = (min(semua), max(semua)) if semua else (0.0, 1.0)
    if nol:
        bawah, atas = min(bawah, 0.0), max(atas, 0.0)
    if tepi:  # a line's range, widened on both sides
        r = (atas - bawah) or abs(atas) or 1.0
        bawah, atas = bawah - tepi * r, atas + tepi * r
    data = [(v, ruang_label(t) if t else 0.0) for s in seri for v, t in zip(s.data, s.label)]
    if nol:
        bawah, atas = _skala(data, panjang, bawah, atas)
    else:
        lo, hi = _skala([(v - bawah, r) for v, r in data], panjang, 0.0, atas - bawah)
        bawah, atas = bawah + lo, bawah + hi
    ticks = [t for t in tik(bawah, atas, integer=desimal == 0 and skala == 1)
             if bawah - 1e-9 <= t <= atas + 1e-9]
    if not ticks:
        ticks = tik(bawah, atas)
    return bawah, atas, ticks


def _siapkan_seri(seri: Mapping[str, Sequence[Any]], skala: float,
                  format_nilai: Format | None) -> list[_Seri]:
    return [_Seri(str(nama), [_float(v) / skala for v in nilai],
                  _label_nilai(list(nilai), format_nilai)) for nama, nilai in seri.items()]


def _entri_batang(seri: Sequence[_Seri], k: int) -> list[_Entri]:
    return [_Entri(s.nama, "batang", ABU[i % len(ABU)], ARSIR[i % len(ARSIR)])
            for i, s in enumerate(seri)] if k > 1 or seri[0].nama else []


def _batang_mendatar(judul: str, kategori: Sequence[Any], seri: list[_Seri], label_sumbu: str,
                     desimal_sumbu: int, skala: float, acuan: float | None,
                     entri: list[_Entri], tebal_kelompok: float) -> Grafik:
    """Horizontal bars: categories down the left, one bar per series in each."""
    kanvas = _Kanvas(LEBAR_LAYAR)
    y = _judul(kanvas, judul)
    labels = [_lipat(k) for k in kategori]
    k = len(seri)
    # a bar is at least as thick as its label is high, so labels of a group never overlap
    pita = [max(_tinggi_pita(label), _TEKS * _BARIS * k / tebal_kelompok + 2) for label in labels]
    kiri = _TEPI + max((_lebar_baris(label, _TEKS) for label in labels), default=0) + _TIK + _JARAK
    kanan = LEBAR_LAYAR - _TEPI - 2
    atas_plot = y + 4
    tinggi_plot = sum(pita) + 8
    bawah_plot = atas_plot + tinggi_plot
    ruang = lambda teks: _lebar(teks, _TEKS) + 4 * _PX  # noqa: E731  label beyond the bar's end
    for _ in range(2):  # the last tick's label, centred on it, must not leave the chart
        lo, hi, ticks = _sumbu_nilai(seri, acuan, skala, desimal_sumbu, kanan - kiri, ruang)
        ujung = kiri + (ticks[-1] - lo) / (hi - lo) * (kanan - kiri)
        lebih = ujung + _lebar(fmt.angka(ticks[-1], desimal_sumbu), _TEKS) / 2 - (LEBAR_LAYAR - 1)
        if lebih <= 0:
            break
        kanan -= lebih
    x_of = lambda v: kiri + (v - lo) / (hi - lo) * (kanan - kiri)  # noqa: E731
    for t in ticks:
        kanvas.garis(x_of(t), atas_plot, x_of(t), bawah_plot, _GRID, 0.6 * _PX)
    nol = x_of(max(lo, 0.0))
    yy = atas_plot + 4
    label_batang = []
    for i, (label, h) in enumerate(zip(labels, pita)):
        tengah = yy + h / 2
        kanvas.garis(kiri - _TIK, tengah, kiri, tengah)
        kanvas.tulis(label, kiri - _TIK - _JARAK, tengah - _TEKS * _BARIS * (label.count("\n") + 1) / 2,
                     jangkar="end")
        tebal = min(h * tebal_kelompok / k, 22.0)
        for j, s in enumerate(seri):
            v = s.data[i]
            y0 = tengah - tebal * k / 2 + tebal * j
            if math.isnan(v):
                continue
            kanvas.kotak(nol, y0, x_of(v) - nol, tebal, ABU[j % len(ABU)], _HITAM, 0.8,
                         ARSIR[j % len(ARSIR)])
            if s.label[i]:
                ujung = x_of(v) + (4 * _PX if v >= 0 else -4 * _PX)
                label_batang.append((s.label[i], ujung, y0 + tebal / 2, v >= 0))
        yy += h
    for teks, x, tengah, kanan_nol in label_batang:
        kanvas.tulis(teks, x, tengah - _TEKS * _BARIS / 2, jangkar="start" if kanan_nol else "end",
                     latar=True)
    if acuan is not None and not math.isnan(acuan):
        kanvas.garis(x_of(acuan), atas_plot, x_of(acuan), bawah_plot, _HITAM, 1.2 * _PX, "6,3")
    kanvas.garis(kiri, atas_plot, kiri, bawah_plot)
    kanvas.garis(kiri, bawah_plot, kanan, bawah_plot)
    for t in ticks:
        kanvas.garis(x_of(t), bawah_plot, x_of(t), bawah_plot + _TIK)
        kanvas.tulis(fmt.angka(t, desimal_sumbu), x_of(t), bawah_plot + _TIK + 2, jangkar="middle")
    y = bawah_plot + _TIK + 2 + _TEKS * _BARIS + 4
    if label_sumbu:
        box = kanvas.tulis(label_sumbu, (kiri + kanan) / 2, y, jangkar="middle")
        y = box.y1
    tinggi = math.ceil(_legenda(kanvas, entri, y) + _TEPI)
    return Grafik(judul, kanvas.svg(tinggi, judul), LEBAR_LAYAR, tinggi, tuple(kanvas.teks))


def _tegak(judul: str, kategori: Sequence[Any], seri: list[_Seri], label_sumbu: str,
           desimal_sumbu: int, skala: float, acuan: float | None, entri: list[_Entri],
           gambar: Callable[[_Kanvas, Callable[[int], float], Callable[[float], float], float], None],
           *, batang: bool, labels: list[str]) -> Grafik:
    """A vertical value axis on the left, categories along the bottom: vertical bars
    (``batang``) or lines; ``gambar`` draws the data once the axes are known."""
    kanvas = _Kanvas(LEBAR_LAYAR)
    y = _judul(kanvas, judul)
    n = max(len(kategori), 1)
    putar = batang and len(labels) * (max((len(line) for label in labels
                                             for line in label.splitlines()), default=0) + 2) > LEBAR_SUMBU
    tinggi_label = (max((_lebar_baris(label, _TEKS) for label in labels), default=0) if putar
                    else _TEKS * _BARIS * max((label.count("\n") + 1 for label in labels), default=1))
    atas_plot = y + 4
    tinggi_plot = 200.0
    bawah_plot = atas_plot + tinggi_plot
    ruang = lambda teks: _TEKS * _BARIS + (4 * _PX if batang else 7 * _PX)  # noqa: E731
    lo, hi, ticks = _sumbu_nilai(seri, acuan, skala, desimal_sumbu, tinggi_plot - 6, ruang,
                                 nol=batang, tepi=0 if batang else 0.2)
    label_tik = [fmt.angka(t, desimal_sumbu) for t in ticks]
    lebar_tik = max((_lebar(t, _TEKS) for t in label_tik), default=0)
    kiri = _TEPI + (_TEKS * _BARIS + 4 if label_sumbu else 0) + lebar_tik + _JARAK + _TIK
    kanan = LEBAR_LAYAR - _TEPI - 4
    y_of = lambda v: bawah_plot - (v - lo) / (hi - lo) * (tinggi_plot - 6)  # noqa: E731
    if batang:
        slot = (kanan - kiri) / n
        x_of = lambda i: kiri + slot * (i + 0.5)  # noqa: E731
    else:  # the outer points' labels stay inside the chart
        separuh = max((_lebar(t, _TEKS) / 2 for s in seri for t in s.label if t), default=0.0)
        tepi = max(0.08 * (n - 1), (separuh - 2) * (n - 1) / max(kanan - kiri - 2 * separuh, 1.0)) \
            if n > 1 else 0.5
        slot = (kanan - kiri) / (n - 1 + 2 * tepi)
        x_of = lambda i: kiri + slot * (i + tepi)  # noqa: E731
    for t in ticks:
        kanvas.garis(kiri, y_of(t), kanan, y_of(t), _GRID, 0.6 * _PX)
    gambar(kanvas, x_of, y_of, slot)
    if acuan is not None and not math.isnan(acuan):
        if batang:
            kanvas.garis(kiri, y_of(acuan), kanan, y_of(acuan), _HITAM, 1.2 * _PX, "6,3")
        else:
            kanvas.garis(kiri, y_of(acuan), kanan, y_of(acuan), ABU[3], 1.2 * _PX, "2,3")
    kanvas.garis(kiri, atas_plot, kiri, bawah_plot)
    kanvas.garis(kiri, bawah_plot, kanan, bawah_plot)
    for t, teks in zip(ticks, label_tik):
        kanvas.garis(kiri - _TIK, y_of(t), kiri, y_of(t))
        kanvas.tulis(teks, kiri - _TIK - _JARAK, y_of(t) - _TEKS * _BARIS / 2, jangkar="end")
    if label_sumbu:  # upright, centred on the plot's height
        tengah = atas_plot + max(0.0, (tinggi_plot - _lebar_baris(label_sumbu, _TEKS)) / 2)
        kanvas.tulis(label_sumbu, _TEPI + _TEKS * _BARIS / 2, tengah, putar=True)
    for i, label in enumerate(labels):
        kanvas.garis(x_of(i), bawah_plot, x_of(i), bawah_plot + _TIK)
        kanvas.tulis(label, x_of(i), bawah_plot + _TIK + 2, jangkar="middle", putar=putar)
    y = bawah_plot + _TIK + 2 + tinggi_label + 4
    tinggi = math.ceil(_legenda(kanvas, entri, y) + _TEPI)
    return Grafik(judul, kanvas.svg(tinggi, judul), LEBAR_LAYAR, tinggi, tuple(kanvas.teks))


# -- the chart shapes --------------------------------------------------------------------


def batang(kategori: Sequence[Any], nilai: Sequence[Any], judul: str, label_sumbu: str, *,
           format_nilai: Format = fmt.angka, horizontal: bool = True,
           acuan: Any = None, label_acuan: str | None = None,
           skala: float = 1, desimal_sumbu: int = 0) -> Grafik:
    """One bar per category, each labelled with its value (``format_nilai``).

    ``acuan``: a reference value drawn as a dashed line (e.g. a minimum absorption of 85%),
    named ``label_acuan`` in the legend.
    """
    return _batang(list(kategori), {"": list(nilai)}, judul, label_sumbu, format_nilai,
                   horizontal, skala, desimal_sumbu, acuan, label_acuan)


def batang_kelompok(kategori: Sequence[Any], seri: Mapping[str, Sequence[Any]], judul: str,
                    label_sumbu: str, *, format_nilai: Format | None = fmt.angka,
                    horizontal: bool = False, skala: float = 1,
                    desimal_sumbu: int = 0) -> Grafik:
    """Grouped bars: for each category, one bar per series (grey level + hatching each).

    ``seri`` maps a series name (legend, Indonesian) to its values, in category order.
    ``skala`` divides values for the axis (e.g. 1e9 with ``label_sumbu="Miliar rupiah"``);
    bar labels (``format_nilai``, None for none) show the unscaled values.
    """
    return _batang(list(kategori), {str(k): list(v) for k, v in seri.items()}, judul,
                   label_sumbu, format_nilai, horizontal, skala, desimal_sumbu, None, None)


def _batang(kategori: list[Any], seri_nilai: dict[str, list[Any]], judul: str, label_sumbu: str,
            format_nilai: Format | None, horizontal: bool, skala: float, desimal_sumbu: int,
            acuan: Any, label_acuan: str | None) -> Grafik:
    seri = _siapkan_seri(seri_nilai, skala, format_nilai)
    k = len(seri)
    entri = _entri_batang(seri, k)
    nilai_acuan = _float(acuan) / skala if acuan is not None else None
    if nilai_acuan is not None and label_acuan:
        entri.append(_Entri(label_acuan, "acuan", putus="6,3", warna=_HITAM))
    lebar_kelompok = 0.6 if k == 1 else 0.8
    if horizontal:
        return _batang_mendatar(judul, kategori, seri, label_sumbu, desimal_sumbu, skala,
                                nilai_acuan, entri, lebar_kelompok)
    labels = [_lipat(x, 10) for x in kategori]

    def gambar(kanvas: _Kanvas, x_of: Callable[[int], float], y_of: Callable[[float], float],
               slot: float) -> None:
        tebal = slot * lebar_kelompok / k
        nol = y_of(0.0)  # the value axis of bars always holds zero
        label_batang = []
        for i in range(len(kategori)):
            for j, s in enumerate(seri):
                v = s.data[i]
                if math.isnan(v):
                    continue
                x0 = x_of(i) - slot * lebar_kelompok / 2 + tebal * j
                kanvas.kotak(x0, nol, tebal, y_of(v) - nol, ABU[j % len(ABU)], _HITAM, 0.8,
                             ARSIR[j % len(ARSIR)])
                if s.label[i]:
                    label_batang.append((s.label[i], x0 + tebal / 2, y_of(v), v >= 0))
        for teks, x, y, naik in label_batang:
            kanvas.tulis(teks, x, y - 4 * _PX - _TEKS * _BARIS if naik else y + 4 * _PX,
                         jangkar="middle", latar=True)

    return _tegak(judul, kategori, seri, label_sumbu, desimal_sumbu, skala, nilai_acuan, entri,
                  gambar, batang=True, labels=labels)


def garis(kategori: Sequence[Any], seri: Mapping[str, Sequence[Any]], judul: str,
          label_sumbu: str, *, format_nilai: Format | None = None, skala: float = 1,
          desimal_sumbu: int = 0, acuan: Any = None,
          label_acuan: str | None = None) -> Grafik:
    """One line per series over ordered categories (years, quarters), each with its own
    marker and dash style; values labelled with ``format_nilai`` when given.

    ``acuan`` draws a dotted reference line (e.g. the Renstra target of 100%).
    """
    data = _siapkan_seri({str(k): list(v) for k, v in seri.items()}, skala, format_nilai)
    gaya = [("#000000" if i == 0 else ABU[(i + 3) % len(ABU)], GARIS[i % len(GARIS)],
             PENANDA[i % len(PENANDA)], "#ffffff" if i % 2 else "#000000")
            for i in range(len(data))]
    entri = [_Entri(s.nama, "garis", isi, warna=warna, putus=putus, penanda=penanda)
             for s, (warna, putus, penanda, isi) in zip(data, gaya)]
    nilai_acuan = _float(acuan) / skala if acuan is not None else None
    if nilai_acuan is not None and label_acuan:
        entri.append(_Entri(label_acuan, "acuan", putus="2,3", warna=ABU[3]))

    def gambar(kanvas: _Kanvas, x_of: Callable[[int], float], y_of: Callable[[float], float],
               slot: float) -> None:
        label_titik = []
        for s, (warna, putus, penanda, isi) in zip(data, gaya):
            potongan: list[tuple[float, float]] = []
            for i, v in enumerate(s.data):  # a missing value breaks the line
                if math.isnan(v):
                    kanvas.polyline(potongan, warna, 1.8 * _PX, putus)
                    potongan = []
                else:
                    potongan.append((x_of(i), y_of(v)))
            kanvas.polyline(potongan, warna, 1.8 * _PX, putus)
            for i, v in enumerate(s.data):
                if not math.isnan(v):
                    kanvas.penanda(penanda, x_of(i), y_of(v), isi, warna)
                    if s.label[i]:
                        label_titik.append((s.label[i], x_of(i), y_of(v)))
        for teks, x, y in label_titik:
            kanvas.tulis(teks, x, y - 7 * _PX - _TEKS * _BARIS + 4, jangkar="middle")

    return _tegak(judul, kategori, data, label_sumbu, desimal_sumbu, skala, nilai_acuan, entri,
                  gambar, batang=False, labels=[str(k) for k in kategori])
