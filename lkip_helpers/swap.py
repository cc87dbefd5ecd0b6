"""A report folder is built beside itself and swapped in whole; whatever a stopped run leaves
behind is swept away by the next one.

In ``reports/<unit>/``, for the year 2023:

* ``2023/``: the report, always a real folder (readers' links ``<unit>/2023/<unit>-2023.html``,
  the index, copies and zips see plain files);
* ``.2023.<random>.tmp/``: a build in progress (:func:`new_build`); after an exchange, briefly,
  the previous report on its way out;
* ``.2023.lock``: the lock of the unit-year (:mod:`lkip_helpers.lock`); whoever holds it owns
  every hidden ``.2023.*`` and ``.2023-failed.*`` entry;
* ``2023-failed/``: the last failed build, kept for inspection (swapped in the same way).

The swap (:func:`swap_in`) leaves no moment without a report: on Linux the new folder and the
old one trade places in one system call, ``renameat2(RENAME_EXCHANGE)`` (called through
ctypes; Linux 3.15+, on ext4, xfs, btrfs, tmpfs ...), then the old one is removed. We chose the
exchange over a ``current`` symbolic link switched by one rename because the report folder
stays a real folder: nothing changes for readers, links, tests or a web server, and Windows
(where a symbolic link needs privileges) keeps working. Where the exchange is not available
(other systems, some network file systems) the swap falls back to two renames (the old report
to ``.2023.old-<pid>``, the new one in place): a process killed between them leaves no
``2023/`` for an instant, and the next run's sweep (:func:`sweep`) puts the set-aside report
back.

The sweep runs at the start of every ``lkip render`` over the whole output folder
(:func:`sweep_all`) and again before each unit-year is built, always under the unit-year's
lock, so the temporary folder of a render running in another process is never touched.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import math
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from . import config
from .errors import Busy, DiskFull, LkipError, OutputError
from .i18n import Msg
from .lock import LOCK_SUFFIX, ReportLock

FAILED_SUFFIX = "-failed"
TMP_SUFFIX = ".tmp"
OLD_MARK = ".old-"
#: Hidden entries of a unit folder that belong to a year: ``.2023.<...>``, ``.2023-failed.<...>``.
_HIDDEN = re.compile(r"^\.(\d{4})(?:" + re.escape(FAILED_SUFFIX) + r")?\.")

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: errno values by which renameat2 says it cannot exchange here (old kernel, file system).
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", 95)}
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


# -- the exchange ------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _renameat2():
    """The C library's ``renameat2``, or None (not Linux, or a C library without it)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


def exchange(first: Path, second: Path) -> bool:
    """Make ``first`` and ``second`` (both existing) trade places atomically.

    False when this system or file system cannot (nothing happened then); other failures
    raise :class:`OSError`.
    """
    func = _renameat2()
    if func is None:
        return False
    if func(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), os.fspath(second))


def swap_in(built: Path, final: Path) -> None:
    """Put the complete folder ``built`` at ``final`` (same parent), replacing what was there.

    There is a report at ``final`` at every moment: nothing there yet is one rename; else an
    atomic :func:`exchange`, or where there is none, two renames (see the module docstring).
    The previous report is removed only after the new one is in place.
    """
    if not os.path.lexists(final):
        os.rename(built, final)
        return
    if exchange(built, final):
        remove(built)  # now the previous report
        return
    previous = final.with_name(f".{final.name}{OLD_MARK}{os.getpid()}")
    os.rename(final, previous)
    os.rename(built, final)
    remove(previous)


def keep_failed(built: Path, final: Path) -> Path:
    """Move a failed build to ``<year>-failed`` beside the report, for inspection."""
    failed = final.with_name(final.name + FAILED_SUFFIX)
    swap_in(built, failed)
    return failed


# -- temporary folders -------------------------------------------------------------------------
def new_build(final: Path) -> Path:
    """A new, empty hidden folder beside ``final`` to build the report in (``.2023.<r>.tmp``).

    The caller holds the unit-year's lock and removes the folder on every exit path (a swap
    or :func:`keep_failed` moves it away first).
    """
    built = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=TMP_SUFFIX, dir=final.parent))
    built.chmod(0o755)  # mkdtemp makes it private; the report folder is not
    return built


def remove(folder: Path) -> None:
    """Remove ``folder`` (a folder, a file or a link) if it is there."""
    try:
        if os.path.islink(folder) or not os.path.isdir(folder):
            os.unlink(folder)
        else:
            shutil.rmtree(folder)
    except FileNotFoundError:
        pass


def sweep(final: Path) -> list[Path]:
    """Remove what stopped runs left beside ``final``; the caller holds its lock.

    A report set aside by a two-rename swap that did not finish is put back when ``final`` (or
    ``<year>-failed``) is missing; every other hidden entry of the year is removed. Returns the
    entries removed or put back.
    """
    found = []
    for target in (final, final.with_name(final.name + FAILED_SUFFIX)):
        prefix = f".{target.name}."
        try:
            entries = sorted(target.parent.iterdir(), key=lambda p: p.name, reverse=True)
        except FileNotFoundError:
            return found
        for entry in entries:
            name = entry.name
            if not name.startswith(prefix) or name == f".{target.name}{LOCK_SUFFIX}":
                continue
            if name.startswith(prefix + OLD_MARK[1:]) and not os.path.lexists(target):
                os.rename(entry, target)  # the report of an interrupted swap: back in place
            else:
                remove(entry)
            found.append(entry)
    return found


def sweep_all(output_dir: Path) -> list[Path]:
    """:func:`sweep` every unit-year (and roll-up) of ``output_dir`` that has leftovers and is
    not being rendered right now (its lock is free); a folder that cannot be swept is left as it is."""
    found: list[Path] = []
    units: list[Path] = []
    # The unit folders, and the local governments' folders of the roll-ups (reports/rekap/*/).
    for parent in (Path(output_dir), Path(output_dir) / config.REKAP_DIR_NAME):
        try:
            units += [p for p in parent.iterdir() if p.is_dir() and not p.is_symlink()
                      and config.UNIT_PATTERN.fullmatch(p.name)]
        except OSError:
            continue
    for unit_dir in units:
        try:
            years = {m[1] for p in unit_dir.iterdir() if (m := _HIDDEN.match(p.name))}
        except OSError:
            continue
        for year in sorted(years):
            try:
                with ReportLock(unit_dir / year):
                    found += sweep(unit_dir / year)
            except (Busy, OSError):
                continue
    return found


# -- what the user reads when writing fails ----------------------------------------------------
def is_disk_full(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) says the disk or the user's quota is full."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OSError) and error.errno in _DISK_FULL:
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def folder_size(folder: Path | None) -> int:
    """Bytes in the files under ``folder`` (0 when there is none)."""
    total = 0
    if folder is None:
        return total
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def _megabytes(size: int, up: bool) -> str:
    rounded = math.ceil(size / 1e6) if up else math.floor(size / 1e6)
    return f"{max(rounded, 1 if up else 0)} MB"


def output_error(error: OSError, final: Path, built: Path | None = None) -> LkipError:
    """The one-line error for ``error`` met while writing the report ``final``.

    A full disk names the folder, the space free and the space a report needs (the larger of
    the previous report and what was written before the disk filled up: a swap holds both for
    a moment); anything else names the folder and the system's reason. An
    :class:`~lkip_helpers.errors.LkipError` is returned as it is.
    """
    if isinstance(error, LkipError):
        return error
    folder = final.parent
    if is_disk_full(error):
        existing = next((p for p in (folder, *folder.parents) if p.exists()), Path("."))
        needed = max(folder_size(final), folder_size(built))
        return DiskFull(Msg(
            "disk full: {folder} has {free} free, the report needs about {needed}; free some "
            "space and render again", folder=folder,
            free=_megabytes(shutil.disk_usage(existing).free, up=False),
            needed=_megabytes(needed, up=True)))
    reason = error.strerror or type(error).__name__
    return OutputError(Msg("cannot write to {folder}: {reason}", folder=error.filename or folder,
                           reason=reason))


__all__ = ["FAILED_SUFFIX", "TMP_SUFFIX", "exchange", "folder_size", "is_disk_full",
           "keep_failed", "new_build", "output_error", "remove", "swap_in", "sweep", "sweep_all"]
