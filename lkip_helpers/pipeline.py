"""The pipeline of ONE unit-year: chapters -> one HTML report -> A4 PDF, Word, Excel, swapped in whole.

Every chapter notebook runs with the parameters ``unit``, ``year`` and ``data_dir`` injected,
and ``reports/<unit>/<year>/`` receives:

* ``notebooks/NN_slug.ipynb``: the executed notebooks, signed so that JupyterLab opens them
  trusted (:func:`lkip_helpers.execute.sign_notebook`);
* ``<unit>-<year>.html``: one self-contained report (:mod:`lkip_helpers.html_report`);
* ``<unit>-<year>.pdf``: the same HTML printed on A4 (:mod:`lkip_helpers.printing`), with
  bookmarks, and page numbers in its Daftar Isi, Daftar Tabel and Daftar Gambar (a second
  printing pass, :mod:`lkip_helpers.pagination`);
* ``<unit>-<year>.docx``: the same report as a Word document (:mod:`lkip_helpers.docx_report`);
* ``<unit>-<year>.xlsx``: every table of the report, one sheet each
  (:mod:`lkip_helpers.xlsx_report`);
* ``<unit>-<year>-reviu.html``: the reviu (``notebooks/reviu_internal.ipynb``), a checklist for
  the unit on its own internal page, not part of the published report; with
  ``Options.include_reviu`` it is appended to the report as its last chapter instead;
* ``render.log``: what the kernel and the chapters said that the reader must not see;
* ``facts.json``: the cover and headline figures, read back by :mod:`lkip_helpers.index`.

A :class:`Worker` keeps its kernel(s) for all its unit-years; with several kernels the
chapters of a unit-year run in parallel. Safety: a unit-year is built in a temporary folder
beside its report and swapped in only when complete, so a failure leaves the last good report
untouched; the failed run is kept in ``reports/<unit>/<year>-failed/``. Which worker renders
which unit-year is the business of :mod:`lkip_helpers.executors`. The Word and Excel files
are written from the executed chapters (the same visible items as the HTML) while the PDF
prints, in a thread of this process (the printing waits on the browser).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from . import config
from .execute import (ChapterFailed, ChapterKernel, read_notebook, sign_notebook,
                      write_notebook)
from .html_report import (chapter_from_notebook, external_references, render_report,
                          render_reviu, report_contents, report_links, report_lists)
from .i18n import _
from .index import FACTS_FILE
from .pagination import print_numbered
from .pdf import ChromiumError
from .printing import DEFAULT_PDF_ENGINE, Printer, pdf_engine
from .selection import UnitYear, find_chapters

FORMATS = ("html", "pdf", "docx", "xlsx")
#: The formats written from the executed chapters beside the HTML.
EXPORTS = ("docx", "xlsx")
#: The reviu notebook: not a chapter (not ``NN_slug``), run after the chapters.
REVIU_NOTEBOOK = "reviu_internal.ipynb"
#: The internal reviu page beside the report: ``<unit>-<year>-reviu.html``.
REVIU_SUFFIX = "-reviu"
LOG_FILE = "render.log"
FAILED_SUFFIX = "-failed"
#: Seconds allowed for importing the helpers and loading the workbook before the chapters.
FACTS_TIMEOUT = 300

#: Python run in the kernel before the chapters: validates the data and returns the cover facts
#: plus ``dibuat``, today's date in Indonesian (the kernel has pandas and the formatting module
#: loaded anyway; the rendering process need not import them for a date).
_FACTS_CODE = (
    "import datetime as _dt, json as _json\n"
    "from lkip_helpers.format import tanggal as _tanggal\n"
    "from lkip_helpers.html_report import report_facts as _facts\n"
    "print(_json.dumps({{**_facts({unit!r}, {year!r}, {data_dir!r}),\n"
    "                   'dibuat': _tanggal(_dt.date.today())}}))\n"
)

#: Called with the name of each step done (a chapter's stem, then ``"report"``).
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Options:
    """How to render: folders, formats, per-cell timeout, the PDF engine and its executable."""

    data_dir: Path = config.DATA_DIR
    notebooks_dir: Path = config.NOTEBOOKS_DIR
    output_dir: Path = config.REPORTS_DIR
    formats: tuple[str, ...] = FORMATS
    timeout: float | None = 600
    pdf_engine: str = DEFAULT_PDF_ENGINE
    pdf_executable: Path | None = None  # None: no PDF (engine missing or not wanted)
    include_reviu: bool = False  # the reviu as the report's last chapter, not its own page

    @property
    def wants_pdf(self) -> bool:
        """PDF asked for and an engine to print it with."""
        return "pdf" in self.formats and self.pdf_executable is not None


@dataclass
class Outcome:
    """What happened to one unit-year. ``problems`` holds the failure, one line per problem."""

    item: UnitYear
    problems: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    dibuat: str = ""  # the rendering date in Indonesian, once the data has loaded

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self) -> str:
        """The outcome for the terminal: one line, or a data error's list of problems."""
        if self.ok:
            return _("ok     {item} ({seconds:.1f} s): {files}").format(
                item=self.item, seconds=self.seconds, files=", ".join(map(str, self.files)))
        return _("FAILED {item}: {problems}").format(
            item=self.item, problems="\n       ".join(self.problems))


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


# -- atomic replacement ------------------------------------------------------------------------
def _swap_in(built: Path, final: Path) -> None:
    """Put the complete folder ``built`` at ``final``, replacing what was there.

    Both live in the same parent, so each step is a rename; the previous report is removed
    only after the new one is in place.
    """
    previous = None
    if final.exists():
        previous = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.rename(final, previous)
    os.rename(built, final)
    if previous is not None:
        shutil.rmtree(previous)


def _keep_failed(built: Path, final: Path) -> Path:
    """Move a failed build to ``<year>-failed`` beside the report, for inspection."""
    failed = final.with_name(final.name + FAILED_SUFFIX)
    if failed.exists():
        shutil.rmtree(failed)
    os.rename(built, failed)
    return failed


# -- one worker: its kernels, one printer ------------------------------------------------------
class Worker:
    """Renders unit-years one after another with ``kernels`` kernels and one printer.

    ``printer``: where PDFs are printed; None starts this worker's own engine (when PDF is
    wanted), which it replaces after a crash and stops in :meth:`close`. A given printer
    belongs to the caller. The own engine starts when the first kernel runs out of chapters
    to take: it boots on the core that kernel leaves idle, instead of competing with the
    kernels' start and imports.

    With more than one kernel, the chapters of a unit-year run in parallel (they are
    independent: each opens the unit-year itself); the executed notebooks and the report keep
    the chapter order. ``batch_log`` receives the kernels' and the engine's own output and
    library logging.
    """

    def __init__(self, options: Options, batch_log: TextIO, kernels: int = 1,
                 printer: Printer | None = None) -> None:
        self.options = options
        self.batch_log = batch_log
        self.chapters = find_chapters(options.notebooks_dir)
        self._route_library_logging()
        self._log_lock = threading.Lock()
        self._printer_lock = threading.Lock()
        self._owns_printer = printer is None
        self.printer: Printer | None = printer
        self._wants_pdf = options.wants_pdf or ("pdf" in options.formats and printer is not None)
        count = max(1, min(kernels, len(self.chapters)))
        self.kernels: list[ChapterKernel] = self._each(
            lambda _: ChapterKernel(options.notebooks_dir, batch_log), range(count))

    @staticmethod
    def _each(func: Callable, items: Iterable) -> list:
        """``func`` over ``items``, in parallel threads when there are several; results in order."""
        items = list(items)
        if len(items) == 1:
            return [func(items[0])]
        with ThreadPoolExecutor(len(items)) as pool:
            return list(pool.map(func, items))

    def _route_library_logging(self) -> None:
        handler = logging.StreamHandler(self.batch_log)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        for name in ("papermill", "nbclient", "traitlets", "jupyter_client"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.propagate = False

    def _start_printer(self) -> None:
        """Start this worker's own engine if PDF is wanted and none runs (it boots while the
        last chapters run)."""
        with self._printer_lock:
            if self._wants_pdf and self.printer is None:
                engine = pdf_engine(self.options.pdf_engine)
                self.printer = engine(self.options.pdf_executable, self.batch_log)

    def close(self) -> None:
        """Stop the kernels and this worker's own engine."""
        self._each(ChapterKernel.close, self.kernels)
        if self._owns_printer and self.printer is not None:
            self.printer.close()

    def render(self, item: UnitYear, progress: Progress = lambda step: None) -> Outcome:
        """Render one unit-year; never raises for a data, chapter or printing failure."""
        start = time.monotonic()
        final = config.report_dir(item.unit, item.year, self.options.output_dir)
        final.parent.mkdir(parents=True, exist_ok=True)
        built = Path(tempfile.mkdtemp(prefix=f".{item.year}.", suffix=".tmp", dir=final.parent))
        built.chmod(0o755)  # mkdtemp makes it private; the report folder is not
        outcome = Outcome(item)
        kept = ""  # what to look at after a failure, inside the kept folder
        with open(built / LOG_FILE, "w", encoding="utf-8") as log:
            log.write(f"lkip render {item} started {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n")
            try:
                self._build(item, built, log, outcome, progress)
            except ChapterFailed as failed:  # the kernel is in an unknown state: replace it
                outcome.problems.append(_one_line(failed))
                kept = f"notebooks/{failed.chapter}.ipynb" if failed.chapter else LOG_FILE
                self._each(ChapterKernel.restart, self.kernels)
            except Exception as error:  # noqa: BLE001 - reported in one line, logged in full
                log.write(traceback.format_exc())
                outcome.problems.append(_one_line(f"{type(error).__name__}: {error}"))
                kept = LOG_FILE
            outcome.seconds = time.monotonic() - start
            log.write(f"finished in {outcome.seconds:.2f} s: {'ok' if outcome.ok else 'FAILED'}\n")
        if outcome.ok:
            _swap_in(built, final)
            stale = final.with_name(final.name + FAILED_SUFFIX)
            if stale.exists():
                shutil.rmtree(stale)
            outcome.files = sorted([*final.glob(f"{item.stem}.*"),
                                    *final.glob(f"{item.stem}{REVIU_SUFFIX}.html")])
        else:
            failed_dir = _keep_failed(built, final)
            if kept:
                outcome.problems[-1] += " " + _("(see {path})").format(path=failed_dir / kept)
        return outcome

    def _build(self, item: UnitYear, built: Path, log: TextIO, outcome: Outcome,
               progress: Progress) -> None:
        opts = self.options
        workbook = config.unit_year_dir(item.unit, item.year, opts.data_dir) / config.WORKBOOK_NAME
        if not workbook.is_file():
            outcome.problems.append(_("no workbook at {path}").format(path=workbook))
            return
        if not self.chapters:
            outcome.problems.append(_("no chapter notebooks (NN_slug.ipynb) in {folder}")
                                    .format(folder=opts.notebooks_dir))
            return
        data_dir = str(Path(opts.data_dir).resolve())
        step = time.monotonic()
        code = _FACTS_CODE.format(unit=item.unit, year=item.year, data_dir=data_dir)
        # Every kernel imports the helpers and parses the workbook (in parallel); imports and
        # parsing are not held to --timeout.
        facts = self._each(lambda kernel: kernel.run_json(
            code, max(opts.timeout or 0, FACTS_TIMEOUT)), self.kernels)[0]
        log.write(f"data loaded and checked: {time.monotonic() - step:.2f} s\n")
        outcome.dibuat = facts["dibuat"]
        if "problems" in facts:
            outcome.problems.append(_("data errors in {path}:").format(path=workbook))
            outcome.problems.extend(facts["problems"])
            log.write("\n".join(outcome.problems) + "\n")
            return
        params = {"unit": item.unit, "year": item.year, "data_dir": data_dir}
        chapters = self._chapters(params, built, log, progress)
        reviu = self._reviu(params, built, log, len(chapters) + 1, progress)
        step = time.monotonic()
        if reviu is not None and opts.include_reviu:
            chapters.append(reviu)
        elif reviu is not None:
            page = render_reviu(facts, reviu)
            for ref in external_references(page):
                log.write(f"warning: the reviu page refers to {ref}: it may not open offline\n")
            (built / f"{item.stem}{REVIU_SUFFIX}.html").write_text(page, encoding="utf-8")
        # The report's navigation bar links to the files written beside it (PDF only when an
        # engine prints it; a unit-year that fails to make one is not swapped in at all).
        made = [f for f in opts.formats if f != "pdf" or self._wants_pdf]
        html = render_report(facts, chapters, files=made)
        for ref in external_references(html, [href for _, href in report_links(facts, made)]):
            log.write(f"warning: the report refers to {ref}: it may not open offline\n")
        html_file = built / f"{item.stem}.html"
        html_file.write_text(html, encoding="utf-8")
        (built / FACTS_FILE).write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        log.write(f"HTML report: {time.monotonic() - step:.2f} s\n")
        with ThreadPoolExecutor(1) as pool:  # waits for the exports, also after a failure
            exported = pool.submit(self._export, item, built, facts, chapters, log)
            if self._wants_pdf:
                self._start_printer()
                step = time.monotonic()
                numbering = print_numbered(
                    self._print, html_file, built / f"{item.stem}.pdf",
                    f"LKIP {item.year} · {facts['nama_unit']}",
                    lambda pages: render_report(facts, chapters, pages, files=made),
                    report_contents(chapters).anchors(),
                    # a printer that prints in place reprints the loaded page, lists replaced
                    parts=(lambda pages: report_lists(chapters, pages))
                    if getattr(self.printer, "in_place", False) else None)
                self._write_log(log, f"PDF: {time.monotonic() - step:.2f} s, "
                                     f"{numbering.passes} passes\n")
                if not numbering.pages:
                    self._write_log(log, f"warning: the PDF's Daftar Isi has no page numbers: "
                                         f"{numbering.reason}\n")
                if numbering.missing:
                    self._write_log(log, f"warning: no page number in the PDF's lists for "
                                         f"{', '.join(numbering.missing)}: the PDF tells no "
                                         f"page for them\n")
            exported.result()
        if "html" not in opts.formats:
            html_file.unlink()
        progress("report")

    def _export(self, item: UnitYear, built: Path, facts: dict, chapters: list,
                log: TextIO) -> None:
        """Write the Word and Excel files asked for into ``built`` (the libraries are imported
        only then)."""
        for fmt in EXPORTS:
            if fmt not in self.options.formats:
                continue
            step = time.monotonic()
            if fmt == "docx":
                from .docx_report import write_docx as write
            else:
                from .xlsx_report import write_xlsx as write
            write(built / f"{item.stem}.{fmt}", facts, chapters)
            self._write_log(log, f"{fmt.upper()}: {time.monotonic() - step:.2f} s\n")

    def _chapters(self, params: dict, built: Path, log: TextIO, progress: Progress) -> list:
        """Run every chapter, sharing them out over the kernels; the report's chapters, in order.

        Each kernel takes the next chapter not yet started (the largest notebook first, a cheap
        guess of the longest). After a failure no new chapter is started, and the failure of
        the earliest chapter (in chapter order) is raised.
        """
        todo = list(enumerate(self.chapters))
        if len(self.kernels) > 1:  # biggest notebooks first: the kernels finish closer together
            todo.sort(key=lambda numbered: -numbered[1].stat().st_size)
        done: dict[int, Any] = {}
        failures: dict[int, ChapterFailed] = {}
        lock = threading.Lock()

        def run(kernel: ChapterKernel) -> None:
            while True:
                with lock:
                    if not todo or failures:
                        break
                    number, path = todo.pop(0)
                try:
                    chapter = self._chapter(kernel, path, params, built, log)
                except ChapterFailed as failed:
                    with lock:
                        failures[number] = failed
                    return
                with lock:
                    done[number] = chapter
                    progress(path.stem)
            if not failures:  # this kernel's core is free: the engine boots there
                self._start_printer()

        self._each(run, self.kernels)
        if failures:
            raise failures[min(failures)]
        return [done[number] for number in range(len(self.chapters))]

    def _reviu(self, params: dict, built: Path, log: TextIO, number: int,
               progress: Progress):
        """Run the reviu notebook (when there is one) after the chapters; its chapter, or None.

        Appended to the report it is numbered as the chapter after the last; on its own page
        its tables are numbered 1, 2 ...
        """
        path = Path(self.options.notebooks_dir) / REVIU_NOTEBOOK
        if not path.is_file():
            return None
        name = f"{number:02d}_reviu.ipynb" if self.options.include_reviu else path.name
        chapter = self._chapter(self.kernels[0], path, params, built, log, name=name)
        progress(path.stem)
        return chapter

    def _write_log(self, log: TextIO, text: str) -> None:
        with self._log_lock:  # chapters may finish in parallel threads
            log.write(text)

    def _chapter(self, kernel: ChapterKernel, path: Path, params: dict, built: Path,
                 log: TextIO, name: str | None = None):
        """Run one notebook; ``name``: the file name it takes its chapter number from."""
        start = time.monotonic()
        target = built / "notebooks" / path.name
        try:
            executed = kernel.run_chapter(read_notebook(path), params, self.options.timeout,
                                         name=name or path.name)
        except ChapterFailed as failed:
            self._keep_notebook(failed.notebook, target, log)
            failed.chapter = path.stem
            self._write_log(log, f"{failed}\n{failed.error.traceback}\n")
            raise
        self._keep_notebook(executed, target, log)
        lines = []
        for cell_no, cell in enumerate(executed.cells, 1):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream" and out.get("name") == "stderr":
                    lines.append(f"chapter {path.stem}, cell {cell_no} wrote to stderr:\n"
                                 f"{out['text']}\n")
        lines.append(f"chapter {path.stem}: {time.monotonic() - start:.2f} s\n")
        self._write_log(log, "".join(lines))
        return chapter_from_notebook(executed, f"bab-{path.stem}", path.stem)

    def _keep_notebook(self, nb: Any, target: Path, log: TextIO) -> None:
        """Write an executed notebook and sign it, so that JupyterLab opens it trusted."""
        write_notebook(nb, target)
        unsigned = sign_notebook(nb)
        if unsigned:
            self._write_log(log, f"warning: {target.name} not signed, Jupyter will open it "
                                 f"untrusted: {unsigned}\n")

    def _print(self, html_file: Path, pdf_file: Path, footer: str, **passes: Any) -> None:
        try:
            self.printer.print_pdf(html_file, pdf_file, footer, **passes)
        except ChromiumError:  # a crashed engine of our own is replaced for the next unit-year
            if self._owns_printer:
                self.printer.close()
                self.printer = None  # started afresh for the next unit-year
            raise
