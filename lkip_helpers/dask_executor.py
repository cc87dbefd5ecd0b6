"""The ``dask`` executor: unit-years rendered on a Dask cluster, one machine or many.

``lkip render --executor dask`` starts a :class:`distributed.LocalCluster` (``jobs`` worker
processes of one thread each) for the batch; with ``--scheduler tcp://host:8786`` it uses a
running cluster instead (``dask scheduler`` / ``dask worker``, Kubernetes, an HPC queue). The
workers need this package and Chromium installed, nothing else: no folder is shared.

How a batch runs:

* **Inputs travel as bytes.** For each unit-year the client reads its workbook and the same
  unit's earlier-year workbooks in the data folder (the reviu compares a year with the years
  its history restates) and sends them with the task. The chapter notebooks travel once per
  batch, in the :class:`_LkipPlugin` every worker receives.
* **A warm worker per Dask thread.** The plugin's state on a worker (:class:`_WorkerBatch`)
  keeps a :class:`~lkip_helpers.pipeline.Worker` (its kernel and its PDF printer) for each
  task running at once, in folders of its own under the worker's local directory, and reuses
  it for the next unit-year; workbooks unchanged since the last task are left as they are, so
  the kernel's loader cache stays warm. The plugin's teardown (end of the batch, or the
  worker shutting down) stops the kernels and engines and removes the folders.
* **One browser per machine on a LocalCluster.** Its workers run beside the client, which
  prints for them with one Chromium (:meth:`PrintServer.listen
  <lkip_helpers.printing.PrintServer.listen>`, over a local socket), as the pool's workers
  print through their parent's: a browser per worker held about 1 GiB more and slowed the
  batch. A worker on another machine (``--scheduler``) prints with its own.
* **Results travel back as bytes.** The worker renders into its own folder exactly as the
  local pool does (:meth:`Worker.render <lkip_helpers.pipeline.Worker.render>`: the report,
  or ``<year>-failed`` after a failure), sends every file of that folder and removes it. The
  client writes them into a temporary folder beside the report
  (:func:`~lkip_helpers.pipeline.build_dir`) and puts it in place as the pipeline does
  (:func:`~lkip_helpers.pipeline.finish_build`: the same atomic swap, or ``<year>-failed``):
  a failure leaves the last good report in place. Paths in the failure's line are the client's. Notebooks signed on
  another machine are signed again here, so the local JupyterLab trusts them.
* **Memory does not grow with the batch.** At most two tasks per Dask thread are in flight;
  the next unit-year's workbooks are read when a slot frees, each result is written as it
  arrives and released on the cluster.
* **Failures stay per unit-year**: a chapter, data or printing failure is the pipeline's
  outcome; a task that raises or a worker that dies (Dask retries it on another worker
  first) is one line for its unit-year; the batch goes on.
* **Ctrl-C**: the client alone decides (a LocalCluster's workers, which share its terminal,
  ignore it while they take part in a batch). It removes the batch from the workers, whose
  teardown stops the renders still running (:meth:`Worker.stop
  <lkip_helpers.pipeline.Worker.stop>`), waits for them, then stops the kernels and engines
  and removes the folders; the command ends in its one line, the last reports untouched.
* **Progress**: every chapter done on a worker is an event (``Worker.log_event``) the client
  turns into a step of the progress bar; when a unit-year's result arrives, the steps it did
  not report are counted then, so the bar ends full.

``distributed`` is imported only when this executor runs, so the package imports and the
other executors work without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import shutil
import signal
import socket
import sys
import tempfile
import threading
import uuid
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from . import config
from .errors import LkipError, RenderError, UsageError
from .execute import sign_notebook
from .executors import BatchProgress, Executor, _no_progress, cpu_count
from .i18n import ENV_VAR, Msg, _, bahasa
from .interrupts import interrupts_blocked
from .pipeline import (FAILED_SUFFIX, REVIU_NOTEBOOK, Options, Outcome, Worker, building,
                       finish_build, report_stamp)
from .printing import PrintServer, SocketPrinter, pdf_engine
from .selection import find_chapters, UnitYear

#: Seconds to wait for a scheduler given by address to answer, and for its first worker.
CONNECT_TIMEOUT = 30
WORKER_WAIT = 120
#: Seconds a worker waits, when the batch is stopped, for its renders to stop.
CLOSE_WAIT = 60
#: Tasks in flight per Dask thread: one running, one waiting with its inputs already sent.
IN_FLIGHT = 2
#: The Python loggers of Dask, routed to the batch's render.log while a batch runs.
DASK_LOGGERS = ("distributed", "dask")


def _distributed():
    """The ``distributed`` module, or a one-line UsageError naming what to install."""
    try:
        import distributed
    except ImportError:
        raise UsageError(Msg("the dask executor needs the Python package distributed: "
                             "pip install 'distributed'")) from None
    return distributed


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


# -- what the client sends -----------------------------------------------------------------
def unit_inputs(item: UnitYear, data_dir: Path) -> dict[int, bytes]:
    """The workbooks a worker needs for ``item``: its own and its unit's earlier years' that
    the data folder holds, as ``{year: bytes of <unit>/<year>/lkip.xlsx}``.

    A missing workbook of ``item`` itself is simply absent: the worker then reports "no
    workbook at ..." as the local pool does. Raises OSError when one cannot be read.
    """
    own = config.unit_year_dir(item.unit, item.year, data_dir)
    found = {}
    for path in sorted(own.parent.glob(f"*/{config.WORKBOOK_NAME}")):
        try:
            year = config.check_year(path.parent.name)
        except config.InvalidName:  # 2023-failed, notes ...: not a year folder
            continue
        if year <= item.year and path.is_file():
            found[year] = path.read_bytes()
    return found


def batch_notebooks(notebooks_dir: Path) -> dict[str, bytes]:
    """The notebooks every unit-year runs (the chapters and the reviu), by file name."""
    paths = find_chapters(notebooks_dir)
    reviu = Path(notebooks_dir) / REVIU_NOTEBOOK
    if reviu.is_file():
        paths.append(reviu)
    return {path.name: path.read_bytes() for path in paths}


def _where() -> tuple[str, str]:
    """This machine and user's Jupyter data folder: where a notebook signature is trusted."""
    from jupyter_core.paths import jupyter_data_dir

    return socket.gethostname(), str(Path(jupyter_data_dir()).resolve())


# -- on the worker ---------------------------------------------------------------------------
@dataclass
class Delivery:
    """What a worker sends back for one unit-year.

    ``files``: the report folder (``failed``: the kept ``<year>-failed`` one) as (path relative
    to it, bytes); ``folders``: the worker's data, reports and notebooks folders, so the client
    can name its own in the outcome's lines; ``log``: what the worker's kernel and engine wrote
    to its batch log during the task; ``where``: see :func:`_where`.
    """

    outcome: Outcome
    files: list[tuple[str, bytes]] = field(default_factory=list)
    folders: dict[str, str] = field(default_factory=dict)
    log: str = ""
    where: tuple[str, str] = ("", "")


def sync_workbooks(data_dir: Path, unit: str, inputs: dict[int, bytes]) -> None:
    """Make ``data_dir/<unit>/`` hold exactly the workbooks ``inputs`` (year -> bytes).

    An unchanged workbook keeps its file and modification time, so the kernel's loader cache
    (keyed by path, time and size) still holds it for the next unit-year of the same unit.
    """
    unit_dir = config.unit_year_dir(unit, config.MIN_YEAR, data_dir).parent
    wanted = {config.unit_year_dir(unit, year, data_dir) / config.WORKBOOK_NAME: data
              for year, data in inputs.items()}
    for old in sorted(unit_dir.glob(f"*/{config.WORKBOOK_NAME}")) if unit_dir.is_dir() else []:
        if old not in wanted:
            old.unlink()
    for path, data in wanted.items():
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.part")
        partial.write_bytes(data)
        os.replace(partial, path)


class _Slot:
    """One warm :class:`~lkip_helpers.pipeline.Worker` with its own data and reports folders."""

    def __init__(self, root: Path, options: Options, printing: tuple | None = None) -> None:
        self.data, self.reports = root / "data", root / "reports"
        self.data.mkdir(parents=True)
        self.reports.mkdir()
        self.data, self.reports = self.data.resolve(), self.reports.resolve()
        self._log_path = root / "batch.log"
        self._log = open(self._log_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        self._shipped = 0
        self.options = replace(options, data_dir=self.data, output_dir=self.reports)
        # printing: the client's browser (a LocalCluster), else this worker's own
        self._printer = SocketPrinter(*printing) if printing else None
        self.worker = Worker(self.options, self._log, printer=self._printer)

    def collect(self, item: UnitYear, ok: bool) -> list[tuple[str, bytes]]:
        """The files of the folder ``render`` left (report or ``-failed``), then remove it."""
        folder = config.report_dir(item.unit, item.year, self.reports)
        if not ok:
            folder = folder.with_name(folder.name + FAILED_SUFFIX)
        if not folder.is_dir():
            return []
        files = [(path.relative_to(folder).as_posix(), path.read_bytes())
                 for path in sorted(folder.rglob("*")) if path.is_file()]
        shutil.rmtree(folder)
        return files

    def new_log(self) -> str:
        """What the batch log received since the last call."""
        with open(self._log_path, "rb") as log:
            log.seek(self._shipped)
            text = log.read()
        self._shipped += len(text)
        return text.decode("utf-8", "replace")

    def close(self) -> None:
        try:
            self.worker.close()
        finally:
            if self._printer is not None:
                self._printer.close()
            self._log.close()


class _WorkerBatch:
    """One batch's state in one Dask worker process: the notebooks and the warm slots."""

    def __init__(self, root: Path, options: Options, notebooks: dict[str, bytes],
                 printing: tuple | None = None) -> None:
        self.root = root
        # the client's browser when it runs on this machine (a LocalCluster), else our own
        self.printing = printing if SocketPrinter.reaches(printing) else None
        notebooks_dir = root / "notebooks"
        notebooks_dir.mkdir(parents=True)
        for name, data in notebooks.items():
            (notebooks_dir / Path(name).name).write_bytes(data)
        self.problem = ""  # why this worker cannot render at all (no Chromium for the PDF)
        executable = options.pdf_executable
        if options.wants_pdf and not self.printing:  # the client's path, else our own
            kind = pdf_engine(options.pdf_engine)
            try:
                executable = (executable if executable and Path(executable).is_file()
                              else kind.find())
            except LkipError as error:
                executable, self.problem = None, error.message()
            if executable is None and not self.problem:
                self.problem = _("PDF not written: {engine} was not found; {hint}.").format(
                    engine=options.pdf_engine.capitalize(), hint=kind.install_hint)
        self.options = replace(options, notebooks_dir=notebooks_dir, pdf_executable=executable)
        self._idle: list[_Slot] = []
        self._slots: list[_Slot] = []
        self._busy: list[_Slot] = []  # rendering right now
        self._made = 0
        self._closing = False
        self._lock = threading.Condition()

    def _checkout(self) -> _Slot:
        with self._lock:
            if self._closing:
                raise RenderError(Msg("the batch was stopped"))
            if self._idle:
                slot = self._idle.pop()
                self._busy.append(slot)
                return slot
            self._made += 1
            root = self.root / f"slot-{self._made}"
        slot = _Slot(root, self.options, self.printing)  # starts a kernel: outside the lock
        with self._lock:
            if not self._closing:
                self._slots.append(slot)
                self._busy.append(slot)
                return slot
        slot.close()  # the batch was closed while its kernel started: it is this task's
        shutil.rmtree(root, ignore_errors=True)
        raise RenderError(Msg("the batch was stopped"))

    def render(self, item: UnitYear, inputs: dict[int, bytes],
               progress: Callable[[str], None]) -> Delivery:
        if self.problem:
            return Delivery(Outcome(item, [self.problem + f" ({socket.gethostname()})"]),
                            where=_where())
        slot = self._checkout()
        try:
            sync_workbooks(slot.data, item.unit, inputs)
            outcome = slot.worker.render(item, progress)
            files = slot.collect(item, outcome.ok)
            folders = {"data": str(slot.data), "reports": str(slot.reports),
                       "notebooks": str(self.options.notebooks_dir.resolve())}
            return Delivery(outcome, files, folders, slot.new_log(), _where())
        finally:
            with self._lock:
                self._busy.remove(slot)
                self._idle.append(slot)
                self._lock.notify_all()

    def close(self) -> None:
        """Stop every slot's kernel and engine, remove the batch's folders.

        A render still running (the client stopped the batch: a Ctrl-C) is stopped first
        (:meth:`Worker.stop <lkip_helpers.pipeline.Worker.stop>`) and waited for, so that
        nothing is closed under it.
        """
        with self._lock:
            self._closing = True
            for slot in self._busy:
                slot.worker.stop()
            self._lock.wait_for(lambda: not self._busy, timeout=CLOSE_WAIT)
            slots, self._slots, self._idle = self._slots, [], []
        try:
            if slots:  # in parallel: each stops a kernel and a browser
                with ThreadPoolExecutor(len(slots)) as pool:
                    list(pool.map(_Slot.close, slots))
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


#: The batches this worker process takes part in, by token (set up by :class:`_LkipPlugin`).
_BATCHES: dict[str, _WorkerBatch] = {}


def _plugin_base() -> type:
    """``distributed.WorkerPlugin`` when importable (always on a worker), else ``object``."""
    try:
        from distributed import WorkerPlugin
    except ImportError:
        return object
    return WorkerPlugin


#: Per batch on a worker: the SIGINT handler before the batch, restored after it.
_SIGINT: dict[str, Any] = {}


class _LkipPlugin(_plugin_base()):
    """Carries a batch's options and notebooks to every worker; stops its slots at the end.

    ``setup`` runs on each worker when the plugin is registered (or when a worker joins);
    ``teardown`` when the client removes it after the batch, or when the worker closes.
    """

    idempotent = False

    def __init__(self, token: str, options: Options, notebooks: dict[str, bytes],
                 lang: str, printing: tuple | None = None) -> None:
        self.token, self.options, self.notebooks, self.lang = token, options, notebooks, lang
        self.printing = printing  # PrintServer.listen() of the client, on a LocalCluster

    def setup(self, worker: Any) -> None:
        os.environ[ENV_VAR] = self.lang  # the client's language for the outcome's lines
        root = Path(tempfile.mkdtemp(prefix=f"lkip-{self.token}-",
                                     dir=getattr(worker, "local_directory", None)))
        _BATCHES[self.token] = _WorkerBatch(root, self.options, self.notebooks, self.printing)
        # A LocalCluster's workers share the terminal of `lkip render`: its Ctrl-C reaches
        # them too, and would break off what they do with a traceback on that terminal. The
        # client decides instead (it removes this plugin, whose teardown cleans up); a worker
        # started by `dask worker` is still stopped by its nanny, which keeps its own handling.
        if threading.current_thread() is threading.main_thread():
            _SIGINT.setdefault(self.token, signal.signal(signal.SIGINT, signal.SIG_IGN))

    async def teardown(self, worker: Any) -> None:
        batch = _BATCHES.pop(self.token, None)
        if batch is not None:  # stopping kernels takes a while: off the worker's event loop
            await asyncio.get_running_loop().run_in_executor(None, batch.close)
        previous = _SIGINT.pop(self.token, None)
        if previous is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, previous)


def _topic(token: str) -> str:
    return f"lkip-progress-{token}"


def render_on_worker(token: str, index: int, item: UnitYear,
                     inputs: dict[int, bytes]) -> Delivery:
    """The task: render ``item`` on this worker with the batch ``token``'s warm slot."""
    from distributed import get_worker

    worker = get_worker()
    batch = _BATCHES.get(token)
    if batch is None:
        raise RuntimeError(f"the lkip plugin of batch {token} is not set up on {worker.address}")
    return batch.render(item, inputs, lambda step: worker.log_event(_topic(token), [index, step]))


# -- on the client ---------------------------------------------------------------------------
def _rewrite(text: str, folders: dict[str, str], options: Options) -> str:
    """``text`` naming the client's folders where it names the worker's."""
    ours = {"data": options.data_dir, "reports": options.output_dir,
            "notebooks": options.notebooks_dir}
    for kind, theirs in folders.items():
        text = text.replace(theirs, str(Path(ours[kind]).resolve()))
    return text


def publish(delivery: Delivery, options: Options) -> Outcome:
    """Write a worker's result into ``reports/<unit>/<year>/`` (or ``<year>-failed``) the way
    the pipeline does: built beside it, swapped in whole. A write failure is the unit-year's
    one-line problem, and the previous report stays."""
    outcome = delivery.outcome
    item = outcome.item
    outcome.problems = [_rewrite(p, delivery.folders, options) for p in outcome.problems]
    if not delivery.files:
        return outcome
    final = config.report_dir(item.unit, item.year, options.output_dir)
    try:
        # The stamp of the client's inputs (the worker's copies are the same bytes); inputs
        # gone meanwhile: no stamp, so the next run renders it again.
        try:
            made_from = report_stamp(item, options) if outcome.ok else None
        except OSError:
            made_from = None
        with building(final) as built:  # the report's lock, a sweep, removed on every path
            resign = delivery.where != _where()
            for name, data in delivery.files:
                if Path(name).is_absolute() or ".." in Path(name).parts:
                    continue  # a worker writes inside its folder; never let a name leave ours
                target = built.joinpath(*Path(name).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                if resign and target.suffix == ".ipynb":
                    _sign_again(target)
            finish_build(outcome, built, final, made_from)
    except LkipError as error:  # busy, a full disk, a read-only folder: one line
        outcome.problems.append(" ".join(error.message().split()))
        outcome.files = []
    except OSError as error:
        outcome.problems.append(_("cannot write to {folder}: {error}").format(
            folder=final.parent, error=error))
        outcome.files = []
    return outcome


def _sign_again(path: Path) -> None:
    """Sign a notebook made on another machine in this user's Jupyter database."""
    import nbformat

    sign_notebook(nbformat.read(str(path), as_version=4))


class _DaskLogging:
    """While a batch runs, Dask's client-side log lines go to render.log, not the terminal."""

    def __init__(self, log: Any) -> None:
        self._handler = logging.StreamHandler(log)
        self._handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s "
                                                     "%(message)s"))
        self._saved: list[tuple[logging.Logger, list, bool]] = []

    def __enter__(self) -> "_DaskLogging":
        for name in DASK_LOGGERS:
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.handlers[:], logger.propagate))
            logger.handlers[:] = [self._handler]
            logger.propagate = False
        return self

    def __exit__(self, *exc: Any) -> None:
        for logger, handlers, propagate in self._saved:
            logger.handlers[:] = handlers
            logger.propagate = propagate


class DaskExecutor(Executor):
    """Unit-years as tasks on a Dask cluster: a LocalCluster of ``jobs`` one-thread workers,
    or the running cluster at ``scheduler`` (see the module docstring)."""

    name = "dask"
    takes_scheduler = True

    def run(self, items: list[UnitYear], options: Options, jobs: int | None = None,
            progress: BatchProgress = _no_progress) -> list[Outcome]:
        distributed = _distributed()
        outcomes: list[Outcome | None] = [None] * len(items)
        if not items:
            return []
        token = uuid.uuid4().hex[:12]
        steps = len(find_chapters(options.notebooks_dir)) + 1 + (
            Path(options.notebooks_dir) / REVIU_NOTEBOOK).is_file()
        with open(self.batch_log(options), "a", encoding="utf-8", buffering=1) as log, \
                _DaskLogging(log), contextlib.ExitStack() as stack:
            printing = None
            if options.wants_pdf and not self.scheduler:
                # A LocalCluster's workers print with this process's one browser, as the
                # pool's do (a browser per worker costs memory and competes for the cores);
                # it boots while the cluster starts, and stops after the cluster.
                server = PrintServer(pdf_engine(options.pdf_engine), options.pdf_executable, log)
                stack.callback(server.close)
                printing = server.listen()
            client = stack.enter_context(self._client(distributed, jobs or cpu_count(),
                                                      len(items), log))
            plugin = _LkipPlugin(token, options, batch_notebooks(options.notebooks_dir),
                                 bahasa(), printing)
            events: queue.Queue = queue.Queue()
            client.subscribe_topic(_topic(token), lambda event: events.put(("step", event[1])))
            try:
                self._register(client, plugin, f"lkip-{token}")
                self._loop(client, token, items, options, steps, progress, events, outcomes,
                           log)
            except OSError as error:  # Dask's connection to the cluster, not a file here
                raise RenderError(Msg("the Dask cluster stopped answering: {error}",
                                      error=_one_line(error))) from error
            finally:  # the workers stop the batch's kernels and browsers, remove its folders
                try:
                    client.unsubscribe_topic(_topic(token))
                    client.unregister_worker_plugin(f"lkip-{token}")
                except Exception as error:  # noqa: BLE001 - they do it anyway when they close
                    log.write(f"could not remove the lkip plugin from the workers: {error}\n")
        return outcomes  # type: ignore[return-value]

    def _register(self, client: Any, plugin: _LkipPlugin, name: str) -> None:
        """Send the batch to every worker; a worker that cannot take it (this package not
        installed there, say) stops the batch in one line before any unit-year is sent."""
        try:
            client.register_plugin(plugin, name=name)
        except OSError:
            raise
        except Exception as error:  # noqa: BLE001 - raised on a worker, said in one line
            raise RenderError(Msg("a Dask worker cannot render: {error}; every worker needs "
                                  "this package installed (pip install) and Chromium",
                                  error=_one_line(f"{type(error).__name__}: {error}"))) from None

    def _client(self, distributed: Any, workers: int, count: int, log: Any) -> Any:
        """A connected client (a context manager that also closes a cluster it started)."""
        if self.scheduler:
            try:
                client = distributed.Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as error:
                raise RenderError(Msg("cannot reach the Dask scheduler at {address}: {error}",
                                      address=self.scheduler, error=_one_line(error))) from None
            try:
                client.wait_for_workers(1, timeout=WORKER_WAIT)
            except (OSError, TimeoutError) as error:
                client.close()
                raise RenderError(Msg("no Dask worker joined the scheduler at {address} "
                                      "within {seconds} s", address=self.scheduler,
                                      seconds=WORKER_WAIT)) from error
            return client
        # The workers' own log lines would reach the terminal (a task stopped by a Ctrl-C is
        # an ERROR there); what goes wrong in a task comes back with its result instead.
        # They share the terminal, whose Ctrl-C is for the client alone: one pressed while
        # they start is noted and raised once the cluster is up (it closes it again), and
        # what they print goes to render.log (a worker reached by that Ctrl-C while it starts
        # prints a traceback); once started, they ignore it (dask_setup below).
        cluster = client = None
        try:
            with interrupts_blocked(), _output_to(log), _local_settings():
                cluster = distributed.LocalCluster(
                    n_workers=max(1, min(workers, count)), threads_per_worker=1,
                    processes=True, dashboard_address=None, memory_limit=0,
                    silence_logs=logging.CRITICAL, preload=[__name__])
                client = distributed.Client(cluster)
        except BaseException:
            if cluster is not None:
                _ClusterClient(client, cluster).__exit__()
            raise
        return _ClusterClient(client, cluster)

    def _loop(self, client: Any, token: str, items: list[UnitYear],
              options: Options, steps: int, progress: BatchProgress, events: queue.Queue,
              outcomes: list, log: Any) -> None:
        """Keep ``IN_FLIGHT`` tasks per Dask thread going; publish each result as it arrives."""
        todo = deque(enumerate(items))
        running: dict[str, int] = {}
        counted = [0] * len(items)

        def step(index: int, name: str) -> None:
            if counted[index] < steps:
                counted[index] += 1
                progress(str(items[index]), name)

        def finish(index: int, outcome: Outcome) -> None:
            """Record the outcome; the steps the unit-year did not report count now."""
            outcomes[index] = outcome
            for _step in range(steps - counted[index]):
                step(index, "report" if outcome.ok else "failed")

        def submit() -> None:
            window = IN_FLIGHT * max(1, sum(client.nthreads().values()))
            while todo and len(running) < window:
                index, item = todo.popleft()
                try:
                    inputs = unit_inputs(item, options.data_dir)
                except OSError as error:
                    finish(index, Outcome(item, [_one_line(f"{type(error).__name__}: {error}")]))
                    continue
                future = client.submit(render_on_worker, token, index, item, inputs,
                                       key=f"lkip-{token}-{index}", pure=False)
                running[future.key] = index
                future.add_done_callback(lambda done: events.put(("done", done)))

        submit()
        while running:
            kind, payload = events.get()
            if kind == "step":
                index, name = payload
                if index in running.values():
                    step(index, name)
                continue
            index = running.pop(payload.key)
            finish(index, self._result(payload, items[index], options, log))
            payload.release()
            submit()

    @staticmethod
    def _result(future: Any, item: UnitYear, options: Options, log: Any) -> Outcome:
        """The future's unit-year outcome, its files written; any error is one line."""
        try:
            delivery = future.result()
        except Exception as error:  # noqa: BLE001 - a task or worker failure, one line
            log.write(f"{item}: the Dask task failed: {type(error).__name__}: {error}\n")
            return Outcome(item, [_one_line(f"Dask: {type(error).__name__}: {error}")])
        if delivery.log:
            log.write(delivery.log)
        return publish(delivery, options)


def _local_settings() -> Any:
    """Within: Dask's settings for the workers of the LocalCluster ``lkip render`` starts.

    * No statistical profiler, and the event loop's health checked every second instead of
      every 20 ms, the machine's load every 5 s instead of 0.5 s: a worker sampled its threads'
      stacks every 10 ms for a dashboard nobody sees here, and each wake-up takes Python's
      lock from the thread that renders. Together about 0.7 CPU seconds per unit-year and
      6 % of its time (``benchmarks/README.md``).
    * No ``MALLOC_TRIM_THRESHOLD_``: Dask sets it for workers that hold data between tasks;
      ours hold none, and their kernels and Chromium inherit it (memory handed back to the
      system at every free, asked for again at the next allocation).
    """
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return dask.config.set({"distributed.worker.profile.enabled": False,
                            "distributed.admin.tick.interval": "1s",
                            "distributed.admin.system-monitor.interval": "5s",
                            "distributed.nanny.pre-spawn-environ": environ})


@contextlib.contextmanager
def _output_to(log: Any) -> Any:
    """Within: this process's standard output and error (file descriptors 1 and 2, which the
    processes started here inherit) write to ``log``."""
    for stream in (sys.stdout, sys.stderr, log):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    try:
        saved = [os.dup(1), os.dup(2)]
    except OSError:  # no standard streams to redirect
        yield
        return
    try:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


class _ClusterClient:
    """A client on a LocalCluster: closing it closes both."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: Any) -> None:
        try:
            if self.client is not None:
                self.client.close()
        finally:
            self.cluster.close()


def dask_setup(worker: Any) -> None:
    """Preload of the workers of the LocalCluster ``lkip render`` starts (Dask runs it in each
    worker process as it starts): they share the terminal of ``lkip render``, whose client
    alone decides on a Ctrl-C, so they ignore it; they were started with it blocked
    (:func:`~lkip_helpers.interrupts.interrupts_blocked`), which is lifted here."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


__all__ = ["DaskExecutor", "Delivery", "batch_notebooks", "publish", "sync_workbooks",
           "unit_inputs"]
