"""The shared chart style (lkip_helpers.charts): titles, Indonesian tick labels, B/W, PNG."""

from __future__ import annotations

from decimal import Decimal

import matplotlib.pyplot as plt
from matplotlib.text import Text

from lkip_helpers import aset, charts, format as fmt
from lkip_helpers.load import load_year


def _ticks(labels):
    return [t.get_text() for t in labels if t.get_text()]


def test_bar_chart_of_seed_assets_has_title_and_dotted_thousands():
    lkip = load_year("biro-umum-ntt", 2023)
    df = aset.tabel_aset(lkip, jumlah=False)
    fig = charts.batang(df[aset.K_KATEGORI], df[aset.K_JUMLAH],
                        "Jumlah inventaris barang menurut kategori", "Jumlah")
    fig.canvas.draw()
    ax = fig.axes[0]
    assert charts.judul_grafik(fig) == "Jumlah inventaris barang menurut kategori"
    assert "8.000" in _ticks(ax.get_xticklabels())  # thousands with a dot
    assert "Alat Kantor dan\nRumah Tangga" in _ticks(ax.get_yticklabels())  # wrapped
    assert "8.284" in {t.get_text() for t in ax.texts}  # bar labels
    assert ax.get_xlabel() == "Jumlah"


def test_percent_labels_follow_the_rounding_rule_and_decimals_use_a_comma():
    fig = charts.batang(["Perencanaan", "Pengadaan"], [Decimal(37_876_900) * 100 / 37_877_900, 0],
                        "Serapan anggaran per kegiatan, 2023", "Serapan (%)",
                        format_nilai=fmt.persen, acuan=Decimal(85), label_acuan="Minimal 85%")
    fig.canvas.draw()
    texts = {t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))}
    assert {"99,99%", "0,00%", "Minimal 85%"} <= texts


def test_grouped_bars_are_told_apart_without_colour_and_axis_in_miliar():
    fig = charts.batang_kelompok(
        [2020, 2021, 2022, 2023],
        {"Pagu": [116_943_082_326, 111_617_829_255, 62_755_193_270, 53_809_092_288],
         "Realisasi": [103_454_484_027, 102_309_636_358, 59_473_648_921, 47_214_705_470]},
        "Pagu dan realisasi belanja 2020–2023", "Miliar rupiah", format_nilai=None, skala=10**9)
    fig.canvas.draw()
    ax = fig.axes[0]
    assert _ticks(ax.get_xticklabels()) == ["2020", "2021", "2022", "2023"]
    assert "100" in _ticks(ax.get_yticklabels())
    hatches = {p.get_hatch() for p in ax.patches}
    assert len(hatches) == 2  # one plain, one hatched: readable in black and white


def test_line_chart_uses_markers_and_decimal_comma():
    fig = charts.garis([2019, 2020, 2021], {"Capaian": [286, Decimal("122.3"), 100]},
                       "Capaian terhadap target Renstra per tahun", "Capaian (%)",
                       format_nilai=lambda v: fmt.persen(v, 1), acuan=100, label_acuan="Target")
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.lines[0].get_marker() == "o"
    assert "122,3%" in {t.get_text() for t in ax.texts}


def test_png_is_sharp_and_no_pyplot_figure_stays_open():
    fig = charts.batang(["a"], [1], "Uji", "Jumlah")
    data = charts.png(fig)
    assert data.startswith(b"\x89PNG")
    width = int.from_bytes(data[16:20], "big")
    assert width == round(charts.LEBAR * charts.DPI)  # LEBAR inches at DPI
    assert plt.get_fignums() == []


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


def test_chart_text_is_at_least_11_px_on_a_390_px_phone():
    """A chart is shown LEBAR_LAYAR px wide, scaled down to LAYAR_TERSEMPIT on a phone (390 px
    less the page's margins): every text of it must still measure 11 CSS px there."""
    assert charts.LAYAR_TERSEMPIT <= 390 - 2 * 0.6 * 16  # body padding on a phone (report.css)
    for fig in _all_charts():
        fig.canvas.draw()
        assert fig.get_figwidth() == charts.LEBAR
        scale = charts.LAYAR_TERSEMPIT / (fig.get_figwidth() * 96)
        texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        smallest = min(t.get_fontsize() for t in texts) * 96 / 72 * scale
        assert smallest >= 11, (charts.judul_grafik(fig), smallest)


def test_long_names_and_titles_stay_inside_the_chart():
    for fig in _all_charts():
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        box = fig.bbox
        hidden = set()  # tick labels outside the axis's range exist but are not drawn
        for ax in fig.axes:
            for axis in (ax.xaxis, ax.yaxis):
                low, high = sorted(axis.get_view_interval())
                hidden |= {id(label) for tick in axis.get_major_ticks()
                          if not low <= tick.get_loc() <= high
                          for label in (tick.label1, tick.label2)}
        for text in fig.findobj(Text):
            if id(text) in hidden or not (text.get_visible() and text.get_text().strip()):
                continue
            extent = text.get_window_extent(renderer)
            assert extent.x0 >= box.x0 - 1 and extent.x1 <= box.x1 + 1, text.get_text()[:40]
            assert len(text.get_text().splitlines()) <= 3


def test_the_title_is_kept_whole_for_the_caption():
    fig = charts.batang(["a"], [1], "Judul " + "panjang " * 20, "Jumlah")
    assert charts.judul_grafik(fig) == "Judul " + "panjang " * 20


def test_charts_take_the_tidy_frames_float64_columns():
    from lkip_helpers import anggaran
    lkip = load_year("biro-umum-ntt", 2023)
    df = anggaran.tabel_anggaran(lkip)
    kegiatan = df[df[anggaran.K_TINGKAT] == anggaran.KEGIATAN]
    assert str(kegiatan[anggaran.K_SERAPAN].dtype) == "Float64"
    fig = charts.batang(kegiatan[anggaran.K_URAIAN], kegiatan[anggaran.K_SERAPAN],
                        "Serapan anggaran per kegiatan, 2023", "Serapan (%)",
                        format_nilai=fmt.persen)
    fig.canvas.draw()
    bar_labels = {t.get_text() for t in fig.axes[0].texts}
    assert {"99,99%", "83,04%", "0,00%", "76,92%"} <= bar_labels
    plt.close(fig)


def test_a_text_the_first_font_can_draw_skips_the_fallback_font():
    """Texts drawn from DejaVu Sans alone (the same glyphs, without consulting the fallback
    font); a text with a character it lacks (🚀) keeps the whole list."""
    if len(charts.GAYA["font.family"]) < 2:
        pytest.skip("no fallback font installed")
    fig = charts.batang(["Umum", "Layanan 🚀"], [1, 2], "Jumlah pegawai", "Jumlah")
    families = {t.get_text(): t.get_fontfamily() for t in fig.findobj(Text) if t.get_text()}
    assert families["Jumlah pegawai"] == ["DejaVu Sans"] == families["Umum"]
    assert families["Layanan 🚀"] == charts.GAYA["font.family"]  # not in DejaVu Sans
