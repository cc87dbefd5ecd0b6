"""Render unit-years into reports: executed notebooks, one HTML report, one A4 PDF, an index.

For each unit-year, every chapter notebook (``notebooks/NN_slug.ipynb``) runs with the
parameters ``unit``, ``year`` and ``data_dir`` injected, and ``reports/<unit>/<year>/`` receives:

* ``notebooks/NN_slug.ipynb``: the executed notebooks;
* ``<unit>-<year>.html``: one self-contained report (:mod:`lkip_helpers.html_report`);
* ``<unit>-<year>.pdf``: the same HTML printed on A4 by headless Chromium (:mod:`lkip_helpers.pdf`);
* ``render.log``: what the kernel and the chapters said that the reader must not see;
* ``facts.json``: the cover and headline figures, read back by :func:`write_index`.

Speed: a worker keeps its kernel(s) for all its unit-years (:class:`Worker`); ``jobs``
workers run in parallel processes, and a single unit-year runs its chapters over ``jobs``
kernels instead. Memory: there is ONE Chromium per ``lkip render``: a lone worker owns it,
parallel workers print through the parent's (:class:`PrintServer`), so two browsers never
hold a report each at the same time. Safety: a unit-year is built in
a temporary folder beside its report and swapped in only when complete, so a failure leaves
the last good report untouched; the failed run is kept in ``reports/<unit>/<year>-failed/``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import multiprocessing
import multiprocessing.util
import os
import queue
import re
import shutil
import tempfile
import threading
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol, TextIO

from . import config
from .execute import ChapterFailed, ChapterKernel, read_notebook, write_notebook
from .html_report import chapter_from_notebook, external_references, render_index, render_report
from .pdf import INSTALL_HINT, Chromium, ChromiumError, find_chromium

FORMATS = ("html", "pdf")
CHAPTER_PATTERN = re.compile(r"^(\d{2})_([a-z0-9_]+)\.ipynb$")
FACTS_FILE = "facts.json"
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


def _today() -> str:
    """Today's date in Indonesian. :mod:`lkip_helpers.format` is imported here, not at the top:
    it brings pandas, which the rendering process itself never needs (the kernels do)."""
    from .format import tanggal

    return tanggal(dt.date.today())


# -- what to render ----------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class UnitYear:
    """One unit-year to render; names are checked by :mod:`lkip_helpers.config`."""

    unit: str
    year: int

    def __post_init__(self) -> None:
        config.check_unit(self.unit)
        object.__setattr__(self, "year", config.check_year(self.year))

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"


def parse_years(text: str) -> list[int]:
    """Years from ``"2023"``, ``"2021,2023"`` or a range ``"2021-2023"`` (each checked)."""
    years: list[int] = []
    for part in text.split(","):
        bounds = part.strip().split("-")
        if len(bounds) == 2:
            first, last = config.check_year(bounds[0]), config.check_year(bounds[1])
            if first > last:
                raise config.InvalidName(f"year range {part.strip()!r} runs backwards")
            years.extend(range(first, last + 1))
        else:
            years.append(config.check_year(part))
    return sorted(set(years))


def _unit_year_folders(root: Path, filename: str) -> list[tuple[UnitYear, Path]]:
    """``<root>/<unit>/<year>/`` folders holding ``filename``; other names (2023-failed) skipped."""
    found = []
    for path in sorted(Path(root).glob(f"*/*/{filename}")):
        try:
            found.append((UnitYear(path.parent.parent.name, path.parent.name), path.parent))
        except config.InvalidName:
            continue
    return found


def available(data_dir: Path, unit: str | None = None) -> list[UnitYear]:
    """Every unit-year under ``data_dir`` with a workbook (only valid unit and year names)."""
    return [item for item, _ in _unit_year_folders(data_dir, config.WORKBOOK_NAME)
            if unit is None or item.unit == unit]


def find_chapters(notebooks_dir: Path) -> list[Path]:
    """The chapter notebooks ``NN_slug.ipynb`` of ``notebooks_dir``, in chapter order."""
    return sorted(p for p in Path(notebooks_dir).glob("*.ipynb") if CHAPTER_PATTERN.match(p.name))


# -- options and outcomes ----------------------------------------------------------------------
@dataclass(frozen=True)
class Options:
    """How to render: folders, formats, per-cell timeout and the Chromium to print with."""

    data_dir: Path = config.DATA_DIR
    notebooks_dir: Path = config.NOTEBOOKS_DIR
    output_dir: Path = config.REPORTS_DIR
    formats: tuple[str, ...] = FORMATS
    timeout: float | None = 600
    chromium: Path | None = None  # None: no PDF (Chromium missing or not wanted)


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
            return f"ok     {self.item} ({self.seconds:.1f} s): " + ", ".join(map(str, self.files))
        return f"FAILED {self.item}: " + "\n       ".join(self.problems)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def file_stem(item: UnitYear) -> str:
    """Base name of a unit-year's report files, e.g. ``biro-umum-ntt-2023``."""
    return f"{item.unit}-{item.year}"


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


# -- one worker: one kernel, one Chromium ------------------------------------------------------
Progress = Callable[[str], None]


class Printer(Protocol):
    """What prints a unit-year's HTML to PDF: a :class:`Chromium` or a :class:`RemotePrinter`."""

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "") -> None: ...

    def close(self) -> None: ...


class Worker:
    """Renders unit-years one after another with ``kernels`` kernels and one printer.

    ``printer``: where PDFs are printed; None starts this worker's own Chromium (when PDF is
    wanted), which it replaces after a crash and stops in :meth:`close`. A given printer
    belongs to the caller. The own Chromium starts when the first kernel runs out of chapters
    to take: it boots on the core that kernel leaves idle, instead of competing with the
    kernels' start and imports.

    With more than one kernel, the chapters of a unit-year run in parallel (they are
    independent: each opens the unit-year itself); the executed notebooks and the report keep
    the chapter order. ``batch_log`` receives the kernels' and Chromium's own output and
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
        self._wants_pdf = "pdf" in options.formats and (
            printer is not None or options.chromium is not None)
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
        """Start this worker's own Chromium if PDF is wanted and none runs (it boots while the
        last chapters run)."""
        with self._printer_lock:
            if self._wants_pdf and self.printer is None:
                self.printer = Chromium(self.options.chromium, self.batch_log)

    def close(self) -> None:
        """Stop the kernels and this worker's own Chromium."""
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
            outcome.files = sorted(final.glob(f"{file_stem(item)}.*"))
        else:
            failed_dir = _keep_failed(built, final)
            if kept:
                outcome.problems[-1] += f" (see {failed_dir / kept})"
        return outcome

    def _build(self, item: UnitYear, built: Path, log: TextIO, outcome: Outcome,
               progress: Progress) -> None:
        opts = self.options
        workbook = config.unit_year_dir(item.unit, item.year, opts.data_dir) / config.WORKBOOK_NAME
        if not workbook.is_file():
            outcome.problems.append(f"no workbook at {workbook}")
            return
        if not self.chapters:
            outcome.problems.append(f"no chapter notebooks (NN_slug.ipynb) in {opts.notebooks_dir}")
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
            outcome.problems.append(f"data errors in {workbook}:")
            outcome.problems.extend(facts["problems"])
            log.write("\n".join(outcome.problems) + "\n")
            return
        params = {"unit": item.unit, "year": item.year, "data_dir": data_dir}
        chapters = self._chapters(params, built, log, progress)
        stem = file_stem(item)
        step = time.monotonic()
        html = render_report(facts, chapters, outcome.dibuat)
        for ref in external_references(html):
            log.write(f"warning: the report refers to {ref}: it may not open offline\n")
        html_file = built / f"{stem}.html"
        html_file.write_text(html, encoding="utf-8")
        (built / FACTS_FILE).write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        log.write(f"HTML report: {time.monotonic() - step:.2f} s\n")
        if self._wants_pdf:
            self._start_printer()
            step = time.monotonic()
            self._print(html_file, built / f"{stem}.pdf", f"LKIP {item.year} · {facts['nama_unit']}")
            log.write(f"PDF: {time.monotonic() - step:.2f} s\n")
        if "html" not in opts.formats:
            html_file.unlink()
        progress("report")

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
            if not failures:  # this kernel's core is free: Chromium boots there
                self._start_printer()

        self._each(run, self.kernels)
        if failures:
            raise failures[min(failures)]
        return [done[number] for number in range(len(self.chapters))]

    def _write_log(self, log: TextIO, text: str) -> None:
        with self._log_lock:  # chapters may finish in parallel threads
            log.write(text)

    def _chapter(self, kernel: ChapterKernel, path: Path, params: dict, built: Path,
                 log: TextIO):
        start = time.monotonic()
        target = built / "notebooks" / path.name
        try:
            executed = kernel.run_chapter(read_notebook(path), params, self.options.timeout)
        except ChapterFailed as failed:
            write_notebook(failed.notebook, target)
            failed.chapter = path.stem
            self._write_log(log, f"{failed}\n{failed.error.traceback}\n")
            raise
        write_notebook(executed, target)
        lines = []
        for cell_no, cell in enumerate(executed.cells, 1):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream" and out.get("name") == "stderr":
                    lines.append(f"chapter {path.stem}, cell {cell_no} wrote to stderr:\n"
                                 f"{out['text']}\n")
        lines.append(f"chapter {path.stem}: {time.monotonic() - start:.2f} s\n")
        self._write_log(log, "".join(lines))
        return chapter_from_notebook(executed, f"bab-{path.stem}", path.stem)

    def _print(self, html_file: Path, pdf_file: Path, footer: str) -> None:
        try:
            self.printer.print_pdf(html_file, pdf_file, footer)
        except ChromiumError:  # a crashed browser of our own is replaced for the next unit-year
            if self._owns_printer:
                self.printer.close()
                self.printer = None  # started afresh for the next unit-year
            raise


# -- one Chromium for parallel workers ---------------------------------------------------------
#: Seconds a worker waits for its PDF from the parent: a print waits for at most one print per
#: other worker, each held to Chromium's own timeouts.
PRINT_WAIT = 600


class PrintServer:
    """The parent's one Chromium, printing PDFs for parallel worker processes.

    A Chromium holds about 0.6 GiB while it prints a report; one per worker would double
    that. Workers send requests over :attr:`requests` and each reads its answers from its own
    queue (:meth:`printer` in the worker picks a free one). The browser boots while the
    workers start their kernels and is replaced after a crash.
    """

    def __init__(self, executable: Path, log: TextIO, context: Any, workers: int) -> None:
        self._executable, self._log = executable, log
        self.requests = context.Queue()
        self.replies = [context.Queue() for _ in range(workers)]
        self.slots = context.Queue()
        for slot in range(workers):
            self.slots.put(slot)
        self._chromium: Chromium | None = Chromium(executable, log)
        self._thread = threading.Thread(target=self._serve, name="lkip-print", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while (request := self.requests.get()) is not None:
            ident, html_file, pdf_file, footer = request
            error = ""
            try:
                if self._chromium is None:
                    self._chromium = Chromium(self._executable, self._log)
                self._chromium.print_pdf(Path(html_file), Path(pdf_file), footer)
            except Exception as failure:  # noqa: BLE001 - the worker reports it in one line
                error = f"{type(failure).__name__}: {failure}" if not isinstance(
                    failure, ChromiumError) else str(failure)
                if self._chromium is not None:  # a fresh browser for the next report
                    self._chromium.close()
                    self._chromium = None
            self.replies[ident[0]].put((ident, error))

    def worker_args(self) -> tuple:
        """What a worker process needs to build its :class:`RemotePrinter`."""
        return self.requests, self.replies, self.slots

    def close(self) -> None:
        """Stop serving (after the workers are done) and stop the browser."""
        self.requests.put(None)
        self._thread.join()
        if self._chromium is not None:
            self._chromium.close()


class RemotePrinter:
    """A worker's handle on the parent's :class:`PrintServer` (same calls as :class:`Chromium`)."""

    def __init__(self, requests: Any, replies: list, slots: Any) -> None:
        self._requests = requests
        self._slot = slots.get()
        self._replies = replies[self._slot]
        self._count = 0

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "") -> None:
        """Have the parent's Chromium print ``html_file``; raises :class:`ChromiumError`."""
        self._count += 1
        ident = (self._slot, self._count)
        self._requests.put((ident, str(html_file), str(pdf_file), footer))
        deadline = time.monotonic() + PRINT_WAIT
        while True:  # an answer to an earlier request given up on is skipped
            try:
                answer, error = self._replies.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ChromiumError(f"no PDF from the printing Chromium within {PRINT_WAIT} s")
            if answer == ident:
                break
        if error:
            raise ChromiumError(error)

    def close(self) -> None:
        """Nothing to stop: the browser belongs to the parent process."""


# -- batches -----------------------------------------------------------------------------------
_WORKER: Worker | None = None
_EVENTS: multiprocessing.Queue | None = None


def _init_worker(options: Options, batch_log_path: Path, events: multiprocessing.Queue,
                 printing: tuple | None) -> None:
    """Pool initializer: start this process's kernel once, for all its jobs; PDFs are printed
    by the parent's :class:`PrintServer` (``printing``: its :meth:`~PrintServer.worker_args`)."""
    global _WORKER, _EVENTS
    log = open(batch_log_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives with the process
    printer = RemotePrinter(*printing) if printing else None
    _WORKER, _EVENTS = Worker(options, log, printer=printer), events
    # Multiprocessing runs these finalizers when the worker process exits.
    multiprocessing.util.Finalize(_WORKER, _WORKER.close, exitpriority=10)
    multiprocessing.util.Finalize(log, log.close, exitpriority=5)


def _render_in_worker(item: UnitYear) -> Outcome:
    return _WORKER.render(item, lambda step: _EVENTS.put((str(item), step)))


def render_batch(items: Iterable[UnitYear], options: Options, jobs: int | None = None,
                 show_progress: bool | None = None) -> list[Outcome]:
    """Render ``items`` with ``jobs`` parallel workers (default: CPU count); return outcomes.

    A single unit-year gets one worker with ``jobs`` kernels, which share its chapters.

    The progress bar counts chapters (plus the assembly step) of all unit-years; it shows on a
    terminal only unless ``show_progress`` says otherwise. Outcomes come in ``items`` order.
    """
    from tqdm import tqdm

    items = list(items)
    options.output_dir.mkdir(parents=True, exist_ok=True)
    batch_log = Path(options.output_dir) / LOG_FILE
    steps = len(find_chapters(options.notebooks_dir)) + 1
    workers = max(1, min(jobs or os.cpu_count() or 1, len(items)))
    bar = tqdm(total=len(items) * steps, unit="bab", disable=None if show_progress is None
               else not show_progress, desc="lkip render", leave=False)
    try:
        if workers == 1:  # one unit-year: its chapters share the jobs
            kernels = max(1, jobs or os.cpu_count() or 1) if len(items) == 1 else 1
            return _render_serial(items, options, batch_log, bar, kernels)
        return _render_parallel(items, options, batch_log, bar, workers)
    finally:
        bar.close()


def _render_serial(items: list[UnitYear], options: Options, batch_log: Path, bar,
                   kernels: int = 1) -> list[Outcome]:
    outcomes = []
    with open(batch_log, "a", encoding="utf-8", buffering=1) as log:
        worker = Worker(options, log, kernels)
        try:
            for item in items:
                bar.set_postfix_str(str(item))
                outcomes.append(worker.render(item, lambda step: bar.update()))
        finally:
            worker.close()
    return outcomes


def _render_parallel(items: list[UnitYear], options: Options, batch_log: Path, bar,
                     workers: int) -> list[Outcome]:
    context = multiprocessing.get_context()
    events = context.Queue()
    with open(batch_log, "a", encoding="utf-8", buffering=1) as log:
        server = None
        if "pdf" in options.formats and options.chromium is not None:
            server = PrintServer(options.chromium, log, context, workers)
        try:
            with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                     initargs=(options, batch_log, events,
                                               server.worker_args() if server else None)) as pool:
                futures = {pool.submit(_render_in_worker, item): item for item in items}
                pending = set(futures)
                while pending:
                    _, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    try:
                        while True:
                            name, _step = events.get_nowait()
                            bar.set_postfix_str(name)
                            bar.update()
                    except queue.Empty:
                        pass
                return [future.result() for future in futures]
        finally:
            if server is not None:
                server.close()


# -- the index ---------------------------------------------------------------------------------
def write_index(output_dir: Path, dibuat: str | None = None) -> Path:
    """Write ``<output_dir>/index.html`` listing every rendered unit-year, atomically.

    ``dibuat``: today's date in Indonesian when already known (default: formatted here).
    """
    entries = []
    for item, folder in _unit_year_folders(output_dir, FACTS_FILE):
        facts = json.loads((folder / FACTS_FILE).read_text(encoding="utf-8"))
        links = [(label, f"{item.unit}/{item.year}/{file_stem(item)}.{ext}")
                 for label, ext in (("HTML", "html"), ("PDF", "pdf"))
                 if (folder / f"{file_stem(item)}.{ext}").exists()]
        entries.append({**facts, "links": links})
    index = Path(output_dir) / "index.html"
    tmp = index.with_name(f".index.html.{os.getpid()}.tmp")
    tmp.write_text(render_index(entries, dibuat or _today()), encoding="utf-8")
    os.replace(tmp, index)
    return index


def resolve_chromium(formats: Iterable[str], explicit: str | None) -> tuple[Path | None, str]:
    """The Chromium to print with, and a note for the user when PDF is wanted but impossible."""
    if "pdf" not in formats:
        return None, ""
    found = find_chromium(explicit)  # raises ChromiumError for a wrong explicit path
    if found is None:
        return None, f"PDF not written: Chromium was not found; {INSTALL_HINT}."
    return found, ""


def select(units: str | None, years: str | None, everything: bool, data_dir: Path) -> list[UnitYear]:
    """The unit-years a command line asks for.

    ``everything``: all under ``data_dir``. Otherwise ``units`` (comma list; default the embedded
    unit) and ``years`` ("2023", "2021,2023", "2021-2023"; default the embedded year for the
    embedded unit, every year found under ``data_dir`` for a named unit).
    """
    if everything:
        return available(data_dir)
    if not units:
        chosen = parse_years(years) if years else [config.DEFAULT_YEAR]
        return [UnitYear(config.DEFAULT_UNIT, y) for y in chosen]
    names = [config.check_unit(u.strip()) for u in units.split(",")]
    if years:
        return [UnitYear(u, y) for u in names for y in parse_years(years)]
    found = [item for u in names for item in available(data_dir, u)]
    return found or [UnitYear(u, config.DEFAULT_YEAR) for u in names]


def run(items: list[UnitYear], options: Options, jobs: int | None, echo: Callable[[str], None],
        pdf_note: str = "") -> int:
    """Render ``items``, write the index, print one line per unit-year and a summary.

    Returns the exit status: 0 when every unit-year rendered, 1 otherwise.
    """
    start = time.monotonic()
    outcomes = render_batch(items, options, jobs)
    write_index(options.output_dir, next((o.dibuat for o in outcomes if o.dibuat), None))
    for outcome in outcomes:
        echo(outcome.report())
    failed = [o for o in outcomes if not o.ok]
    echo(f"{len(outcomes) - len(failed)} of {len(outcomes)} unit-years rendered in "
         f"{time.monotonic() - start:.1f} s; index: {Path(options.output_dir) / 'index.html'}"
         + (f"; {len(failed)} FAILED (details in their render.log)" if failed else ""))
    if pdf_note:
        echo(pdf_note)
    return 1 if failed else 0
