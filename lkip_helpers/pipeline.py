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

* ``stamp.json``: what the report was made from (:func:`report_stamp`, :mod:`lkip_helpers.stamp`),
  so that ``lkip render`` skips it while nothing changed.

A local government's roll-up (:class:`~lkip_helpers.selection.RekapYear`) goes through the
same pipeline with the notebooks of ``notebooks/rekap/`` and the parameters ``pemda``,
``year`` and ``data_dir``, into ``reports/rekap/<pemda>/<year>/``: no workbook of its own (it
reads the dataset of the whole data folder), no reviu page, no Kata Pengantar.

A :class:`Worker` keeps its kernel(s) for all its unit-years; with several kernels the
chapters of a unit-year run in parallel. Safety (:mod:`lkip_helpers.swap`): a unit-year is
built, under its lock (:mod:`lkip_helpers.lock`), in a temporary folder beside its report and
swapped in only when complete, so a failure leaves the last good report untouched; the failed
run is kept in ``reports/<unit>/<year>-failed/``. The temporary folder is removed on every
exit path (an interrupt included); a full disk or a folder that cannot be written is one line,
and then nothing of the run is kept. Which worker renders
which unit-year is the business of :mod:`lkip_helpers.executors`. The Word and Excel files
are written from the executed chapters (the same visible items as the HTML) while the PDF
prints, in a thread of this process (the printing waits on the browser).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import logging
import os
import signal
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from . import config, swap
from .errors import Interrupted, LkipError
from .execute import (ChapterFailed, ChapterKernel, read_notebook, sign_notebook,
                      write_notebook)
from .html_report import (chapter_from_notebook, compile_templates, external_references,
                          has_foreword, render_report, render_reviu, report_contents, report_links,
                          report_lists, short_title)
from .i18n import _, bahasa
from .index import FACTS_FILE
from .lock import ReportLock
from .pagination import print_numbered
from .pdf import ChromiumError
from .printing import DEFAULT_PDF_ENGINE, Printer, pdf_engine
from .raster import VARIABEL_PNG
from .selection import RekapYear, UnitYear, find_chapters
from .stamp import stamp, write_stamp

FORMATS = ("html", "pdf", "docx", "xlsx")
#: The formats written from the executed chapters beside the HTML.
EXPORTS = ("docx", "xlsx")
#: The reviu notebook: not a chapter (not ``NN_slug``), run after the chapters.
REVIU_NOTEBOOK = "reviu_internal.ipynb"
#: The internal reviu page beside the report: ``<unit>-<year>-reviu.html``.
REVIU_SUFFIX = "-reviu"
LOG_FILE = "render.log"
FAILED_SUFFIX = swap.FAILED_SUFFIX
#: Seconds allowed for importing the helpers and loading the workbook before the chapters.
FACTS_TIMEOUT = 300

#: Python run in the kernel before the chapters: validates the data and returns the cover facts
#: plus ``dibuat``, today's date in Indonesian (the kernel has pandas and the formatting module
#: loaded anyway; the rendering process need not import them for a date).
_FACTS_CODE = (
    "import datetime as _dt, json as _json\n"
    "from lkip_helpers.format import tanggal as _tanggal\n"
    "from lkip_helpers.html_report import {function} as _facts\n"
    "print(_json.dumps({{**_facts({name!r}, {year!r}, {data_dir!r}),\n"
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

    item: UnitYear | RekapYear
    problems: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    dibuat: str = ""  # the rendering date in Indonesian, once the data has loaded
    unchanged: bool = False  # not rendered again: its report was made from the same inputs

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self) -> str:
        """The outcome for the terminal: one line, or a data error's list of problems."""
        if self.ok and self.unchanged:
            return _("unchanged {item}: not rendered again (--force renders it)").format(
                item=self.item)
        if self.ok:
            return _("ok     {item} ({seconds:.1f} s): {files}").format(
                item=self.item, seconds=self.seconds, files=", ".join(map(str, self.files)))
        return _("FAILED {item}: {problems}").format(
            item=self.item, problems="\n       ".join(self.problems))


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


# -- what a unit-year is made from ------------------------------------------------------------
def workbook_of(item: UnitYear, data_dir: Path) -> Path:
    """The workbook of ``item``: ``<data_dir>/<unit>/<year>/lkip.xlsx``."""
    return config.unit_year_dir(item.unit, item.year, data_dir) / config.WORKBOOK_NAME


def missing_workbook(item: UnitYear | RekapYear, data_dir: Path) -> Path | None:
    """The workbook ``item`` needs and the data folder lacks; None when it is there (a roll-up
    needs none of its own: it reads whatever the data folder holds)."""
    if isinstance(item, RekapYear):
        return None
    workbook = workbook_of(item, data_dir)
    return None if workbook.is_file() else workbook


def notebooks_of(options: Options, item: UnitYear | RekapYear | None = None) -> list[Path]:
    """The notebooks ``item`` runs: the chapters, then (for a unit-year) the reviu when there
    is one."""
    reviu = Path(options.notebooks_dir) / REVIU_NOTEBOOK
    if isinstance(item, RekapYear):
        return find_chapters(options.notebooks_dir, item)
    return [*find_chapters(options.notebooks_dir), *([reviu] if reviu.is_file() else [])]


def formats_made(options: Options, wants_pdf: bool | None = None) -> list[str]:
    """The formats actually written: PDF only when an engine prints it."""
    wants_pdf = options.wants_pdf if wants_pdf is None else wants_pdf
    return [f for f in options.formats if f != "pdf" or wants_pdf]


def report_stamp(item: UnitYear | RekapYear, options: Options,
                 wants_pdf: bool | None = None) -> dict:
    """What the report of ``item`` is made from (:func:`lkip_helpers.stamp.stamp`): its
    workbook and its unit's earlier ones (the reviu compares the years), the notebooks, and the
    options that change the output. A roll-up is made from every workbook of the data folder
    (its ranks, totals and trends change with any of them)."""
    data_dir = Path(options.data_dir)
    if isinstance(item, RekapYear):
        inputs = sorted(data_dir.glob(f"*/*/{config.WORKBOOK_NAME}"))
    else:
        workbook = workbook_of(item, data_dir)
        inputs = [workbook, *sorted(
            p for p in workbook.parent.parent.glob(f"*/{config.WORKBOOK_NAME}")
            if p.parent.name.isdigit() and int(p.parent.name) < item.year)]
    return stamp(inputs, notebooks_of(options, item),
                 {"formats": formats_made(options, wants_pdf),
                  "include_reviu": options.include_reviu,
                  "pdf_engine": options.pdf_engine if "pdf" in options.formats else None,
                  "language": bahasa()}, root=data_dir)


@contextlib.contextmanager
def building(final: Path) -> Iterator[Path]:
    """A new temporary build folder beside the report folder ``final``, under the report's
    lock (:mod:`lkip_helpers.lock`), after sweeping what a stopped run left there; removed on
    every exit path. A write failure inside becomes one line
    (:func:`lkip_helpers.swap.output_error`: a full disk, a read-only folder). Used by
    :class:`Worker` and by executors that build elsewhere and write the files here
    (:mod:`lkip_helpers.dask_executor`)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    with ReportLock(final):
        swap.sweep(final)  # what a stopped run of this unit-year left behind
        built = swap.new_build(final)
        try:
            yield built
        except OSError as error:  # measured before the partial build is removed
            raise swap.output_error(error, final, built) from None
        finally:
            swap.remove(built)


def finish_build(outcome: Outcome, built: Path, final: Path,
                 made_from: dict | None) -> Path | None:
    """Put a finished build in place: when ``outcome`` is ok, stamped with ``made_from``
    (:func:`report_stamp`, taken before the build read its inputs) and swapped in whole (its
    report files go to ``outcome.files``; an older failed run is dropped); else kept as
    ``<year>-failed``, which is returned."""
    if not outcome.ok:
        return swap.keep_failed(built, final)
    if made_from is not None:
        write_stamp(built, made_from)
    swap.swap_in(built, final)
    swap.remove(final.with_name(final.name + FAILED_SUFFIX))
    stem = outcome.item.stem
    outcome.files = sorted([*final.glob(f"{stem}.*"), *final.glob(f"{stem}{REVIU_SUFFIX}.html")])
    return None


# -- one worker: its kernels, one printer ------------------------------------------------------
def _modules_wanted(options: Options) -> list[str]:
    """The modules this process needs only after its kernels have run the chapters."""
    modules = ["papermill.parameterize"]
    if options.wants_pdf:
        modules.append("pypdf")
    if "docx" in options.formats:
        modules.append(f"{__package__}.docx_report")
    if "xlsx" in options.formats:
        modules.append(f"{__package__}.xlsx_report")
    return modules


def warm_imports(options: Options) -> None:
    """Import, in a background thread, what the render needs after its chapters (papermill,
    pypdf, the Word and Excel writers: about 1.5 s of imports), and compile the report's
    templates, while the kernels import their libraries and load the workbook on their own
    cores: they are then off the path of a single unit-year. Imports are thread
    safe; a module that fails to import here fails again, with its message, where it is used.
    """
    def run() -> None:
        for name in _modules_wanted(options):
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - said where the module is used
                pass
        compile_templates()

    threading.Thread(target=run, name="lkip-warm-imports", daemon=True).start()


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
        self._stopping = threading.Event()  # set by an interrupt: start no new chapter
        self.kernels: list[ChapterKernel] = []
        # The Word export needs each chart as PNG: the kernel makes it beside the chart, so the
        # rasteriser (which holds the GIL) never runs here beside the printing.
        self._chapter_environ = {VARIABEL_PNG: "1" if "docx" in options.formats else ""}
        count = max(1, min(kernels, len(self.chapters)))
        self.kernels = self._each(
            lambda _: ChapterKernel(options.notebooks_dir, batch_log), range(count))
        warm_imports(options)  # while the kernels import and load (not while they start)

    def _each(self, func: Callable, items: Iterable) -> list:
        """``func`` over ``items``, in parallel threads when there are several; results in order.

        An interrupt (Ctrl-C) reaches only this, the main thread: then no new chapter starts,
        the kernels' running cells are interrupted, and it propagates once the threads end.
        """
        items = list(items)
        if len(items) == 1:
            return [func(items[0])]
        pool = ThreadPoolExecutor(len(items))
        try:
            return list(pool.map(func, items))
        except (KeyboardInterrupt, SystemExit):
            self._stopping.set()
            self._interrupt_kernels()
            raise
        finally:
            pool.shutdown(wait=True)

    def stop(self) -> None:
        """Stop a render that runs in another thread (a Dask worker closing mid-batch): no new
        chapter starts and the running cells are interrupted; that render then ends as a
        failure ("interrupted") and its build is cleaned up as after any other."""
        self._stopping.set()
        self._interrupt_kernels()

    def _interrupt_kernels(self) -> None:
        """Interrupt what the kernels run (they run in their own sessions: a Ctrl-C in the
        terminal does not reach them)."""
        for kernel in self.kernels:
            process = getattr(getattr(kernel.km, "provisioner", None), "process", None)
            if process is not None:
                try:
                    os.kill(process.pid, signal.SIGINT)
                except OSError:
                    pass

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
        """Stop the kernels and this worker's own engine (also after an interrupt, when a
        kernel may be in any state: what fails to stop is logged, never raised)."""
        def stop(thing: Any) -> None:
            try:
                thing.close()
            except Exception as error:  # noqa: BLE001 - it is going away anyway
                with contextlib.suppress(OSError, ValueError):
                    self._write_log(self.batch_log, f"warning: could not stop "
                                                    f"{type(thing).__name__} cleanly: "
                                                    f"{type(error).__name__}: {error}\n")

        self._each(stop, self.kernels)
        if self._owns_printer and self.printer is not None:
            stop(self.printer)

    def render(self, item: UnitYear | RekapYear,
               progress: Progress = lambda step: None) -> Outcome:
        """Render one unit-year (or roll-up); never raises for a data, chapter, printing or
        output failure: each is one line in the outcome.

        A unit-year without workbook leaves no folder at all; one that another process renders
        right now is left to it (its lock, :mod:`lkip_helpers.lock`). The build's temporary
        folder is removed on every exit path; an interrupt propagates once it is gone. A full
        disk or a folder that cannot be written keeps nothing of the run (a ``-failed`` copy
        would only fill the disk further).
        """
        start = time.monotonic()
        outcome = Outcome(item)
        final = None
        try:
            final = item.report_dir(self.options.output_dir)
            workbook = missing_workbook(item, self.options.data_dir)
            if workbook is not None:
                outcome.problems.append(_("no workbook at {path}").format(path=workbook))
                return outcome
            # The inputs as they are before the build reads them: an edit made while it runs
            # gets the unit-year rendered again next time.
            made_from = report_stamp(item, self.options, self._wants_pdf)
            with building(final) as built:
                kept = self._build_logged(item, built, outcome, progress, start)
                failed_dir = finish_build(outcome, built, final, made_from)
                if failed_dir is not None and kept:
                    outcome.problems[-1] += " " + _("(see {path})").format(
                        path=failed_dir / kept)
        except LkipError as error:  # busy, a name not allowed, a full disk, a read-only folder
            outcome.problems = [_one_line(error.message())]
        except OSError as error:  # the unit folder or the lock cannot be written
            where = final or Path(self.options.output_dir) / item.unit / str(item.year)
            outcome.problems = [_one_line(swap.output_error(error, where).message())]
        outcome.seconds = time.monotonic() - start
        return outcome

    def _build_logged(self, item: UnitYear, built: Path, outcome: Outcome, progress: Progress,
                      start: float) -> str:
        """:meth:`_build` into ``built`` with its ``render.log``; after a failure, the file to
        look at in the kept folder. A full disk and an interrupt propagate."""
        kept = ""
        with open(built / LOG_FILE, "w", encoding="utf-8") as log:
            log.write(f"lkip render {item} started {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n")
            try:
                self._build(item, built, log, outcome, progress)
            except ChapterFailed as failed:  # the kernel is in an unknown state: replace it
                outcome.problems.append(_one_line(failed))
                kept = f"notebooks/{failed.chapter}.ipynb" if failed.chapter else LOG_FILE
                if not self._stopping.is_set():  # a worker being stopped needs none
                    self._each(ChapterKernel.restart, self.kernels)
            except Exception as error:  # noqa: BLE001 - reported in one line, logged in full
                if swap.is_disk_full(error):
                    raise
                log.write(traceback.format_exc())
                outcome.problems.append(_one_line(
                    error.message() if isinstance(error, LkipError)
                    else f"{type(error).__name__}: {error}"))
                kept = LOG_FILE
            log.write(f"finished in {time.monotonic() - start:.2f} s: "
                      f"{'ok' if outcome.ok else 'FAILED'}\n")
        return kept

    def _build(self, item: UnitYear | RekapYear, built: Path, log: TextIO, outcome: Outcome,
               progress: Progress) -> None:
        opts = self.options
        rekap = isinstance(item, RekapYear)
        workbook = Path(opts.data_dir) if rekap else workbook_of(item, opts.data_dir)
        chapter_files = find_chapters(opts.notebooks_dir, item)
        if not chapter_files:
            outcome.problems.append(_("no chapter notebooks (NN_slug.ipynb) in {folder}")
                                    .format(folder=Path(opts.notebooks_dir) / item.notebooks_subdir))
            return
        data_dir = str(Path(opts.data_dir).resolve())
        step = time.monotonic()
        # A roll-up's facts (html_report.rekap_facts) also load the dataset of the data folder.
        code = _FACTS_CODE.format(
            function="rekap_facts" if rekap else "report_facts",
            name=item.pemda if rekap else item.unit, year=item.year, data_dir=data_dir)
        # Every kernel imports the helpers and parses the workbook (in parallel); imports and
        # parsing are not held to --timeout. A roll-up loads the whole data folder: one kernel
        # does it (it writes the dataset's cache), the others then read the cache.
        facts = self._each(lambda kernel: kernel.run_json(
            code, max(opts.timeout or 0, FACTS_TIMEOUT)), self.kernels[:1] if rekap
            else self.kernels)[0]
        log.write(f"data loaded and checked: {time.monotonic() - step:.2f} s\n")
        outcome.dibuat = facts["dibuat"]
        if "problems" in facts:
            outcome.problems.append(_("data errors in {path}:").format(path=workbook))
            outcome.problems.extend(facts["problems"])
            log.write("\n".join(outcome.problems) + "\n")
            return
        params = item.parameters(data_dir)
        # The reviu notebook runs with the chapters, on whichever kernel is free first.
        reviu_job = None if rekap else self._reviu_job(len(chapter_files) + 1)
        ran = self._chapters(chapter_files + ([reviu_job[0]] if reviu_job else []), params,
                             built, log, progress,
                             names={len(chapter_files): reviu_job[1]} if reviu_job else None)
        chapters, reviu = ran[:len(chapter_files)], (ran[-1] if reviu_job else None)
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
        html_file = built / f"{item.stem}.html"
        html_file.write_text(html, encoding="utf-8")
        (built / FACTS_FILE).write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        log.write(f"HTML report: {time.monotonic() - step:.2f} s\n")

        def check_references() -> None:  # beside the printing: it only warns
            for ref in external_references(html, [href for _, href in report_links(facts, made)]):
                self._write_log(log, f"warning: the report refers to {ref}: it may not open "
                                     f"offline\n")

        with ThreadPoolExecutor(1) as pool:  # waits for the exports, also after a failure
            checked = pool.submit(check_references)
            exported = pool.submit(self._export, item, built, facts, chapters, log)
            if self._wants_pdf:
                self._start_printer()
                step = time.monotonic()
                numbering = print_numbered(
                    self._print, html_file, built / f"{item.stem}.pdf",
                    short_title(facts),
                    lambda pages: render_report(facts, chapters, pages, files=made),
                    report_contents(chapters, has_foreword(facts)).anchors(),
                    # a printer that prints in place reprints the loaded page, lists replaced
                    parts=(lambda pages: report_lists(chapters, pages, has_foreword(facts)))
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
            checked.result()
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

    def _chapters(self, chapter_files: list[Path], params: dict, built: Path, log: TextIO,
                  progress: Progress, names: dict[int, str] | None = None) -> list:
        """Run the notebooks ``chapter_files``, sharing them out over the kernels; their
        chapters, in order. ``names``: position -> the file name a notebook takes its number
        from, when not its own (the reviu's).

        Each kernel takes the next chapter not yet started (the largest notebook first, a cheap
        guess of the longest). After a failure no new chapter is started, and the failure of
        the earliest chapter (in chapter order) is raised.
        """
        todo = list(enumerate(chapter_files))
        if len(self.kernels) > 1:  # biggest notebooks first: the kernels finish closer together
            todo.sort(key=lambda numbered: -numbered[1].stat().st_size)
        done: dict[int, Any] = {}
        failures: dict[int, ChapterFailed] = {}
        lock = threading.Lock()

        def run(kernel: ChapterKernel) -> None:
            while True:
                with lock:
                    if not todo or failures or self._stopping.is_set():
                        break
                    number, path = todo.pop(0)
                try:
                    chapter = self._chapter(kernel, path, params, built, log,
                                            name=(names or {}).get(number))
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
        if len(done) < len(chapter_files):  # stopped (:meth:`stop`) before every chapter ran
            raise Interrupted()
        return [done[number] for number in range(len(chapter_files))]

    def _reviu_job(self, number: int) -> tuple[Path, str] | None:
        """The reviu notebook (when there is one) and the file name it takes its number from.

        Appended to the report (chapter ``number``) it is numbered as the chapter after the
        last; on its own page its tables are numbered 1, 2 ...
        """
        path = Path(self.options.notebooks_dir) / REVIU_NOTEBOOK
        if not path.is_file():
            return None
        return path, (f"{number:02d}_reviu.ipynb" if self.options.include_reviu else path.name)

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
                                         name=name or path.name, environ=self._chapter_environ)
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
