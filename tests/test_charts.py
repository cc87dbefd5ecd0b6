"""The shared chart style (lkip_helpers.charts): titles, Indonesian labels, B/W, SVG and PNG.

A chart's texts are read back from its SVG (what the browser draws), and its PNG is looked at
in pixels: what a reader sees, not the strings passed in.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from PIL import Image

from lkip_helpers import aset, charts, format as fmt
from lkip_helpers.load import load_year

SVG = "{http://www.w3.org/2000/svg}"


def _texts(grafik) -> list[str]:
    """Every text of the SVG as drawn: its lines joined with a newline."""
    root = ET.fromstring(grafik.svg)
    return ["\n".join(span.text or "" for span in text.iter(f"{SVG}tspan"))
            for text in root.iter(f"{SVG}text")]


def _rects(grafik) -> list[dict[str, str]]:
    return [r.attrib for r in ET.fromstring(grafik.svg).iter(f"{SVG}rect")]


def test_bar_chart_of_seed_assets_has_title_and_dotted_thousands():
    lkip = load_year("biro-umum-ntt", 2023)
    df = aset.tabel_aset(lkip, jumlah=False)
    grafik = charts.batang(df[aset.K_KATEGORI], df[aset.K_JUMLAH],
                           "Jumlah inventaris barang menurut kategori", "Jumlah")
    texts = _texts(grafik)
    assert charts.judul_grafik(grafik) == "Jumlah inventaris barang menurut kategori"
    assert texts[0] == "Jumlah inventaris barang menurut kategori"  # drawn first, on top
    assert "8.000" in texts  # axis: thousands with a dot
    assert "Alat Kantor dan\nRumah Tangga" in texts  # wrapped
    assert "8.284" in texts  # bar labels
    assert "Jumlah" in texts  # the axis's label
    assert ET.fromstring(grafik.svg).find(f"{SVG}title").text == grafik.judul


def test_percent_labels_follow_the_rounding_rule_and_decimals_use_a_comma():
    grafik = charts.batang(["Perencanaan", "Pengadaan"],
                           [Decimal(37_876_900) * 100 / 37_877_900, 0],
                           "Serapan anggaran per kegiatan, 2023", "Serapan (%)",
                           format_nilai=fmt.persen, acuan=Decimal(85), label_acuan="Minimal 85%")
    assert {"99,99%", "0,00%", "Minimal 85%"} <= set(_texts(grafik))
    assert 'stroke-dasharray="6,3"' in grafik.svg  # the reference line, dashed


def test_grouped_bars_are_told_apart_without_colour_and_axis_in_miliar():
    grafik = charts.batang_kelompok(
        [2020, 2021, 2022, 2023],
        {"Pagu": [116_943_082_326, 111_617_829_255, 62_755_193_270, 53_809_092_288],
         "Realisasi": [103_454_484_027, 102_309_636_358, 59_473_648_921, 47_214_705_470]},
        "Pagu dan realisasi belanja 2020–2023", "Miliar rupiah", format_nilai=None, skala=10**9)
    texts = _texts(grafik)
    assert [t for t in texts if re.fullmatch(r"20\d\d", t)] == ["2020", "2021", "2022", "2023"]
    assert "100" in texts and "Miliar rupiah" in texts
    hatched = [r for r in _rects(grafik) if r.get("fill", "").startswith("url(#")]
    assert len(hatched) == 4 + 1  # the Realisasi bars and its legend swatch: B/W readable
    assert {r["fill"] for r in _rects(grafik) if r.get("stroke")} >= {charts.ABU[0], charts.ABU[1]}


def test_bar_lengths_are_the_values_on_the_axis():
    grafik = charts.batang(["a", "b", "c"], [10, 20, 40], "Uji", "Jumlah")
    bars = sorted(float(r["width"]) for r in _rects(grafik)
                  if r.get("fill") == charts.ABU[0] and r.get("stroke"))
    assert bars[1] == pytest.approx(2 * bars[0], abs=0.02)
    assert bars[2] == pytest.approx(4 * bars[0], abs=0.02)


def test_line_chart_uses_markers_and_decimal_comma():
    grafik = charts.garis([2019, 2020, 2021], {"Capaian": [286, Decimal("122.3"), 100]},
                          "Capaian terhadap target Renstra per tahun", "Capaian (%)",
                          format_nilai=lambda v: fmt.persen(v, 1), acuan=100,
                          label_acuan="Target")
    root = ET.fromstring(grafik.svg)
    assert len(list(root.iter(f"{SVG}circle"))) == 3 + 1  # a marker per point, and the legend's
    assert "122,3%" in _texts(grafik)
    [line] = [p for p in root.iter(f"{SVG}polyline")]
    ys = [float(xy.split(",")[1]) for xy in line.attrib["points"].split()]
    assert ys[0] < ys[1] < ys[2]  # 286 highest on the page (y grows downwards)


def test_a_missing_value_breaks_the_line():
    grafik = charts.garis([2021, 2022, 2023, 2024], {"Capaian": [90, None, 95, 97]},
                          "Capaian", "Capaian (%)")
    lines = list(ET.fromstring(grafik.svg).iter(f"{SVG}polyline"))
    assert len(lines) == 1 and len(lines[0].attrib["points"].split()) == 2  # 2023-2024 only


def test_png_is_sharp_and_grey():
    grafik = charts.batang(["a"], [1], "Uji", "Jumlah")
    data = charts.png(grafik)
    assert data.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(data))
    assert image.width == pytest.approx(charts.LEBAR * charts.DPI, abs=1)  # LEBAR inches at DPI
    assert image.height == pytest.approx(grafik.tinggi * charts.DPI / 96, abs=1)
    grey = image.convert("L")
    assert grey.getpixel((2, 2)) == 255  # on white
    assert sum(grey.histogram()[:100]) > 1000  # the bar and the text are drawn


HOSTILE = ["Layanan 😀 cepat 🚀", "مرحبا بالعالم", "x" * 400,
           "Fasilitasi kunjungan kerja Kepala Daerah, Wakil Kepala Daerah dan Sekretaris Daerah"]


def _all_charts():
    values = [3, 5, 2, 8]
    yield charts.batang(HOSTILE, values, "Jumlah pegawai per bagian", "Jumlah pegawai (orang)")
    yield charts.batang([f"III/{c}" for c in "abcd"] * 4, list(range(16)),
                        "Jumlah PNS menurut golongan/ruang", "Jumlah PNS", horizontal=False)
    yield charts.batang_kelompok(HOSTILE, {"Target": values, "Realisasi": values},
                                 "Target dan realisasi keluaran layanan, 2023", "Jumlah",
                                 horizontal=True)
    yield charts.batang_kelompok([2020, 2021, 2022, 2023], {"Pagu": values, "Realisasi": values},
                                 "Pagu dan realisasi belanja 2020–2023", "Miliar rupiah")
    yield charts.garis([2019, 2020, 2021], {"Capaian IKU-1 terhadap target Renstra": [286, 122, 100]},
                       "Capaian IKU-1 terhadap target Renstra per tahun " + "x" * 200,
                       "Capaian (%)", format_nilai=fmt.persen, acuan=100,
                       label_acuan="Target Renstra tercapai penuh (100%)")
    yield charts.batang(["Rugi", "Laba"], [-5_000, 12_000], "Nilai bersih", "Rupiah")


def test_chart_text_is_at_least_11_px_on_a_390_px_phone():
    """A chart is shown LEBAR_LAYAR px wide, scaled down to LAYAR_TERSEMPIT on a phone (390 px
    less the page's margins): every text of it must still measure 11 CSS px there."""
    assert charts.LAYAR_TERSEMPIT <= 390 - 2 * 0.6 * 16  # body padding on a phone (report.css)
    for grafik in _all_charts():
        root = ET.fromstring(grafik.svg)
        assert float(root.attrib["width"]) == grafik.lebar == charts.LEBAR_LAYAR
        base = float(root.attrib["font-size"])
        sizes = [float(t.attrib.get("font-size", base)) for t in root.iter(f"{SVG}text")]
        assert min(sizes) * charts.LAYAR_TERSEMPIT / charts.LEBAR_LAYAR >= 11, grafik.judul


def test_long_names_and_titles_stay_inside_the_chart():
    for grafik in _all_charts():
        for teks in grafik.teks:
            assert teks.x0 >= 0 and teks.x1 <= grafik.lebar, (grafik.judul[:30], teks.isi[:40])
            assert teks.y0 >= 0 and teks.y1 <= grafik.tinggi, (grafik.judul[:30], teks.isi[:40])
            assert len(teks.isi.splitlines()) <= 3


def test_texts_of_a_chart_never_overlap():
    """Category labels, bar labels, ticks and the legend each keep their own room."""
    for grafik in _all_charts():
        boxes = grafik.teks
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
                overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
                assert overlap_x <= 1 or overlap_y <= 1, (grafik.judul[:30], a.isi, b.isi)


def test_the_title_is_kept_whole_for_the_caption():
    grafik = charts.batang(["a"], [1], "Judul " + "panjang " * 20, "Jumlah")
    assert charts.judul_grafik(grafik) == "Judul " + "panjang " * 20
    assert _texts(grafik)[0].count("\n") == 2  # wrapped over at most three lines


def test_charts_take_the_tidy_frames_float64_columns():
    from lkip_helpers import anggaran
    lkip = load_year("biro-umum-ntt", 2023)
    df = anggaran.tabel_anggaran(lkip)
    kegiatan = df[df[anggaran.K_TINGKAT] == anggaran.KEGIATAN]
    assert str(kegiatan[anggaran.K_SERAPAN].dtype) == "Float64"
    grafik = charts.batang(kegiatan[anggaran.K_URAIAN], kegiatan[anggaran.K_SERAPAN],
                           "Serapan anggaran per kegiatan, 2023", "Serapan (%)",
                           format_nilai=fmt.persen)
    assert {"99,99%", "83,04%", "0,00%", "76,92%"} <= set(_texts(grafik))


def test_workbook_text_is_escaped_once_into_the_svg():
    grafik = charts.batang(['<b>"A" & B</b>', "</text><script>x()</script>"], [1, 2],
                           "Judul <i>&amp;</i>", "Jumlah")
    texts = _texts(grafik)  # the XML parses, and gives back exactly what was typed
    assert '<b>"A" & B</b>' in texts and "</text><script>x()</script>" in texts
    assert texts[0] == "Judul <i>&amp;</i>"
    assert "<script" not in grafik.svg


def test_a_text_the_first_font_lacks_is_measured_in_the_fallback_font():
    if not charts.raster.cadangan():
        pytest.skip("no fallback font installed")
    assert re.search(r'font-family="DejaVu Sans, Symbola, sans-serif"', charts.batang(
        ["Umum"], [1], "Jumlah pegawai", "Jumlah").svg)
    roket = charts._lebar("🚀", 14)
    assert 8 < roket < 30 and roket != 14.0  # Symbola's own width, not a guess


def test_ticks_are_round_and_few():
    assert charts.tik(0, 8_284) == [0, 2_000, 4_000, 6_000, 8_000]
    assert charts.tik(0, 1, integer=True) == [0, 1]
    assert charts.tik(0, 117) == [0, 20, 40, 60, 80, 100]
    assert charts.tik(62.8, 340) == [100, 150, 200, 250, 300]
    assert charts.tik(0, 2.5) == [0, 0.5, 1, 1.5, 2, 2.5]
