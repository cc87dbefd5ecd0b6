"""Which PDF printer a render uses, and ONE printer shared by parallel worker processes.

:func:`pdf_engine` names the engine (today only ``chromium``, :mod:`lkip_helpers.pdf`) and
:func:`resolve_pdf` finds its executable once per ``lkip render``. A Chromium holds about
0.6 GiB while it prints a report; one per worker would double that, so parallel workers do not
start their own: the parent's :class:`PrintServer` prints for them, and each worker holds a
:class:`RemotePrinter` with the same calls as the engine (``print_pdf``, ``close``).
"""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Protocol, TextIO

from .errors import RenderError, UsageError
from .i18n import _
from .pdf import DEFAULT_ENGINE, ChromiumError, PdfEngine, pdf_engines

#: The engine of ``lkip render`` unless ``--pdf-engine`` says otherwise.
DEFAULT_PDF_ENGINE = DEFAULT_ENGINE
#: Seconds a worker waits for its PDF from the parent: a print waits for at most one print per
#: other worker, each held to Chromium's own timeouts.
PRINT_WAIT = 600


class Printer(Protocol):
    """What prints a unit-year's HTML to PDF: an engine (:class:`Chromium`) or a
    :class:`RemotePrinter`."""

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "", **passes: Any
                  ) -> None: ...

    def close(self) -> None: ...

    #: True when ``print_pdf`` takes ``draft`` and ``parts`` (:attr:`PdfEngine.in_place`).
    in_place: bool


# -- the engine --------------------------------------------------------------------------------
def pdf_engine_names() -> list[str]:
    """The PDF engines ``lkip render --pdf-engine`` offers (:data:`lkip_helpers.pdf.pdf_engines`)."""
    return pdf_engines.names()


def pdf_engine(name: str = DEFAULT_ENGINE) -> type[PdfEngine]:
    """The engine class called ``name``: ``find(explicit)`` locates its executable and
    ``engine(executable, log)`` starts it. Unknown names are a UsageError (exit 2)."""
    return pdf_engines.get(name)


def resolve_pdf(formats: Iterable[str], engine: str = DEFAULT_ENGINE,
                explicit: str | None = None) -> tuple[Path | None, str]:
    """The executable to print with, and a note for the user when PDF is wanted but impossible.

    A wrong ``explicit`` path is a :class:`~lkip_helpers.errors.UsageError` (exit 2).
    """
    if "pdf" not in formats:
        return None, ""
    kind = pdf_engine(engine)
    try:
        found = kind.find(explicit)
    except RenderError as error:
        raise UsageError(error.message()) from None
    if found is None:
        return None, _("PDF not written: {engine} was not found; {hint}.").format(
            engine=engine.capitalize(), hint=kind.install_hint)
    return found, ""


# -- one printer for parallel workers ----------------------------------------------------------
class PrintServer:
    """The parent's one PDF engine, printing for parallel worker processes.

    Workers send requests over :attr:`requests` and each reads its answers from its own
    queue (:class:`RemotePrinter` picks a free one). The engine boots while the workers start
    their kernels and is replaced after a crash.
    """

    def __init__(self, engine: Any, executable: Path, log: TextIO, context: Any,
                 workers: int) -> None:
        self._engine, self._executable, self._log = engine, executable, log
        self.requests = context.Queue()
        self.replies = [context.Queue() for _ in range(workers)]
        self.slots = context.Queue()
        for slot in range(workers):
            self.slots.put(slot)
        self._printer: Printer | None = engine(executable, log)
        self._thread = threading.Thread(target=self._serve, name="lkip-print", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while (request := self.requests.get()) is not None:
            ident, html_file, pdf_file, footer, passes = request
            error, code = "", None
            try:
                if self._printer is None:
                    self._printer = self._engine(self._executable, self._log)
                self._printer.print_pdf(Path(html_file), Path(pdf_file), footer, **passes)
            except Exception as failure:  # noqa: BLE001 - the worker reports it in one line
                error = f"{type(failure).__name__}: {failure}" if not isinstance(
                    failure, ChromiumError) else str(failure)
                if isinstance(failure, OSError) and not isinstance(failure, ChromiumError):
                    error, code = failure.strerror or error, failure.errno  # a full disk ...
                if self._printer is not None:  # a fresh browser for the next report
                    self._printer.close()
                    self._printer = None
            self.replies[ident[0]].put((ident, error, code))

    def worker_args(self) -> tuple:
        """What a worker process needs to build its :class:`RemotePrinter`."""
        return self.requests, self.replies, self.slots, getattr(self._engine, "in_place", False)

    def close(self) -> None:
        """Stop serving (after the workers are done) and stop the engine."""
        self.requests.put(None)
        self._thread.join()
        if self._printer is not None:
            self._printer.close()


class RemotePrinter:
    """A worker's handle on the parent's :class:`PrintServer` (same calls as the engine)."""

    def __init__(self, requests: Any, replies: list, slots: Any, in_place: bool = False) -> None:
        self.in_place = in_place  # the parent's engine takes draft and parts
        self._requests = requests
        self._slot = slots.get()
        self._replies = replies[self._slot]
        self._count = 0

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "", **passes: Any
                  ) -> None:
        """Have the parent's engine print ``html_file`` (``passes``: its ``draft`` and
        ``parts``, when it takes them); raises :class:`ChromiumError`."""
        self._count += 1
        ident = (self._slot, self._count)
        self._requests.put((ident, str(html_file), str(pdf_file), footer, passes))
        deadline = time.monotonic() + PRINT_WAIT
        while True:  # an answer to an earlier request given up on is skipped
            try:
                answer, error, code = self._replies.get(
                    timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ChromiumError(_("no PDF from the printing Chromium within {seconds} s")
                                    .format(seconds=PRINT_WAIT)) from None
            if answer == ident:
                break
        if code is not None:  # writing the PDF failed, not the browser: the same error here
            raise OSError(code, error, str(pdf_file))
        if error:
            raise ChromiumError(error)

    def close(self) -> None:
        """Nothing to stop: the engine belongs to the parent process."""
