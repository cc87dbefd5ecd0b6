"""``lkip template UNIT YEAR``: start a new unit-year with a blank workbook to fill in.

The workbook comes from :func:`lkip_helpers.workbook.build_workbook` (every sheet and column of
the schema, the Indonesian explanation of each column as a header note, dropdowns for choice
columns, number formats, frozen header row), with ``profil.tahun`` already filled in. It is
written to ``data/<unit>/<year>/lkip.xlsx`` (names checked by :mod:`lkip_helpers.config`) and
never replaces an existing workbook: data someone typed is never lost.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from . import config
from .errors import LkipError
from .i18n import Msg
from .workbook import build_workbook, save_atomic


class TemplateExists(LkipError, FileExistsError):
    """The unit-year already has a workbook; it is left untouched (exit status 1)."""

    exit_code = 1


def buat_template(unit: str, year: int | str, data_dir: Path | str | None = None) -> Path:
    """Write the blank workbook of ``unit``/``year`` and return its path.

    Raises :class:`~lkip_helpers.config.InvalidName` for names that are not allowed and
    :class:`TemplateExists` when ``lkip.xlsx`` is already there.
    """
    tahun = config.check_year(year)
    path = config.unit_year_dir(unit, tahun, data_dir) / config.WORKBOOK_NAME
    if path.exists():
        raise TemplateExists(Msg("{path} already exists; it was left untouched (delete or rename "
                                 "it first to start again from a blank template)", path=path))
    _save_new(build_workbook({"profil": {"tahun": tahun}}), path)
    return path


def _save_new(wb: Workbook, path: Path) -> None:
    """Save ``wb`` to ``path`` only if no file is there.

    The workbook is saved beside ``path`` (atomically, :func:`workbook.save_atomic`) and then
    hard-linked into place: the link fails if ``path`` appeared meanwhile, so a file is never
    overwritten, and nobody ever sees a half-written workbook at ``path``.
    """
    staging = path.with_name(f".{path.name}.{os.getpid()}.new")
    save_atomic(wb, staging)
    try:
        os.link(staging, path)
    except FileExistsError:
        raise TemplateExists(Msg("{path} already exists; it was left untouched",
                                 path=path)) from None
    finally:
        staging.unlink(missing_ok=True)
