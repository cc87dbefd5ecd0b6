"""The one table style (lkip_helpers.tables): escaping, Indonesian formats, alignment, caption."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pandas as pd
import pytest

from lkip_helpers import anggaran, tables
from lkip_helpers.hitung import seri_float
from lkip_helpers.load import load_year


def _frame(**kolom):
    return pd.DataFrame(kolom, dtype=object)


def test_script_in_cells_labels_and_caption_is_escaped():
    df = _frame(**{"<script>alert(1)</script>": ["<script>x</script>", "a & b"],
                   "Pagu (Rp)": [1, 2]})
    html = tables.html(tables.tabel(df, "Judul <b>tebal</b>", "3.1"))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # column label
    assert "&lt;script&gt;x&lt;/script&gt;" in html  # cell
    assert "a &amp; b" in html
    assert "<caption>Tabel 3.1 Judul &lt;b&gt;tebal&lt;/b&gt;</caption>" in html


def _tidy() -> pd.DataFrame:
    """A tidy frame as the calculation modules return it: keys, numeric dtypes, codes."""
    return pd.DataFrame({
        "tahun": pd.array([2023, 2022], dtype="Int64"),
        "pagu": pd.array([53_809_092_288, None], dtype="Int64"),
        "serapan": seri_float([Decimal(37_876_900) * 100 / Decimal(37_877_900), None]),
        "keterangan": pd.Series([None, "belum_ada_data"], dtype=object),
        "jumlah": pd.array([8418, 95], dtype="Int64"),
        "rasio": pd.array([4.3, 88.6105], dtype="Float64"),
        "memenuhi": pd.array([True, False], dtype="boolean"),
        "ambang_tanggal": pd.to_datetime([dt.date(2023, 2, 4), None]),
        "status": pd.Series(["tidak_tercapai", "tanpa_ambang"], dtype=object),
    })


def test_columns_are_formatted_the_indonesian_way_by_their_kind():
    df = _tidy()
    df.attrs["jenis"] = {"rasio": "desimal"}  # a key the catalogue does not know
    sel = tables.sel_terformat(df, alasan={"serapan": "keterangan"})
    assert list(sel["tahun"]) == ["2023", "2022"]  # a year is a name, never "2.023"
    assert list(sel["pagu"]) == ["Rp53.809.092.288", "–"]
    assert list(sel["serapan"]) == ["99,99", "Belum ada data"]  # THE rounding rule; reason
    assert list(sel["keterangan"]) == ["–", "Belum ada data"]  # a code cell starts capitalised
    assert list(sel["jumlah"]) == ["8.418", "95"]
    assert list(sel["rasio"]) == ["4,30", "88,61"]
    assert list(sel["memenuhi"]) == ["Ya", "Tidak"]
    assert list(sel["ambang_tanggal"]) == ["4 Februari 2023", "–"]
    assert list(sel["status"]) == ["Tidak tercapai", "Tanpa ambang"]
    # without alasan a missing figure is just missing
    assert list(tables.sel_terformat(df)["serapan"]) == ["99,99", "–"]


def test_headings_come_from_the_label_catalogue_never_from_keys():
    df = _tidy()
    html = tables.html(tables.tabel(df, "Uji", "1.1", kolom=["tahun", "pagu", "serapan"],
                                    alasan={"serapan": "keterangan"}))
    assert re.findall(r'<th id="T_\w+level0_col\d+" class="col_heading[^"]*"\s*>([^<]*)</th>',
                      html) == ["Tahun", "Pagu (Rp)", "Serapan (%)"]
    assert "Belum ada data" in html and "keterangan" not in html.lower().split("<tbody>")[1]
    text = tables.teks(df, "Uji", "1.1", kolom=["pagu", "serapan"], alasan={"serapan": "keterangan"})
    assert text.splitlines()[0] == "Tabel 1.1 Uji"
    assert "Pagu (Rp)" in text and "Serapan (%)" in text and "Belum ada data" in text
    assert "tahun" not in text.lower()
    english = tables.teks(df, "Test", kolom=["pagu", "serapan"], lang="en")
    assert "Allocation (Rp)" in english and "Absorption (%)" in english


def test_format_kolom_overrides_the_kind():
    df = _tidy()
    sel = tables.sel_terformat(df, format_kolom={"jumlah": lambda v: f"<{v}>"})
    assert list(sel["jumlah"]) == ["<8418>", "<95>"]
    html = tables.html(tables.tabel(df, "Uji", kolom=["jumlah"],
                                    format_kolom={"jumlah": lambda v: f"<{v}>"}))
    assert "&lt;8418&gt;" in html and "<8418>" not in html


def test_index_hidden_numbers_right_aligned_total_row_bold():
    df = pd.DataFrame({"kategori": ["Tanah", "Jumlah"],
                       "jumlah": pd.array([35, 8418], dtype="Int64"),
                       "satuan": ["Bidang", None]})
    html = tables.html(tables.tabel(df, "Inventaris", "4.1", rata_kanan=["satuan"]))
    assert 'class="row_heading' not in html and 'class="blank' not in html  # no index column
    uuid = re.search(r'<table id="(T_\w+)"', html).group(1)
    assert re.search(rf"#{uuid} td\.col1 \{{\s*text-align: right;", html)
    assert re.search(rf"#{uuid} td\.col2 \{{\s*text-align: right;", html)  # asked for
    assert not re.search(rf"#{uuid} td\.col0 \{{\s*text-align: right;", html)
    assert re.search(rf"#{uuid}_row1_col0, #{uuid}_row1_col1, #{uuid}_row1_col2 "
                     rf"\{{\s*font-weight: bold;", html)
    assert "8.418" in html and ">Kategori<" in html and ">Jumlah<" in html


def test_unknown_format_column_is_refused():
    with pytest.raises(KeyError, match="Tidak ada"):
        tables.tabel(_frame(A=[1]), "x", format_kolom={"Tidak ada": str})


def test_alasan_and_tanpa_kolom_kosong():
    # gabung_keterangan is gone: the reason column is named by ``alasan``
    df = pd.DataFrame({"capaian": seri_float([Decimal(100), None]),
                       "keterangan": pd.Series([None, "belum_ada_data"], dtype=object),
                       "target": pd.array([None, None], dtype="Float64")})
    hasil = tables.tanpa_kolom_kosong(df)
    assert list(hasil.columns) == ["capaian", "keterangan"]
    assert list(tables.sel_terformat(hasil, alasan={"capaian": "keterangan"})["capaian"]) == [
        "100,00", "Belum ada data"]
    text = tables.teks(df, "Capaian", kolom=["capaian"], alasan={"capaian": "keterangan"})
    assert text.splitlines()[1].strip() == "Capaian (%)"
    assert [line.strip() for line in text.splitlines()[2:]] == ["100,00", "Belum ada data"]


def test_seed_budget_table():
    lkip = load_year("biro-umum-ntt", 2023)
    df = anggaran.tabel_anggaran(lkip)
    html = tables.html(tables.tabel(df, "Pagu dan realisasi", "3.1"))
    text = tables.teks(df, "Pagu dan realisasi", "3.1")
    for figure in ("Rp53.809.092.288", "Rp47.214.705.470", "87,74", "99,99", "76,92",
                   "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)", "Belanja", "Kegiatan"):
        assert figure in html and figure in text
    assert text.startswith("Tabel 3.1 Pagu dan realisasi\n")
    # Stable id from content, different for a different table.
    assert html == tables.html(tables.tabel(df, "Pagu dan realisasi", "3.1"))
    assert html != tables.html(tables.tabel(df.head(2), "Pagu dan realisasi", "3.1"))


def _tabel_cases():
    """Tables of every shape the report shows: hierarchy with bold subtotals and long names,
    reasons in place of values, stated-figure footnotes, escaping, a word too long to keep
    whole, extra right-aligned columns, no rows."""
    from lkip_helpers import kinerja, pegawai

    lkip = load_year("biro-umum-ntt", 2023)
    yield tables.isi_tabel(tables.berjenjang(anggaran.tabel_anggaran(lkip)), "Pagu", "3.7",
                           kolom=["jenis", "kode", "uraian", "pagu", "realisasi", "serapan",
                                  "memenuhi"])
    yield tables.isi_tabel(kinerja.tabel_capaian(lkip), "Capaian", "3.1",
                           alasan={"capaian": "keterangan"})
    yield tables.isi_tabel(anggaran.tren_anggaran(lkip), "Tren & <b>pagu</b>", "3.9")
    yield tables.isi_tabel(pegawai.tabel_bagian(lkip, jumlah=True), "Pegawai", None)
    yield tables.isi_tabel(_frame(**{"<i>teks</i>": ["a & b", "x" * 45, "kode" * 10],
                                     "nilai": [1, 2, 3]}), "Teks", "L.1", rata_kanan=["nilai"])
    yield tables.isi_tabel(_tidy().iloc[:0], "Kosong", "2.1")


def test_the_report_table_html_is_the_stylers_text_written_directly():
    """tables.html_tabel (the report's tables) writes exactly what the Styler writes."""
    cases = list(_tabel_cases())
    assert any(isi.catatan for isi in cases) and any(any(isi.tebal) for isi in cases)
    assert any(any(isi.panjang) for isi in cases)
    for isi in cases:
        assert tables.html_tabel(isi) == tables.html(tables.styler_tabel(isi)), isi.judul
