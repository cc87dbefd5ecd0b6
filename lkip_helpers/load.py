"""Load and validate one unit-year workbook into an :class:`~lkip_helpers.model.LkipYear`.

:func:`load_year` finds ``data/<unit>/<year>/lkip.xlsx`` through :mod:`lkip_helpers.config`;
:func:`load_workbook_file` reads any workbook path. Both collect every problem of the
workbook (missing sheets and columns, values of the wrong kind, negative amounts, duplicate
keys, unknown choices and indicator codes, blank required values, formulas without a cached
value ...) and raise them together as one :class:`~lkip_helpers.errors.DataError`.

How it works, and why:

1. The file is checked as a zip container first (a CSV renamed to .xlsx or a truncated file
   gives one clear problem, not a library traceback); its uncompressed size is bounded.
2. openpyxl reads it in read-only mode with ``data_only=True`` (the values Excel cached for
   formulas). XML is parsed through defusedxml: this module refuses to import without it.
3. Every cell is parsed by :mod:`lkip_helpers.parse` (Indonesian text numbers need more than
   a dtype cast), then each sheet's DataFrame is validated with a pandera schema derived from
   :mod:`lkip_helpers.schema` (required values, non-negative amounts, allowed values, unique
   keys); pandera's failure cases are turned back into problems with Excel row and column.
4. Cross-sheet rules follow (indicator codes, the profile year, belanja rows need a program).

Results are cached by (path, modification time, size): every notebook chapter calls
:func:`load_year`, and a workbook is parsed once per process. Each call returns fresh copies
of the cached frames and profile, so callers may modify what they get.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import warnings as _warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import openpyxl
from defusedxml import DTDForbidden
from defusedxml.ElementTree import XMLParser as DefusedXMLParser
import pandas as pd
import pandera.pandas as pa
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.xml import DEFUSEDXML

from . import config
from .errors import NO_VALUE, DataError, Problem
from .i18n import Msg, bahasa
from .model import LkipYear
from .parse import (PERCENT_MAX, ParseError, hidden_characters, is_blank, parse_cell,
                    parse_text)
from .schema import (BAGIAN_NARASI_BY_KEY, SHEET_PILIHAN, INDICATOR_REFERENCES, PROFIL, SHEETS, Column,
                     Sheet)

if not DEFUSEDXML:  # pragma: no cover - defusedxml is a declared dependency
    raise ImportError("defusedxml must be installed: workbooks are untrusted XML")

#: A sheet with more data rows than this is refused (a workbook per unit-year is small).
MAX_DATA_ROWS = 10_000
#: A workbook whose parts unpack to more than this is refused (zip bombs).
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024

#: pandas dtype of each column kind (see model.LkipYear).
DTYPES = {"text": object, "choice": object, "int": "Int64", "rupiah": "Int64", "year": "Int64",
          "number": "Float64", "percent": "Float64", "date": "datetime64[ns]"}

EXPECTED_REQUIRED = Msg("expected a value: this column is required")
EXPECTED_FORMULA = Msg("formula without a cached value: open and save the file in "
                       "Excel/LibreOffice")
#: See data/README.md, the section that says how to start a unit-year.
_SEE_README = Msg("see data/README.md, 'Starting a new unit-year'")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
TABLE_SHEETS = tuple(s for s in SHEETS if s.layout == "table")


# --------------------------------------------------------------------------- public API


def load_year(unit: str, year: int | str, data_dir: Path | str | None = None) -> LkipYear:
    """The validated workbook ``<data_dir>/<unit>/<year>/lkip.xlsx``.

    Raises :class:`~lkip_helpers.config.InvalidName` for unit/year names that are not allowed
    and :class:`~lkip_helpers.errors.DataError` listing every problem of the data.
    """
    folder = config.unit_year_dir(unit, year, data_dir)
    path = folder / config.WORKBOOK_NAME
    if not folder.is_dir():
        raise DataError([Problem(_shown(folder), None, None, None, NO_VALUE,
                                 Msg("expected a folder for unit {unit}, year {year} holding "
                                     "{workbook} ({see})", unit=repr(unit), year=year,
                                     workbook=config.WORKBOOK_NAME, see=_SEE_README))])
    if not path.is_file():
        raise DataError([Problem(_shown(path), None, None, None, NO_VALUE,
                                 Msg("expected the workbook {workbook} in this folder ({see})",
                                     workbook=config.WORKBOOK_NAME, see=_SEE_README))])
    return load_workbook_file(path, unit=unit, year=config.check_year(year))


def load_workbook_file(path: Path | str, unit: str | None = None,
                       year: int | None = None) -> LkipYear:
    """The validated workbook at ``path``; raises :class:`DataError` listing every problem.

    ``unit`` and ``year`` default to the folder names when the path looks like
    ``<unit>/<year>/lkip.xlsx``; ``profil.tahun`` must equal ``year`` when it is known.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise DataError([Problem(_shown(path), None, None, None, NO_VALUE,
                                 Msg("expected an existing workbook file (.xlsx)"))])
    if unit is None and year is None:
        unit, year = _unit_year_from_path(path)
    stat = path.stat()
    cached = _load_cached(str(path), stat.st_mtime_ns, stat.st_size, unit, year)
    return _fresh_copy(cached)


# --------------------------------------------------------------------------- internals


class _PerLanguage(Msg):
    """A text the schema gives in both languages (English ``en``, Indonesian ``id``)."""

    __slots__ = ()

    def __init__(self, en: str, id: str) -> None:  # noqa: A002 - the language code
        super().__init__("", en=en, id=id)

    def teks(self, lang: str | None = None) -> str:
        return self.params["id" if (lang or bahasa()) == "id" else "en"]


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when inside it (shorter messages)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _unit_year_from_path(path: Path) -> tuple[str | None, int | None]:
    if path.name != config.WORKBOOK_NAME:
        return None, None
    try:
        return config.check_unit(path.parent.parent.name), config.check_year(path.parent.name)
    except config.InvalidName:
        return None, None


def _fresh_copy(lkip: LkipYear) -> LkipYear:
    frames = {s.name: getattr(lkip, s.name).copy() for s in TABLE_SHEETS}
    return dataclasses.replace(lkip, profil=dict(lkip.profil), **frames)


@dataclass
class _Problems:
    """Problems of one workbook, plus the cells already reported (to avoid repeating them)."""

    file: str
    items: list[Problem] = field(default_factory=list)
    reported: set[tuple[str, int, str]] = field(default_factory=set)
    #: Located warnings (a Problem each: str() gives its place and message); not errors.
    warnings: list[Problem] = field(default_factory=list)

    def add(self, sheet: str | None, row: int | None, column: str | None, value: Any,
            expected: Msg | str, letter: str | None = None) -> None:
        self.items.append(Problem(self.file, sheet, row, column, value, expected, letter))
        if sheet and row is not None and column:
            self.reported.add((sheet, row, column))


@dataclass
class _Table:
    """The parsed cells of one table sheet before they become a DataFrame."""

    sheet: Sheet
    rows: list[int] = field(default_factory=list)
    values: dict[str, list[Any]] = field(default_factory=dict)
    raw: dict[tuple[int, str], Any] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)
    present: bool = False


def _without_openpyxl_warnings(func):
    """Silence openpyxl's UserWarnings (e.g. "serial value outside the limits for dates").

    The loader reports such cells as problems itself; the warnings would only repeat them as
    Python noise on the user's terminal or in a notebook's output.
    """
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with _warnings.catch_warnings():
            _warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")
            return func(*args, **kwargs)
    return wrapper


@functools.lru_cache(maxsize=32)
@_without_openpyxl_warnings
def _load_cached(path: str, mtime_ns: int, size: int, unit: str | None,
                 year: int | None) -> LkipYear:
    """Parse and validate; arguments beyond ``path`` only make the cache key."""
    del mtime_ns, size
    file = Path(path)
    problems = _Problems(_shown(file))
    has_formulas = _check_container(file, problems)
    if problems.items:
        raise DataError(problems.items)
    try:
        wb = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on junk; all mean "unreadable"
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]  # one line
        raise DataError([Problem(problems.file, None, None, None, NO_VALUE,
                                 Msg("expected an Excel workbook (.xlsx) that can be read "
                                     "({reason})", reason=reason))])
    try:
        formulas = _formula_cells(file) if has_formulas else set()
        sheets, warnings = _match_sheets(wb.sheetnames, problems)
        try:
            profil, profil_rows = _read_profil(
                wb[sheets["profil"]] if "profil" in sheets else None, formulas, problems)
        except _Unreadable as exc:
            problems.add("profil", None, None, NO_VALUE, exc.message)
            profil, profil_rows = {c.name: c.default for c in PROFIL.columns}, {}
        tables = {}
        for s in TABLE_SHEETS:
            try:
                tables[s.name] = _read_table(wb[sheets[s.name]] if s.name in sheets else None,
                                             s, sheets.get(s.name), formulas, problems)
            except _Unreadable as exc:
                problems.add(s.name, None, None, NO_VALUE, exc.message)
                tables[s.name] = _Table(s, values={c.name: [] for c in s.columns})
    finally:
        wb.close()
    frames = {name: _frame(table) for name, table in tables.items()}
    for name, frame in frames.items():
        _validate_frame(tables[name], frame, problems)
    _cross_checks(profil, profil_rows, frames, tables, year, problems)
    if problems.items:
        raise DataError(problems.items)
    if year is None:
        year = profil["tahun"]
    return LkipYear(unit=unit or file.stem, year=year, source=file, profil=profil,
                    warnings=tuple(warnings) + tuple(problems.warnings), **frames)


def _check_container(file: Path, problems: _Problems) -> bool:
    """Is ``file`` a sane xlsx zip? Adds a problem if not; returns whether it has formulas."""
    expected = Msg("expected an Excel workbook (.xlsx); this file is not one")
    try:
        with zipfile.ZipFile(file) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
                problems.add(None, None, None, NO_VALUE,
                             Msg("{expected}: it unpacks to more than {limit} MB",
                                 expected=expected, limit=MAX_UNCOMPRESSED_BYTES // 2**20))
                return False
            names = [i.filename for i in infos]
            if "xl/workbook.xml" not in names:
                problems.add(None, None, None, NO_VALUE,
                             Msg("{expected} (a zip file without xl/workbook.xml; .xls and "
                                 ".ods files must be saved as .xlsx)", expected=expected))
                return False
            with_dtd = [n for n in names if n.endswith((".xml", ".rels")) and _declares_dtd(zf, n)]
            if with_dtd:
                problems.add(None, None, None, NO_VALUE,
                             Msg("{expected}: part {part} declares a DTD, which Excel never "
                                 "writes and which could expand entities; save the file again "
                                 "from Excel or LibreOffice", expected=expected,
                                 part=with_dtd[0]))
                return False
            return any(_FORMULA_TAG.search(zf.read(n)) for n in names
                       if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        problems.add(None, None, None, NO_VALUE,
                     Msg("{expected} (save it from Excel or LibreOffice as .xlsx; {reason})",
                         expected=expected, reason=exc))
        return False


class _RootReached(Exception):
    """The prolog of an XML part has been read: no DTD can follow."""


class _StopAtRoot:
    """Parser target that stops at the root element's start tag."""

    def start(self, tag, attrib):
        raise _RootReached

    def close(self):
        return None


def _declares_dtd(zf: zipfile.ZipFile, name: str) -> bool:
    """Does XML part ``name`` declare a DTD (``<!DOCTYPE``, possibly with entities)?

    openpyxl parses some parts with lxml (safe from expansion, but not through defusedxml) and
    others with defusedxml; this check refuses a DTD before either sees the part, in any
    encoding, reading only the prolog (defusedxml's parser with ``forbid_dtd``).
    """
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True)
    try:
        with zf.open(name) as stream:
            while chunk := stream.read(65536):
                parser.feed(chunk)
    except _RootReached:
        return False
    except DTDForbidden:
        return True
    except Exception:  # noqa: BLE001 - damaged XML is reported where the part is read
        return False
    return False


def _formula_cells(file: Path) -> set[tuple[str, int, int]]:
    """(sheet title, row, column number) of every formula cell (second, formula-only pass)."""
    wb = openpyxl.load_workbook(file, read_only=True, data_only=False)
    try:
        found = set()
        for ws in wb.worksheets:
            try:
                for r, row in enumerate(_rows(ws), start=1):
                    if r > MAX_DATA_ROWS + 1:
                        break
                    found.update((ws.title, r, c) for c, cell in enumerate(row, start=1)
                                 if cell.data_type == "f")
            except _Unreadable:
                continue  # reported by the main pass, with the sheet's name
        return found
    finally:
        wb.close()


class _Unreadable(Exception):
    """A sheet whose XML cannot be read (a NUL byte, a truncated part ...); ``message`` says so
    in one line."""

    def __init__(self, error: BaseException) -> None:
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        super().__init__(reason)
        self.message = Msg("expected a sheet that can be read; its XML is damaged ({reason}): "
                           "open the file in Excel or LibreOffice and save it again",
                           reason=reason)


def _rows(ws, **kwargs) -> Iterable[tuple]:
    """``ws.iter_rows(**kwargs)``, raising :class:`_Unreadable` when the sheet's XML is broken.

    In read-only mode openpyxl parses a sheet while its rows are read, so a damaged sheet
    fails in the middle of the loop (with an XML parser's exception, or another one).
    """
    rows = ws.iter_rows(**kwargs)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - any failure of the XML reader of one sheet
            raise _Unreadable(exc) from exc
        yield row


def _match_sheets(names: list[str], problems: _Problems) -> tuple[dict[str, str], list[str]]:
    """Schema sheet name -> workbook sheet title (case and spaces ignored); warnings."""
    by_key = {n.strip().lower(): n for n in names}
    found = {s.name: by_key[s.name] for s in SHEETS if s.name in by_key}
    for sheet in SHEETS:
        if sheet.required and sheet.name not in found:
            problems.add(sheet.name, None, None, NO_VALUE,
                         Msg("expected a sheet named {sheet} ({title}); the workbook has: "
                             "{names}", sheet=repr(sheet.name),
                             title=_PerLanguage(sheet.title, sheet.judul),
                             names=", ".join(names)))
    known = {s.name for s in SHEETS} | {SHEET_PILIHAN}  # the template's dropdown values
    warnings = [Msg("sheet {sheet} is not part of the schema and was ignored", sheet=repr(n))
                for n in names if n.strip().lower() not in known]
    return found, warnings


def _cell(value: Any, fmt: str | None, col: Column, where: tuple[str, int, str, str],
          formulas: set, problems: _Problems) -> Any:
    """Parse one cell, adding a problem (and returning None) when it does not fit."""
    sheet, row, letter, title = where
    if value is None and (title, row, column_index_from_string(letter)) in formulas:
        problems.add(sheet, row, col.name, NO_VALUE, EXPECTED_FORMULA, letter)
        return None
    try:
        parsed = parse_cell(value, col, fmt or "General")
    except ParseError as exc:
        problems.add(sheet, row, col.name, value, exc.expected, letter)
        return None
    if isinstance(value, str) and col.kind in ("text", "choice") and (
            hidden := hidden_characters(value)):
        problems.warnings.append(Problem(
            problems.file, sheet, row, col.name, NO_VALUE,
            Msg("invisible control characters ({characters}) were removed from the text; "
                "check it in the spreadsheet", characters=", ".join(hidden)), letter))
    return parsed


def _read_profil(ws, formulas: set, problems: _Problems) -> tuple[dict[str, Any], dict[str, int]]:
    """Fields of sheet ``profil`` (column A name, column B value), defaults applied."""
    values: dict[str, Any] = {}
    rows: dict[str, int] = {}
    if ws is None:
        return {c.name: c.default for c in PROFIL.columns}, rows
    for r, row in enumerate(_rows(ws, min_row=2, max_col=2), start=2):
        if r > MAX_DATA_ROWS + 1:
            problems.add("profil", None, None, NO_VALUE,
                         Msg("expected at most {limit:,} rows of fields", limit=MAX_DATA_ROWS))
            break
        cells = list(row) + [None] * (2 - len(row))
        key_cell, value_cell = cells[0], cells[1]
        key_raw = key_cell.value if key_cell is not None else None
        raw = value_cell.value if value_cell is not None else None
        if is_blank(key_raw):
            if not is_blank(raw):
                problems.add("profil", r, "kunci", None,
                             Msg("expected a field name in column A for the value in column B"),
                             "A")
            continue
        key = parse_text(key_raw).lower()
        try:
            col = PROFIL.column(key)
        except KeyError:
            problems.add("profil", r, "kunci", key_raw,
                         Msg("expected one of the profile fields: {fields}",
                             fields=", ".join(PROFIL.column_names)), "A")
            continue
        if key in rows:
            problems.add("profil", r, "kunci", key_raw,
                         Msg("expected each field once; {field} is already on row {first}",
                             field=key, first=rows[key]), "A")
            continue
        rows[key] = r
        fmt = getattr(value_cell, "number_format", None)
        values[key] = _cell(raw, fmt, col, ("profil", r, "B", ws.title), formulas, problems)
    for col in PROFIL.columns:
        if values.get(col.name) is None:
            values[col.name] = col.default
        if col.required and values[col.name] is None and ("profil", rows.get(col.name, -1),
                                                          col.name) not in problems.reported:
            problems.add("profil", rows.get(col.name), col.name, None if col.name in rows
                         else NO_VALUE,
                         Msg("expected the field {field} ({description}); it is required",
                             field=col.name,
                             description=_PerLanguage(col.description.rstrip("."),
                                                      col.keterangan.rstrip("."))),
                         "B" if col.name in rows else None)
    return values, rows


def _read_header(ws, sheet: Sheet, problems: _Problems) -> tuple[dict[str, int], set[int]]:
    """Schema column name -> 0-based position, from row 1, and the positions of all named
    columns (known or not); reports unknown, duplicate and missing required names."""
    header_row = next(_rows(ws, min_row=1, max_row=1), ())
    positions: dict[str, int] = {}
    named: set[int] = set()
    for i, cell in enumerate(header_row):
        if is_blank(cell.value):
            continue
        named.add(i)
        name = parse_text(cell.value).lower()
        letter = get_column_letter(i + 1)
        if name not in sheet.column_names:
            problems.add(sheet.name, 1, name, cell.value,
                         Msg("unknown column; expected one of: {columns}",
                             columns=", ".join(sheet.column_names)), letter)
        elif name in positions:
            problems.add(sheet.name, 1, name, cell.value,
                         Msg("expected each column once; {column} is already column {first}",
                             column=name, first=get_column_letter(positions[name] + 1)), letter)
        else:
            positions[name] = i
    for col in sheet.columns:
        if col.required and col.name not in positions:
            problems.add(sheet.name, 1, col.name, NO_VALUE,
                         Msg("missing required column: expected a column named {column} in row 1",
                             column=repr(col.name)))
    return positions, named


def _read_table(ws, sheet: Sheet, title: str | None, formulas: set,
                problems: _Problems) -> _Table:
    """Parse the data rows of a table sheet (fully empty rows are skipped)."""
    table = _Table(sheet, values={c.name: [] for c in sheet.columns})
    if ws is None:
        return table
    table.present = True
    positions, named = _read_header(ws, sheet, problems)
    table.letters = {name: get_column_letter(i + 1) for name, i in positions.items()}
    unnamed_reported: set[int] = set()  # columns without a header, reported once each
    for r, row in enumerate(_rows(ws, min_row=2), start=2):
        cells = list(row)
        if all(is_blank(c.value) for c in cells):
            continue
        if len(table.rows) >= MAX_DATA_ROWS:
            problems.add(sheet.name, r, None, NO_VALUE,
                         Msg("expected at most {limit:,} rows of data; this sheet has more (is "
                             "it the right sheet?)", limit=MAX_DATA_ROWS))
            break
        table.rows.append(r)
        for i, cell in enumerate(cells):
            if i not in named and i not in unnamed_reported and not is_blank(cell.value):
                unnamed_reported.add(i)
                problems.add(sheet.name, r, None, cell.value,
                             Msg("expected no data outside the named columns (row 1)"),
                             get_column_letter(i + 1))
        for col in sheet.columns:
            i = positions.get(col.name)
            if i is None:
                table.values[col.name].append(None)
                continue
            cell = cells[i] if i < len(cells) else None
            raw = cell.value if cell is not None else None
            table.raw[(r, col.name)] = raw
            where = (sheet.name, r, table.letters[col.name], title or sheet.name)
            table.values[col.name].append(
                _cell(raw, getattr(cell, "number_format", None), col, where, formulas, problems))
    return table


def _series(values: list[Any], kind: str, index: pd.Index) -> pd.Series:
    if kind in ("number", "percent"):
        values = [None if v is None else float(v) for v in values]
    elif kind == "date":
        values = [pd.NaT if v is None else pd.Timestamp(v) for v in values]
    return pd.Series(values, index=index, dtype=DTYPES[kind])


def _frame(table: _Table) -> pd.DataFrame:
    """The typed DataFrame of one sheet (index ``baris`` = Excel row)."""
    index = pd.Index(table.rows, dtype="int64", name="baris")
    data = {c.name: _series(table.values[c.name], c.kind, index) for c in table.sheet.columns}
    return pd.DataFrame(data, index=index, columns=table.sheet.column_names)


#: The English ``error`` text of each pandera check -> its lazy message (see pandera_schema).
CHECK_MESSAGES: dict[str, Msg] = {}


def _check_error(msg: Msg) -> str:
    """Register ``msg`` as a check's message; return its English text, the check's ``error``."""
    text = msg.teks("en")
    CHECK_MESSAGES[text] = msg
    return text


@functools.lru_cache(maxsize=None)
def pandera_schema(sheet_name: str) -> pa.DataFrameSchema:
    """The pandera schema of a table sheet, derived from :mod:`lkip_helpers.schema`.

    Each check's ``error`` is the English "expected ..." text of the resulting problem;
    :data:`CHECK_MESSAGES` maps it back to the lazy message, shown in the user's language.
    """
    sheet = next(s for s in TABLE_SHEETS if s.name == sheet_name)
    columns = {}
    for col in sheet.columns:
        checks = []
        if col.kind in ("int", "rupiah", "number", "percent") and col.minimum is not None:
            checks.append(pa.Check.ge(col.minimum, error=_check_error(Msg(
                "expected a value of {minimum} or more (amounts and counts are never negative)",
                minimum=format(col.minimum, "g")))))
        if col.choices:
            checks.append(pa.Check.isin(col.choices, error=_check_error(Msg(
                "expected one of: {choices}", choices=", ".join(col.choices)))))
        columns[col.name] = pa.Column(DTYPES[col.kind], checks, nullable=not col.required)
    checks = []
    if sheet.key:
        key = list(sheet.key)
        checks.append(pa.Check(lambda df: ~df.duplicated(subset=key, keep="first"),
                               name="unique_key", error="unique_key", ignore_na=False))
    return pa.DataFrameSchema(columns, checks=checks, index=pa.Index("int64", name="baris"))


def _validate_frame(table: _Table, frame: pd.DataFrame, problems: _Problems) -> None:
    """Run the sheet's pandera schema; turn failure cases into problems (row, column, letter)."""
    sheet = table.sheet
    if not table.present:
        return
    if len(frame) < sheet.min_rows:
        problems.add(sheet.name, None, None, NO_VALUE,
                     Msg("expected at least {n} row(s) of data below the header",
                         n=sheet.min_rows))
    try:
        pandera_schema(sheet.name).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
    else:
        return
    duplicate_rows: set[int] = set()
    for case in failures.itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index)
        if case.check == "unique_key":
            duplicate_rows.add(row)
            continue
        column = case.column
        if row is None or column not in table.letters or (sheet.name, row, column) in \
                problems.reported:
            continue  # missing column (already reported) or a cell that failed to parse
        if case.check == "not_nullable":
            expected, value = EXPECTED_REQUIRED, None
        else:
            check = str(case.check)
            expected, value = CHECK_MESSAGES.get(check, check), table.raw.get((row, column))
        problems.add(sheet.name, row, column, value, expected, table.letters[column])
    if duplicate_rows:
        _report_duplicates(table, frame, sorted(duplicate_rows), problems)


def _report_duplicates(table: _Table, frame: pd.DataFrame, rows: Iterable[int],
                       problems: _Problems) -> None:
    key = list(table.sheet.key)
    first: dict[tuple, int] = {}
    for row, values in zip(frame.index, frame[key].itertuples(index=False, name=None)):
        first.setdefault(tuple(None if pd.isna(v) else v for v in values), row)
    letters = ", ".join(table.letters.get(k, "?") for k in key)
    for row in rows:
        values = tuple(None if pd.isna(v) else v for v in frame.loc[row, key])
        shown = values[0] if len(values) == 1 else values
        problems.add(table.sheet.name, row, ", ".join(key), shown,
                     Msg("duplicate key: expected each {key} once (blanks count as part of the "
                         "key); the same is on row {first}", key=" + ".join(key),
                         first=first[values]), letters)


def _cross_checks(profil: dict[str, Any], profil_rows: dict[str, int],
                  frames: dict[str, pd.DataFrame], tables: dict[str, _Table], year: int | None,
                  problems: _Problems) -> None:
    """Rules that span sheets: indicator codes, the profile year, belanja programs, scale."""
    if tables["indikator"].present:
        codes = set(frames["indikator"]["kode"].dropna())
        for sheet_name, column in INDICATOR_REFERENCES:
            table = tables[sheet_name]
            if column not in table.letters:
                continue
            for row, code in frames[sheet_name][column].dropna().items():
                if code not in codes:
                    problems.add(sheet_name, row, column, code,
                                 Msg("expected the kode of an indicator on sheet indikator "
                                     "({codes})", codes=", ".join(sorted(codes))
                                     or Msg("none defined")),
                                 table.letters[column])
    tahun = profil.get("tahun")
    if year is not None and tahun is not None and tahun != year:
        problems.add("profil", profil_rows.get("tahun"), "tahun", tahun,
                     Msg("expected {year}, the year of the folder", year=year), "B")
    anggaran, letter = frames["anggaran"], tables["anggaran"].letters.get("program")
    missing = anggaran[(anggaran["jenis"] == "belanja") & anggaran["program"].isna()]
    for row in missing.index:
        if ("anggaran", row, "program") not in problems.reported:
            problems.add("anggaran", row, "program", None,
                         Msg("expected the program name: belanja rows need a program"), letter)
    narasi, letter = frames["narasi"], tables["narasi"].letters.get("kode_indikator")
    for row, bagian, kode in zip(narasi.index, narasi["bagian"], narasi["kode_indikator"]):
        section = BAGIAN_NARASI_BY_KEY.get(bagian)
        if section is not None and not section.per_indikator and not pd.isna(kode) \
                and ("narasi", row, "kode_indikator") not in problems.reported:
            problems.add("narasi", row, "kode_indikator", kode,
                         Msg("expected a blank: section {bagian} is one text for the whole "
                             "unit, not one per indicator", bagian=bagian), letter)
    if profil.get("skala_penilaian") == "kustom" and frames["skala"].empty:
        problems.add("profil", profil_rows.get("skala_penilaian"), "skala_penilaian", "kustom",
                     Msg("expected rows on sheet skala when the scale is 'kustom'"), "B")
    _percent_plausible(frames, tables, problems)


#: Number columns that hold a percentage when their row's unit (``satuan``) is "%": the same
#: plausible range as the percent kind applies to them (parse.PERCENT_MAX).
_PERCENT_BY_UNIT = {"indikator": ("target", "realisasi", "target_renstra"),
                    "komitmen": ("ambang", "realisasi")}


def _percent_plausible(frames: dict[str, pd.DataFrame], tables: dict[str, _Table],
                       problems: _Problems) -> None:
    """Figures in "%" beyond the plausible range (0 to PERCENT_MAX): a located problem.

    The rows of sheets triwulan and riwayat_kinerja take the unit of their indicator.
    """
    satuan = {}
    if "kode" in frames["indikator"]:
        satuan = dict(zip(frames["indikator"]["kode"], frames["indikator"]["satuan"]))

    def check(sheet: str, columns: tuple[str, ...], units: pd.Series) -> None:
        df, table = frames[sheet], tables[sheet]
        for column in columns:
            if column not in table.letters:
                continue
            for row, value, unit in zip(df.index, df[column], units):
                if (isinstance(unit, str) and unit.strip() == "%" and not pd.isna(value)
                        and value > float(PERCENT_MAX)
                        and (sheet, row, column) not in problems.reported):
                    problems.add(sheet, row, column, table.raw.get((row, column), value),
                                 Msg("expected a percentage of at most {maximum} (the unit of "
                                     "this row is %): check the figure",
                                     maximum=str(int(PERCENT_MAX))), table.letters[column])

    for sheet, columns in _PERCENT_BY_UNIT.items():
        check(sheet, columns, frames[sheet]["satuan"])
    for sheet in ("triwulan", "riwayat_kinerja"):
        check(sheet, ("target", "realisasi"), frames[sheet]["kode_indikator"].map(satuan))
