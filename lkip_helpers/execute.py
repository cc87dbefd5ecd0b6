"""Execute chapter notebooks in ONE Jupyter kernel that is reused from chapter to chapter.

Starting a kernel and importing pandas, matplotlib and ``lkip_helpers`` into it costs more
than running a whole chapter, so :class:`ChapterKernel` starts one kernel per worker and runs
every chapter of every unit-year of that worker in it. Between chapters the user namespace is
cleared (``%reset -f``) and figures are closed, so a chapter sees only its own variables, while
imported modules (and the loader's cache of parsed workbooks) stay warm.

Parameters are injected the papermill way (:func:`papermill.parameterize.parameterize_notebook`:
an ``injected-parameters`` cell after the ``parameters`` cell), so an executed notebook looks
exactly like one papermill would have written.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

# jsonschema (imported by nbformat) registers optional format checkers; the one for IRIs
# (rfc3987-syntax) compiles a Lark grammar at import time, about 1.7 s on every run. Notebook
# validation never checks IRI formats, so the module is marked absent before nbformat loads.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402
from jupyter_client.manager import AsyncKernelManager  # noqa: E402
from jupyter_core.paths import jupyter_data_dir  # noqa: E402
from jupyter_core.utils import ensure_dir_exists  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError  # noqa: E402
from nbformat import NotebookNode  # noqa: E402
from nbformat.sign import NotebookNotary, SQLiteSignatureStore  # noqa: E402

from .errors import RenderError  # noqa: E402
from .i18n import _  # noqa: E402

KERNEL_NAME = "python3"

#: Run before every chapter: the chapter starts with an empty namespace and no open figure.
#: ``%reset -f`` would do the same but run two full garbage collections over the whole heap
#: (pandas, matplotlib, IPython: about 0.15 s each, 2 s of a unit-year's 8 notebooks). The
#: shell's own ``reset`` clears the namespace and its output cache with one collection; the
#: heap that exists after the warm imports and after each chapter's reset is frozen
#: (``gc.freeze``: out of the collector's sight, still freed by reference counting), so a
#: collection looks only at what the last chapter left behind.
_RESET_CODE = (
    "get_ipython().reset(new_session=False)\n"
    "import gc as _g, sys as _s\n"
    "if 'matplotlib.pyplot' in _s.modules:\n"
    "    _s.modules['matplotlib.pyplot'].close('all')\n"
    "_g.collect()\n"
    "_g.freeze()\n"
    "del _g, _s\n"
)
#: Run after the reset: the chapter's environment (the file name of the chapter about to run,
#: for its number; what else the render asks of it, e.g. PNG charts for Word).
_ENV_CODE = "import os as _o\n_o.environ.update({environ!r})\ndel _o\n"
#: Imported while the kernel waits for its first chapter (they are needed by every chapter).
#: pandera imports hypothesis when it is installed (0.2 s at import, 0.3 s more at the first
#: check) only to offer data-synthesis strategies, which rendering never uses: the kernel
#: marks hypothesis absent first, and pandera then runs without it.
_WARM_CODE = (
    "import sys as _s\n"
    "_s.modules.setdefault('hypothesis', None)\n"
    "del _s\n"
    "import pandas, lkip_helpers.chapter, lkip_helpers.html_report\n"
    "import gc as _g\n"
    "_g.collect()\n"
    "_g.freeze()\n"
    "del _g\n"
)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    """``text`` without the terminal colour codes IPython puts in tracebacks."""
    return _ANSI.sub("", text)


@dataclass(frozen=True)
class ChapterError:
    """Why a chapter stopped: the cell (1-based, as the author sees it) and the exception."""

    cell: int | None
    ename: str
    evalue: str
    traceback: str = ""

    def __str__(self) -> str:
        where = (_("cell {cell}").format(cell=self.cell) if self.cell is not None
                 else _("before the first cell"))
        return f"{where}: {self.ename}: {self.evalue}"


class ChapterFailed(RenderError):
    """A chapter raised, timed out or killed its kernel; ``.notebook`` holds what ran.

    ``chapter`` (the notebook's name, e.g. ``02_capaian_kinerja``) is set by the caller that
    knows it; the message is then "chapter 02_capaian_kinerja, cell 5: ValueError: ...".
    """

    def __init__(self, error: ChapterError, notebook: NotebookNode) -> None:
        super().__init__(str(error))
        self.error = error
        self.notebook = notebook
        self.chapter: str | None = None

    def message(self) -> str:
        if self.chapter:
            return _("chapter {chapter}, {error}").format(chapter=self.chapter, error=self.error)
        return str(self.error)


def author_cell_number(nb: NotebookNode, index: int) -> int:
    """1-based position of cell ``index`` in the notebook as stored (injected cells not counted)."""
    injected = sum(
        1 for cell in nb.cells[:index] if "injected-parameters" in cell.metadata.get("tags", [])
    )
    return index - injected + 1


def read_notebook(path: Path) -> NotebookNode:
    """Read a notebook file (nbformat 4)."""
    return nbformat.read(str(path), as_version=4)


def write_notebook(nb: NotebookNode, path: Path) -> None:
    """Write ``nb`` (nbformat 4) to ``path`` (creating its folder), as ``nbformat.write`` does
    but without validating it against the schema once more: it was read valid and nbclient
    validated every output as it came (the whole notebook again cost about 10 ms a chapter)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.v4.nbjson.writes(nb)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


class _Signatures(SQLiteSignatureStore):
    """Jupyter's database of trusted notebooks, opened without nbformat's repair: a database
    that cannot be opened (locked by another process for long, damaged) is left as it is and
    the notebook is not signed, where nbformat would move it aside and start an empty one
    (every notebook the user trusted would lose its trust)."""

    def _connect_db(self, db_file: str) -> sqlite3.Connection:
        db = sqlite3.connect(db_file, timeout=30,
                             detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
        try:
            self.init_db(db)
        except sqlite3.Error:
            db.close()
            raise
        return db


def sign_notebook(nb: NotebookNode, data_dir: str | None = None) -> str:
    """Sign ``nb`` with nbformat's notary, so that Jupyter on this machine opens it trusted (its
    HTML outputs, the report's tables with their styles, are shown as they are); "" when done,
    else why not (the caller logs it: an unsigned notebook still opens, untrusted).

    The signature goes to the user's Jupyter data folder (``data_dir``, default
    ``jupyter_data_dir()``: where JupyterLab looks), as ``jupyter trust`` would put it; sign
    the notebook as it is written, since any later change breaks the signature.
    """
    data_dir = data_dir or jupyter_data_dir()
    database = str(Path(data_dir) / "nbsignatures.db")  # NotebookNotary's own choice
    try:
        ensure_dir_exists(data_dir, 0o700)  # as Jupyter makes it: the secret key goes there
        with NotebookNotary(data_dir=data_dir, db_file=database,
                            store_factory=lambda: _Signatures(database)) as notary:
            notary.sign(nb)
    except (OSError, sqlite3.Error) as error:
        return f"{type(error).__name__}: {error}"
    return ""


class ChapterKernel:
    """One IPython kernel, started once and reused for every chapter run through it.

    ``cwd`` is the kernel's working directory (the notebooks folder, as in Jupyter);
    ``log`` receives the kernel process's own stdout/stderr so they stay off the terminal.
    Call :meth:`close` (or use ``with``) to stop the kernel.
    """

    def __init__(self, cwd: Path, log: TextIO | None = None, startup_timeout: float = 60) -> None:
        self.cwd = Path(cwd)
        self._log = log
        self._startup_timeout = startup_timeout
        self._loop = asyncio.new_event_loop()
        self.km: AsyncKernelManager | None = None
        self.kc: Any = None
        self._run(self._start())

    # -- lifecycle ----------------------------------------------------------------------------
    def _run(self, coro: Any) -> Any:
        return self._loop.run_until_complete(coro)

    async def _start(self) -> None:
        self.km = AsyncKernelManager(kernel_name=KERNEL_NAME)
        streams = {"stdout": self._log, "stderr": self._log} if self._log else {}
        await self.km.start_kernel(cwd=str(self.cwd), **streams)
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=self._startup_timeout)
        # Warm the imports every chapter needs while the caller prepares its first chapter.
        self.kc.execute(_WARM_CODE, silent=True, store_history=False)

    def restart(self) -> None:
        """Replace the kernel with a fresh one (after a timeout, a crash or a failed chapter)."""
        self._run(self._stop())
        self._run(self._start())

    async def _stop(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            if await self.km.is_alive():
                await self.km.shutdown_kernel(now=True)
            self.km = None

    def close(self) -> None:
        """Stop the kernel and release the event loop."""
        try:
            self._run(self._stop())
        finally:
            self._loop.close()

    def __enter__(self) -> ChapterKernel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- execution ----------------------------------------------------------------------------
    def _client(self, nb: NotebookNode, timeout: float | None) -> NotebookClient:
        client = NotebookClient(
            nb, km=self.km, kernel_name=KERNEL_NAME, timeout=timeout,
            interrupt_on_timeout=False, allow_errors=False,
            resources={"metadata": {"path": str(self.cwd)}},
        )
        client.kc = self.kc
        client.reset_execution_trackers()
        return client

    async def _execute(self, nb: NotebookNode, timeout: float | None) -> None:
        client = self._client(nb, timeout)
        for index, cell in enumerate(nb.cells):
            try:
                await client.async_execute_cell(cell, index, store_history=False)
            except CellTimeoutError:
                raise ChapterFailed(ChapterError(
                    author_cell_number(nb, index), "TimeoutError",
                    _("the cell ran longer than {seconds:g} s and was stopped").format(
                        seconds=timeout)), nb) from None
            except CellExecutionError as error:
                raise ChapterFailed(ChapterError(
                    author_cell_number(nb, index), error.ename, error.evalue,
                    strip_ansi(error.traceback)), nb) from None
            except DeadKernelError:
                raise ChapterFailed(ChapterError(
                    author_cell_number(nb, index), "DeadKernelError",
                    _("the kernel died while running the cell")), nb) from None

    def run_code(self, code: str, timeout: float | None = None) -> NotebookNode:
        """Execute ``code`` as a one-cell notebook; return that notebook with its outputs."""
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        self._run(self._execute(nb, timeout))
        return nb

    def run_json(self, code: str, timeout: float | None = None) -> Any:
        """Execute ``code``, which must print one JSON document, and return it decoded."""
        nb = self.run_code(code, timeout)
        text = "".join(
            out.get("text", "") for out in nb.cells[0].outputs
            if out.output_type == "stream" and out.name == "stdout"
        )
        return json.loads(text)

    def run_chapter(
        self, source: NotebookNode, parameters: dict[str, Any], timeout: float | None = None,
        name: str | None = None, environ: dict[str, str] | None = None,
    ) -> NotebookNode:
        """Execute a chapter notebook with ``parameters`` injected; return the executed copy.

        The namespace is reset first, the kernel's environment updated with ``environ``, and
        ``LKIP_NOTEBOOK`` set to the notebook's file ``name``: a chapter takes its number from
        it (:func:`lkip_helpers.chapter.nomor_bab`). Raises :class:`ChapterFailed` (carrying the partly
        executed notebook) when a cell raises, times out or kills the kernel; after that the
        kernel should be :meth:`restart`-ed before further use.
        """
        # papermill (with its I/O handlers: pyarrow, requests...) loads at the first chapter,
        # or earlier beside the kernels' start (lkip_helpers.pipeline.warm_imports)
        from papermill.parameterize import parameterize_notebook

        nb = copy.deepcopy(source)
        nb.metadata.setdefault("papermill", {})  # what papermill's own loader adds
        for cell in nb.cells:
            cell.metadata.setdefault("tags", [])
        nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL_NAME, language="python")
        environ = {**(environ or {}), "LKIP_NOTEBOOK": name or ""}
        self.run_code(_RESET_CODE + _ENV_CODE.format(environ=environ), timeout)
        self._run(self._execute(nb, timeout))
        return nb
