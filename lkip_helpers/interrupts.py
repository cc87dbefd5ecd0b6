"""Ctrl-C and termination signals: the command stops promptly, cleans up, and says so in one line.

In the process of ``lkip render`` a Ctrl-C (SIGINT) is Python's :class:`KeyboardInterrupt`;
:func:`terminate_as_interrupt` makes a SIGTERM (``kill PID``) the same. It unwinds the
rendering code, whose ``finally`` blocks remove the temporary build and the lock
(:mod:`lkip_helpers.swap`, :mod:`lkip_helpers.lock`), and the command line turns it into one
line and exit status 130 (:class:`lkip_helpers.errors.Interrupted`).

Worker processes of a parallel render belong to the terminal's process group, so a Ctrl-C
reaches them too, at any moment, also between two unit-years, where an exception would only
print a traceback. They ignore SIGINT instead (:func:`worker_ignores_interrupt`, blocked from
before they are started until then: :func:`interrupts_blocked`): the parent decides, and on an
interrupt stops them with SIGTERM (:func:`stop_workers`). A worker turns that SIGTERM into a
:class:`KeyboardInterrupt` only while it renders (:func:`rendering`); it renders nothing more
after it. Kernels and Chromium run in their own sessions and are stopped by their owners.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Any, Iterator

_STATE = {"rendering": False, "stopping": False}


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within: SIGTERM raises :class:`KeyboardInterrupt`, as Ctrl-C does (main thread only)."""
    if not _main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def interrupts_blocked() -> Iterator[None]:
    """Within: SIGINT and SIGTERM wait (POSIX); processes started here inherit that, so a
    Ctrl-C cannot reach a worker before it has set up its own handling. A signal that came
    meanwhile is delivered on leaving, to the handler there was before.

    Blocking them in this thread is not enough: the kernel hands a signal for the process to
    any thread that does not block it (a progress bar's monitor thread, say), and Python then
    runs the handler in this thread all the same, in the middle of starting the workers. So
    the handlers are also replaced, within, by one that only notes the signal.
    """
    if not hasattr(signal, "pthread_sigmask") or not _main_thread():
        yield
        return
    came: list[int] = []

    def note(signum: int, frame: Any) -> None:
        came.append(signum)

    signals = (signal.SIGINT, signal.SIGTERM)
    handlers = {signum: signal.signal(signum, note) for signum in signals}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, set(signals))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # one still waiting is noted now
        for signum, handler in handlers.items():
            if handler is not None:  # None: a handler not set from Python, left as it is
                signal.signal(signum, handler)
        for signum in dict.fromkeys(came):
            signal.raise_signal(signum)


def _worker_stop(signum: int, frame: Any) -> None:
    _STATE["stopping"] = True
    if _STATE["rendering"]:
        raise KeyboardInterrupt


def worker_ignores_interrupt() -> None:
    """In a worker process, first thing: ignore Ctrl-C, stop rendering on SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def rendering() -> Iterator[None]:
    """Within (in a worker process): a SIGTERM interrupts; after one, nothing more starts."""
    if _STATE["stopping"]:
        raise KeyboardInterrupt
    _STATE["rendering"] = True
    try:
        yield
    finally:
        _STATE["rendering"] = False


def stop_workers(pool: Any, futures: list) -> None:
    """After an interrupt in the parent: cancel what has not started, and stop the worker
    processes of ``pool`` (a ProcessPoolExecutor) that render, by SIGTERM."""
    for future in futures:
        future.cancel()
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError):
            process.terminate()


__all__ = ["interrupts_blocked", "rendering", "stop_workers", "terminate_as_interrupt",
           "worker_ignores_interrupt"]
