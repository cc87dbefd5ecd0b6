"""Stated vs computed figures: the table shows the computed figure, a footnote the stated one.

The calculation frames carry the stated figure and where it is stated (lkip_helpers.dinyatakan,
``attrs["dinyatakan"]``); lkip_helpers.tables marks a cell whose stated figure differs as
displayed (¹ ² ...) and writes the footnotes under the table, in both languages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from builders import lkip_year, text_of
from lkip_helpers import anggaran, aset, dinyatakan, kinerja, narrative, pegawai, reviu, tables
from lkip_helpers.chapter import Bab
from lkip_helpers.hitung import seri_float

TREN = ["tahun", "pagu", "realisasi", "serapan", "perubahan_pagu"]


def _sel(html: str) -> list[list[str]]:
    """The text of each body row's cells."""
    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self._in = [], False

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            self._in = tag == "td"
            if tag == "td":
                self.rows[-1].append("")

        def handle_endtag(self, tag):
            self._in = self._in and tag != "td"

        def handle_data(self, data):
            if self._in:
                self.rows[-1][-1] += data
    parser = Rows()
    parser.feed(html)
    return [r for r in parser.rows if r]


def _catatan(html: str) -> list[str]:
    """The footnotes under the table, as read."""
    m = re.search(r'<div class="catatan-kaki"[^>]*>(.*)</div>', html, re.S)
    return [text_of(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", m[1], re.S)] if m else []


# --------------------------------------------------------------------------- budget history


@pytest.mark.parametrize("lang, kalimat", [("id", "¹ Tertulis 88,05% dalam Bab III A.2."),
                                           ("en", "¹ Stated as 88,05% in Bab III A.2.")])
def test_seed_budget_history_shows_the_computed_absorption_with_the_stated_one_below(
        seed, lang, kalimat):
    tren = anggaran.tren_anggaran(seed)
    html = tables.html(tables.tabel(tren, "Pagu dan realisasi belanja", "3.5", kolom=TREN,
                                    lang=lang))
    rows = _sel(html)
    assert [r[3] for r in rows] == ["88,47¹", "91,66", "94,77", "87,74"]  # equal: no marker
    assert _catatan(html) == [kalimat]
    # the stated figure and its source are not columns of the table
    assert "88,05" not in " ".join(" ".join(r) for r in rows)
    assert html.index("</table>") < html.index('class="catatan-kaki"')
    teks = tables.teks(tren, "Pagu dan realisasi belanja", "3.5", kolom=TREN, lang=lang)
    assert "88,47¹" in teks and teks.splitlines()[-1] == kalimat


def test_the_frame_names_its_pairs_and_an_explicit_mapping_wins(seed):
    tren = anggaran.tren_anggaran(seed)
    pasangan = {"serapan": ("serapan_dinyatakan", "sumber")}
    assert tables.catatan_kaki(tables.tabel(tren, "T", kolom=TREN, dinyatakan=pasangan)) == \
        tables.catatan_kaki(tables.tabel(tren, "T", kolom=TREN))
    assert tables.catatan_kaki(tables.tabel(tren, "T", kolom=TREN, dinyatakan={})) == []
    tanpa = tren.copy()
    tanpa.attrs = {}
    assert tables.catatan_kaki(tables.tabel(tanpa, "T", kolom=TREN)) == []
    with pytest.raises(KeyError):
        tables.tabel(tren, "T", dinyatakan={"serapan": ("serapan_tertulis", "sumber")})
    # a selection of columns keeps the frame's attrs: a pair whose columns are gone is ignored
    for pilihan in (tren[["tahun", "serapan"]], tables.tanpa_kolom_kosong(tren.drop(
            columns="sumber"))):
        assert pilihan.attrs["dinyatakan"] and tables.catatan_kaki(tables.tabel(pilihan, "T")) == []


def test_stated_and_source_columns_show_only_when_listed(seed):
    tren = anggaran.tren_anggaran(seed)
    html = tables.html(tables.tabel(tren, "T"))  # kolom not given: the pair is hidden
    assert "Serapan tertulis" not in html and "Sumber</th>" not in html
    assert "88,47¹" in html
    html = tables.html(tables.tabel(tren, "T", kolom=[*TREN, "serapan_dinyatakan", "sumber"]))
    assert "Serapan tertulis (%)" in html and "88,05" in html
    assert "88,47¹" in html  # still marked


def test_equal_at_the_display_precision_gives_no_footnote():
    df = pd.DataFrame({"tahun": pd.array([2020, 2021, 2022], dtype="Int64"),
                       "serapan": seri_float([88.4657, 99.9974, 0.001]),
                       "serapan_dinyatakan": seri_float([88.47, 100.0, 0.0]),
                       "sumber": pd.Series(["Bab III", "Bab III", None], dtype=object)})
    pasangan = {"serapan": ("serapan_dinyatakan", "sumber")}
    styler = tables.tabel(df, "T", kolom=["tahun", "serapan"], dinyatakan=pasangan)
    # 88,4657 shows 88,47 = stated; 99,9974 shows 99,99 (THE rounding rule), not 100,00;
    # 0,001 shows 0,01, not 0,00: the last two differ from what is stated
    assert [r[1] for r in _sel(tables.html(styler))] == ["88,47", "99,99¹", "0,01²"]
    assert tables.catatan_kaki(styler) == ["¹ Tertulis 100,00% dalam Bab III.",
                                           "² Tertulis 0,00%."]


def test_a_source_with_markup_is_escaped_once():
    df = pd.DataFrame({"tahun": pd.array([2020], dtype="Int64"),
                       "serapan": seri_float([88.4657]), "serapan_dinyatakan": seri_float([88.05]),
                       "sumber": pd.Series(["A & B <i>lampiran</i>"], dtype=object)})
    html = tables.html(tables.tabel(df, "T", dinyatakan={
        "serapan": ("serapan_dinyatakan", "sumber")}))
    assert _catatan(html) == ["¹ Tertulis 88,05% dalam A & B <i>lampiran</i>."]
    assert "A &amp; B &lt;i&gt;lampiran&lt;/i&gt;" in html
    assert "&amp;amp;" not in html and "<i>" not in html
    assert "&" not in text_of(html).replace("A & B", "")


# --------------------------------------------------------------------------- totals


@pytest.mark.parametrize("lang, kalimat", [("id", "¹ Tertulis 104 dalam Bab I A."),
                                           ("en", "¹ Stated as 104 in Bab I A.")])
def test_seed_staff_total_shows_95_with_the_stated_104_below(seed, lang, kalimat):
    df = pegawai.tabel_bagian(seed, jumlah=True)
    total = df.iloc[-1]
    assert (total["bagian"], total["jumlah"], total["jumlah_dinyatakan"],
            total["jumlah_sumber"]) == ("Jumlah", 95, 104, "Bab I A")
    assert df["jumlah_dinyatakan"].iloc[:-1].isna().all()
    assert str(df["jumlah_dinyatakan"].dtype) == "Int64"
    html = tables.html(tables.tabel(df, "Jumlah pegawai per bagian", "1.1", lang=lang))
    assert _sel(html)[-1] == ["Jumlah", "95¹", "100,00"]
    assert _catatan(html) == [kalimat]
    assert "jumlah_dinyatakan" not in html and "Bab I A</td>" not in html


@pytest.mark.parametrize("tabel", [pegawai.tabel_pendidikan, pegawai.tabel_golongan,
                                   pegawai.tabel_jabatan, aset.tabel_aset,
                                   kinerja.tabel_keluaran])
def test_seed_totals_stated_as_computed_get_no_footnote(seed, tabel):
    df = tabel(seed, jumlah=True)
    assert df.attrs["dinyatakan"]  # the stated totals are there (95, 95, 10/7/3, 8.418, 180)
    assert all(df[nilai].iloc[-1] == df[k].iloc[-1] for k, (nilai, _) in
               df.attrs["dinyatakan"].items())
    assert tables.catatan_kaki(tables.tabel(df, "T")) == []
    assert "catatan-kaki" not in tables.html(tables.tabel(df, "T"))


def test_every_total_row_carries_a_differing_stated_total():
    tertulis = [dict(lembar=lembar, kolom=kolom, nilai=nilai, sumber=sumber)
                for lembar, kolom, nilai, sumber in (
                    ("pegawai_pendidikan", "jumlah", 96, "Tabel 1.1"),
                    ("pegawai_golongan", "jumlah", 94, "Tabel 1.2"),
                    ("pegawai_jabatan", "perempuan", 4, "Tabel 1.3"),
                    ("aset", "jumlah", 8400, "Tabel 3.4"),
                    ("keluaran", "target", 181, "Tabel 3.1"))]
    lkip = lkip_year(
        pegawai_pendidikan=[dict(jenjang="S1", uraian="S1", jumlah=95)],
        pegawai_golongan=[dict(golongan="III/a", jumlah=95)],
        pegawai_jabatan=[dict(jabatan="Eselon II", jenis_jabatan="struktural", jumlah=1,
                              laki_laki=0, perempuan=1)],
        aset=[dict(kategori="Tanah", golongan_kib="A", jumlah=8418, satuan="Bidang")],
        indikator=[dict(kode="IKU-1", sasaran="s", indikator="i", satuan="kali",
                        polaritas="maksimal", target=180, realisasi=180)],
        keluaran=[dict(kode_indikator="IKU-1", keluaran="Rapat", satuan="kali", target=180,
                       realisasi=180)],
        total_dinyatakan=tertulis)
    harapan = {pegawai.tabel_pendidikan: ("95¹", "¹ Tertulis 96 dalam Tabel 1.1."),
               pegawai.tabel_golongan: ("95¹", "¹ Tertulis 94 dalam Tabel 1.2."),
               pegawai.tabel_jabatan: ("1¹", "¹ Tertulis 4 dalam Tabel 1.3."),
               aset.tabel_aset: ("8.418¹", "¹ Tertulis 8.400 dalam Tabel 3.4."),
               kinerja.tabel_keluaran: ("180¹", "¹ Tertulis 181 dalam Tabel 3.1.")}
    for fungsi, (sel, kalimat) in harapan.items():
        styler = tables.tabel(fungsi(lkip, jumlah=True), "T")
        assert sel in _sel(tables.html(styler))[-1], fungsi.__name__
        assert tables.catatan_kaki(styler) == [kalimat], fungsi.__name__
        assert "catatan" not in "".join(fungsi(lkip).columns)  # no total row: no pair
        assert dinyatakan.ATTR not in fungsi(lkip).attrs


def test_several_outputs_of_several_indicators_have_no_row_for_the_sheet_total():
    lkip = lkip_year(
        keluaran=[dict(kode_indikator=k, keluaran=f"Keluaran {k}", satuan="kali", target=90,
                       realisasi=90) for k in ("IKU-1", "IKU-2")],
        total_dinyatakan=[dict(lembar="keluaran", kolom="target", nilai=181, sumber="Tabel 3.1")])
    df = kinerja.tabel_keluaran(lkip, jumlah=True)
    assert df["target_dinyatakan"].isna().all()  # 181 is the sheet's total, no row shows it
    assert tables.catatan_kaki(tables.tabel(df, "T")) == []


def test_of_several_sources_the_differing_one_is_cited_and_the_reviu_reads_the_same():
    lkip = lkip_year(
        pegawai_bagian=[dict(bagian="Tata Usaha", jumlah=95)],
        total_dinyatakan=[dict(lembar="pegawai_bagian", kolom="jumlah", nilai=95, sumber="Tabel 1"),
                          dict(lembar="pegawai_bagian", kolom=" Jumlah", nilai=104,
                               sumber="Bab I A")])
    t = dinyatakan.total(lkip, "pegawai_bagian", "jumlah", 95)
    assert (t.nilai, t.sumber, t.baris) == (104, "Bab I A", 3)
    assert dinyatakan.total(lkip, "pegawai_bagian", "jumlah", None).sumber == "Tabel 1"
    assert dinyatakan.total(lkip, "aset", "jumlah", 1) is None
    temuan = [x for x in reviu.periksa(lkip) if x.kode == reviu.KodeTemuan.TOTAL_DINYATAKAN]
    assert [(x.baris, x.dinyatakan, x.dihitung) for x in temuan] == [(3, 104, 95)]
    styler = tables.tabel(pegawai.tabel_bagian(lkip, jumlah=True), "T")
    assert tables.catatan_kaki(styler) == ["¹ Tertulis 104 dalam Bab I A."]


def test_footnotes_are_numbered_per_table_row_by_row():
    lkip = lkip_year(
        pegawai_jabatan=[dict(jabatan="Eselon II", jenis_jabatan="struktural", jumlah=1,
                              laki_laki=0, perempuan=1)],
        total_dinyatakan=[dict(lembar="pegawai_jabatan", kolom=k, nilai=n, sumber="Tabel 1.3")
                          for k, n in (("perempuan", 2), ("jumlah", 2), ("laki_laki", 0))])
    styler = tables.tabel(pegawai.tabel_jabatan(lkip, jumlah=True), "T")
    assert _sel(tables.html(styler))[-1] == ["Jumlah", "–", "1¹", "0", "1²"]
    assert tables.catatan_kaki(styler) == ["¹ Tertulis 2 dalam Tabel 1.3.",
                                           "² Tertulis 2 dalam Tabel 1.3."]
    assert tables.penanda(12) == "¹²"


# --------------------------------------------------------------------------- chapter, narrative


def test_the_chapter_shows_the_footnote_in_html_and_plain_text(seed, monkeypatch):
    shown = []
    monkeypatch.setattr("lkip_helpers.chapter.tampilkan_html",
                        lambda isi, teks, *data, **lkip: shown.append((isi, teks)))
    bab = Bab(3, seed)
    bab.blok(anggaran.tren_anggaran(seed), "Pagu dan realisasi belanja", kolom=TREN)
    bab.blok(pegawai.tabel_bagian(seed, jumlah=True), "Jumlah pegawai per bagian",
             dinyatakan={})  # told not to: no footnote
    (isi, teks), (isi2, teks2) = shown
    assert _catatan(isi) == ["¹ Tertulis 88,05% dalam Bab III A.2."]
    assert teks.splitlines()[0] == "Tabel 3.1 Pagu dan realisasi belanja"
    assert teks.splitlines()[-1] == "¹ Tertulis 88,05% dalam Bab III A.2."
    assert "catatan-kaki" not in isi2 and "¹" not in teks2


def test_the_narrative_gives_the_computed_figure_only(seed):
    bagian = narrative.narasi_bagian(seed)
    assert "Sebanyak 95 pegawai" in bagian and "104" not in bagian
    tren = narrative.narasi_tren_anggaran(seed)  # 2020 only as the start of the trend
    assert "88,05" not in tren and "tertinggi terjadi pada tahun 2022 (94,77%)" in tren
