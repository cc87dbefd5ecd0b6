"""The LKIP as a document: the unit's text from sheet narasi, placeholders of a draft, the
regulated order of the report, the Perjanjian Kinerja's parties, and a small unit without any
narrative still rendering a readable draft."""

from __future__ import annotations

import copy
import re

import mistune
import pytest
from builders import (CLEAN_TABLES, CLEAN_UNIT, CLEAN_YEAR, NARASI_LENGKAP, edit_small_unit,
                      lkip_year, problems_of, text_of)
from click.testing import CliRunner

from lkip_helpers import config, dokumen, perencanaan, reviu
from lkip_helpers.cli import main
from lkip_helpers.schema import BAGIAN_NARASI
from lkip_helpers.workbook import write_workbook

WAJIB = [b for b in BAGIAN_NARASI if b.wajib]
_RENDER = mistune.create_markdown(escape=True)  # as the report renders data Markdown


def shown(markdown: str) -> str:
    """What a reader sees of ``markdown`` (no space before punctuation from inline tags)."""
    return re.sub(r"\s+([,.;:])", r"\1", text_of(_RENDER(markdown))).strip()


def prose_of(html: str) -> str:
    """The text of ``html`` outside its tables (tables show "–" for a missing value)."""
    return text_of(re.sub(r"<table.*?</table>", " ", html, flags=re.S))


# --------------------------------------------------------------------------- limited Markdown


@pytest.mark.parametrize("typed", [
    "R&D < 5 > 3 \"kutip\" 'apostrof'", "[tautan](http://contoh.invalid)",
    "![gambar](http://contoh.invalid/g.png)", "<b>bukan tebal</b>", "# bukan judul",
    "`bukan kode`", "a | b | c", "~~bukan coret~~", "&amp; tetap tertulis", "\\ garis miring",
    "    empat spasi bukan kode", "> bukan kutipan", "===", "---",
])
def test_the_unit_text_shows_as_typed(typed):
    html = _RENDER(dokumen.markdown_unit(typed))
    assert shown(dokumen.markdown_unit(typed)) == typed.strip()
    for tag in ("<a ", "<img", "<b>", "<h1", "<code", "<table", "<del", "<pre", "<blockquote",
                "<hr"):
        assert tag not in html, (typed, html)


def test_bold_italic_and_lists_work():
    html = _RENDER(dokumen.markdown_unit(
        "Ruang **arsip** *terbatas*.\n\n1. pertama;\n2. kedua.\n\n- satu\n- dua"))
    assert "<strong>arsip</strong>" in html and "<em>terbatas</em>" in html
    assert html.count("<li>") == 4 and "<ol>" in html and "<ul>" in html


def test_a_section_in_sheet_order_with_sub_headings_and_per_indicator():
    rows = [
        {"bagian": "isu_strategis", "teks": "Pengantar isu."},
        {"bagian": "isu_strategis", "judul": "Aspek Pelayanan Publik", "teks": "Isi A."},
        {"bagian": "isu_strategis", "judul": "Aspek Sarana Prasarana", "teks": "Isi B."},
        {"bagian": "analisis_penyebab", "kode_indikator": "IKU-2", "teks": "Sebab dua."},
        {"bagian": "analisis_penyebab", "teks": "Sebab umum."},
        {"bagian": "analisis_penyebab", "kode_indikator": "IKU-1", "teks": "Sebab satu."},
    ]
    lkip = lkip_year(indikator=copy.deepcopy(CLEAN_TABLES["indikator"]), narasi=rows)
    assert dokumen.teks_bagian(lkip, "isu_strategis") == (
        "Pengantar isu.\n\n#### Aspek Pelayanan Publik\n\nIsi A.\n\n"
        "#### Aspek Sarana Prasarana\n\nIsi B.")
    analisis = dokumen.teks_bagian(lkip, "analisis_penyebab")
    # general text first, then each indicator in the order of sheet indikator
    assert analisis.index("Sebab umum.") < analisis.index("**IKU-1 Persentase layanan") \
        < analisis.index("Sebab satu.") < analisis.index("**IKU-2 Rata-rata waktu") \
        < analisis.index("Sebab dua.")
    assert dokumen.teks_bagian(lkip, "maksud") == ""
    with pytest.raises(KeyError):
        dokumen.teks_bagian(lkip, "bab_v")


def test_empty_required_sections_are_listed_in_report_order_and_by_the_reviu():
    lkip = lkip_year(narasi=[r for r in NARASI_LENGKAP if r["bagian"] not in ("maksud", "saran")])
    assert [b.kunci for b in dokumen.bagian_kosong(lkip)] == ["maksud", "saran"]
    found = [t for t in reviu.periksa(lkip) if t.kode == reviu.KodeTemuan.NARASI_KOSONG]
    assert [(t.tingkat, t.dinyatakan) for t in found] == [(reviu.RENDAH, "maksud"),
                                                          (reviu.RENDAH, "saran")]
    empty = lkip_year(narasi=[])
    assert [b.kunci for b in dokumen.bagian_kosong(empty)] == [b.kunci for b in WAJIB]


def test_placeholder_names_the_section_and_where_to_write_it():
    html = dokumen.html_isian_kosong("maksud")
    assert text_of(html) == ("Draf. Belum diisi: teks unit kerja untuk “Maksud” (Bab I B). "
                             "Isilah pada lembar narasi dengan bagian maksud.")
    assert text_of(dokumen.html_isian_kosong("maksud", "en")).startswith("Draft. Not yet written")


def test_parties_of_the_perjanjian_kinerja_from_the_seed(seed):
    teks = shown(dokumen.para_pihak(seed))
    assert teks.startswith("Perubahan Perjanjian Kinerja Tahun 2023 ditandatangani di Kupang "
                           "pada tanggal 7 Desember 2023 oleh:")
    assert "pihak pertama: George Melkianus Hadjoh, SH, Kepala Biro Umum Provinsi Nusa " \
           "Tenggara Timur" in teks
    assert "pihak kedua: Kosmas D. Lana, Sekretaris Daerah Provinsi Nusa Tenggara Timur" in teks
    assert dokumen.para_pihak(lkip_year()) == ""  # no party recorded: nothing said


def test_signature_block_and_outline():
    lkip = lkip_year(profil={"kepala_nama": "Maria & Yosef <Uji>", "kepala_jabatan": "Kepala",
                             "tanggal_laporan": __import__("datetime").date(2025, 2, 20)})
    assert text_of(dokumen.html_tanda_tangan(lkip, "Kupang")) == \
        "Kupang, 20 Februari 2025 Kepala Maria & Yosef <Uji>"
    assert dokumen.html_tanda_tangan(lkip_year()) == ""
    outline = shown(dokumen.sistematika(lkip_year(year=2024)))
    assert "Peraturan Menteri PAN-RB Nomor 53 Tahun 2014" in outline
    assert outline.index("Bab I Pendahuluan") < outline.index("Bab II") \
        < outline.index("Bab III") < outline.index("Bab IV") < outline.index("Lampiran")


def test_rkt_and_perjanjian_kinerja_frames_of_the_seed(seed):
    rkt = perencanaan.tabel_rkt(seed)
    assert rkt.loc[0, ["kode", "realisasi_tahun_sebelumnya", "target"]].tolist() == [
        "IKU-1", 100.0, 100.0]
    assert str(rkt["target"].dtype) == "Float64"
    assert rkt.loc[0, "impact"].startswith("Mewujudkan reformasi birokrasi")
    dampak = perencanaan.tabel_dampak(seed)
    assert list(dampak.columns) == ["kode", "outcome", "benefit", "impact"] and len(dampak) == 1
    assert len(perencanaan.tabel_dampak(lkip_year(indikator=CLEAN_TABLES["indikator"]))) == 0
    pk = perencanaan.tabel_perjanjian(seed)
    assert pk.loc[0, "pagu"] == 53_809_092_288 and str(pk["pagu"].dtype) == "Int64"
    ang = perencanaan.tabel_anggaran_perjanjian(seed)
    assert ang["pagu"].tolist() == [53_809_092_288, 484_635_653, 54_293_727_941]
    assert ang["serapan_minimal"].tolist() == [85.0, 90.0, 90.0]


# --------------------------------------------------------------------------- rendered


#: The Daftar Isi of the seed, as the seed's own Daftar Isi orders it.
DAFTAR_ISI = ["Kata Pengantar", "Daftar Isi", "Ikhtisar Eksekutif", "Bab I Pendahuluan",
              "A. Latar Belakang", "B. Maksud", "C. Isu Strategis", "D. Sistematika Penyajian",
              "Bab II Perencanaan Kinerja", "A. Perencanaan Kinerja",
              "B. Rencana Kerja Tahunan", "C. Perjanjian Kinerja",
              "Bab III Akuntabilitas Kinerja", "A. Capaian Kinerja Organisasi",
              "B. Realisasi Anggaran", "Bab IV Penutup", "A. Kesimpulan", "B. Saran",
              "Lampiran"]


def _render(tmp_path, tables, unit=CLEAN_UNIT, year=CLEAN_YEAR):
    data, reports = tmp_path / "data", tmp_path / "reports"
    write_workbook(data / unit / str(year) / config.WORKBOOK_NAME, tables)
    result = CliRunner().invoke(main, ["render", unit, str(year), "--format", "html", "-j", "1",
                                       "--data-dir", str(data), "--output-dir", str(reports)])
    assert result.exit_code == 0, result.output
    return (reports / unit / str(year) / f"{unit}-{year}.html").read_text("utf-8")


def _daftar_isi(html: str) -> list[str]:
    """The titles the Daftar Isi lists, in order (page numbers, if any, left out)."""
    start = html.index('id="daftar-isi"')
    nav = html[start:html.index("</nav>", start)]
    return [text_of(m).strip() for m in re.findall(r'<span class="judul">(.*?)</span>', nav)]


@pytest.mark.slow
def test_the_embedded_report_in_the_regulated_order(tmp_path):
    data = config.DATA_DIR
    result = CliRunner().invoke(main, ["render", config.DEFAULT_UNIT, str(config.DEFAULT_YEAR),
                                       "--format", "html", "-j", "1", "--data-dir", str(data),
                                       "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / config.DEFAULT_UNIT / str(config.DEFAULT_YEAR)
            / f"{config.DEFAULT_UNIT}-{config.DEFAULT_YEAR}.html").read_text("utf-8")
    entries = _daftar_isi(html)
    assert [e for e in entries if e in DAFTAR_ISI] == DAFTAR_ISI
    text = text_of(html)
    # the unit's text in its sections, in order
    for a, b in [("Dasar Hukum", "Nomor 53 Tahun 2014"), ("C. Isu Strategis", "Aspek Pelayanan Publik"),
                 ("Aspek Pelayanan Publik", "Aspek Sarana Prasarana"), ("Visi", "NTT Bangkit"),
                 ("A. Kesimpulan", "B. Saran"), ("Lampiran", "Kosmas D. Lana")]:
        assert text.index(a) < text.rindex(b), (a, b)
    assert "Belum diisi" not in text and "Draf" not in text  # the seed is a finished report
    # stated vs computed: the computed figure with a footnote citing the stated one
    assert "88,47¹" in text and "Tertulis 88,05% dalam Bab III A.2." in text
    assert "Tertulis 104 dalam Bab I A." in text
    # no reviu chapter in the published report
    assert "Daftar Periksa Data" not in text and "perlu dikoreksi" not in text
    # no placeholder word or dash as a word (a status may recur across the whole document:
    # the summary, then its chapter)
    assert [p for p in problems_of(prose_of(html)) if " times" not in p] == []


@pytest.mark.slow
def test_a_small_unit_without_narrative_renders_a_readable_draft(tmp_path):
    tables = copy.deepcopy(CLEAN_TABLES)
    edit_small_unit(tables)
    for sheet in ("narasi", "aset", "pegawai_golongan", "pegawai_jabatan", "komitmen",
                  "riwayat_anggaran", "total_dinyatakan"):
        tables.pop(sheet)
    html = _render(tmp_path, tables)
    text = text_of(html)
    assert f"Draf: {len(WAJIB)} bagian belum diisi oleh unit kerja" in text
    assert text.count("Belum diisi: teks unit kerja") == len(WAJIB)
    for b in WAJIB:
        assert f"“{b.judul}” ({b.letak})" in text, b.kunci
    # the regulated skeleton is all there, computed parts included
    assert [e for e in _daftar_isi(html) if e in DAFTAR_ISI] == DAFTAR_ISI
    assert "Tabel 3.1 Target, realisasi dan capaian indikator kinerja tahun 2024" in text
    assert "Bab I Pendahuluan menguraikan latar belakang" in text  # the regulated outline
    assert problems_of(prose_of(html)) == []


def test_an_empty_foreword_shows_the_drafts_placeholder_from_the_kernels_facts():
    """The rendering process shows the placeholder the kernel put in the facts (it never
    imports pandas for it): in the report's HTML and in the Word file's foreword."""
    from lkip_helpers.html_report import kata_pengantar, report_facts

    facts = report_facts("biro-umum-ntt", 2023)
    assert facts["kata_pengantar"] and "isian-kosong" not in kata_pengantar(facts)
    shown = text_of(str(kata_pengantar({**facts, "kata_pengantar": ""})))
    assert shown.startswith("Draf. Belum diisi"), shown
    assert "Kata Pengantar" in shown and "kata_pengantar" in shown
