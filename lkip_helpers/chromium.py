"""The Chromium printing engine: headless Chromium (or Chrome, or Edge) driven over DevTools.

Chromium's ``--print-to-pdf`` command line cannot number pages (CSS ``@page`` counters are not
rendered in headless mode), so :class:`Chromium` speaks the Chrome DevTools Protocol (CDP) and
calls ``Page.printToPDF`` with a footer template showing "Halaman N dari M". One browser
prints every report of an ``lkip render`` (see :mod:`lkip_helpers.render`).

Two transports carry the same CDP messages:

* ``pipe`` (Linux, macOS; the default there): ``--remote-debugging-pipe``, JSON messages
  separated by NUL bytes on the browser's file descriptors 3 (in) and 4 (out). No port is
  opened. A thread reads the messages into a queue, so waiting has a timeout without
  ``select()``.
* ``websocket`` (Windows, where a child cannot be given descriptors 3 and 4; selectable
  everywhere): ``--remote-debugging-port=0``; Chromium picks a free port on 127.0.0.1 and
  writes it, with the browser's path, to ``<profile>/DevToolsActivePort``; we connect with
  ``websocket-client``.

The browser's own output (stdout and stderr) is copied line by line to the ``log`` given to
the constructor; its last line explains a browser that stops at once. Stopping is
``Browser.close``, then, if the browser does not exit, killing it and its children (psutil,
on every system); the temporary profile is then removed.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import psutil

from .errors import RenderError, UsageError
from .i18n import Msg
from .pdf import A4_INCHES, MARGINS_INCHES, PdfEngine, footer_template

#: Executable names tried on PATH, in order, when no path is given.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
              "msedge", "microsoft-edge", "microsoft-edge-stable")
ENV_VAR = "LKIP_CHROMIUM"
INSTALL_HINT = Msg(
    "install Chromium, Google Chrome or Microsoft Edge to get the PDF (Debian/Ubuntu: sudo "
    "apt-get install chromium; Fedora: sudo dnf install chromium; macOS and Windows: install "
    "Google Chrome or Microsoft Edge from their web sites), or pass --chromium PATH / set "
    "{env_var}", env_var=ENV_VAR)

#: Windows: below %PROGRAMFILES%, %PROGRAMFILES(X86)% and %LOCALAPPDATA%.
WINDOWS_BASES = ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
WINDOWS_PROGRAMS = (("Google", "Chrome", "Application", "chrome.exe"),
                    ("Chromium", "Application", "chrome.exe"),
                    ("Microsoft", "Edge", "Application", "msedge.exe"))
#: macOS: application bundles in these folders (``~`` is the user's home).
MACOS_FOLDERS = ("/Applications", "~/Applications")
MACOS_PROGRAMS = ("Google Chrome.app/Contents/MacOS/Google Chrome",
                  "Chromium.app/Contents/MacOS/Chromium",
                  "Microsoft Edge.app/Contents/MacOS/Microsoft Edge")

# No --no-pdf-header-footer: it only concerns --print-to-pdf, and with it Chromium 156 kills
# the renderer of pages opened over the DevTools pipe. Header and footer are set per print
# (our footer template; no URL, no date). The transport adds its --remote-debugging-* flag.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    # Fewer, leaner processes (about 0.9 GiB at the peak of printing a report, summed over
    # its processes, instead of 1.2 GiB): no zygote, GPU and network in the browser process,
    # one renderer, no site isolation (only our own local file is opened) and no spare
    # renderer or background features. Unlike --single-process, a supported configuration.
    "--no-zygote", "--in-process-gpu", "--renderer-process-limit=1",
    "--enable-features=NetworkServiceInProcess2", "--disable-site-isolation-trials",
    "--disable-features=SpareRendererForSitePerProcess,Translate,OptimizationHints,MediaRouter",
)

TRANSPORTS = ("auto", "pipe", "websocket")
#: Seconds given to a browser to exit after Browser.close before it is killed.
CLOSE_WAIT = 10
#: Longest piece of the browser's output quoted in an error message.
MAX_OUTPUT_CHARS = 200
#: A draft is printed with nothing painted: every element keeps its box (``visibility`` does
#: not change the layout, so the pages break and the named destinations fall as in the final
#: print, which pagination checks), but no text, picture or background is drawn and encoded:
#: the draft then costs the browser about half of a visible one. Added before the draft is
#: printed and removed after.
_DRAFT_ON = ("{ const style = document.createElement('style'); style.id = 'lkip-draf';"
             " style.textContent = 'html, body, body * { visibility: hidden !important; }';"
             " document.head.append(style); }")
_DRAFT_OFF = "document.getElementById('lkip-draf').remove()"
#: Drafts kept loaded for their final print at most (one per worker printing through the
#: browser; an older one whose final print never came is closed).
MAX_KEPT = 8


class ChromiumError(RenderError):
    """Chromium is missing, did not start, or failed to print (a one-line message)."""


def find_chromium(explicit: str | os.PathLike | None = None) -> Path | None:
    """The Chromium to use: ``explicit``, else ``$LKIP_CHROMIUM``, else the usual places."""
    return Chromium.find(explicit)


def choose_transport(transport: str = "auto") -> str:
    """``pipe`` or ``websocket``: ``auto`` is the websocket on Windows, the pipe elsewhere."""
    if transport not in TRANSPORTS:
        raise UsageError(Msg("no Chromium transport named {name}; known transports: {known}",
                             name=transport, known=", ".join(TRANSPORTS)))
    if transport == "auto":
        return "websocket" if os.name == "nt" else "pipe"
    if transport == "pipe" and os.name == "nt":
        raise UsageError(Msg("the pipe transport does not work on Windows; use websocket"))
    return transport


class _Closed(Exception):
    """The DevTools connection ended (the browser exited or closed it)."""


class _Timeout(Exception):
    """No message within the time given."""


# -- the browser's output ----------------------------------------------------------------------
class _Output:
    """Copies the browser's output to ``log`` line by line, keeping the last non-empty line.

    The reading thread always drains the stream (a full pipe would block the browser), even
    once ``log`` cannot be written to any more.
    """

    def __init__(self, stream: BinaryIO, log: TextIO | None) -> None:
        self._stream, self._log = stream, log
        self.last: collections.deque[str] = collections.deque(maxlen=1)
        self._thread = threading.Thread(target=self._copy, name="lkip-chromium-output",
                                         daemon=True)
        self._thread.start()

    def _copy(self) -> None:
        try:
            for raw in self._stream:
                line = raw.decode("utf-8", "replace")
                if line.strip():
                    self.last.append(line.strip())
                if self._log is not None:
                    try:
                        self._log.write(line)
                    except (OSError, ValueError):  # closed or full: keep draining
                        self._log = None
        except (OSError, ValueError):
            pass

    def last_line(self, wait: float = 0) -> str:
        """The last line written (after up to ``wait`` s for the stream to end)."""
        self._thread.join(wait)
        text = self.last[-1] if self.last else ""
        return text if len(text) <= MAX_OUTPUT_CHARS else text[: MAX_OUTPUT_CHARS - 1] + "…"

    def close(self) -> None:
        self._thread.join(5)
        if not self._thread.is_alive():  # never close a stream a thread still reads
            self._stream.close()
        if self._log is not None:
            try:
                self._log.flush()
            except (OSError, ValueError):
                pass


# -- transports --------------------------------------------------------------------------------
class _PipeTransport:
    """``--remote-debugging-pipe``: the browser reads fd 3 and writes fd 4 (POSIX only).

    The browser is started with :func:`os.posix_spawn`, whose file actions put each pipe end
    at its descriptor in the child (``dup2``) before ``exec``: no shell, and unlike
    ``subprocess.Popen(preexec_fn=...)`` no Python code runs between fork and exec, which is
    not safe while other threads run (``lkip render`` starts the browser from a thread).
    """

    flag = "--remote-debugging-pipe"

    def __init__(self, command: list[str], log: TextIO | None) -> None:
        import fcntl

        def high(fd: int) -> int:
            # Move fds below 5 away, so no dup2 below overwrites another source fd.
            if fd >= 5:
                return fd
            moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5)
            os.close(fd)
            return moved

        # os.pipe() gives non-inheritable ends: only the dup2 copies reach the browser.
        fds = [high(fd) for fd in (*os.pipe(), *os.pipe(), *os.pipe())]
        to_browser_r, self._to_browser, self._from_browser, from_browser_w, out_r, out_w = fds
        try:
            pid = os.posix_spawn(command[0], command, os.environ, file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_DUP2, out_w, 1), (os.POSIX_SPAWN_DUP2, out_w, 2),
                (os.POSIX_SPAWN_DUP2, to_browser_r, 3), (os.POSIX_SPAWN_DUP2, from_browser_w, 4),
            ], setpgroup=0,  # its own process group: a Ctrl-C in the terminal is ours to handle
                setsigdef=(signal.SIGPIPE, signal.SIGXFSZ))  # as Popen(restore_signals=True)
        except BaseException:
            for fd in fds:
                os.close(fd)
            raise
        for fd in (to_browser_r, from_browser_w, out_w):
            os.close(fd)
        self.process = _SpawnedProcess(pid)
        self.output = _Output(open(out_r, "rb"), log)  # noqa: SIM115 - closed by _Output
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="lkip-chromium-pipe",
                                        daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Split what the browser writes at NUL bytes into messages; None at the end."""
        parts: list[bytes] = []
        try:
            while chunk := os.read(self._from_browser, 1 << 20):
                *complete, rest = chunk.split(b"\0")
                for piece in complete:
                    parts.append(piece)
                    try:
                        self._messages.put(json.loads(b"".join(parts)))
                    except ValueError:
                        pass
                    parts = []
                if rest:
                    parts.append(rest)
        except OSError:
            pass
        finally:
            self._messages.put(None)

    def connect(self, deadline: float) -> None:
        """Nothing to do: the pipe is there from the start."""

    def send(self, message: dict[str, Any]) -> None:
        data = memoryview(json.dumps(message).encode() + b"\0")
        try:
            while data:
                data = data[os.write(self._to_browser, data):]
        except OSError as exc:  # BrokenPipeError: the browser is gone
            raise _Closed from exc

    def receive(self, deadline: float) -> dict[str, Any]:
        try:
            message = self._messages.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise _Timeout from None
        if message is None:
            self._messages.put(None)  # the end stays the end for later calls
            raise _Closed
        return message

    def close(self) -> None:
        """Close our pipe ends (the browser has exited, so the reader has ended)."""
        os.close(self._to_browser)
        self._reader.join(5)
        if not self._reader.is_alive():  # never close a descriptor a thread still reads
            os.close(self._from_browser)
        self.output.close()


class _WebSocketTransport:
    """``--remote-debugging-port=0``: a WebSocket on 127.0.0.1 (every system)."""

    flag = "--remote-debugging-port=0"

    def __init__(self, command: list[str], log: TextIO | None, profile: str) -> None:
        self._profile = profile
        # Its own process group / session: a Ctrl-C in the terminal is ours to handle.
        extra: dict[str, Any] = (
            {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if os.name == "nt"
            else {"start_new_session": True})
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, **extra)
        self.output = _Output(self.process.stdout, log)
        self._socket: Any = None

    def connect(self, deadline: float) -> None:
        """Wait for ``DevToolsActivePort`` in the profile, then open the WebSocket."""
        if self._socket is not None:
            return
        import websocket

        port_file = Path(self._profile) / "DevToolsActivePort"
        while True:
            try:
                port, path = port_file.read_text(encoding="utf-8").split("\n")[:2]
                url = f"ws://127.0.0.1:{int(port)}{path.strip()}"
                break
            except (OSError, ValueError):  # not written yet, or half written
                pass
            if self.process.poll() is not None:
                raise _Closed
            if time.monotonic() > deadline:
                raise _Timeout
            time.sleep(0.05)
        try:  # no Origin header: Chromium refuses origins not given in --remote-allow-origins
            self._socket = websocket.create_connection(
                url, timeout=max(0.1, deadline - time.monotonic()), suppress_origin=True)
        except websocket.WebSocketTimeoutException:
            raise _Timeout from None
        except (OSError, websocket.WebSocketException) as exc:
            raise _Closed from exc

    def send(self, message: dict[str, Any]) -> None:
        import websocket

        if self._socket is None:  # never connected (closing a browser that never printed)
            raise _Closed
        try:
            self._socket.send(json.dumps(message))
        except (OSError, websocket.WebSocketException) as exc:
            raise _Closed from exc

    def receive(self, deadline: float) -> dict[str, Any]:
        import websocket

        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _Timeout
            self._socket.settimeout(left)
            try:
                text = self._socket.recv()
            except (websocket.WebSocketTimeoutException, TimeoutError):
                raise _Timeout from None
            except (OSError, websocket.WebSocketException) as exc:
                raise _Closed from exc
            try:
                return json.loads(text)
            except ValueError:
                continue

    def close(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(Exception):  # the browser is gone: nothing to close
                self._socket.close(timeout=1)
        self.output.close()


class _SpawnedProcess:
    """The few :class:`subprocess.Popen` calls we need, for a child from ``os.posix_spawn``."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere
                self.returncode = -1
            else:
                if pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.02)
        return self.returncode  # type: ignore[return-value]

    def kill(self) -> None:
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)


# -- the engine --------------------------------------------------------------------------------
class Chromium(PdfEngine):
    """A headless Chromium driven over DevTools; prints HTML files to PDF.

    The process starts in the constructor and boots while the caller does other work; the
    first :meth:`print_pdf` waits for it, and raises :class:`ChromiumError` if it could not
    start or stopped. ``log`` receives Chromium's own output. ``timeout``: seconds for the
    browser to start and for each of its answers. ``transport``: ``"auto"``, ``"pipe"`` or
    ``"websocket"`` (see the module docstring). Use :meth:`close` (or ``with``) to stop it and
    delete its temporary profile.
    """

    name = "chromium"
    label = "Chromium"
    install_hint = INSTALL_HINT
    env_var = ENV_VAR
    program_names = CANDIDATES
    error = ChromiumError
    in_place = True

    @classmethod
    def usual_places(cls) -> list[str]:
        """The names on PATH, then where Chrome, Chromium and Edge install on Windows/macOS."""
        places = list(cls.program_names)
        # Program first, then folder: a Chrome the user installed wins over the Edge that
        # comes with Windows.
        if sys.platform == "win32":
            bases = [os.environ[name] for name in WINDOWS_BASES if os.environ.get(name)]
            places += [os.path.join(base, *parts) for parts in WINDOWS_PROGRAMS for base in bases]
        elif sys.platform == "darwin":
            places += [os.path.join(os.path.expanduser(folder), program)
                       for program in MACOS_PROGRAMS for folder in MACOS_FOLDERS]
        return places

    def __init__(self, executable: Path, log: TextIO | None = None, timeout: float = 60,
                 transport: str = "auto") -> None:
        super().__init__(executable, log)
        self.timeout = timeout
        self.transport = choose_transport(transport)
        self.profile = tempfile.mkdtemp(prefix="lkip-chromium-")
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self._kept: dict[str, tuple[str, str]] = {}  # html file -> its loaded draft's tab
        self._failure: ChromiumError | None = None  # set once the browser is unusable
        self._closed = False
        self._link: _PipeTransport | _WebSocketTransport | None = None
        command = [str(self.executable), *FLAGS, "--user-data-dir=" + self.profile]
        try:
            if self.transport == "pipe":
                self._link = _PipeTransport([*command, _PipeTransport.flag, "about:blank"], log)
            else:
                self._link = _WebSocketTransport(
                    [*command, _WebSocketTransport.flag, "about:blank"], log, self.profile)
        except OSError as exc:  # not executable, wrong format...: said at the first print
            self._failure = ChromiumError(Msg(
                "Chromium {executable} could not be started: {reason}",
                executable=str(self.executable), reason=exc.strerror or type(exc).__name__))

    @property
    def pid(self) -> int | None:
        """The browser process's id (None if it could not be started)."""
        return self._link.process.pid if self._link is not None else None

    # -- protocol ------------------------------------------------------------------------------
    def _stopped(self) -> ChromiumError:
        """The error for a browser that closed the connection, with its status and output."""
        assert self._link is not None
        try:
            status = self._link.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            status = None
        output = self._link.output.last_line(wait=1)
        executable = str(self.executable)
        if status is None:
            error = Msg("Chromium {executable} closed the DevTools connection",
                        executable=executable)
        elif output:
            error = Msg("Chromium {executable} stopped with exit status {status}: {output}",
                        executable=executable, status=status, output=output)
        else:
            error = Msg("Chromium {executable} stopped with exit status {status}",
                        executable=executable, status=status)
        return ChromiumError(error)

    def _call(self, action: str, *args: Any) -> Any:
        """Call the transport's ``action`` (connect, send, receive); its failures become
        :class:`ChromiumError`, and the browser is not asked anything again after one."""
        if self._failure is not None:
            raise self._failure
        if self._closed:
            raise ChromiumError(Msg("Chromium {executable} was already closed",
                                    executable=str(self.executable)))
        try:
            return getattr(self._link, action)(*args)
        except _Timeout:
            self._failure = ChromiumError(Msg(
                "Chromium {executable} did not answer within {seconds} s",
                executable=str(self.executable), seconds=f"{self.timeout:g}"))
        except _Closed:
            self._failure = self._stopped()
        raise self._failure

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        deadline = time.monotonic() + self.timeout
        self._call("connect", deadline)
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._call("send", message)
        while True:
            reply = self._call("receive", deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise ChromiumError(Msg("Chromium: {method} failed: {reason}", method=method,
                                            reason=reply["error"].get("message")))
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_event(self, method: str, session: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self._events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self._events.clear()
                    return
            self._events.clear()
            self._events.append(self._call("receive", deadline))

    # -- printing ------------------------------------------------------------------------------
    def _print_params(self, footer: str, draft: bool) -> dict[str, Any]:
        """``Page.printToPDF``'s parameters: A4 with our margins, and for a final print the
        footer, tags and bookmarks.

        Tagged: the PDF carries its structure (headings, tables, reading order) for screen
        readers, as a public document should. Outline: one bookmark per heading (h1, h2, h3
        ...), nested as the headings are. Chromium also writes a named destination for every
        element an in-page link points to (the Daftar Isi's links), drafts included:
        :mod:`lkip_helpers.pagination` reads their pages. A draft leaves out tags, bookmarks
        and the footer (drawn in the bottom margin, so the pages break alike), and paints
        nothing (:data:`_DRAFT_ON`).
        """
        params: dict[str, Any] = {
            "paperWidth": A4_INCHES[0], "paperHeight": A4_INCHES[1], **MARGINS_INCHES,
            "printBackground": True, "preferCSSPageSize": False,
        }
        if not draft:
            params.update({"generateTaggedPDF": True, "generateDocumentOutline": True,
                           "displayHeaderFooter": True, "headerTemplate": "<span></span>",
                           "footerTemplate": footer_template(footer)})
        return params

    def _open(self, html_file: Path) -> tuple[str, str]:
        """A new tab showing ``html_file``, loaded: (target id, session id)."""
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        try:
            session = self._send("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
            self._send("Page.enable", session=session)
            self._send("Page.navigate", {"url": Path(html_file).resolve().as_uri()}, session)
            self._wait_event("Page.loadEventFired", session)
        except BaseException:
            self._close_tab(target)
            raise
        return target, session

    def _close_tab(self, target: str) -> None:
        if self._failure is None:  # a browser that stopped answering is not asked again
            self._send("Target.closeTarget", {"targetId": target})

    def _replace(self, session: str, parts: dict[str, str]) -> None:
        """Replace, in the loaded page, the element of each id by its new outer HTML."""
        self._evaluate(session, "(parts => { for (const [id, html] of Object.entries(parts)) {"
                                " const element = document.getElementById(id);"
                                " if (!element) throw new Error('no element #' + id);"
                                " element.outerHTML = html; } })(" + json.dumps(parts) + ")")

    def _evaluate(self, session: str, script: str) -> None:
        """Run ``script`` in the loaded page (DevTools evaluates it outside the page's
        Content-Security-Policy, which forbids scripts); its exception is a ChromiumError."""
        result = self._send("Runtime.evaluate", {"expression": script, "returnByValue": True},
                            session)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise ChromiumError(Msg("Chromium: {method} failed: {reason}",
                                    method="Runtime.evaluate",
                                    reason=details.get("exception", {}).get("description")
                                    or details.get("text")))

    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "", *,
                  draft: bool = False, parts: dict[str, str] | None = None) -> None:
        """Print ``html_file`` to ``pdf_file`` on A4 with "Halaman N dari M" in the footer,
        bookmarks from the headings and named destinations for in-page link targets.

        ``draft``: print for the pages only (the first pass of
        :func:`lkip_helpers.pagination.print_numbered`: no tags, bookmarks or footer, see
        :meth:`_print_params`), and keep the page loaded: the next print of the same
        ``html_file`` uses it instead of loading the file again. ``parts``: element id -> new
        outer HTML, replaced in the page before it is printed (the lists with their page
        numbers).
        """
        key = str(Path(html_file).resolve())
        tab = self._kept.pop(key, None) or self._open(html_file)
        kept = False
        try:
            if parts:
                self._replace(tab[1], parts)
            if draft:
                self._evaluate(tab[1], _DRAFT_ON)
            result = self._send("Page.printToPDF", self._print_params(footer, draft), tab[1])
            if draft:
                self._evaluate(tab[1], _DRAFT_OFF)
                self._kept[key], kept = tab, True
                while len(self._kept) > MAX_KEPT:  # drafts whose final print never came
                    self._close_tab(self._kept.pop(next(iter(self._kept)))[0])
        finally:
            if not kept:
                self._close_tab(tab[0])
        Path(pdf_file).write_bytes(base64.b64decode(result["data"]))

    # -- stopping ------------------------------------------------------------------------------
    def close(self) -> None:
        """Stop the browser (Browser.close, else kill it and its children); remove the profile."""
        if self._closed:
            return
        self._closed = True
        link = self._link
        try:
            if link is not None:
                process = link.process
                if process.poll() is None and self._failure is None:
                    try:  # politely; the answer does not matter, the exit does
                        link.send({"id": self._next_id + 1, "method": "Browser.close",
                                   "params": {}})
                        process.wait(timeout=CLOSE_WAIT)
                    except (_Closed, OSError, subprocess.TimeoutExpired):
                        pass
                if process.poll() is None:
                    _kill_tree(process)
                link.close()
        finally:
            _remove_tree(self.profile)


def _kill_tree(process: Any) -> None:
    """Kill ``process`` and every process it started (renderers, utilities), on any system."""
    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.Error:
        children = []
    for child in children:
        try:
            child.kill()
        except psutil.Error:
            pass
    process.kill()
    process.wait()
    deadline = time.monotonic() + 5  # killed children are gone, or zombies for init to reap
    while any(_running(child) for child in children) and time.monotonic() < deadline:
        time.sleep(0.02)


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _remove_tree(folder: str, attempts: int = 5) -> None:
    """Remove ``folder``; on Windows a file the browser just closed can stay locked briefly."""
    for attempt in range(attempts):
        shutil.rmtree(folder, ignore_errors=True)
        if not os.path.exists(folder):
            return
        time.sleep(0.2 * (attempt + 1))


__all__ = ["CANDIDATES", "ENV_VAR", "FLAGS", "INSTALL_HINT", "Chromium", "ChromiumError",
           "choose_transport", "find_chromium"]
