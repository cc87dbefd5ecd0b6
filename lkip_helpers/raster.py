"""The chart fonts, and SVG charts made into PNG pictures (for Word), without pandas or
matplotlib being imported: the rendering process that writes the Word file stays light.

A chart (:mod:`lkip_helpers.charts`) is laid out with DejaVu Sans as shipped inside matplotlib
(so its metrics are the same wherever the package runs) and falls back to :data:`HURUF_CADANGAN`
for characters DejaVu Sans lacks. :func:`png` rasterises a chart's SVG with resvg, given exactly
those font files (no scan of the system's fonts).
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

#: Fonts for the characters DejaVu Sans lacks (emoji), with the file of each in Debian
#: (``scripts/install-system-deps.sh``); a font that is not installed is not used.
HURUF_CADANGAN = (("Symbola", "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),)

#: Resolution of a chart's PNG: sharp on an A4 print.
DPI = 200
#: Set to "1" in a chapter's environment by ``lkip render`` when it writes the Word file: each
#: chart then also carries its PNG (``image/png``), made in the kernel beside the chart
#: (:meth:`lkip_helpers.chapter.Bab.grafik`), so that the Word export only places pictures.
VARIABEL_PNG = "LKIP_GAMBAR_PNG"


def berkas_dejavu(tebal: bool = False) -> str:
    """The file of DejaVu Sans (bold: ``tebal``) that matplotlib ships."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:  # pragma: no cover - matplotlib is required
        raise RuntimeError("matplotlib is not installed")
    nama = "DejaVuSans-Bold.ttf" if tebal else "DejaVuSans.ttf"
    return str(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / nama)


@functools.lru_cache(maxsize=1)
def cadangan() -> tuple[tuple[str, str], ...]:
    """The fallback fonts that are installed: (family, file)."""
    return tuple((nama, berkas) for nama, berkas in HURUF_CADANGAN if Path(berkas).is_file())


def png(svg: str, dpi: int = DPI) -> bytes:
    """A chart's SVG as PNG bytes at ``dpi`` (96 SVG px to the inch), on white."""
    import resvg_py

    fonts = [berkas_dejavu(False), berkas_dejavu(True), *(berkas for _, berkas in cadangan())]
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, skip_system_fonts=True, font_files=fonts,
                                       zoom=dpi / 96, background="#ffffff"))
