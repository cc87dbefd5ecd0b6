"""The one table style (lkip_helpers.tables): escaping, Indonesian formats, alignment, caption."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pandas as pd
import pytest

from lkip_helpers import anggaran, tables
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


def test_columns_are_formatted_the_indonesian_way():
    df = _frame(**{"Tahun": [2023, 2022], "Pagu (Rp)": [53_809_092_288, None],
                   "Serapan (%)": [Decimal(37_876_900) * 100 / Decimal(37_877_900), "belum ada data"],
                   "Jumlah": [8418, 95], "Rasio": [Decimal("4.3"), Decimal("88.6105")],
                   "Memenuhi minimal": [True, False], "Batas": [dt.date(2023, 2, 4), None]})
    sel = tables.sel_terformat(df)
    assert list(sel["Tahun"]) == ["2023", "2022"]  # a year is a name, never "2.023"
    assert list(sel["Pagu (Rp)"]) == ["Rp53.809.092.288", "–"]
    assert list(sel["Serapan (%)"]) == ["99,99", "belum ada data"]  # THE rounding rule
    assert list(sel["Jumlah"]) == ["8.418", "95"]
    assert list(sel["Rasio"]) == ["4,30", "88,61"]
    assert list(sel["Memenuhi minimal"]) == ["ya", "tidak"]
    assert list(sel["Batas"]) == ["4 Februari 2023", "–"]


def test_index_hidden_numbers_right_aligned_total_row_bold():
    df = _frame(Kategori=["Tanah", "Jumlah"], Jumlah=[35, 8418])
    html = tables.html(tables.tabel(df, "Inventaris", "4.1"))
    assert 'class="row_heading' not in html and 'class="blank' not in html  # no index column
    uuid = re.search(r'<table id="(T_\w+)"', html).group(1)
    assert re.search(rf"#{uuid} td\.col1 \{{\s*text-align: right;", html)
    assert not re.search(rf"#{uuid} td\.col0 \{{\s*text-align: right;", html)
    assert re.search(rf"#{uuid}_row1_col0, #{uuid}_row1_col1 \{{\s*font-weight: bold;", html)
    assert "8.418" in html


def test_unknown_format_column_is_refused():
    with pytest.raises(KeyError, match="Tidak ada"):
        tables.tabel(_frame(A=[1]), "x", format_kolom={"Tidak ada": str})


def test_gabung_keterangan_and_tanpa_kolom_kosong():
    df = _frame(**{"Capaian (%)": [Decimal(100), None], "Keterangan": [None, "belum ada data"],
                   "Target": [None, None]})
    hasil = tables.tanpa_kolom_kosong(tables.gabung_keterangan(df, "Capaian (%)", "Keterangan"))
    assert list(hasil.columns) == ["Capaian (%)"]
    assert list(tables.sel_terformat(hasil)["Capaian (%)"]) == ["100,00", "belum ada data"]


def test_seed_budget_table():
    lkip = load_year("biro-umum-ntt", 2023)
    df = anggaran.tabel_anggaran(lkip)
    html = tables.html(tables.tabel(df, "Pagu dan realisasi", "3.1"))
    text = tables.teks(df, "Pagu dan realisasi", "3.1")
    for figure in ("Rp53.809.092.288", "Rp47.214.705.470", "87,74", "99,99", "76,92"):
        assert figure in html and figure in text
    assert text.startswith("Tabel 3.1 Pagu dan realisasi\n")
    # Stable id from content, different for a different table.
    assert html == tables.html(tables.tabel(df, "Pagu dan realisasi", "3.1"))
    assert html != tables.html(tables.tabel(df.head(2), "Pagu dan realisasi", "3.1"))
