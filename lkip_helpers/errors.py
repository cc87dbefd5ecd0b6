"""Data errors: what is wrong in a workbook, said so that a non-programmer can fix it.

A :class:`Problem` names one place (file, sheet, Excel row, column with its letter) with the
value found and what was expected. The loader collects every problem of a workbook and
raises them together as one :class:`DataError`, so a user fixes everything in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


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
    letter when known. ``expected`` says what should be there, e.g. "expected a date".
    """

    file: str | Path
    sheet: str | None
    row: int | None
    column: str | None
    value: Any
    expected: str
    letter: str | None = None

    def where(self) -> str:
        parts = [str(self.file)]
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}" + (f" ({self.letter})" if self.letter else ""))
        elif self.letter:
            parts.append(f"column {self.letter}")
        return ", ".join(parts)

    def __str__(self) -> str:
        if self.value is NO_VALUE:
            found = ""
        elif self.value is None:
            found = "value is blank; "
        else:
            found = f"value {show_value(self.value)}; "
        return f"{self.where()}: {found}{self.expected}"


class DataError(Exception):
    """A workbook (or folder) with one or more problems; ``.problems`` lists them all."""

    def __init__(self, problems: list[Problem], source: str | Path | None = None) -> None:
        if not problems:
            raise ValueError("DataError needs at least one problem")
        self.problems = list(problems)
        self.source = source if source is not None else problems[0].file
        super().__init__(self.message())

    def heading(self) -> str:
        """``"3 problem(s) in data/x/2023/lkip.xlsx:"``."""
        return f"{len(self.problems)} problem(s) in {self.source}:"

    def message(self) -> str:
        return "\n".join([self.heading(), *(f"- {p}" for p in self.problems)])

    def __str__(self) -> str:
        return self.message()
