"""Which PDF printer a render uses, and ONE printer shared by parallel worker processes.

:func:`pdf_engine` names the engine (today only ``chromium``, :mod:`lkip_helpers.pdf`) and
:func:`resolve_pdf` finds its executable once per ``lkip render``. A Chromium holds about
0.6 GiB while it prints a report; one per worker would double that, so parallel workers do not
start their own: the parent's :class:`PrintServer` prints for them, and each worker holds a
:class:`RemotePrinter` with the same calls as the engine (``print_pdf``, ``close``).

Processes the parent did not start itself (the workers of a Dask ``LocalCluster``, started by
their nannies) reach the same server over a local socket instead of inherited queues
(:meth:`PrintServer.listen`, :class:`SocketPrinter`): one browser per machine, as with the pool.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import tempfile
import threading
import time
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Listener
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

    Workers the parent starts send requests over :attr:`requests` and each reads its answers
    from its own queue (:class:`RemotePrinter` picks a free one); other processes on this
    machine connect to :meth:`listen`'s socket (:class:`SocketPrinter`). One print runs at a
    time. The engine boots while the workers start their kernels and is replaced after a
    crash. ``context`` None: no queues, only the socket.
    """

    def __init__(self, engine: Any, executable: Path, log: TextIO, context: Any = None,
                 workers: int = 0) -> None:
        self._engine, self._executable, self._log = engine, executable, log
        self._printing = threading.Lock()
        self._listener: Listener | None = None
        self._socket_dir: str | None = None
        self._connections: set = set()  # open to printers of other processes
        self._closing = False
        self._printer: Printer | None = engine(executable, log)
        self._thread: threading.Thread | None = None
        if context is not None:
            self.requests = context.Queue()
            self.replies = [context.Queue() for _ in range(workers)]
            self.slots = context.Queue()
            for slot in range(workers):
                self.slots.put(slot)
            self._thread = threading.Thread(target=self._serve, name="lkip-print", daemon=True)
            self._thread.start()

    def print_one(self, html_file: str, pdf_file: str, footer: str, passes: dict
                  ) -> tuple[str, int | None]:
        """Print one request; the answer is ``(error, errno)``: ``("", None)`` when printed,
        else the one-line error and, for a failed write (a full disk), its errno."""
        with self._printing:
            try:
                if self._printer is None:
                    self._printer = self._engine(self._executable, self._log)
                self._printer.print_pdf(Path(html_file), Path(pdf_file), footer, **passes)
            except Exception as failure:  # noqa: BLE001 - the worker reports it in one line
                error, code = f"{type(failure).__name__}: {failure}" if not isinstance(
                    failure, ChromiumError) else str(failure), None
                if isinstance(failure, OSError) and not isinstance(failure, ChromiumError):
                    error, code = failure.strerror or error, failure.errno  # a full disk ...
                if self._printer is not None:  # a fresh browser for the next report
                    self._printer.close()
                    self._printer = None
                return error, code
            return "", None

    def _serve(self) -> None:
        while (request := self.requests.get()) is not None:
            ident, html_file, pdf_file, footer, passes = request
            self.replies[ident[0]].put((ident, *self.print_one(html_file, pdf_file, footer,
                                                               passes)))

    def worker_args(self) -> tuple:
        """What a worker process needs to build its :class:`RemotePrinter`."""
        return self.requests, self.replies, self.slots, getattr(self._engine, "in_place", False)

    # -- over a local socket ---------------------------------------------------------------
    def listen(self) -> tuple:
        """Serve processes of this machine too; returns what one needs to build its
        :class:`SocketPrinter`: the socket's address (in a private folder), a random key, the
        host name and whether the engine prints in place."""
        if self._listener is None:
            self._socket_dir = tempfile.mkdtemp(prefix="lkip-print-")
            self._key = os.urandom(32)
            self._listener = Listener(os.path.join(self._socket_dir, "socket"), "AF_UNIX",
                                      authkey=self._key)
            self._accepting = threading.Thread(target=self._accept, name="lkip-print-accept",
                                               daemon=True)
            self._accepting.start()
        return (self._listener.address, self._key, socket.gethostname(),
                getattr(self._engine, "in_place", False))

    def _accept(self) -> None:
        while not self._closing:
            try:
                connection = self._listener.accept()
            except Exception:  # noqa: BLE001 - closed, or a caller without the key
                if self._closing:
                    return
                continue
            threading.Thread(target=self._answer, args=(connection,), name="lkip-print-conn",
                             daemon=True).start()

    def _answer(self, connection: Any) -> None:
        self._connections.add(connection)
        with connection:
            while not self._closing:
                try:
                    number, html_file, pdf_file, footer, passes = connection.recv()
                    connection.send((number, *self.print_one(html_file, pdf_file, footer,
                                                             passes)))
                except (EOFError, OSError):  # the worker closed its printer, or went away
                    break
        self._connections.discard(connection)

    def close(self) -> None:
        """Stop serving (after the workers are done) and stop the engine."""
        self._closing = True
        if self._thread is not None:
            self.requests.put(None)
            self._thread.join()
        if self._listener is not None:
            listener, self._listener = self._listener, None
            # Wakes the accepting thread, which then sees that it is closing. A bare connection,
            # without the handshake: that thread may have ended already (it checks between two
            # callers), and a handshake would then wait for it forever.
            try:
                with socket.socket(socket.AF_UNIX) as wake:
                    wake.connect(listener.address)
            except OSError:
                pass
            listener.close()
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            for connection in list(self._connections):  # wakes their threads: they end
                try:
                    socket.socket(fileno=os.dup(connection.fileno())).shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        with self._printing:
            if self._printer is not None:
                self._printer.close()
                self._printer = None


def _raise_for(error: str, code: int | None, pdf_file: Path) -> None:
    """Raise what the server's answer says went wrong, if anything."""
    if code is not None:  # writing the PDF failed, not the browser: the same error here
        raise OSError(code, error, str(pdf_file))
    if error:
        raise ChromiumError(error)


def _no_answer() -> ChromiumError:
    return ChromiumError(_("no PDF from the printing Chromium within {seconds} s")
                         .format(seconds=PRINT_WAIT))


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
                raise _no_answer() from None
            if answer == ident:
                break
        _raise_for(error, code, pdf_file)

    def close(self) -> None:
        """Nothing to stop: the engine belongs to the parent process."""


class SocketPrinter:
    """A handle on a :class:`PrintServer` of this machine, over its socket
    (:meth:`PrintServer.listen`'s tuple); the same calls as the engine. It connects at the
    first print."""

    def __init__(self, address: str, key: bytes, host: str = "", in_place: bool = False
                 ) -> None:
        self.in_place = in_place
        self._address, self._key = address, key
        self._connection: Any = None
        self._count = 0

    @staticmethod
    def reaches(server: tuple | None) -> bool:
        """True when the server of :meth:`PrintServer.listen`'s tuple runs on this machine
        and its socket is there: a process elsewhere prints with its own engine."""
        return bool(server) and server[2] == socket.gethostname() and os.path.exists(server[0])

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "", **passes: Any
                  ) -> None:
        """Have the server's engine print ``html_file``; raises :class:`ChromiumError`."""
        self._count += 1
        try:
            if self._connection is None:
                self._connection = Client(self._address, "AF_UNIX", authkey=self._key)
            self._connection.send((self._count, str(html_file), str(pdf_file), footer, passes))
            deadline = time.monotonic() + PRINT_WAIT
            while True:  # an answer to an earlier request given up on is skipped
                if not self._connection.poll(max(0.0, deadline - time.monotonic())):
                    raise _no_answer()
                number, error, code = self._connection.recv()
                if number == self._count:
                    break
        except (EOFError, OSError, AuthenticationError) as failure:  # the server is gone
            self.close()
            raise ChromiumError(_("the printing Chromium of this machine cannot be reached: "
                                  "{error}").format(error=failure or type(failure).__name__)
                                ) from None
        _raise_for(error, code, pdf_file)

    def close(self) -> None:
        """Disconnect (the engine belongs to the server's process)."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                connection.close()
            except OSError:
                pass
