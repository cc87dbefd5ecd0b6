"""The render pipeline: the embedded unit-year rendered once per session, checked like a reader would.

Also the HTML assembly on small throwaway notebooks (hidden cells, escaping, no code), the
check that a page loads nothing from outside, and the selection of unit-years.
"""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser

import nbformat
import pytest
from jupyter_core.paths import jupyter_data_dir
from nbformat.sign import NotebookNotary
from builders import (CLEAN_UNIT, CLEAN_YEAR, edit_small_unit, layout, print_problems, text_of,
                      write_clean)

from lkip_helpers import charts, config
from lkip_helpers.execute import sign_notebook
from lkip_helpers.html_report import (CSS_FILE, SLUG_LENGTH, Section, chapter_from_notebook,
                                      external_references, report_links, slug)
from lkip_helpers.index import today, write_index
from lkip_helpers.pipeline import REVIU_NOTEBOOK, REVIU_SUFFIX, Options
from lkip_helpers.printing import resolve_pdf
from lkip_helpers.render import render_batch
from lkip_helpers.selection import UnitYear, find_chapters, parse_years, select

SVG = "{http://www.w3.org/2000/svg}"

NOTEBOOKS = find_chapters(config.NOTEBOOKS_DIR)  # the chapters (an exploration notebook is not one)
needs_pdfinfo = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo not installed")


# -- an independent oracle of what a page would fetch ------------------------------------------
class _Fetches(HTMLParser):
    """Every URL a browser could fetch or follow from a page, written apart from the production
    check (:func:`lkip_helpers.html_report.external_references`) and wider than it: any
    attribute that may hold a URL, every token of a srcset that is not a descriptor, and every
    ``url(`` and ``@import`` in CSS (``<style>`` blocks and ``style`` attributes)."""

    ATTRIBUTES = {"src", "href", "xlink:href", "poster", "data", "action", "formaction",
                  "background", "cite", "longdesc", "manifest", "icon", "ping", "codebase",
                  "archive", "lowsrc", "dynsrc"}
    DESCRIPTOR = re.compile(r"^\d+(?:\.\d+)?[wxh]$")

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def _css(self, css: str) -> None:
        css = re.sub(r"/\*.*?\*/", " ", css, flags=re.S)  # comments fetch nothing
        self.urls += re.findall(r"""url\(\s*['"]?([^'")]*)""", css, flags=re.I)
        self.urls += re.findall(r"""@import\s*['"]([^'"]*)""", css, flags=re.I)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            value = (value or "").strip()
            if name in self.ATTRIBUTES:
                self.urls.append(value)
            elif name.endswith("srcset"):
                tokens = [t.strip(",") for t in re.split(r"\s+|(?<=\d[wxh]),", value)]
                self.urls += [t for t in tokens if t and not self.DESCRIPTOR.match(t)]
            elif name == "style":
                self._css(value)

    def handle_data(self, data):
        if self.lasttag == "style":
            self._css(data)


def _fetched(html: str) -> list[str]:
    """The URLs ``html`` would fetch that are neither in-page anchors nor ``data:`` URIs."""
    oracle = _Fetches()
    oracle.feed(html)
    oracle.close()
    return [url for url in oracle.urls if url and not url.lower().startswith(("#", "data:"))]


HOSTILE_PAGE = """<!DOCTYPE html><html><head>
<style>/* url(http://comment.example) */ @import "http://import.example/a.css";
body { background: url( 'http://css.example/bg.png' ) } i { background: url(data:image/png;base64,AA) }
</style></head><body>
<p>Text that looks like a reference: &lt;img src=&quot;http://escaped.example&quot;&gt;
url(http://text.example) @import "http://text2.example"</p>
<img alt="" srcset="http://srcset.example/a.png 1x, data:image/png;base64,AA,BB 2x">
<div style="background-image:url(http://style.example/x.png)"></div>
<video poster="http://poster.example/p.png"></video><object data="http://object.example"></object>
<a href="#bab-01">ok</a><img alt="" src="data:image/png;base64,AAAA">
</body></html>"""
HOSTILE_FETCHES = {"http://import.example/a.css", "http://css.example/bg.png",
                   "http://srcset.example/a.png", "http://style.example/x.png",
                   "http://poster.example/p.png", "http://object.example"}


def test_the_oracle_and_the_production_check_see_every_fetch_and_no_text():
    assert set(_fetched(HOSTILE_PAGE)) == HOSTILE_FETCHES
    assert set(external_references(HOSTILE_PAGE)) == HOSTILE_FETCHES


def _assert_self_contained(html: str, beside: set[str] = frozenset()) -> None:
    """``html`` fetches nothing but ``beside`` (relative links to files next to it)."""
    assert [url for url in _fetched(html) if url not in beside] == []
    assert [url for url in external_references(html) if url not in beside] == []


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """The embedded unit-year rendered (every format) with the real chapter notebooks."""
    out = tmp_path_factory.mktemp("reports")
    chromium, _ = resolve_pdf(("html", "pdf"))
    options = Options(output_dir=out, pdf_executable=chromium)
    [outcome] = render_batch([UnitYear(config.DEFAULT_UNIT, config.DEFAULT_YEAR)], options, jobs=1)
    assert outcome.ok, outcome.report()
    write_index(out)
    folder = out / config.DEFAULT_UNIT / str(config.DEFAULT_YEAR)
    stem = f"{config.DEFAULT_UNIT}-{config.DEFAULT_YEAR}"
    return {"out": out, "folder": folder, "html": (folder / f"{stem}.html").read_text("utf-8"),
            "pdf": folder / f"{stem}.pdf", "chromium": chromium,
            "reviu": (folder / f"{stem}{REVIU_SUFFIX}.html").read_text("utf-8")}


#: Wording the style guide (docs/gaya_bahasa.md) tells us to avoid: none may reach a reader.
AVOIDED = ("menelan biaya", "dengan demikian", "Menurut unit kerja", "bertingkat",
           "berkeadaan", "beban layanan", "bergeser", "dihasilkan pada", "Reviu Konsistensi",
           "Temuan reviu", "per keluaran", "kendaraan per pejabat", "aset per PNS")
#: Codes that must not stand lower-case alone in a table cell ("Belanja", "Ya", "Tidak").
LOWER_CASE_CODES = ("belanja", "pendapatan", "ya", "tidak", "program", "kegiatan")


class _Cells(HTMLParser):
    """The text of every table cell of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.mark.slow
def test_report_avoids_the_wording_the_style_guide_rules_out(rendered):
    text = text_of(rendered["html"])
    for phrase in AVOIDED:
        assert phrase not in text, phrase
    assert not re.search(r"(?<![\d.])0 (perempuan|laki-laki)", text)
    assert today() not in text  # the cover carries the report's date, not the machine's
    cells = _Cells()
    cells.feed(rendered["html"])
    assert not set(cells.cells) & set(LOWER_CASE_CODES), set(cells.cells) & set(LOWER_CASE_CODES)
    assert {"Belanja", "Ya", "Tidak"} <= set(cells.cells)


@pytest.mark.slow
def test_the_reviu_is_an_internal_page_beside_the_report(rendered):
    assert "Daftar Periksa Data" not in rendered["html"]
    assert "perlu dikoreksi" not in text_of(rendered["html"])
    page = rendered["reviu"]
    text = text_of(page)
    assert "Untuk internal unit kerja — bukan bagian laporan" in text
    assert "Daftar Periksa Data" in text and "2 perlu dikoreksi" in text
    assert "Tabel 1 Butir yang perlu dikoreksi" in text and "Perlu diperiksa" in text
    _assert_self_contained(page)
    index = (rendered["out"] / "index.html").read_text("utf-8")
    assert 'href="biro-umum-ntt/2023/biro-umum-ntt-2023-reviu.html">Reviu (internal)</a>' in index


@pytest.mark.slow
def test_include_reviu_appends_it_to_the_report_instead(tmp_path):
    options = Options(output_dir=tmp_path, formats=("html",), include_reviu=True)
    [outcome] = render_batch([UnitYear(config.DEFAULT_UNIT, config.DEFAULT_YEAR)], options, jobs=1)
    assert outcome.ok, outcome.report()
    folder = tmp_path / config.DEFAULT_UNIT / str(config.DEFAULT_YEAR)
    stem = f"{config.DEFAULT_UNIT}-{config.DEFAULT_YEAR}"
    html = (folder / f"{stem}.html").read_text("utf-8")
    assert not (folder / f"{stem}{REVIU_SUFFIX}.html").exists()
    number = len(NOTEBOOKS) + 1
    assert html.find("<h1>Daftar Periksa Data</h1>") == html.rfind("<h1>") > 0  # the last chapter
    assert f"Tabel {number}.1 Butir yang perlu dikoreksi" in text_of(html)


@pytest.mark.slow
def test_report_holds_every_chapter_title_in_order(rendered):
    titles = []
    for path in NOTEBOOKS:
        first = json.loads(path.read_text("utf-8"))["cells"][0]
        titles.append("".join(first["source"]).splitlines()[0].removeprefix("# ").strip())
    html = rendered["html"]
    positions = [html.find(f"<h1>{t}</h1>") for t in titles]
    assert -1 not in positions, dict(zip(titles, positions))
    assert positions == sorted(positions)


@pytest.mark.slow
def test_report_cover_and_figures_come_from_the_seed(rendered):
    html = rendered["html"]
    for text in ("Biro Umum Sekretariat Daerah Provinsi Nusa Tenggara Timur",
                 "George Melkianus Hadjoh, SH", "Kepala Biro Umum", "27 Februari 2024",
                 "Tahun 2023", "Rp47.214.705.470", "87,74%"):
        assert text in html, text


#: The navigation bar's links of the embedded report rendered as HTML and PDF.
NAV_LINKS = ["../../index.html", "biro-umum-ntt-2023.pdf", "biro-umum-ntt-2023.docx",
             "biro-umum-ntt-2023.xlsx"]


@pytest.mark.slow
def test_report_loads_nothing_from_outside(rendered):
    html = rendered["html"]
    _assert_self_contained(html, set(NAV_LINKS))
    assert "<script" not in html.lower()
    assert len(re.findall(r'src="data:image/(?:svg\+xml|png|jpeg);base64,', html)) >= 3
    assert "warning" not in (rendered["folder"] / "render.log").read_text("utf-8")


def _csp(html: str) -> dict[str, list[str]]:
    """The Content-Security-Policy of a page's meta tag: directive -> its sources."""
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(metas) == 1, metas
    assert html.index(metas[0]) < html.index("<style")  # before anything it governs
    policy = {}
    for directive in unescape(metas[0]).split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


@pytest.mark.slow
def test_every_page_forbids_network_loads_and_scripts(rendered):
    index = (rendered["out"] / "index.html").read_text("utf-8")
    for page in (rendered["html"], rendered["reviu"], index):
        policy = _csp(page)
        assert policy["default-src"] == ["'none'"]  # scripts, fonts, frames, fetches: none
        assert policy["style-src"] == ["'unsafe-inline'"] and policy["img-src"] == ["data:"]
        assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
        assert set(policy) == {"default-src", "style-src", "img-src", "base-uri", "form-action"}
        assert "<script" not in page.lower() and not re.search(r"<[^>]*\son[a-z]+\s*=", page)


@pytest.mark.slow
@needs_pdfinfo
def test_the_policy_still_lets_charts_print(rendered):
    if rendered["chromium"] is None:
        pytest.skip("Chromium not installed")
    listing = subprocess.run(["pdfimages", "-list", str(rendered["pdf"])], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    assert listing == []  # the charts print as vectors, not pictures
    printed = " ".join(subprocess.run(["pdftotext", str(rendered["pdf"]), "-"], capture_output=True,
                                      text=True, check=True).stdout.split())
    charts_shown = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', rendered["html"])
    assert len(charts_shown) >= 10
    for data in charts_shown:  # every text of every chart is on the PDF's pages
        svg = ET.fromstring(base64.b64decode(data))
        texts = [" ".join(" ".join(s.text or "" for s in t.iter(f"{SVG}tspan")).split())
                 for t in svg.iter(f"{SVG}text")]
        missing = [t for t in texts if t not in printed]
        assert not missing, (svg.find(f"{SVG}title").text, missing)


@pytest.mark.slow
def test_report_links_to_the_index_and_its_own_files_only_when_made(rendered):
    html = rendered["html"]
    nav = re.search(r'<nav class="navigasi" aria-label="Navigasi laporan">(.*?)</nav>', html, re.S)
    assert re.findall(r'href="([^"]+)"', nav[1]) == NAV_LINKS
    assert ">Daftar laporan</a>" in nav[1] and "Unduh:" in nav[1] and ">PDF</a>" in nav[1]
    for href in NAV_LINKS:
        assert (rendered["folder"] / href).resolve().is_file(), href


def test_report_links_follow_the_formats_written():
    facts = {"unit": "dinas-x", "tahun": 2024}
    assert report_links(facts) == [("Daftar laporan", "../../index.html")]
    assert report_links(facts, ["html", "xlsx", "pdf", "docx"])[1:] == [
        ("PDF", "dinas-x-2024.pdf"), ("Word", "dinas-x-2024.docx"), ("Excel", "dinas-x-2024.xlsx")]


def test_nav_bar_and_link_icons_are_not_printed():
    css = CSS_FILE.read_text("utf-8")
    for selector in (".navigasi", ".tautan-judul"):
        assert re.search(rf"^\{selector} \{{ display: none; \}}", css, re.M), selector
        screen = css[css.index("@media screen {", css.index(f"{selector} {{ display: none")):]
        assert re.match(rf"@media screen {{\s+\{selector} {{ display: (flex|inline-block);",
                        screen), selector


@pytest.mark.slow
def test_report_shows_no_code_and_no_parameters(rendered):
    html = rendered["html"]
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text("utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            for line in "".join(cell["source"]).splitlines():
                line = line.strip()
                if len(line) > 25 and not line.startswith("#"):
                    assert line not in html, (path.name, line)
    assert "data_dir" not in html and "injected-parameters" not in html
    assert "Traceback" not in html and "Warning" not in html


@pytest.mark.slow
def test_executed_notebooks_and_log_are_kept(rendered):
    kept = sorted(p.name for p in (rendered["folder"] / "notebooks").glob("*.ipynb"))
    assert kept == sorted([p.name for p in NOTEBOOKS] + [REVIU_NOTEBOOK])
    nb = nbformat.read(rendered["folder"] / "notebooks" / NOTEBOOKS[0].name, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and 'unit = "biro-umum-ntt"' in injected[0].source
    assert "chapter 01_" in (rendered["folder"] / "render.log").read_text("utf-8")


@pytest.mark.slow
@needs_pdfinfo
def test_pdf_is_a4_with_several_pages(rendered):
    if rendered["chromium"] is None:
        pytest.skip("Chromium not installed")
    info = subprocess.run(["pdfinfo", str(rendered["pdf"])], capture_output=True, text=True,
                          check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == (595, 842)
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 1
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(rendered["pdf"]), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert re.search(r"Halaman 2 dari \d+", text)
    assert "file://" not in text


# -- the PDF's navigation: bookmarks, Daftar Isi / Tabel / Gambar with page numbers ------------
needs_poppler = pytest.mark.skipif(
    not all(map(shutil.which, ("pdfinfo", "pdftohtml", "pdftotext"))),
    reason="poppler-utils (pdfinfo, pdftohtml, pdftotext) not installed")


def _words(text: str) -> str:
    """``text`` compared loosely: case and white space aside (poppler joins the lines of a
    long bookmark without a space)."""
    return "".join(text.split()).casefold()


class _Headings(HTMLParser):
    """(level, text) of every h1-h6 of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, str]] = []
        self._level = 0

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._level = int(tag[1])
            self.found.append((self._level, ""))

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self._level = 0

    def handle_data(self, data):
        if self._level:
            level, text = self.found[-1]
            self.found[-1] = (level, " ".join(f"{text} {data}".split()))


def _outline(pdf) -> list[tuple[int, str, int]]:
    """(depth, title, page) of every bookmark of ``pdf``, depth 1 at the top, in order."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    found, depth = [], 0
    for token in re.finditer(r'<outline>|</outline>|<item page="(\d+)">(.*?)</item>', xml, re.DOTALL):
        if token[0] == "<outline>":
            depth += 1
        elif token[0] == "</outline>":
            depth -= 1
        else:
            found.append((depth, unescape(token[2]), int(token[1])))
    return found


def _on_lines_of_its_own(title: str, page: str) -> bool:
    """``title`` fills one line of ``page`` (a page's text), or a few lines in a row."""
    lines = [_words(line) for line in page.splitlines()]
    return any("".join(lines[start:end]) == _words(title)
               for start in range(len(lines)) for end in range(start + 1, start + 4))


def _pages(pdf) -> list[str]:
    """The text of each page of ``pdf`` (index 0 = page 1), laid out as printed."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


_LEADER_LINE = re.compile(r"^(.*?)\s*(?:\.\s*){2,}(\d+)\s*$")


def _printed_list(pages: list[str], first: int, last: int) -> list[tuple[str, int]]:
    """(title, page number) of each line of a printed list on pages ``first``..``last``: a
    title (over one or more lines), a dot leader and the page number."""
    entries, pending = [], []
    for text in pages[first - 1:last]:
        pending = []  # the last page's footer is no title
        for line in text.splitlines():
            if not line.strip():
                pending = []
            elif match := _LEADER_LINE.match(line):
                entries.append((" ".join([*pending, match[1]]).strip(), int(match[2])))
                pending = []
            else:
                pending.append(line.strip())
    return entries


def _html_list(html: str, anchor: str) -> list[str]:
    """The text of each entry of the list ``<nav id=anchor>`` in the report's HTML."""
    nav = re.search(rf'<nav class="[^"]*" id="{anchor}">(.*?)</nav>', html, re.DOTALL)[1]
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", entry)).split())
            for entry in re.findall(r'<a href="#[^"]+">(.*?)</a>', nav, re.DOTALL)]


def _assert_navigable(html: str, pdf) -> dict[str, list[tuple[str, int]]]:
    """The PDF of ``html`` has a bookmark per heading, and its lists a page number per entry
    that is where the entry is; the lists (title, page) by nav id."""
    headings = _Headings()
    headings.feed(html)
    expected, open_levels = [], []  # a bookmark nests under the headings of lower level
    for level, text in headings.found:
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
        open_levels.append(level)
        expected.append((len(open_levels), _words(text)))
    outline = _outline(pdf)
    assert [(depth, _words(title)) for depth, title, _ in outline] == expected
    pages = _pages(pdf)
    for _, title, page in outline:  # the bookmark leads to the page that shows the heading
        assert _on_lines_of_its_own(title, pages[page - 1]), (title, page)
    # The lists' links lead to the top of their target's page (not where Chromium put them).
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[1:]
    listed = set(re.findall(r'<li[^>]*><a href="#([^"]+)">', html))
    assert listed <= {line.rsplit('"', 2)[-2] for line in dests}
    assert all(re.search(r"\[ XYZ\s+0\s+842 null\s+\]", line) for line in dests), dests
    tops = [(title, page) for depth, title, page in outline if depth == 1] + [("", len(pages))]
    lists = {}
    for anchor, heading in (("daftar-isi", "Daftar Isi"), ("daftar-tabel", "Daftar Tabel"),
                            ("daftar-gambar", "Daftar Gambar")):
        at = [n for n, (title, _) in enumerate(tops) if title == heading]
        if not at:
            assert f'id="{anchor}"' not in html
            continue
        first, last = tops[at[0]][1], tops[at[0] + 1][1] - 1
        printed = _printed_list(pages, first, last)
        expected = _html_list(html, anchor)
        assert [_words(title) for title, _ in printed] == [_words(e) for e in expected]
        for title, page in printed:
            assert 1 <= page <= len(pages) - 1, (title, page)
            if anchor == "daftar-isi":  # a heading: on lines of its own on that page
                assert _on_lines_of_its_own(title, pages[page - 1]), (title, page)
            else:  # a caption: somewhere on that page
                assert _words(title) in _words(pages[page - 1]), (title, page)
        lists[anchor] = printed
    return lists


@pytest.mark.slow
@needs_poppler
def test_pdf_has_bookmarks_and_lists_with_the_pages_where_things_are(rendered):
    if rendered["chromium"] is None:
        pytest.skip("Chromium not installed")
    lists = _assert_navigable(rendered["html"], rendered["pdf"])
    top = [title for depth, title, _ in _outline(rendered["pdf"]) if depth == 1]
    assert top[1:] == ["Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Gambar",
                       "Ikhtisar Eksekutif", "Bab I Pendahuluan", "Bab II Perencanaan Kinerja",
                       "Bab III Akuntabilitas Kinerja", "Bab IV Penutup", "Lampiran"]
    assert [t for d, t, _ in _outline(rendered["pdf"]) if d == 2][:2] == [
        "A. Latar Belakang", "B. Maksud"]
    assert [t for t, _ in lists["daftar-isi"]][:12] == [  # the ### headings listed too
        "Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Gambar", "Ikhtisar Eksekutif",
        "Bab I Pendahuluan", "A. Latar Belakang", "Dasar Hukum", "Tugas dan Fungsi",
        "Struktur Organisasi", "Sumber Daya Manusia", "B. Maksud"]
    # Every numbered table and figure caption of the report is listed, in order.
    captions = [" ".join(unescape(c).split()) for c in re.findall(
        r"<caption[^>]*>(Tabel [^<]*)</caption>", rendered["html"])]
    assert len(captions) >= 15 and [c.split()[1] for c in captions][:9] == [
        "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1"]
    assert [_words(t) for t, _ in lists["daftar-tabel"]] == list(map(_words, captions))
    figures = re.findall(r"<figcaption[^>]*>(Gambar [^<]*)</figcaption>", rendered["html"])
    assert [_words(t) for t, _ in lists["daftar-gambar"]] == [_words(unescape(f)) for f in figures]
    # The screen's HTML links every entry and shows no page number.
    assert '<span class="halaman" aria-hidden="true"></span>' in rendered["html"]
    assert not re.search(r'<span class="halaman">\d', rendered["html"])
    assert "2 passes" in (rendered["folder"] / "render.log").read_text("utf-8")


@pytest.mark.slow
@needs_poppler
def test_a_small_unit_year_gets_the_same_navigable_pdf(tmp_path):
    write_clean(tmp_path / "data", edit_small_unit)
    chromium, _ = resolve_pdf(("html", "pdf"))
    if chromium is None:
        pytest.skip("Chromium not installed")
    options = Options(data_dir=tmp_path / "data", output_dir=tmp_path / "out",
                      pdf_executable=chromium)
    [outcome] = render_batch([UnitYear(CLEAN_UNIT, CLEAN_YEAR)], options, jobs=1)
    assert outcome.ok, outcome.report()
    folder = tmp_path / "out" / CLEAN_UNIT / str(CLEAN_YEAR)
    html = (folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.html").read_text("utf-8")
    lists = _assert_navigable(html, folder / f"{CLEAN_UNIT}-{CLEAN_YEAR}.pdf")
    assert len(lists["daftar-isi"]) > 10 and lists["daftar-tabel"]
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []  # no pass left


@pytest.mark.slow
def test_index_lists_the_unit_year_with_headline_figures(rendered):
    index = (rendered["out"] / "index.html").read_text("utf-8")
    for text in ("Biro Umum Sekretariat Daerah Provinsi Nusa Tenggara Timur", "100,00%",
                 "Sangat Berhasil", "87,74%", 'href="biro-umum-ntt/2023/biro-umum-ntt-2023.html"'):
        assert text in index, text
    beside = {str(p.relative_to(rendered["out"])) for p in rendered["folder"].iterdir()
              if p.suffix in (".html", ".pdf", ".docx", ".xlsx")}
    assert "biro-umum-ntt/2023/biro-umum-ntt-2023.html" in beside
    _assert_self_contained(index, beside)


# -- assembly on throwaway notebooks -----------------------------------------------------------
def _chapter(title: str, *code: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    params = nbformat.v4.new_code_cell('unit = "x"\nyear = 2000\ndata_dir = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}"), params,
                *(nbformat.v4.new_code_cell(c) for c in code)]
    return nb


@pytest.fixture
def tmp_notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(_chapter(
        "Bab <Satu>",
        "from IPython.display import display, Markdown\n"
        "display({'text/html': '<table><tr><td>Rp1.000</td></tr></table>', 'text/plain': 't'},"
        " raw=True)\n"
        "display(Markdown('Unit **' + unit + '** <script>alert(1)</script>'))",
        "import sys; print('kebisingan', file=sys.stderr)",
    ), folder / "01_satu.ipynb")
    nbformat.write(_chapter(
        "Bab Dua",
        "import matplotlib\nmatplotlib.use('module://matplotlib_inline.backend_inline')\n"
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(); ax.plot([1, 2]); plt.show()",
        "secret_variable_name = 42",
    ), folder / "02_dua.ipynb")
    nbformat.write(_chapter("Bukan bab"), folder / "catatan.ipynb")  # not NN_slug: ignored
    return folder


@pytest.mark.slow
def test_throwaway_notebooks_render_to_one_clean_html(tmp_path, tmp_notebooks, workbook_copy):
    data_dir = workbook_copy(unit="unit-uji").parents[2]
    options = Options(data_dir=data_dir, notebooks_dir=tmp_notebooks,
                      output_dir=tmp_path / "out", formats=("html",))
    [outcome] = render_batch([UnitYear("unit-uji", 2023)], options, jobs=1)
    assert outcome.ok, outcome.report()
    folder = tmp_path / "out" / "unit-uji" / "2023"
    html = (folder / "unit-uji-2023.html").read_text("utf-8")
    assert "<h1>Bab &lt;Satu&gt;</h1>" in html and "<h1>Bab Dua</h1>" in html
    assert re.findall(r'<nav class="navigasi".*?</nav>', html, re.S)[0].count("href=") == 1
    assert "Bukan bab" not in html
    assert "<td>Rp1.000</td>" in html
    assert "Unit <strong>unit-uji</strong> &lt;script&gt;" in html  # narrative escaped
    assert "<script" not in html
    assert "kebisingan" not in html and "kebisingan" in (folder / "render.log").read_text()
    assert "secret_variable_name" not in html and 'unit = "x"' not in html
    assert html.count('src="data:image/png;base64,') == 1
    _assert_self_contained(html, {"../../index.html"})  # no PDF made: no link to one
    assert sorted(p.name for p in (folder / "notebooks").iterdir()) == ["01_satu.ipynb",
                                                                        "02_dua.ipynb"]
    assert not (folder / "unit-uji-2023.pdf").exists()


# -- choosing unit-years -----------------------------------------------------------------------
def test_parse_years_accepts_single_list_and_range():
    assert parse_years("2023") == [2023]
    assert parse_years("2023,2021") == [2021, 2023]
    assert parse_years("2021-2023") == [2021, 2022, 2023]
    with pytest.raises(config.InvalidName):
        parse_years("2023-2021")
    with pytest.raises(config.InvalidName):
        parse_years("../2023")


def test_select_defaults_to_the_embedded_unit_year_and_refuses_escapes(tmp_path):
    assert select(None, None, False, config.DATA_DIR) == [UnitYear("biro-umum-ntt", 2023)]
    assert select("biro-umum-ntt", None, False, config.DATA_DIR) == [UnitYear("biro-umum-ntt", 2023)]
    assert select("a,b", "2021-2022", False, tmp_path) == [
        UnitYear("a", 2021), UnitYear("a", 2022), UnitYear("b", 2021), UnitYear("b", 2022)]
    (tmp_path / "x" / "2022").mkdir(parents=True)
    (tmp_path / "x" / "2022" / config.WORKBOOK_NAME).write_bytes(b"")
    (tmp_path / "Bad Name" / "2022").mkdir(parents=True)
    (tmp_path / "Bad Name" / "2022" / config.WORKBOOK_NAME).write_bytes(b"")
    assert select(None, None, True, tmp_path) == [UnitYear("x", 2022)]
    with pytest.raises(config.InvalidName):
        select("../etc", "2023", False, tmp_path)


# -- headings: ids, link icons, the Daftar Isi's sections -------------------------------------
def _headed(*markdown: str) -> nbformat.NotebookNode:
    nb = _chapter("Bab Uji")
    for text in markdown:
        nb.cells.append(nbformat.v4.new_markdown_cell(text))
        nb.cells.append(nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": "<p>isi</p>", "text/plain": "isi"})]))
    return nb


def test_section_headings_get_stable_ids_link_icons_and_contents_entries():
    nb = _headed("## A. Latar Belakang", "### Dasar Hukum", "#### Rincian <b>&</b> catatan",
                 "### Dasar Hukum", "## مرحبا")
    chapter = chapter_from_notebook(nb, "bab-01_uji", "01_uji")
    body = str(chapter.body)
    assert chapter.sections == (
        Section("bab-01_uji-a-latar-belakang", "A. Latar Belakang", 2),
        Section("bab-01_uji-dasar-hukum", "Dasar Hukum", 3),
        Section("bab-01_uji-dasar-hukum-2", "Dasar Hukum", 3),
        Section("bab-01_uji-bagian", "مرحبا", 2))
    assert ('<h2 id="bab-01_uji-a-latar-belakang">A. Latar Belakang<a class="tautan-judul" '
            'href="#bab-01_uji-a-latar-belakang" aria-label="Tautan ke bagian ini: '
            'A. Latar Belakang"></a></h2>') in body
    assert '<h4 id="bab-01_uji-rincian-catatan">' in body  # h4: an id and a link, no entry
    assert 'aria-label="Tautan ke bagian ini: Rincian &amp; catatan"' in body
    ids = re.findall(r'<h[234] id="([^"]+)"', body)
    assert len(ids) == len(set(ids)) == 5
    assert set(re.findall(r'class="tautan-judul" href="#([^"]+)"', body)) == set(ids)
    assert "#</a>" not in body and ">#<" not in body  # the mark is the stylesheet's, not text
    # the same notebook gives the same ids: nothing depends on cell positions
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("Pengantar bab."))
    assert chapter_from_notebook(nb, "bab-01_uji", "01_uji").sections == chapter.sections


def test_slugs_are_short_ascii_and_never_empty_in_an_id():
    assert slug("C. Isu Strategis (2023)") == "c-isu-strategis-2023"
    assert slug("Évaluasi ✓ kinerja") == "evaluasi-kinerja"
    assert slug("x" * 400) == "x" * SLUG_LENGTH
    assert slug("مرحبا 😀") == ""


def test_link_icons_show_on_hover_and_focus():
    css = CSS_FILE.read_text("utf-8")
    assert '.tautan-judul::before { content: "#"; }' in css
    assert ".tautan-judul:focus { opacity: 1; }" in css.replace("\n  ", " ")


# -- on a phone, on a desktop, on paper -------------------------------------------------------
def test_the_stylesheet_has_the_rules_small_screens_rely_on():
    css = CSS_FILE.read_text("utf-8")
    screen = css[css.index("/* Screen only: tables."):css.index("/* Screen only: the navigation")]
    assert "@media screen {" in screen
    assert ".keluaran tr > :first-child { position: sticky; left: 0;" in screen  # first column
    assert "no-repeat local" in screen and "no-repeat scroll" in screen  # the shadow cue
    assert "td.teks-panjang { min-width: min(14em, 40vw); }" in screen
    assert "caption { position: sticky; left: 0; max-width: 100cqw; }" in screen
    assert "margin-right: min(0px, calc((100% - 100vw) / 2 + 1rem));" in screen  # wide screens
    phone = css[css.index("@media (max-width: 40rem) {"):]
    assert ".ringkasan, .ringkasan tbody, .ringkasan tr, .ringkasan td { display: block; }" in phone
    assert "overflow-wrap: break-word" in css[:css.index("}", css.index("body {"))]


def _chart_text_px(shown_width: float) -> float:
    """The smallest chart text (CSS px) when a chart is shown ``shown_width`` px wide."""
    return charts.HURUF_TERKECIL * 4 / 3 * shown_width / charts.LEBAR_LAYAR


@pytest.mark.slow
def test_on_a_390_px_phone_every_table_is_readable_and_charts_text_is_11_px(rendered):
    if rendered["chromium"] is None:
        pytest.skip("Chromium not installed")
    page = layout(rendered["chromium"], rendered["folder"] / "biro-umum-ntt-2023.html", 390)
    assert page["width"] == 390  # the page itself never scrolls sideways
    assert len(page["tables"]) >= 18
    for table in page["tables"]:
        assert table["caption_right"] <= 390, table  # the caption wraps within the screen
        if table["content"] > table["box"]:  # scrolls: first column kept, more columns shown
            assert table["first_column"] == "sticky", table
            assert "local" in table["cue"] and "scroll" in table["cue"], table
    assert len(page["charts"]) >= 3
    assert min(map(_chart_text_px, page["charts"])) >= 11, page["charts"]
    nav = [link["href"] for link in page["links"] if link["bottom"] <= 844]
    assert nav[:len(NAV_LINKS)] == NAV_LINKS  # the navigation bar first


@pytest.mark.slow
def test_at_1280_px_no_table_is_cut(rendered):
    if rendered["chromium"] is None:
        pytest.skip("Chromium not installed")
    page = layout(rendered["chromium"], rendered["folder"] / "biro-umum-ntt-2023.html", 1280)
    assert page["width"] <= 1280
    assert [t["caption"] for t in page["tables"] if t["content"] > t["box"]] == []
    assert set(page["charts"]) == {charts.LEBAR_LAYAR}  # at their natural size


@pytest.mark.slow
def test_the_index_on_a_phone_shows_each_unit_and_its_links_first(rendered):
    if rendered["chromium"] is None:
        pytest.skip("Chromium not installed")
    page = layout(rendered["chromium"], rendered["out"] / "index.html", 390)
    assert page["width"] == 390
    links = {link["href"]: link for link in page["links"]}
    for suffix in (".html", ".pdf", "-reviu.html"):
        link = links[f"biro-umum-ntt/2023/biro-umum-ntt-2023{suffix}"]
        assert link["bottom"] < 400 and link["right"] <= 390, link  # above the fold, on screen
    index = (rendered["out"] / "index.html").read_text("utf-8")
    row = index[index.index("<tbody>"):]
    assert row.index('class="unit"') < row.index('class="tautan"') < row.index("Capaian")


@pytest.mark.slow
@needs_pdfinfo
def test_the_pdf_is_printed_at_full_size_with_every_table_inside_the_page(rendered):
    if rendered["chromium"] is None:
        pytest.skip("Chromium not installed")
    assert print_problems(rendered["pdf"]) == []


# -- executed notebooks open trusted -----------------------------------------------------------
@pytest.mark.slow
def test_kept_notebooks_are_signed_so_jupyter_trusts_them(rendered):
    kept = sorted((rendered["folder"] / "notebooks").glob("*.ipynb"))
    assert len(kept) == len(NOTEBOOKS) + 1
    with NotebookNotary(data_dir=jupyter_data_dir()) as notary:
        for path in kept:
            assert notary.check_signature(nbformat.read(path, as_version=4)), path.name
    assert "not signed" not in (rendered["folder"] / "render.log").read_text("utf-8")


def test_a_signature_is_checked_against_the_content(tmp_path):
    nb = _chapter("Bab Uji")
    assert sign_notebook(nb, str(tmp_path)) == ""
    with NotebookNotary(data_dir=str(tmp_path)) as notary:
        assert notary.check_signature(nb)
        nb.cells.append(nbformat.v4.new_markdown_cell("diubah"))
        assert not notary.check_signature(nb)  # changed afterwards: no longer trusted


def test_a_database_that_cannot_be_opened_is_left_alone(tmp_path):
    damaged = tmp_path / "nbsignatures.db"
    damaged.write_bytes(b"bukan basis data SQLite " * 100)
    reason = sign_notebook(_chapter("Bab Uji"), str(tmp_path))
    assert reason.startswith("DatabaseError")  # said in render.log; the render goes on
    assert damaged.read_bytes() == b"bukan basis data SQLite " * 100  # not moved aside
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nbsignatures.db"]


def test_the_offline_check_reads_markup_not_text():
    page = ('<h2 id="a">Lihat http://contoh.invalid/x<a class="tautan-judul" href="#a" '
            'aria-label="Tautan ke bagian ini: http://contoh.invalid/x"></a></h2>'
            '<p title="http://contoh.invalid/t">&lt;a href=&quot;http://contoh.invalid/e&quot;&gt;'
            ' url(http://contoh.invalid/u) @import "http://contoh.invalid/i"</p>'
            '<pre class="teks">&lt;img src="http://contoh.invalid/p"&gt;</pre>'
            '<img alt="http://contoh.invalid/alt" src="data:image/png;base64,AAAA">'
            '<a href="../../index.html">Daftar laporan</a><a href="x-2024.pdf">PDF</a>')
    assert external_references(page) == ["../../index.html", "x-2024.pdf"]
    assert external_references(page, ["../../index.html", "x-2024.pdf"]) == []
