"""Batch executors: who renders which unit-year, behind a small registry of named executors.

An :class:`Executor` renders a list of unit-years and returns their outcomes in the same order,
reporting each step done through ``progress(label, step)``. The registry :data:`executors`
(papermill's engine registry is the model) holds them by name:

* ``serial``: this process, one :class:`~lkip_helpers.pipeline.Worker`; the chapters of each
  unit-year share ``jobs`` kernels;
* ``local`` (the default): ``jobs`` worker processes on this machine, each with its kernel for
  all its unit-years; PDFs are printed by the parent's one engine
  (:class:`~lkip_helpers.printing.PrintServer`). A single worker's batch runs ``serial``;
* ``dask``: a Dask cluster, local or at ``--scheduler`` (:mod:`lkip_helpers.dask_executor`,
  registered by name so that ``distributed`` is imported only when it is used).

Another executor plugs in with ``executors.register(name, ExecutorClass)`` (or the class's
``"module:Class"`` path, imported when first asked for) and is then offered by
``lkip render --executor``.
"""

from __future__ import annotations

import importlib
import multiprocessing
import multiprocessing.util
import os
import queue
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Callable

from .errors import UsageError
from .i18n import Msg
from .interrupts import interrupts_blocked, rendering, stop_workers, worker_ignores_interrupt
from .pipeline import LOG_FILE, Options, Outcome, Worker
from .printing import PrintServer, RemotePrinter, pdf_engine
from .selection import UnitYear

DEFAULT_EXECUTOR = "local"

#: Called with a unit-year's label and the step it just finished (a chapter, ``"report"``).
BatchProgress = Callable[[str, str], None]


def _no_progress(label: str, step: str) -> None:
    """Progress that nobody watches."""


def cpu_count() -> int:
    """The machine's cores (at least 1): the default number of jobs."""
    return os.cpu_count() or 1


class Executor:
    """Renders a batch of unit-years. Subclasses implement :meth:`run`.

    ``scheduler``: the address of a cluster to render on, for an executor that
    :attr:`takes_scheduler` (``lkip render --scheduler``).
    """

    name = ""
    #: Whether the executor renders on a cluster given by its scheduler's address.
    takes_scheduler = False

    def __init__(self, scheduler: str | None = None) -> None:
        self.scheduler = scheduler

    def run(self, items: list[UnitYear], options: Options, jobs: int | None = None,
            progress: BatchProgress = _no_progress) -> list[Outcome]:
        """Render ``items`` (``jobs``: parallelism, default the CPU count); outcomes in order.

        Failures of a unit-year are outcomes, not exceptions. The batch's ``render.log`` is
        ``options.output_dir / LOG_FILE``.
        """
        raise NotImplementedError

    @staticmethod
    def batch_log(options: Options) -> Path:
        """The batch's log file (its folder is created)."""
        Path(options.output_dir).mkdir(parents=True, exist_ok=True)
        return Path(options.output_dir) / LOG_FILE


class SerialExecutor(Executor):
    """One worker in this process; each unit-year's chapters share ``jobs`` kernels."""

    name = "serial"

    def run(self, items: list[UnitYear], options: Options, jobs: int | None = None,
            progress: BatchProgress = _no_progress) -> list[Outcome]:
        outcomes = []
        with open(self.batch_log(options), "a", encoding="utf-8", buffering=1) as log:
            worker = Worker(options, log, kernels=max(1, jobs or cpu_count()))
            try:
                for item in items:
                    label = str(item)
                    outcomes.append(worker.render(item, lambda step: progress(label, step)))
            finally:
                worker.close()
        return outcomes


# -- local: a pool of worker processes -------------------------------------------------------
_WORKER: Worker | None = None
_EVENTS: multiprocessing.Queue | None = None


def _init_worker(options: Options, batch_log_path: Path, events: multiprocessing.Queue,
                 printing: tuple | None) -> None:
    """Pool initializer: start this process's kernel once, for all its jobs; PDFs are printed
    by the parent's :class:`PrintServer` (``printing``: its :meth:`~PrintServer.worker_args`)."""
    global _WORKER, _EVENTS
    worker_ignores_interrupt()  # the parent decides on a Ctrl-C (lkip_helpers.interrupts)
    log = open(batch_log_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives with the process
    printer = RemotePrinter(*printing) if printing else None
    _WORKER, _EVENTS = Worker(options, log, printer=printer), events
    # Multiprocessing runs these finalizers when the worker process exits.
    multiprocessing.util.Finalize(_WORKER, _WORKER.close, exitpriority=10)
    multiprocessing.util.Finalize(log, log.close, exitpriority=5)


def _render_in_worker(item: UnitYear) -> Outcome:
    with rendering():  # a SIGTERM from the parent interrupts it; nothing starts after one
        return _WORKER.render(item, lambda step: _EVENTS.put((str(item), step)))


class LocalExecutor(Executor):
    """``jobs`` worker processes on this machine, printing through the parent's one engine.

    With one worker (``jobs`` 1, or a single unit-year) the batch runs :class:`SerialExecutor`
    instead, where a single unit-year's chapters share the ``jobs`` kernels.
    """

    name = "local"

    def run(self, items: list[UnitYear], options: Options, jobs: int | None = None,
            progress: BatchProgress = _no_progress) -> list[Outcome]:
        jobs = jobs or cpu_count()
        workers = max(1, min(jobs, len(items)))
        if workers == 1:
            return SerialExecutor().run(items, options, jobs if len(items) == 1 else 1, progress)
        batch_log = self.batch_log(options)
        context = multiprocessing.get_context()
        events = context.Queue()
        with open(batch_log, "a", encoding="utf-8", buffering=1) as log:
            server = None
            if options.wants_pdf:
                server = PrintServer(pdf_engine(options.pdf_engine), options.pdf_executable,
                                     log, context, workers)
            try:
                with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                         initargs=(options, batch_log, events, server.worker_args()
                                                   if server else None)) as pool:
                    futures: list = []
                    try:
                        # Until the workers ignore Ctrl-C themselves; one that came meanwhile
                        # is raised on leaving, and is handled below like any other.
                        with interrupts_blocked():
                            futures = [pool.submit(_render_in_worker, item) for item in items]
                        pending = set(futures)
                        while pending:
                            _, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                            try:
                                while True:
                                    progress(*events.get_nowait())
                            except queue.Empty:
                                pass
                    except BaseException:  # Ctrl-C: the workers clean up and render no more
                        stop_workers(pool, futures)
                        raise
                    return [future.result() for future in futures]
            finally:
                if server is not None:
                    server.close()


# -- the registry ------------------------------------------------------------------------------
class Executors:
    """Named executor classes; ``get(None)`` gives the default (``local``)."""

    def __init__(self) -> None:
        self._executors: dict[str, type[Executor] | str] = {}

    def register(self, name: str, executor: type[Executor] | str) -> None:
        """Offer ``executor`` under ``name`` (replacing one of the same name): a class, or its
        ``"package.module:Class"`` path, imported when the executor is first asked for."""
        self._executors[name] = executor

    def get(self, name: str | None = None) -> type[Executor]:
        """The executor class called ``name``; :class:`UsageError` (exit 2) if there is none."""
        name = name or DEFAULT_EXECUTOR
        try:
            executor = self._executors[name]
        except KeyError:
            raise UsageError(Msg("unknown executor {name!r}; choose one of: {names}",
                                 name=name, names=", ".join(self.names()))) from None
        if isinstance(executor, str):
            module, _, attribute = executor.partition(":")
            executor = self._executors[name] = getattr(importlib.import_module(module), attribute)
        return executor

    def create(self, name: str | None = None, scheduler: str | None = None) -> Executor:
        """The executor called ``name``, on the cluster at ``scheduler`` when given; a
        scheduler for an executor that takes none is a :class:`UsageError` (exit 2)."""
        executor = self.get(name)
        if scheduler and not executor.takes_scheduler:
            takers = [n for n in self.names() if self.get(n).takes_scheduler]
            raise UsageError(Msg("--scheduler {address} is for the executors that render on a "
                                 "cluster ({names}), not {name!r}", address=scheduler,
                                 names=", ".join(takers), name=name or DEFAULT_EXECUTOR))
        return executor(scheduler or None)

    def names(self) -> list[str]:
        """The registered names, in registration order."""
        return list(self._executors)


executors = Executors()
executors.register(SerialExecutor.name, SerialExecutor)
executors.register(LocalExecutor.name, LocalExecutor)
executors.register("dask", "lkip_helpers.dask_executor:DaskExecutor")
