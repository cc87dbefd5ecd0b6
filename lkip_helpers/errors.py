"""The one exception family of the workbook, and data problems said so a non-programmer can fix them.

Every error a user can cause (a name that is not allowed, a workbook with problems, a report
that could not be rendered, a full disk) is an :class:`LkipError`; its class says the exit
status of the ``lkip`` command (:attr:`LkipError.exit_code`), so the command line maps errors
to messages and exit codes in one place (papermill's ``exceptions.py`` is the model).

* :class:`NameNotAllowed` (exit 2): a unit or year name that could leave ``data/`` or
  ``reports/`` (``config.InvalidName`` is the same class);
* :class:`UsageError` (exit 2): options that do not go together, a tool that is missing;
* :class:`DataError` (exit 1): a workbook with one or more :class:`Problem`;
* :class:`RenderError` (exit 1): a report could not be produced (a chapter, the printer);
* :class:`OutputError` (exit 1): the output could not be written (read-only, a folder in use);
  :class:`DiskFull` (no space left: names the folder and the space needed) and :class:`Busy`
  (another ``lkip render`` is rendering the same unit-year) are kinds of it;
* :class:`NotFound` (exit 2): nothing to work on (no workbook for the unit-year asked for);
* :class:`Interrupted` (exit 130, as a shell reports Ctrl-C): the user stopped the command.

A :class:`Problem` names one place (file, sheet, Excel row, column with its letter) with the
value found and what was expected. The loader collects every problem of a workbook and raises
them together as one :class:`DataError`, so a user fixes everything in one pass. Messages are
translated (:mod:`lkip_helpers.i18n`) when they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .i18n import Msg, _, ngettext, teks


class LkipError(Exception):
    """Base of every error the user can cause or fix; ``exit_code`` is the command's status."""

    exit_code = 1

    def message(self) -> str:
        """What the user reads (translated, no traceback)."""
        return teks(self.args[0]) if self.args else type(self).__name__

    def __str__(self) -> str:
        return self.message()


class NameNotAllowed(LkipError, ValueError):
    """A unit or year name that is not allowed (it could leave ``data/`` or ``reports/``)."""

    exit_code = 2


class UsageError(LkipError):
    """Options or arguments that cannot be carried out as given."""

    exit_code = 2


class RenderError(LkipError):
    """A report could not be produced (a failed chapter, a printer that does not work)."""


class OutputError(LkipError, OSError):
    """Output could not be written (disk full, read-only folder, a folder in use)."""


class DiskFull(OutputError):
    """No space left where the output goes; the message names the folder and the space needed."""


class Busy(OutputError):
    """Another process is writing the same output (``lkip render`` of the same unit-year)."""


class NotFound(UsageError):
    """What the command was asked to work on does not exist (a unit-year without workbook)."""


class Interrupted(LkipError):
    """The user stopped the command (Ctrl-C, or a termination signal); without a message:
    "interrupted; nothing half-written was kept"."""

    exit_code = 130

    def __init__(self, *args: Any) -> None:
        super().__init__(*(args or (Msg("interrupted; nothing half-written was kept"),)))


class _NoValue:
    """Marker for problems that concern no single value (a missing sheet, a missing file)."""

    def __repr__(self) -> str:
        return "NO_VALUE"


#: Pass as ``Problem.value`` when the problem is not about a cell value.
NO_VALUE: Any = _NoValue()

#: Longest value representation shown in a message.
MAX_VALUE_CHARS = 60


def show_value(value: Any) -> str:
    """``repr`` of a cell value, truncated to :data:`MAX_VALUE_CHARS` characters."""
    text = repr(value)
    if len(text) > MAX_VALUE_CHARS:
        text = text[: MAX_VALUE_CHARS - 1] + "…"
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input; ``str()`` gives a one-line message.

    ``sheet``, ``row`` (Excel row number) and ``column`` (schema column or profil field name)
    are None when the problem concerns a whole file or sheet. ``letter`` is the Excel column
    letter when known. ``expected`` says what should be there, e.g. "expected a date" (text or
    a lazy :class:`~lkip_helpers.i18n.Msg`, translated when shown).
    """

    file: str | Path
    sheet: str | None
    row: int | None
    column: str | None
    value: Any
    expected: Any
    letter: str | None = None

    def where(self, lang: str | None = None) -> str:
        parts = [str(self.file)]
        if self.sheet:
            parts.append(_("sheet {sheet}", lang).format(sheet=self.sheet))
        if self.row is not None:
            parts.append(_("row {row}", lang).format(row=self.row))
        if self.column:
            parts.append(_("column {column}", lang).format(column=self.column)
                         + (f" ({self.letter})" if self.letter else ""))
        elif self.letter:
            parts.append(_("column {column}", lang).format(column=self.letter))
        return ", ".join(parts)

    def teks(self, lang: str | None = None) -> str:
        if self.value is NO_VALUE:
            found = ""
        elif self.value is None:
            found = _("value is blank; ", lang)
        else:
            found = _("value {value}; ", lang).format(value=show_value(self.value))
        return f"{self.where(lang)}: {found}{teks(self.expected, lang)}"

    def __str__(self) -> str:
        return self.teks()


class DataError(LkipError):
    """A workbook (or folder) with one or more problems; ``.problems`` lists them all."""

    def __init__(self, problems: list[Problem], source: str | Path | None = None) -> None:
        if not problems:
            raise ValueError("DataError needs at least one problem")
        self.problems = list(problems)
        self.source = source if source is not None else problems[0].file
        super().__init__(self.problems)

    def heading(self, lang: str | None = None) -> str:
        """``"3 problems in data/x/2023/lkip.xlsx:"``."""
        n = len(self.problems)
        return ngettext("{n} problem in {source}:", "{n} problems in {source}:", n,
                        lang).format(n=n, source=self.source)

    def message(self, lang: str | None = None) -> str:
        return "\n".join([self.heading(lang), *(f"- {p.teks(lang)}" for p in self.problems)])


__all__ = ["LkipError", "NameNotAllowed", "UsageError", "RenderError", "OutputError",
           "DiskFull", "Busy", "NotFound", "Interrupted", "DataError", "Problem", "NO_VALUE", "Msg", "show_value"]
