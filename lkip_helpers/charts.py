"""THE chart style of the reports, and the few chart shapes the chapters use.

Every chart is drawn inside :func:`gaya` (one ``matplotlib.rc_context``): Indonesian labels,
numbers on axes and bars through :mod:`lkip_helpers.format` (thousands with dots, decimal
comma), grey levels plus hatching and markers so that a black-and-white print still tells
the series apart, and a title that says what the chart shows.

Size: a chart is :data:`LEBAR` inches wide and shown at that size on a desktop and on paper
(:data:`LEBAR_LAYAR` CSS px), so its text is as large as the report's; on a phone the picture is
scaled down to the screen's width, and every text is large enough that it still measures
:data:`TEKS_TERKECIL_PX` CSS px at :data:`LAYAR_TERSEMPIT` px (a 390 px phone less the page's
margins). Text the default font lacks (emoji in a unit's names) is drawn with a fallback font
when one is installed (:data:`HURUF_CADANGAN`); Arabic is shaped and laid out right to left by
matplotlib itself.

Figures are made as ``matplotlib.figure.Figure`` objects on the Agg canvas, never through
``pyplot``: nothing is registered in a global figure list, so a notebook's inline backend
never shows a figure twice and no figure stays open after :func:`png` has rendered it.

Text from the workbook is drawn as it is typed, never as matplotlib mathtext: ``US$ 5 dan
US$ 10`` keeps its dollars and ``$\\undefinedcmd$`` cannot fail a render. The style turns
``text.parse_math`` off, and :func:`_teks_polos` turns it off on every text of a finished
chart (tick labels included), so that it also holds when the figure is drawn outside the style.
"""

from __future__ import annotations

import functools
import io
import logging
import math
import textwrap
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from . import format as fmt

#: Fill greys, darkest first; with :data:`ARSIR` they separate series without colour.
ABU = ("#3a3a3a", "#bdbdbd", "#ffffff", "#7a7a7a")
#: Hatch patterns, one per series.
ARSIR = ("", "///", "...", "xx")
#: Line markers and dash styles, one per series.
PENANDA = ("o", "s", "^", "D")
GARIS = ("-", "--", ":", "-.")

#: Resolution of the rendered PNG: sharp on an A4 print and on a phone's dense screen.
DPI = 200
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
#: Characters per line of a chart's title (bold, at axes.titlesize) and of its legend.
LEBAR_JUDUL = 42
#: Characters that fit side by side under the plot (category labels of vertical bars).
LEBAR_SUMBU = 48
#: Fonts for the characters DejaVu Sans lacks (emoji), with the file of each in Debian
#: (``scripts/install-system-deps.sh``); a font that is not installed is not asked for.
HURUF_CADANGAN = (("Symbola", "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),)


def _keluarga_huruf() -> list[str]:
    """DejaVu Sans, then each fallback font that is installed (added to matplotlib's list when
    it was installed after matplotlib made its font cache)."""
    families = ["DejaVu Sans"]
    for nama, berkas in HURUF_CADANGAN:
        try:
            font_manager.findfont(nama, fallback_to_default=False)
        except ValueError:
            if not Path(berkas).is_file():
                continue
            font_manager.fontManager.addfont(berkas)
        families.append(nama)
    if len(families) > 1:
        logging.getLogger("matplotlib.font_manager").addFilter(_tanpa_bobot_cadangan)
    return families


def _tanpa_bobot_cadangan(record: logging.LogRecord) -> bool:
    """Drops matplotlib's note that a fallback font has no bold face (a bold title then takes
    its regular face for an emoji): said once per process, it would reach every chapter's
    log."""
    pesan = record.getMessage()
    return not (pesan.startswith("findfont: Failed to find font weight")
                and any(f" for {nama}," in pesan for nama, _ in HURUF_CADANGAN))


GAYA = {
    "font.family": _keluarga_huruf(),
    "font.size": HURUF_TERKECIL,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 10,
    "axes.labelsize": HURUF_TERKECIL,
    "axes.edgecolor": "#000000",
    "axes.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=list(ABU)),
    "grid.color": "#d0d0d0",
    "grid.linewidth": 0.6,
    "hatch.linewidth": 0.8,
    "hatch.color": "#000000",
    "legend.frameon": False,
    "legend.fontsize": HURUF_TERKECIL,
    "xtick.labelsize": HURUF_TERKECIL,
    "ytick.labelsize": HURUF_TERKECIL,
    "lines.linewidth": 1.8,
    "lines.markersize": 6,
    "xtick.color": "#000000",
    "ytick.color": "#000000",
    "figure.facecolor": "#ffffff",
    "savefig.facecolor": "#ffffff",
    "savefig.dpi": DPI,
    # No "tight" bounding box: it would draw every chart twice when it is saved, and the
    # constrained layout already fits labels, title and legend inside the figure.
    "axes.unicode_minus": True,
    # Labels are data (unit names, "US$ 5"), never mathtext.
    "text.parse_math": False,
}

Format = Callable[[Any], str]


@contextmanager
def gaya() -> Iterator[None]:
    """The shared chart style, for drawing and saving alike."""
    with mpl.rc_context(GAYA):
        yield


def _gambar(tinggi: float = 3.4) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(LEBAR, tinggi), layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


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


def _legenda(fig: Figure, ax: Axes) -> None:
    """The legend below the chart, outside the plot, so it never covers bars or labels: its
    entries side by side when they fit the chart's width, else one under the other."""
    handles, labels = ax.get_legend_handles_labels()
    labels = [_lipat(label, LEBAR_JUDUL) for label in labels]
    sebaris = sum(len(label) + 6 for label in labels) <= LEBAR_JUDUL
    fig.legend(handles, labels, loc="outside lower center",
               ncols=min(len(labels), 3) if sebaris else 1)


def _tinggi_kategori(label: str) -> float:
    """Height (inches) of one category of a horizontal bar chart: room for its label's lines."""
    return max(0.45, 0.19 * (label.count("\n") + 1) + 0.12)


def _label_bawah(ax: Axes, labels: list[str]) -> None:
    """Category labels under vertical bars, turned upright when side by side they would not
    fit the chart's width (many categories, or long names)."""
    baris = [line for label in labels for line in label.splitlines()] or [""]
    if len(labels) * (max(map(len, baris)) + 2) > LEBAR_SUMBU:
        ax.tick_params(axis="x", labelrotation=90)


def format_sumbu(axis: Axis, desimal: int = 0, skala: float = 1) -> None:
    """Tick labels the Indonesian way through :func:`format.angka` (8.418; 2,5).

    ``skala`` divides the values first (1e9 for an axis labelled in miliar rupiah).
    """
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: fmt.angka(x / skala, desimal)))
    # At most about 6 ticks: a chart is narrow, and "8.000" beside "9.000" must not touch.
    axis.set_major_locator(MaxNLocator(nbins=5, integer=desimal == 0, steps=[1, 2, 2.5, 5, 10]))


def _label_batang(ax: Axes, bars: Any, nilai: Sequence[Any], format_nilai: Format) -> None:
    labels = [format_nilai(v) if not fmt.kosong(v) else "" for v in nilai]
    ax.bar_label(bars, labels=labels, padding=3, fontsize=HURUF_TERKECIL,
                 bbox={"facecolor": "#ffffff", "edgecolor": "none", "pad": 0.6})


def batang(kategori: Sequence[Any], nilai: Sequence[Any], judul: str, label_sumbu: str, *,
           format_nilai: Format = fmt.angka, horizontal: bool = True,
           acuan: Any = None, label_acuan: str | None = None,
           skala: float = 1, desimal_sumbu: int = 0) -> Figure:
    """One bar per category, each labelled with its value (``format_nilai``).

    ``acuan``: a reference value drawn as a dashed line (e.g. a minimum absorption of 85%),
    named ``label_acuan`` in the legend.
    """
    with gaya():
        n = len(kategori)
        labels = [_lipat(k) if horizontal else _lipat(k, 10) for k in kategori]
        fig, ax = _gambar(max(2.4, sum(map(_tinggi_kategori, labels)) + 1.4) if horizontal
                          else 3.4)
        posisi = list(range(n))
        data = [_float(v) / skala for v in nilai]
        if horizontal:
            bars = ax.barh(posisi, data, color=ABU[0], edgecolor="#000000", linewidth=0.6,
                           height=0.6)
            ax.set_yticks(posisi, labels)
            ax.invert_yaxis()
            ax.set_xlabel(label_sumbu)
            format_sumbu(ax.xaxis, desimal_sumbu, 1)
            ax.grid(axis="y", visible=False)
            ax.margins(x=0.18)
        else:
            bars = ax.bar(posisi, data, color=ABU[0], edgecolor="#000000", linewidth=0.6,
                          width=0.6)
            ax.set_xticks(posisi, labels)
            _label_bawah(ax, labels)
            ax.set_ylabel(label_sumbu)
            format_sumbu(ax.yaxis, desimal_sumbu, 1)
            ax.grid(axis="x", visible=False)
            ax.margins(y=0.15)
        _label_batang(ax, bars, nilai, format_nilai)
        if acuan is not None:
            garis = ax.axvline if horizontal else ax.axhline
            garis(_float(acuan) / skala, color="#000000", linestyle="--", linewidth=1.2,
                  label=label_acuan)
            if label_acuan:
                _legenda(fig, ax)
        _judul(fig, ax, judul)
        return _teks_polos(fig)


def batang_kelompok(kategori: Sequence[Any], seri: Mapping[str, Sequence[Any]], judul: str,
                    label_sumbu: str, *, format_nilai: Format | None = fmt.angka,
                    horizontal: bool = False, skala: float = 1,
                    desimal_sumbu: int = 0) -> Figure:
    """Grouped bars: for each category, one bar per series (grey level + hatching each).

    ``seri`` maps a series name (legend, Indonesian) to its values, in category order.
    ``skala`` divides values for the axis (e.g. 1e9 with ``label_sumbu="Miliar rupiah"``);
    bar labels (``format_nilai``, None for none) show the unscaled values.
    """
    with gaya():
        n, k = len(kategori), len(seri)
        labels = [_lipat(x) if horizontal else _lipat(x, 10) for x in kategori]
        fig, ax = _gambar(max(2.8, sum(max(_tinggi_kategori(x), 0.32 * k) for x in labels) + 1.8)
                          if horizontal else 3.6)
        lebar = 0.8 / max(k, 1)
        for i, (nama, nilai) in enumerate(seri.items()):
            posisi = [p - 0.4 + lebar * (i + 0.5) for p in range(n)]
            data = [_float(v) / skala for v in nilai]
            gaya_batang = dict(color=ABU[i % len(ABU)], hatch=ARSIR[i % len(ARSIR)],
                               edgecolor="#000000", linewidth=0.6, label=nama)
            if horizontal:
                bars = ax.barh(posisi, data, height=lebar, **gaya_batang)
            else:
                bars = ax.bar(posisi, data, width=lebar, **gaya_batang)
            if format_nilai is not None:
                _label_batang(ax, bars, nilai, format_nilai)
        if horizontal:
            ax.set_yticks(range(n), labels)
            ax.invert_yaxis()
            ax.set_xlabel(label_sumbu)
            format_sumbu(ax.xaxis, desimal_sumbu)
            ax.grid(axis="y", visible=False)
            ax.margins(x=0.15)
        else:
            ax.set_xticks(range(n), labels)
            _label_bawah(ax, labels)
            ax.set_ylabel(label_sumbu)
            format_sumbu(ax.yaxis, desimal_sumbu)
            ax.grid(axis="x", visible=False)
            ax.margins(y=0.15)
        _legenda(fig, ax)
        _judul(fig, ax, judul)
        return _teks_polos(fig)


def garis(kategori: Sequence[Any], seri: Mapping[str, Sequence[Any]], judul: str,
          label_sumbu: str, *, format_nilai: Format | None = None, skala: float = 1,
          desimal_sumbu: int = 0, acuan: Any = None,
          label_acuan: str | None = None) -> Figure:
    """One line per series over ordered categories (years, quarters), each with its own
    marker and dash style; values labelled with ``format_nilai`` when given.

    ``acuan`` draws a dashed reference line (e.g. the Renstra target of 100%).
    """
    with gaya():
        fig, ax = _gambar(3.4)
        posisi = list(range(len(kategori)))
        for i, (nama, nilai) in enumerate(seri.items()):
            data = [_float(v) / skala for v in nilai]
            ax.plot(posisi, data, color="#000000" if i == 0 else ABU[(i + 3) % len(ABU)],
                    marker=PENANDA[i % len(PENANDA)], linestyle=GARIS[i % len(GARIS)],
                    markerfacecolor="#ffffff" if i % 2 else "#000000", label=nama)
            if format_nilai is not None:
                for x, y, v in zip(posisi, data, nilai):
                    if not math.isnan(y):
                        ax.annotate(format_nilai(v), (x, y), textcoords="offset points",
                                    xytext=(0, 7), ha="center", fontsize=HURUF_TERKECIL)
        if acuan is not None:
            ax.axhline(_float(acuan) / skala, color="#7a7a7a", linestyle=":", linewidth=1.2,
                       label=label_acuan)
        ax.set_xticks(posisi, [str(k) for k in kategori])
        ax.set_ylabel(label_sumbu)
        format_sumbu(ax.yaxis, desimal_sumbu)
        ax.grid(axis="x", visible=False)
        ax.margins(y=0.2, x=0.08)
        _legenda(fig, ax)
        _judul(fig, ax, judul)
        return _teks_polos(fig)


def _teks_polos(fig: Figure) -> Figure:
    """Every text of ``fig`` drawn as plain text, never parsed as mathtext; returns ``fig``.

    Tick labels are made lazily: the ticks of each axis are made here first (for category
    axes their number is fixed), so their labels are plain too when the figure is drawn
    later outside :func:`gaya` (a notebook, a test).
    """
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            axis.get_major_ticks()
            axis.get_minor_ticks()
    huruf = _huruf_utama()
    for text in fig.findobj(Text):
        text.set_parse_math(False)
        if huruf is not None and set(text.get_text()) <= huruf[1]:
            text.set_fontfamily(huruf[0])  # same glyphs, no fallback font to consult
    return fig


@functools.lru_cache(maxsize=1)
def _huruf_utama() -> tuple[str, frozenset[str]] | None:
    """The first font of the style and the characters it has, when fallback fonts follow it.

    With a fallback font in ``font.family`` matplotlib looks up and lays out every text in
    both fonts (about a fifth of a chart's drawing); a text whose characters the first font
    all has is drawn from that font alone, with the same glyphs. Numbers on the axes get their
    text only when drawn: digits, separators and the minus sign, which it has.
    """
    families = GAYA["font.family"]
    if len(families) < 2:
        return None
    with gaya():
        path = font_manager.findfont(font_manager.FontProperties(family=families[0]))
    return families[0], frozenset(map(chr, font_manager.get_font(path).get_charmap()))


def _judul(fig: Figure, ax: Axes, judul: str) -> None:
    """The title over the chart from its left edge (not the plot's: the labels beside
    horizontal bars take room), wrapped to its width; kept whole as the figure's label."""
    fig.set_label(judul)
    fig.suptitle(_lipat(judul, LEBAR_JUDUL), x=0.01, ha="left",
                 fontsize=mpl.rcParams["axes.titlesize"],
                 fontweight=mpl.rcParams["axes.titleweight"])


def judul_grafik(fig: Figure) -> str:
    """The title of a chart made here (what it shows), whole."""
    return fig.get_label()


def png(fig: Figure) -> bytes:
    """The chart as PNG bytes at :data:`DPI`, in the shared style; the figure is then released.

    Drawn once on the Agg canvas (``savefig`` would draw twice: a layout pass, then the
    picture) and stored as a greyscale PNG when every pixel is grey, as the shared style's
    charts are: the same pixels in a quarter of the data, so about 40 % faster to save and
    less than half the bytes in the HTML report. A chart with colour keeps RGBA.
    """
    with gaya():
        fig.set_dpi(DPI)
        fig.set_facecolor(mpl.rcParams["savefig.facecolor"])
        fig.canvas.draw()
        rgba = np.asarray(fig.canvas.buffer_rgba())
        grey = rgba[..., 0]
        abu = bool((rgba[..., 3] == 255).all() and (rgba[..., 1] == grey).all()
                   and (rgba[..., 2] == grey).all())
        image = Image.fromarray(np.ascontiguousarray(grey) if abu else np.array(rgba),
                                "L" if abu else "RGBA")
    fig.clear()
    buffer = io.BytesIO()
    image.save(buffer, format="png", dpi=(DPI, DPI))
    return buffer.getvalue()
