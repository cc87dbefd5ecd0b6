"""The shared chart style (lkip_helpers.charts): titles, Indonesian tick labels, B/W, PNG."""

from __future__ import annotations

from decimal import Decimal

import matplotlib.pyplot as plt

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
    assert "Alat Kantor dan Rumah Tangga" in _ticks(ax.get_yticklabels())
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
    assert width >= 7 * charts.DPI * 0.8  # about 7 inches at DPI
    assert plt.get_fignums() == []


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
