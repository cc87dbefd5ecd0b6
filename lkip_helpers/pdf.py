"""Print HTML files to A4 PDF with headless Chromium, with page numbers and no browser header.

Chromium's ``--print-to-pdf`` command line cannot number pages (CSS ``@page`` counters are not
rendered in headless mode), so :class:`Chromium` speaks the Chrome DevTools Protocol over
``--remote-debugging-pipe`` (JSON messages separated by NUL bytes on file descriptors 3 and 4,
no extra dependency) and calls ``Page.printToPDF`` with a footer template showing
"Halaman N dari M". One browser prints every report of an ``lkip render`` (see
:mod:`lkip_helpers.render`).
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from html import escape
from pathlib import Path
from typing import Any, TextIO

#: Executable names tried on PATH, in order, when no path is given.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
              "microsoft-edge", "microsoft-edge-stable")
ENV_VAR = "LKIP_CHROMIUM"
INSTALL_HINT = (
    "install Chromium to get the PDF (Debian/Ubuntu: sudo apt-get install chromium), or pass "
    f"--chromium PATH / set {ENV_VAR}"
)

# A4 in inches (the unit of Page.printToPDF) and margins leaving room for the footer.
A4_INCHES = (8.26, 11.69)
MARGINS_INCHES = {"marginTop": 0.71, "marginBottom": 0.79, "marginLeft": 0.71, "marginRight": 0.71}

# No --no-pdf-header-footer: it only concerns --print-to-pdf, and with it Chromium 156 kills
# the renderer of pages opened over the DevTools pipe. Header and footer are set per print
# (our footer template; no URL, no date).
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--remote-debugging-pipe",
    # Fewer, leaner processes (about 0.9 GiB at the peak of printing a report, summed over
    # its processes, instead of 1.2 GiB): no zygote, GPU and network in the browser process,
    # one renderer, no site isolation (only our own local file is opened) and no spare
    # renderer or background features. Unlike --single-process, a supported configuration.
    "--no-zygote", "--in-process-gpu", "--renderer-process-limit=1",
    "--enable-features=NetworkServiceInProcess2", "--disable-site-isolation-trials",
    "--disable-features=SpareRendererForSitePerProcess,Translate,OptimizationHints,MediaRouter",
)


class ChromiumError(RuntimeError):
    """Chromium is missing, did not start, or failed to print."""


def find_chromium(explicit: str | os.PathLike | None = None) -> Path | None:
    """The Chromium to use: ``explicit``, else ``$LKIP_CHROMIUM``, else the first on PATH."""
    for given in (explicit, os.environ.get(ENV_VAR)):
        if given:
            found = shutil.which(str(given))
            if not found:
                raise ChromiumError(f"Chromium not found at {given}; {INSTALL_HINT}")
            return Path(found)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def footer_template(left: str) -> str:
    """The PDF footer: ``left`` (escaped) and "Halaman N dari M" (filled in by Chromium)."""
    style = ("font-family:'Liberation Sans','DejaVu Sans',sans-serif;font-size:8pt;color:#555;"
             "width:100%;margin:0 18mm;display:flex;justify-content:space-between;")
    return (f'<div style="{style}"><span>{escape(left)}</span>'
            '<span>Halaman <span class="pageNumber"></span> dari '
            '<span class="totalPages"></span></span></div>')


class Chromium:
    """A headless Chromium driven over the DevTools pipe; prints HTML files to PDF.

    The process starts in the constructor and boots while the caller does other work; the
    first :meth:`print_pdf` waits for it. ``log`` receives Chromium's own output. Use
    :meth:`close` (or ``with``) to stop it and delete its temporary profile.
    """

    def __init__(self, executable: Path, log: TextIO | None = None, timeout: float = 60) -> None:
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="lkip-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # The shell moves the pipes to fds 3 and 4, where --remote-debugging-pipe expects them.
        command = ["/bin/sh", "-c", 'exec "$@" 3<&0 4>&1 </dev/null >&2', "sh",
                   str(executable), *FLAGS, f"--user-data-dir={self._profile}", "about:blank"]
        self._proc = subprocess.Popen(
            command, stdin=to_browser_r, stdout=from_browser_w,
            stderr=log if log is not None else subprocess.DEVNULL, start_new_session=True,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    # -- protocol -----------------------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ChromiumError(f"Chromium did not answer within {self.timeout:g} s")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise ChromiumError("Chromium exited unexpectedly (see render.log)")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise ChromiumError(f"{method} failed: {reply['error'].get('message')}")
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
            self._events.append(self._read_message(deadline))

    # -- printing -----------------------------------------------------------------------------
    def print_pdf(self, html_file: Path, pdf_file: Path, footer: str = "") -> None:
        """Print ``html_file`` to ``pdf_file`` on A4 with "Halaman N dari M" in the footer."""
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        try:
            session = self._send("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
            self._send("Page.enable", session=session)
            self._send("Page.navigate", {"url": Path(html_file).resolve().as_uri()}, session)
            self._wait_event("Page.loadEventFired", session)
            # Tagged: the PDF carries its structure (headings, tables, reading order) for
            # screen readers, as a public document should; it costs about 0.1-0.4 s a report.
            result = self._send("Page.printToPDF", {
                "paperWidth": A4_INCHES[0], "paperHeight": A4_INCHES[1], **MARGINS_INCHES,
                "printBackground": True, "preferCSSPageSize": False, "generateTaggedPDF": True,
                "displayHeaderFooter": True, "headerTemplate": "<span></span>",
                "footerTemplate": footer_template(footer),
            }, session)
        finally:
            self._send("Target.closeTarget", {"targetId": target})
        Path(pdf_file).write_bytes(base64.b64decode(result["data"]))

    def close(self) -> None:
        """Stop the browser and remove its temporary profile."""
        try:
            if self._proc.poll() is None:
                try:
                    self._send("Browser.close")
                except (ChromiumError, OSError):
                    pass
                try:
                    self._proc.wait(timeout=10)
                except subprocess.TimeoutExpired:  # its whole process group: renderers too
                    os.killpg(self._proc.pid, signal.SIGKILL)
                    self._proc.wait()
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
