"""Text as the reader sees it: data full of ``& < > " '`` reach the HTML text and the PDF text
exactly as typed, never as an entity (``&amp;``) or as markup, and the unit's limited Markdown
does what it promises (bold and lists work; links, images, HTML and headings stay text).

These tests read the rendered output (the HTML's text content, ``pdftotext``), never the
strings the package built.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess

import pytest
from builders import CLEAN_TABLES, CLEAN_UNIT, CLEAN_YEAR, text_of
from click.testing import CliRunner

from lkip_helpers import config
from lkip_helpers.cli import main
from lkip_helpers.workbook import write_workbook

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext not installed")

#: An HTML entity shown as text: what double escaping produces.
ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")

NAMA = "Bagian Umum & Perlengkapan \"Contoh\" <Uji> 'NTT'"
KEGIATAN = "Pengadaan Alat Tulis & Kertas <ATK> \"rutin\""
PARAGRAF = "Layanan R&D selesai < 5 hari, > target \"cepat\" dan 'tepat'."
TAUTAN = "[tautan](http://contoh.invalid/x)"
HTML_MENTAH = "<b>bukan tebal</b> & <script>alert('x')</script>"
JUDUL_PALSU = "# bukan judul"


def _tables() -> dict:
    tables = copy.deepcopy(CLEAN_TABLES)
    tables["profil"].update(nama_unit=NAMA, kepala_jabatan="Kepala Bagian Umum & Perlengkapan")
    tables["anggaran"][3]["kegiatan"] = KEGIATAN
    tables["aset"][0]["kategori"] = "Tanah & Bangunan <KIB A>"
    tables["narasi"] = [
        {"bagian": "kata_pengantar", "teks": PARAGRAF},
        {"bagian": "maksud", "teks": f"{TAUTAN} dan ![gambar](http://contoh.invalid/g.png)"},
        {"bagian": "latar_belakang", "teks": f"{HTML_MENTAH}\n\n{JUDUL_PALSU}"},
        {"bagian": "isu_strategis", "judul": "Aspek \"Sarana\" & <Prasarana>",
         "teks": "Ruang arsip **sangat terbatas** dan *belum tertata*."},
        {"bagian": "saran", "teks": "1. Menata arsip & dokumen;\n2. Menambah rak < 10 unit."},
        *[r for r in CLEAN_TABLES["narasi"]
          if r["bagian"] not in ("kata_pengantar", "maksud", "latar_belakang", "isu_strategis",
                                 "saran")],
    ]
    return tables


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pembaca")
    data, reports = tmp / "data", tmp / "reports"
    write_workbook(data / CLEAN_UNIT / str(CLEAN_YEAR) / config.WORKBOOK_NAME, _tables())
    formats = ["--format", "html"] + (["--format", "pdf"] if shutil.which("chromium") else [])
    result = CliRunner().invoke(main, ["render", CLEAN_UNIT, str(CLEAN_YEAR), *formats, "-j", "1",
                                       "--data-dir", str(data), "--output-dir", str(reports)])
    assert result.exit_code == 0, result.output
    folder = reports / CLEAN_UNIT / str(CLEAN_YEAR)
    return {"html": (folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html").read_text("utf-8"),
            "pdf": folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.pdf"}


def _pdf_text(pdf) -> str:
    # -raw: the text in the order Chromium drew it (a table cell's lines one after the other);
    # pdftotext's own reading order may interleave a wrapped cell with the next cells.
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(text.split())


def _assert_as_typed(text: str) -> None:
    for typed in (NAMA, KEGIATAN, PARAGRAF, TAUTAN, "<b>bukan tebal</b>",
                  "<script>alert('x')</script>", JUDUL_PALSU, "Aspek \"Sarana\" & <Prasarana>",
                  "Menata arsip & dokumen;", "Menambah rak < 10 unit.", "Tanah & Bangunan <KIB A>"):
        assert typed in text, typed
    assert not ENTITY.search(text), ENTITY.search(text)
    assert "**" not in text and "\\" not in text  # Markdown marks and escapes never show


@pytest.mark.slow
def test_html_text_shows_the_data_as_typed(rendered):
    _assert_as_typed(text_of(rendered["html"]))


@pytest.mark.slow
def test_limited_markdown_of_the_unit(rendered):
    html = rendered["html"]
    assert "<strong>sangat terbatas</strong>" in html and "<em>belum tertata</em>" in html
    assert re.search(r"<ol>\s*<li>Menata arsip &amp; dokumen;</li>", html)
    assert 'href="http://contoh.invalid' not in html and "<img src=\"http" not in html
    assert "<b>bukan tebal</b>" not in html and "<script>alert" not in html
    assert "<h1>bukan judul</h1>" not in html
    assert re.search(r'<h4 id="[^"]+">Aspek &quot;Sarana&quot; &amp; &lt;Prasarana&gt;'
                     r'<a class="tautan-judul" [^>]*></a></h4>', html)


@pytest.mark.slow
@needs_pdftotext
def test_pdf_text_shows_the_data_as_typed(rendered):
    if not rendered["pdf"].exists():
        pytest.skip("no Chromium to print the PDF")
    _assert_as_typed(_pdf_text(rendered["pdf"]))


@pytest.mark.slow
def test_the_embedded_report_shows_no_entity(tmp_path):
    result = CliRunner().invoke(main, ["render", config.DEFAULT_UNIT, str(config.DEFAULT_YEAR),
                                       "--format", "html", "--format", "pdf", "-j", "1",
                                       "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / config.DEFAULT_UNIT / str(config.DEFAULT_YEAR)
    stem = f"{config.DEFAULT_UNIT}-{config.DEFAULT_YEAR}"
    text = text_of((folder / f"{stem}.html").read_text("utf-8"))
    texts = [text]
    if shutil.which("pdftotext"):
        texts.append(_pdf_text(folder / f"{stem}.pdf"))
    for shown in texts:
        assert not ENTITY.search(shown), ENTITY.search(shown)
        assert "\\" not in shown  # no Markdown escape shows
        # the scale (< and ≤), an asset unit with "&" in the table and in the narrative
        assert "70 ≤ X < 85: Berhasil" in shown
        assert "Barang rumah tangga & peralatan kantor" in shown
        assert "8.284 barang rumah tangga & peralatan kantor" in shown
