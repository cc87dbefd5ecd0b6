"""One printer for many processes: :class:`PrintServer` over its local socket.

A fake engine stands in for Chromium (writes the PDF's bytes, or fails the way the real one
does); the printers run in other processes, as a LocalCluster's Dask workers do.
"""

from __future__ import annotations

import errno
import io
import multiprocessing
import os
from pathlib import Path

import pytest

from lkip_helpers.chromium import ChromiumError
from lkip_helpers.printing import PrintServer, SocketPrinter


class FakeEngine:
    """Prints ``<html text> | <footer> | <passes>`` into the PDF; a footer names a fault."""

    in_place = True
    started: list[int] = []

    def __init__(self, executable: Path, log) -> None:
        FakeEngine.started.append(os.getpid())
        self.closed = False

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "", **passes) -> None:
        if footer == "crash":
            raise ChromiumError("Chromium stopped while printing")
        if footer == "full":
            raise OSError(errno.ENOSPC, "No space left on device", str(pdf_file))
        pdf_file.write_text(f"{html_file.read_text()} | {footer} | {sorted(passes.items())}")

    def close(self) -> None:
        self.closed = True


def _print_in_process(server: tuple, html: str, pdf: str, footers: list[str], answers) -> None:
    printer = SocketPrinter(*server)
    for footer in footers:
        try:
            printer.print_pdf(Path(html), Path(pdf), footer, draft=True)
            answers.put((footer, "ok", Path(pdf).read_text()))
        except ChromiumError as error:
            answers.put((footer, "ChromiumError", str(error)))
        except OSError as error:
            answers.put((footer, "OSError", (error.errno, error.filename)))
    printer.close()


@pytest.fixture
def server(tmp_path):
    FakeEngine.started.clear()
    printing = PrintServer(FakeEngine, Path("/nonexistent/engine"), io.StringIO())
    yield printing
    printing.close()


def test_processes_of_this_machine_print_through_the_one_engine(server, tmp_path):
    address = server.listen()
    assert SocketPrinter.reaches(address) and address[3] is True  # in place, as its engine
    context = multiprocessing.get_context("spawn")  # not forked: nothing inherited
    answers = context.Queue()
    workers = []
    for number in range(2):
        html = tmp_path / f"unit-{number}.html"
        html.write_text(f"laporan {number}")
        workers.append(context.Process(target=_print_in_process, args=(
            address, str(html), str(tmp_path / f"unit-{number}.pdf"),
            ["Halaman", "crash", "full", "lagi"], answers)))
    for worker in workers:
        worker.start()
    got = sorted(answers.get(timeout=60) for _ in range(8))
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    pdfs = {(tmp_path / f"unit-{n}.pdf").read_text() for n in range(2)}
    assert pdfs == {f"laporan {n} | lagi | [('draft', True)]" for n in range(2)}
    assert [kind for _, kind, _ in got].count("ok") == 4
    assert {(footer, kind) for footer, kind, _ in got} == {
        ("Halaman", "ok"), ("lagi", "ok"), ("crash", "ChromiumError"), ("full", "OSError")}
    assert {answer for footer, _, answer in got if footer == "crash"} == {
        "Chromium stopped while printing"}
    assert {answer for footer, _, answer in got if footer == "full"} == {
        (errno.ENOSPC, str(tmp_path / f"unit-{n}.pdf")) for n in range(2)}
    # engines in this process only: the first, then a fresh one after each of the four
    # failures (two crashes, two full disks), never one per worker
    assert FakeEngine.started == [os.getpid()] * 5


def test_a_printer_elsewhere_or_a_server_gone_is_said_in_one_line(server, tmp_path):
    address = server.listen()
    assert not SocketPrinter.reaches(None)
    assert not SocketPrinter.reaches((address[0], address[1], "mesin-lain", True))
    html = tmp_path / "a.html"
    html.write_text("laporan")
    printer = SocketPrinter(*address)
    printer.print_pdf(html, tmp_path / "a.pdf", "Halaman")
    assert (tmp_path / "a.pdf").read_text() == "laporan | Halaman | []"
    socket_dir = Path(address[0]).parent
    server.close()
    assert not socket_dir.exists()  # the socket's private folder is removed
    assert not SocketPrinter.reaches(address)
    with pytest.raises(ChromiumError) as raised:
        printer.print_pdf(html, tmp_path / "b.pdf", "Halaman")
    assert "cannot be reached" in str(raised.value) and "\n" not in str(raised.value)
    assert not (tmp_path / "b.pdf").exists()


def test_a_caller_without_the_key_is_turned_away(server, tmp_path):
    address = server.listen()
    html = tmp_path / "a.html"
    html.write_text("laporan")
    with pytest.raises(ChromiumError):
        SocketPrinter(address[0], b"bukan kuncinya").print_pdf(html, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()
    SocketPrinter(*address).print_pdf(html, tmp_path / "a.pdf")  # the server still serves
    assert (tmp_path / "a.pdf").read_text() == "laporan |  | []"


def test_closing_never_waits_for_the_accepting_thread(server):
    """The accepting thread checks for closing between two callers: when it has already
    ended, closing must not wait for it (it once waited forever in a handshake)."""
    import socket
    import threading

    address = server.listen()
    server._closing = True  # as if close() had begun while the thread took a caller
    with socket.socket(socket.AF_UNIX) as caller:
        caller.connect(address[0])
    server._accepting.join(10)
    assert not server._accepting.is_alive()
    closing = threading.Thread(target=server.close, daemon=True)
    closing.start()
    closing.join(10)
    assert not closing.is_alive()
    assert not Path(address[0]).parent.exists()
