"""Assemble executed chapter notebooks into ONE self-contained HTML report, and the index page.

The report is written with our own Jinja2 templates (``templates/report.html.j2``,
``templates/index.html.j2``) instead of nbconvert's, whose templates load require.js, MathJax
and mermaid from a CDN: here the CSS is inlined, images are ``data:`` URIs and nothing is
fetched. Code cells show only their outputs; cells tagged ``parameters`` or
``injected-parameters`` (see :data:`HIDDEN_TAGS`) and stderr streams are
left out. Text from the data is escaped by Jinja2's autoescape (cover, index) or by the helper
that produced the output (tables, narrative: see :mod:`lkip_helpers.chapter`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from html import unescape
from html.parser import HTMLParser
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, NamedTuple

import jinja2
import mistune
from markupsafe import Markup, escape

from .i18n import _

#: Cell tags whose cells (and outputs) never reach the reader. Defined here, not in
#: :mod:`lkip_helpers.execute`, because the kernel imports this module (:func:`report_facts`)
#: and should not pay for nbformat, jupyter_client and papermill.
HIDDEN_TAGS = frozenset({"parameters", "injected-parameters", "remove-cell", "remove_cell"})

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
CSS_FILE = TEMPLATES_DIR / "report.css"

# Authored Markdown cells may hold HTML; Markdown produced from data (text/markdown outputs)
# may not, so its raw HTML is escaped.
_MARKDOWN_CELL = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])
_MARKDOWN_OUTPUT = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])

#: The Content-Security-Policy of every page (a ``<meta>`` tag in its head): the browser loads
#: nothing from the network or from files, runs no script, and allows only the page's own
#: inline styles and ``data:`` images. Following a link (to the index, the PDF) is no load.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                           "base-uri 'none'; form-action 'none'")
#: The files beside a report that it links to when they were made: (suffix, label).
REPORT_FILES = (("pdf", "PDF"), ("docx", "Word"), ("xlsx", "Excel"))
#: Where the index page is, seen from a report (``reports/<unit>/<year>/``).
INDEX_FROM_REPORT = "../../index.html"

#: Attributes whose value is one URL the browser may fetch or follow.
URL_ATTRIBUTES = frozenset({"src", "href", "xlink:href", "poster", "data", "action",
                            "formaction", "background", "manifest", "icon", "longdesc"})
#: CSS that fetches: ``url(...)`` and ``@import "..."`` (comments removed first).
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


class Section(NamedTuple):
    """A heading of a chapter listed in the Daftar Isi: its id, its text and its level
    (2 for ``##``, 3 for ``###``)."""

    anchor: str
    title: str
    level: int


#: The heading levels listed in the Daftar Isi (h4 and deeper only get an id and a link).
CONTENTS_LEVELS = (2, 3)


@dataclass(frozen=True)
class Chapter:
    """One chapter of the report: its anchor, title and body HTML (outputs only).

    ``sections``: the :class:`Section` (anchor, title, level) of each ``##`` and ``###``
    heading the report shows, in order, for the Daftar Isi (Bab I, A. Latar Belakang, Dasar
    Hukum ...); ``items``: what the body shows, as :func:`visible_items` found it (the Word
    and Excel exports read these).
    """

    anchor: str
    title: str
    body: Markup
    sections: tuple[Section, ...] = ()
    items: tuple["Item", ...] = ()


def chapter_title(nb: Any, fallback: str) -> str:
    """The title of a chapter: the ``# Title`` heading of its first (markdown) cell."""
    if nb.cells and nb.cells[0].cell_type == "markdown":
        for line in nb.cells[0].source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return fallback


#: The MIME types of an output that a reader can be shown, in the order they are preferred.
SHOWN_MIME = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown",
              "text/plain")


def output_shown(output: Any) -> bool:
    """Does the reader see this code-cell output? Text written to stdout, and displayed data
    of a kind in :data:`SHOWN_MIME`; never stderr, and never an error (a failed chapter fails
    the render)."""
    kind = output.get("output_type")
    if kind == "stream":
        return output.get("name") == "stdout" and bool(output.get("text", "").strip())
    return (kind in ("display_data", "execute_result")
            and any(mime in output.get("data", {}) for mime in SHOWN_MIME))


def _output_html(output: Any) -> str | None:
    """HTML for one code-cell output, or None when the reader should not see it."""
    if not output_shown(output):
        return None
    if output.get("output_type") == "stream":
        return f'<pre class="teks">{escape(output["text"])}</pre>'
    data = output.get("data", {})
    if "text/html" in data:
        return f'<div class="keluaran">{data["text/html"]}</div>'
    if "image/svg+xml" in data:
        return f'<figure class="gambar">{data["image/svg+xml"]}</figure>'
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            payload = str(data[mime]).replace("\n", "")
            return f'<figure class="gambar"><img alt="" src="data:{mime};base64,{payload}"></figure>'
    if "text/markdown" in data:
        return f'<div class="narasi">{_MARKDOWN_OUTPUT(data["text/markdown"])}</div>'
    if "text/plain" in data:
        return f'<pre class="teks">{escape(data["text/plain"])}</pre>'
    return None


_HEADING_ONLY = re.compile(r"^\s*(#{2,6})\s+\S.*$")


def _heading_level(source: str) -> int | None:
    """The level of a markdown cell that is nothing but one heading (``## Tren``), else None."""
    lines = [line for line in source.splitlines() if line.strip()]
    match = _HEADING_ONLY.match(lines[0]) if len(lines) == 1 else None
    return len(match[1]) if match else None


def _without_empty_sections(parts: list[tuple[int | None, Any]]) -> list[Any]:
    """Drop every heading followed by nothing but deeper-or-equal headings: a section with no
    data is left out of the report (the summary lists such sections once). ``parts``: (heading
    level or None, part)."""
    kept: list[tuple[int | None, Any]] = []
    for level, part in reversed(parts):
        if level is not None:
            following = kept[-1][0] if kept else 0
            if not kept or (following is not None and following <= level):
                continue  # nothing under this heading before the next one of its rank
        kept.append((level, part))
    return [part for _, part in reversed(kept)]


@dataclass(frozen=True)
class Item:
    """One thing of an executed notebook that the reader sees: a markdown cell (``markdown``:
    its source; ``level``: its heading level when it is nothing but one heading) or a
    code-cell output (``output``). ``cell``: the cell's index in the notebook."""

    cell: int
    markdown: str | None = None
    level: int | None = None
    output: Any = None


def visible_items(nb: Any) -> list[Item]:
    """What the reader sees of an executed notebook, in order, for every format (HTML, Word,
    Excel): markdown cells and shown outputs (:func:`output_shown`) of cells not tagged
    :data:`HIDDEN_TAGS`, without the chapter's ``# Title`` line (see :func:`chapter_title`)
    and without the headings of sections that show nothing."""
    parts: list[tuple[int | None, Item]] = []
    for index, cell in enumerate(nb.cells):
        if HIDDEN_TAGS.intersection(cell.metadata.get("tags", [])):
            continue
        if cell.cell_type == "markdown":
            source = cell.source
            if index == 0:  # the title: shown apart
                source = "\n".join(l for l in source.splitlines() if not l.startswith("# "))
            if source.strip():
                level = _heading_level(source)
                parts.append((level, Item(index, markdown=source, level=level)))
        elif cell.cell_type == "code":
            parts.extend((None, Item(index, output=output))
                         for output in cell.get("outputs", []) if output_shown(output))
    return _without_empty_sections(parts)


_HEADING = re.compile(r"<h([234])>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
#: Longest slug of a heading's id (a heading from the data may be a long text).
SLUG_LENGTH = 60


def slug(text: str) -> str:
    """``text`` as an id fragment: ASCII letters and digits, lower case, joined by hyphens
    ("A. Latar Belakang" -> "a-latar-belakang"); at most :data:`SLUG_LENGTH` characters;
    "" when nothing is left (a heading in Arabic script)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:SLUG_LENGTH].strip("-")


def heading_link(anchor: str, title: str) -> str:
    """The link icon of a heading: an empty link to the heading itself, its visible mark
    drawn by the stylesheet (on screen only) and its accessible name in Indonesian."""
    label = _("Link to this section: {title}", "id").format(title=title)
    return (f'<a class="tautan-judul" href="#{anchor}" '
            f'aria-label="{escape(label)}"></a>')


def _anchored(body: str, prefix: str) -> tuple[str, list[Section]]:
    """``body`` with every ``<h2>``, ``<h3>`` and ``<h4>`` given an id (``prefix`` and the slug
    of its text, numbered when repeated) and a link icon; the headings for the Daftar Isi."""
    sections: list[Section] = []
    used: set[str] = set()

    def anchor(match: re.Match) -> str:
        level, inner = int(match[1]), match[2]
        title = " ".join(unescape(_TAG.sub("", inner)).split())
        ident = _unique(f"{prefix}-{slug(title) or 'bagian'}", used)
        if level in CONTENTS_LEVELS:
            sections.append(Section(ident, title, level))
        return f'<h{level} id="{ident}">{inner}{heading_link(ident, title)}</h{level}>'

    return _HEADING.sub(anchor, body), sections


def chapter_from_notebook(nb: Any, anchor: str, fallback_title: str) -> Chapter:
    """The reader's view of an executed notebook: markdown and outputs, no code, no prompts.

    Headings with nothing under them (a section whose data is missing) are left out; the
    ``##``, ``###`` and ``####`` headings that remain get stable ids (the chapter's anchor and
    the heading's text, :func:`slug`) and a link icon, and the ``##`` and ``###`` ones are
    listed in ``sections``.
    """
    title = chapter_title(nb, fallback_title)
    parts: list[str] = []
    items = visible_items(nb)
    for item in items:
        if item.markdown is None:
            parts.append(_output_html(item.output))
            continue
        parts.append(f'<div class="narasi">{_MARKDOWN_CELL(item.markdown)}</div>')
    body, sections = _anchored("\n".join(parts), anchor)
    return Chapter(anchor=anchor, title=title, body=Markup(body), sections=tuple(sections),
                   items=tuple(items))


# -- Daftar Isi, Daftar Tabel, Daftar Gambar ----------------------------------------------------
#: A numbered caption, "Tabel 3.1 Target ..." or "Gambar L.1 Jumlah ...": kind, number, title.
#: Unnumbered ones (the front matter's summary table) are not listed.
_NUMBERED = re.compile(r"(Tabel|Gambar)\s+([0-9A-Z]{1,3}(?:\.[0-9]+)+|[0-9]+)\s+(\S.*)", re.DOTALL)
_CAPTION = re.compile(r"<caption(\s[^>]*)?>(.*?)</caption>", re.DOTALL)
_FIGCAPTION = re.compile(r"<figcaption(?:\s[^>]*)?>(.*?)</figcaption>", re.DOTALL)
_ID = re.compile(r"""\sid\s*=\s*["']?([^"'\s>]+)""")
#: The front matter the Daftar Isi lists before the chapters (ids in the templates).
FRONT_MATTER = (("kata-pengantar", "Kata Pengantar"), ("daftar-isi", "Daftar Isi"))


@dataclass(frozen=True)
class Entry:
    """One line of the Daftar Tabel or Daftar Gambar: where it links (the table's caption, the
    figure), its number ("Tabel 3.1") and its title."""

    anchor: str
    number: str
    title: str


@dataclass(frozen=True)
class Contents:
    """What the report shows and the lists before its chapters.

    ``chapters``: the chapters shown, their numbered table captions and figures given ids;
    ``front``: (anchor, title) of the front matter the Daftar Isi lists (Kata Pengantar,
    Daftar Isi, and Daftar Tabel / Daftar Gambar when there is a table / figure to list);
    ``tables`` and ``figures``: the Daftar Tabel and the Daftar Gambar.
    """

    chapters: tuple[Chapter, ...]
    front: tuple[tuple[str, str], ...]
    tables: tuple[Entry, ...]
    figures: tuple[Entry, ...]

    def anchors(self) -> list[str]:
        """Every anchor the three lists link to, in the order they list them: the targets
        whose pages the printed lists show (see :mod:`lkip_helpers.pagination`)."""
        anchors = [anchor for anchor, _ in self.front]
        for chapter in self.chapters:
            anchors += [chapter.anchor, *(section.anchor for section in chapter.sections)]
        return anchors + [entry.anchor for entry in (*self.tables, *self.figures)]


def _caption_text(html: str) -> str:
    return " ".join(unescape(_TAG.sub("", html)).split())


def _unique(anchor: str, taken: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in taken:
        n += 1
        candidate = f"{anchor}-{n}"
    taken.add(candidate)
    return candidate


def _anchored_captions(body: str, taken: set[str]) -> tuple[str, list[Entry], list[Entry]]:
    """``body`` with an id on every numbered table caption (``<caption id="tabel-3-1">``) and
    numbered figure (``<figure id="gambar-3-1">``), and the entries listing them. An id
    already there is kept."""
    tables: list[Entry] = []

    def table(match: re.Match) -> str:
        attributes, inner = match[1] or "", match[2]
        numbered = _NUMBERED.fullmatch(_caption_text(inner))
        if not numbered or numbered[1] != "Tabel":
            return match[0]
        own = _ID.search(attributes)
        anchor = own[1] if own else _unique(f"tabel-{numbered[2].lower().replace('.', '-')}",
                                            taken)
        tables.append(Entry(anchor, f"Tabel {numbered[2]}", numbered[3]))
        return match[0] if own else f'<caption id="{anchor}"{attributes}>{inner}</caption>'

    body = _CAPTION.sub(table, body)
    figures: list[Entry] = []
    pieces, done = [], 0
    for match in _FIGCAPTION.finditer(body):
        numbered = _NUMBERED.fullmatch(_caption_text(match[1]))
        start = body.rfind("<figure", done, match.start())
        if not numbered or numbered[1] != "Gambar" or start < 0 \
                or "</figure>" in body[start:match.start()]:
            continue
        tag_end = body.index(">", start)
        own = _ID.search(body[start:tag_end])
        anchor = own[1] if own else _unique(
            f"gambar-{numbered[2].lower().replace('.', '-')}", taken)
        figures.append(Entry(anchor, f"Gambar {numbered[2]}", numbered[3]))
        if not own:
            pieces += [body[done:start], f'<figure id="{anchor}"']
            done = start + len("<figure")
    pieces.append(body[done:])
    return "".join(pieces), tables, figures


def report_contents(chapters: Iterable[Chapter], foreword: bool = True) -> Contents:
    """The chapters a report shows (not the empty ones), their numbered tables and figures
    given ids, and the entries of the Daftar Isi, Daftar Tabel and Daftar Gambar.
    ``foreword``: the report has a Kata Pengantar (a roll-up has none: :func:`has_foreword`)."""
    shown = shown_chapters(chapters)
    taken = {anchor for anchor, _ in FRONT_MATTER} | {"daftar-tabel", "daftar-gambar"}
    taken |= {c.anchor for c in shown} | {s.anchor for c in shown for s in c.sections}
    anchored, tables, figures = [], [], []
    for chapter in shown:
        body, its_tables, its_figures = _anchored_captions(str(chapter.body), taken)
        anchored.append(replace(chapter, body=Markup(body)))
        tables += its_tables
        figures += its_figures
    front = [entry for entry in FRONT_MATTER if foreword or entry[0] != "kata-pengantar"]
    if tables:
        front.append(("daftar-tabel", "Daftar Tabel"))
    if figures:
        front.append(("daftar-gambar", "Daftar Gambar"))
    return Contents(tuple(anchored), tuple(front), tuple(tables), tuple(figures))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.globals["csp"] = CONTENT_SECURITY_POLICY
    return env


def compile_templates() -> None:
    """Compile the report's and the reviu page's templates now (about 0.3 s), so that the
    first report of a process does not wait for it (:func:`lkip_helpers.pipeline.warm_imports`
    calls it beside the kernels' start)."""
    for name in ("report.html.j2", "reviu.html.j2"):
        _environment().get_template(name)


def _css() -> Markup:
    return Markup(CSS_FILE.read_text(encoding="utf-8"))


#: ``facts["jenis"]`` of a local government's roll-up (:func:`rekap_facts`); a unit-year's
#: facts have no ``jenis``.
REKAP = "rekap"


def has_foreword(facts: dict[str, Any]) -> bool:
    """Whether the report opens with a Kata Pengantar: a unit-year's does (signed by its
    head), a roll-up's does not."""
    return facts.get("jenis") != REKAP


def short_title(facts: dict[str, Any], separator: str = "·") -> str:
    """The report in one line, for page footers and document titles: "LKIP 2023 · <unit>",
    "Rekapitulasi LKIP 2024 · <local government>"."""
    kind = "Rekapitulasi LKIP" if facts.get("jenis") == REKAP else "LKIP"
    return f"{kind} {facts.get('tahun', '')} {separator} {facts.get('nama_unit', '')}"


def report_links(facts: dict[str, Any], suffixes: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The links of a report's navigation bar: (label, href) of the index, then of each file
    of the unit-year beside the report among ``suffixes`` ("pdf", "docx", "xlsx": the formats
    the pipeline writes), in the order of :data:`REPORT_FILES`."""
    stem = facts.get("stem") or f"{facts['unit']}-{facts['tahun']}"
    made = set(suffixes)
    return [(_("All reports", "id"), facts.get("ke_indeks") or INDEX_FROM_REPORT),
            *((label, f"{stem}.{suffix}") for suffix, label in REPORT_FILES if suffix in made)]


def render_report(facts: dict[str, Any], chapters: Iterable[Chapter],
                  pages: dict[str, int] | None = None, files: Iterable[str] = ()) -> str:
    """The whole report: navigation bar, cover (from ``facts``, see :func:`report_facts`),
    contents, chapters.

    The cover shows the report's own date (``profil.tanggal_laporan``), never the day it was
    rendered. A chapter with nothing to show (no data for any of its sections) is left out.
    ``pages``: the PDF page of each anchor the Daftar Isi, Daftar Tabel and Daftar Gambar
    list (:meth:`Contents.anchors`), shown in print; None: no page numbers. ``files``: the
    suffixes of the files written beside the report ("pdf", "docx", "xlsx"), which its
    navigation bar links to (with the index); only those.
    """
    contents = report_contents(chapters, has_foreword(facts))
    links = report_links(facts, files)  # external_references(page, [href ...]) accepts them
    return _environment().get_template("report.html.j2").render(
        f=facts, chapters=contents.chapters, daftar=contents, pages=pages or {}, css=_css(),
        kata_pengantar=kata_pengantar(facts) if has_foreword(facts) else None,
        indeks=links[0], unduhan=links[1:], label_navigasi=_("Report navigation", "id"),
        label_unduhan=_("Download:", "id"),
    )


#: One list of :func:`report_lists` as the template writes it (its titles are escaped, so no
#: "</nav>" inside).
_LIST = re.compile(r'<nav class="daftar[^"]*" id="([a-z-]+)">.*?</nav>', re.S)


def report_lists(chapters: Iterable[Chapter], pages: dict[str, int] | None,
                 foreword: bool = True) -> dict[str, str]:
    """The Daftar Isi, Daftar Tabel and Daftar Gambar of :func:`render_report`'s report with
    ``pages`` in them, alone: element id -> its outer HTML, as the report writes it. The
    numbered report is the report without numbers with these replaced (the numbering pass
    prints just that, :func:`lkip_helpers.pagination.print_numbered`). ``foreword``: as for
    :func:`report_contents`."""
    contents = report_contents(chapters, foreword)
    lists = _environment().get_template("_daftar_isi.html.j2").render(
        chapters=contents.chapters, daftar=contents, pages=pages or {})
    return {found[1]: found[0] for found in _LIST.finditer(lists)}


def shown_chapters(chapters: Iterable[Chapter]) -> list[Chapter]:
    """The chapters a report shows, in every format: those with something to show (a chapter
    without data for any of its sections is left out)."""
    return [chapter for chapter in chapters if chapter.body.strip()]


def kata_pengantar(facts: dict[str, Any]) -> Markup:
    """The foreword before the Daftar Isi: the unit's text (``facts["kata_pengantar"]``,
    limited Markdown already escaped by :mod:`lkip_helpers.dokumen`) or a draft's
    placeholder (``facts["isian_kata_pengantar"]``, made in the kernel: this process never
    imports pandas), then the head of unit's signature block."""
    teks = facts.get("kata_pengantar") or ""
    isi = (f'<div class="narasi">{_MARKDOWN_OUTPUT(teks)}</div>' if teks
           else facts.get("isian_kata_pengantar") or "")
    return Markup(isi + (facts.get("tanda_tangan") or ""))


def render_reviu(facts: dict[str, Any], reviu: Chapter) -> str:
    """The internal reviu page beside the report: the unit's checklist, marked as not part of
    the published report, self-contained like the report."""
    return _environment().get_template("reviu.html.j2").render(f=facts, bab=reviu, css=_css())


def render_index(entries: list[dict[str, Any]], dibuat: str,
                 rekap: list[dict[str, Any]] = ()) -> str:
    """``reports/index.html``: the roll-ups of local governments (``rekap``: their facts plus
    links), then one row per rendered unit-year (facts plus links)."""
    return _environment().get_template("index.html.j2").render(
        entries=entries, rekap=list(rekap), dibuat=dibuat, css=_css()
    )


def css_references(css: str) -> list[str]:
    """The URLs a stylesheet (or a ``style`` attribute) fetches: ``url(...)`` and ``@import``."""
    css = _CSS_COMMENT.sub("", css)
    return [url.strip() for pattern in (_CSS_URL, _CSS_IMPORT)
            for groups in pattern.findall(css) for url in groups if url.strip()]


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` value (``a.png 1x, b.png 2x``), parsed as the HTML standard
    says: a URL runs to the next white space (so it may hold commas, as ``data:`` URIs do);
    trailing commas end a candidate, else its descriptors run to the next comma."""
    urls, pos, end = [], 0, len(value)
    while True:
        while pos < end and (value[pos].isspace() or value[pos] == ","):
            pos += 1
        if pos >= end:
            return urls
        start = pos
        while pos < end and not value[pos].isspace():
            pos += 1
        url = value[start:pos]
        if url.endswith(","):
            url = url.rstrip(",")
        else:  # descriptors, up to the comma that is not inside parentheses
            depth = 0
            while pos < end and not (value[pos] == "," and depth == 0):
                depth += {"(": 1, ")": -1}.get(value[pos], 0)
                pos += 1
        if url:
            urls.append(url)


class _References(HTMLParser):
    """Collects every URL a parsed page would fetch or follow (attributes, srcset, CSS)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.urls.append(value.strip())
            elif name in ("srcset", "imagesrcset"):
                self.urls.extend(srcset_urls(value))
            elif name == "style":
                self.urls.extend(css_references(value))
        self._in_style = tag == "style"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(css_references(data))


def external_references(html: str, beside: Iterable[str] = ()) -> list[str]:
    """Every URL in ``html`` that would load something from outside the page.

    The page is parsed: URL attributes (src, href, poster, data ...), every URL of a srcset,
    and CSS ``url(...)`` / ``@import`` in ``<style>`` blocks and ``style`` attributes count;
    text that merely looks like a URL (escaped markup, a URL in a sentence) does not. In-page
    anchors (``#bab-01``), ``data:`` URIs and the URLs in ``beside`` (links to the files the
    caller wrote next to the page: a report's index, PDF ...) are fine; anything else is
    listed.
    """
    parser = _References()
    parser.feed(html)
    parser.close()
    fine = set(beside)
    return [url for url in parser.urls
            if url and not url.lower().startswith(("#", "data:")) and url not in fine]


def rekap_facts(pemda: str, year: int, data_dir: str | None = None) -> dict[str, Any]:
    """What the cover and the index show of a local government's roll-up (``pemda``: its
    slug), as display strings; like :func:`report_facts`, run in the chapters' kernel. The
    dataset of the data folder (:func:`lkip_helpers.dataset.muat_dataset`) is loaded here, so
    its cache is warm for the chapters. ``problems`` when no unit of ``pemda`` loaded for
    ``year``."""
    from . import rekap
    from .dataset import muat_dataset
    from .format import persen, rupiah
    from .hitung import kosong

    ds = muat_dataset(data_dir)
    ringkasan = ds.ringkasan
    units = rekap.pilih(ringkasan, pemda, year)
    if not len(units):
        return {"problems": [_("no unit of {pemda} in {year} loaded from {folder}").format(
            pemda=pemda, year=year, folder=ds.data_dir)]}
    total = rekap.total_anggaran(ringkasan, pemda, year).iloc[0]
    first = units.iloc[0]
    return {
        "jenis": REKAP,
        "stem": f"{REKAP}-{pemda}-{year}",
        "ke_indeks": "../" + INDEX_FROM_REPORT,  # reports/rekap/<pemda>/<year>/
        "pemda": pemda,
        "tahun": year,
        "nama_unit": rekap.nama_pemda(ringkasan, pemda) or pemda,
        "jenis_laporan": "Rekapitulasi Kinerja Perangkat Daerah",
        "provinsi": "" if kosong(first["provinsi"]) else str(first["provinsi"]),
        "kabupaten_kota": "" if kosong(first["kabupaten_kota"])
        else str(first["kabupaten_kota"]),
        "jumlah_unit": len(units),
        "demo": rekap.demo(ringkasan, pemda, year),
        "capaian": persen(rekap.rata_capaian(ringkasan, pemda, year)),
        "serapan": persen(total["serapan_belanja"]),
        "pagu": rupiah(total["pagu_belanja"]),
        "realisasi": rupiah(total["realisasi_belanja"]),
    }


def report_facts(unit: str, year: int, data_dir: str | None = None) -> dict[str, Any]:
    """What the cover and the index show of a unit-year, as display strings (JSON-ready).

    Run inside the chapters' kernel, so the workbook is parsed once (the loader caches it) and
    a data error surfaces before any chapter runs: then the dict holds ``problems`` (one line
    each) and nothing else. Headline figures come from
    :func:`lkip_helpers.ikhtisar.angka_utama`, like the report's summary and ``lkip check``.
    """
    from .dokumen import bagian_kosong, html_isian_kosong, html_tanda_tangan, teks_bagian
    from .errors import DataError
    from .format import KOSONG, persen, tanggal
    from .ikhtisar import angka_utama
    from .load import load_year

    try:
        lkip = load_year(unit, year, data_dir)
    except DataError as error:
        return {"problems": [str(problem) for problem in error.problems]}
    profil = lkip.profil
    utama = angka_utama(lkip)
    return {
        "kata_pengantar": teks_bagian(lkip, "kata_pengantar"),
        "isian_kata_pengantar": html_isian_kosong("kata_pengantar"),  # shown when it is empty
        "tanda_tangan": html_tanda_tangan(lkip),
        "bagian_kosong": [b.judul for b in bagian_kosong(lkip)],
        "unit": unit,
        "tahun": year,
        "nama_unit": utama.nama_unit,
        "provinsi": profil.get("provinsi") or "",
        "kabupaten_kota": profil.get("kabupaten_kota") or "",
        "kode_unit": profil.get("kode_unit") or "",
        "induk_organisasi": profil.get("induk_organisasi") or "",
        "kepala_nama": profil.get("kepala_nama") or "",
        "kepala_jabatan": profil.get("kepala_jabatan") or "",
        "kepala_pangkat": profil.get("kepala_pangkat") or "",
        "kepala_nip": profil.get("kepala_nip") or "",
        "tanggal_laporan": tanggal(profil.get("tanggal_laporan"))
        if profil.get("tanggal_laporan") else "",
        "capaian": persen(utama.capaian),
        "kategori": utama.kategori or KOSONG,
        "serapan": persen(utama.serapan),
    }
