"""The render pipeline: the embedded unit-year rendered once per session, checked like a reader would.

Also the HTML assembly on small throwaway notebooks (hidden cells, escaping, no code), the
check that a page loads nothing from outside, and the selection of unit-years.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser

import nbformat
import pytest
from builders import CLEAN_UNIT, CLEAN_YEAR, edit_small_unit, text_of, write_clean

from lkip_helpers import config
from lkip_helpers.html_report import external_references
from lkip_helpers.index import today, write_index
from lkip_helpers.pipeline import REVIU_NOTEBOOK, REVIU_SUFFIX, Options
from lkip_helpers.printing import resolve_pdf
from lkip_helpers.render import render_batch
from lkip_helpers.selection import UnitYear, find_chapters, parse_years, select

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
    """The embedded unit-year rendered (HTML + PDF) with the real chapter notebooks."""
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


@pytest.mark.slow
def test_report_loads_nothing_from_outside(rendered):
    html = rendered["html"]
    _assert_self_contained(html)
    assert "<script" not in html.lower()
    assert len(re.findall(r'src="data:image/(?:png|jpeg);base64,', html)) >= 3


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
    assert [t for t, _ in lists["daftar-isi"]][:8] == [
        "Kata Pengantar", "Daftar Isi", "Daftar Tabel", "Daftar Gambar", "Ikhtisar Eksekutif",
        "Bab I Pendahuluan", "A. Latar Belakang", "B. Maksud"]
    # Every numbered table and figure caption of the report is listed, in order.
    captions = [" ".join(unescape(c).split()) for c in re.findall(
        r"<caption[^>]*>(Tabel [^<]*)</caption>", rendered["html"])]
    assert len(captions) >= 15 and "Tabel 3.1 Target, realisasi dan capaian indikator kinerja " \
        "tahun 2023" in captions
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
              if p.suffix in (".html", ".pdf")}
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
    assert "Bukan bab" not in html
    assert "<td>Rp1.000</td>" in html
    assert "Unit <strong>unit-uji</strong> &lt;script&gt;" in html  # narrative escaped
    assert "<script" not in html
    assert "kebisingan" not in html and "kebisingan" in (folder / "render.log").read_text()
    assert "secret_variable_name" not in html and 'unit = "x"' not in html
    assert html.count('src="data:image/png;base64,') == 1
    _assert_self_contained(html)
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
