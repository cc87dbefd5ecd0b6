"""One lock per report folder: two renders of the same unit-year never run at once, and a sweep
never removes the temporary folder of a render that is running right now.

The lock of ``reports/<unit>/<year>/`` is the file ``reports/<unit>/.<year>.lock``, holding
who holds it (process id, host, since when) for the message a second render prints. It is
removed when the lock is released.

* POSIX: the file is locked with ``flock`` (exclusive, not waiting). The kernel releases such
  a lock when its process ends, however it ends (Ctrl-C, ``kill -9``, a crash), so a lock file
  that nobody holds is stale and the next render simply takes it. Because a release removes
  the file, a render that opened it just before may lock a file that is no longer there: after
  locking, the path must still name the file locked (same inode), else it tries again. The
  lock belongs to the open file, so two threads of one process exclude each other as well.
* Elsewhere (Windows): the file is created exclusively (``O_CREAT | O_EXCL``); it is stale
  when the process it names no longer runs on this host.

Whoever holds the lock of a unit-year owns every hidden entry ``.<year>.*`` beside its report
(:mod:`lkip_helpers.swap`): its temporary builds, and a report set aside during a swap.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

from .errors import Busy
from .i18n import Msg

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"


def lock_path(final: Path) -> Path:
    """The lock file of the report folder ``final``: ``.<year>.lock`` beside it."""
    return final.with_name(f".{final.name}{LOCK_SUFFIX}")


def _holder_text() -> bytes:
    return (f"{os.getpid()} {socket.gethostname()} "
            f"{dt.datetime.now():%Y-%m-%d %H:%M:%S}\n").encode()


class ReportLock:
    """The lock of one report folder; ``with ReportLock(final):`` or :meth:`acquire`.

    :meth:`acquire` raises :class:`~lkip_helpers.errors.Busy` (one line, naming the holder)
    when another render holds it; it never waits.
    """

    def __init__(self, final: Path) -> None:
        self.path = lock_path(Path(final))
        self._fd: int | None = None

    # -- taking and giving back -----------------------------------------------------------------
    def acquire(self) -> ReportLock:
        """Take the lock (a stale one is taken over); :class:`Busy` if another holds it."""
        fd = self._acquire_flock() if fcntl is not None else self._acquire_exclusive()
        os.ftruncate(fd, 0)
        os.write(fd, _holder_text())
        self._fd = fd
        return self

    def _acquire_flock(self) -> int:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise self._busy() from None
            try:
                if os.path.samestat(os.fstat(fd), os.stat(self.path)):
                    return fd
            except FileNotFoundError:
                pass
            os.close(fd)  # released and removed meanwhile: lock the file that is there now

    def _acquire_exclusive(self) -> int:
        for _attempt in range(2):
            try:
                return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                if self._holder_alive():
                    raise self._busy() from None
                try:
                    os.unlink(self.path)  # stale: its process has gone
                except FileNotFoundError:
                    pass
        raise self._busy()

    def _holder_alive(self) -> bool:
        import psutil

        try:
            pid, host = self.path.read_text(encoding="utf-8").split()[:2]
            return host != socket.gethostname() or psutil.pid_exists(int(pid))
        except (OSError, ValueError):
            return True  # being written right now: its writer is alive

    def _busy(self) -> Busy:
        try:
            pid, host, day, time = self.path.read_text(encoding="utf-8").split()[:4]
        except (OSError, ValueError):
            return Busy(Msg("busy: another lkip render is rendering it; try again when it has "
                            "finished"))
        return Busy(Msg("busy: another lkip render is rendering it (process {pid} on {host}, "
                        "since {since}); try again when it has finished",
                        pid=pid, host=host, since=day + " " + time))

    def release(self) -> None:
        """Give the lock back and remove its file (nothing when not held)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.unlink(self.path)  # first: whoever opens the file after this tries again
        except OSError:
            pass
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> ReportLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_busy(final: Path) -> Busy | None:
    """The :class:`Busy` error when another render holds the lock of ``final`` right now,
    else None (looked at without keeping the lock; a stale lock file is removed)."""
    if not lock_path(final).exists():
        return None
    lock = ReportLock(final)
    try:
        lock.acquire()
    except Busy as busy:
        return busy
    except OSError:  # a folder we cannot write: the render says so itself
        return None
    lock.release()
    return None


__all__ = ["LOCK_SUFFIX", "ReportLock", "is_busy", "lock_path"]
