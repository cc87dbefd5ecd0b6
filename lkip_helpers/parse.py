"""Cell-level parsing: one spreadsheet cell -> the typed value of its column kind.

The loader (:mod:`lkip_helpers.load`) calls :func:`parse_cell` for every cell; it returns the
value (or ``None`` for a blank cell) or raises :class:`ParseError` whose text says what was
expected ("expected a whole Rupiah amount ..."). Values are exact: counts and Rupiah are
``int``, numbers and percentages :class:`~decimal.Decimal` (0-100 scale), dates
:class:`datetime.date`, years ``int``, text and choices ``str``.

Numbers typed as text
---------------------
People paste figures as the report prints them, so text is accepted in these styles:
``53.809.092.288``, ``Rp 1.234.567``, ``Rp. 53.809.092.288,-``, ``1.234.567,00``,
``87,74%``, ``87,74``, ``122,3``, English ``53,809,092,288`` and ``1,234.56``, and the
decimal point of tables such as ``87.74``. Where a column allows it (``Column.allow_suffix``)
text after the number is ignored: ``100 % (180 Kegiatan)`` is 100. A lone ``-`` is the
accountant's zero.

The ambiguity rule (the only one): when a number has both ``.`` and ``,`` the one that comes
last is the decimal separator. With only one kind of separator:

* ``.`` appearing more than once, or once followed by exactly three digits, groups
  thousands (Indonesian): ``1.234`` is one thousand two hundred thirty-four. Any other single
  dot is a decimal point: ``87.74``, ``0.5``.
* ``,`` appearing more than once groups thousands (English): ``1,234,567``. A single comma is
  the decimal comma (Indonesian): ``1,5`` is one and a half, and ``1,234`` is 1.234 (one point
  two three four). In whole-number columns (counts, Rupiah) a single comma followed by three
  digits is refused instead, as nobody writes whole amounts with three decimals: ``1,000``
  there is probably English for one thousand, so the user is asked to write it unambiguously.

Thousands groups must have three digits, so ``1.23.4`` is refused rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .i18n import Msg, teks
from .schema import Column

#: A text starting with one of these would run as a formula in a spreadsheet program;
#: :func:`lkip_helpers.workbook.safe_text` guards it with a leading apostrophe.
FORMULA_PREFIXES = ("=", "+", "-", "@")

#: Text that stands for zero in number columns (hyphen, en dash, em dash).
DASHES = ("-", "\u2013", "\u2014")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "agt", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "december", "des", "dec"),
        ),
        start=1,
    )
    for name in names
}

#: What each column kind expects, said to the user (lazy messages, translated when shown).
EXPECTED = {
    "int": Msg("expected a whole number such as 8.418 (or - for zero)"),
    "rupiah": Msg("expected a whole Rupiah amount such as 53.809.092.288 or Rp 53.809.092.288,-"),
    "number": Msg("expected a number such as 122,3 or 1.234"),
    "percent": Msg("expected a percentage on the 0-100 scale such as 87,74 or 87,74%"),
    "date": Msg("expected a date such as 2024-02-27, 27/02/2024 or 27 Februari 2024"),
    "year": Msg("expected a four-digit year such as 2023"),
    "text": Msg("expected text"),
}


class ParseError(ValueError):
    """A cell value that does not fit its column.

    ``error.expected`` is the lazy :class:`~lkip_helpers.i18n.Msg` saying what was expected
    (the loader keeps it lazy in its problems); ``str(error)`` is that message in the current
    language, starting with "expected" in English.
    """

    def __init__(self, expected: Msg | str) -> None:
        super().__init__(expected)
        self.expected = expected

    def __str__(self) -> str:
        return teks(self.expected)


# Optional "Rp"/"IDR" prefix, sign, the digits with separators, optional ",-" / ".-" ending,
# optional "%", then (only where allowed) anything after a space or an opening bracket.
_NUMBER = re.compile(
    r"""^(?P<rp>(?:rp\.?|idr)\s*)?
        (?P<sign>[-\u2212])?\s*
        (?P<digits>\d[\d.,]*?)
        (?P<dash>[.,]-)?
        \s*(?P<pct>%)?
        (?P<rest>(?:\s+|(?=\())\S.*)?$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_GROUPED = re.compile(r"^\d{1,3}(?:X\d{3})+$")  # X: the thousands separator in question


def _grouped(text: str, sep: str) -> bool:
    return bool(_GROUPED.match(text.replace(sep, "X"))) and not text.startswith("0")


def digits_to_decimal(text: str) -> Decimal:
    """Read a run of digits with ``.``/``,`` separators by the ambiguity rule (module docstring)."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        whole, _, frac = text.rpartition(decimal_sep)
        if decimal_sep in whole or not frac or not _grouped(whole, group_sep):
            raise ValueError(text)
        return Decimal(whole.replace(group_sep, "") + "." + frac)
    if dots > 1 or commas > 1:
        sep = "." if dots else ","
        if not _grouped(text, sep):
            raise ValueError(text)
        return Decimal(text.replace(sep, ""))
    if dots == 1:
        whole, frac = text.split(".")
        if len(frac) == 3 and _grouped(text, "."):
            return Decimal(whole + frac)
        if not frac:
            raise ValueError(text)
        return Decimal(text)
    if commas == 1:
        whole, frac = text.split(",")
        if not frac:
            raise ValueError(text)
        return Decimal(whole + "." + frac)
    return Decimal(text)


_AMBIGUOUS_WHOLE = re.compile(r"^\d{1,3},\d{3}$")


def parse_number_text(text: str, *, allow_suffix: bool = False, allow_percent: bool = True,
                      allow_rupiah: bool = True, whole: bool = False) -> Decimal:
    """Parse a number typed as text (styles and ambiguity rule: module docstring).

    ``whole``: the column holds whole numbers, so ``1,000`` is refused as ambiguous.
    Raises ``ValueError`` when the text is not one of the accepted styles.
    """
    text = text.strip()
    if text in DASHES:
        return Decimal(0)
    match = _NUMBER.match(text)
    if (
        not match
        or (match["rest"] and not allow_suffix)
        or (match["pct"] and not allow_percent)
        or (match["rp"] and not allow_rupiah)
    ):
        raise ValueError(text)
    if whole and _AMBIGUOUS_WHOLE.match(match["digits"]):
        raise ParseError(Msg("expected an unambiguous whole number: write {text} as {thousands} "
                             "(thousands) or {whole} (no decimals)", text=match["digits"],
                             thousands=match["digits"].replace(",", "."),
                             whole=match["digits"].split(",")[0]))
    value = digits_to_decimal(match["digits"])
    return -value if match["sign"] else value


def _decimal_of_number(value: int | float) -> Decimal:
    """An exact Decimal from a numeric cell (floats via their shortest repr: 0.8774 -> 0.8774)."""
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value))


#: Largest whole number (count, Rupiah) a cell may hold: the limit of the Int64 columns.
MAX_WHOLE = 2**63 - 1


def _whole(number: Decimal, kind: str) -> int:
    if number != number.to_integral_value():
        raise ParseError(Msg("{expected}; {number} has decimals", expected=EXPECTED[kind],
                             number=str(number)))
    if abs(number) > MAX_WHOLE:
        raise ParseError(Msg("{expected}; this number is too large", expected=EXPECTED[kind]))
    return int(number)


def parse_numeric(value: Any, col: Column, number_format: str = "General") -> Decimal | int:
    """A number, percent, int or Rupiah cell as Decimal (number/percent) or int (int/rupiah)."""
    kind = col.kind
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime, dt.time)):
        raise ParseError(EXPECTED[kind])
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseError(EXPECTED[kind])
        number = _decimal_of_number(value)
        if kind in ("percent", "number") and "%" in (number_format or ""):
            number = number * 100  # Excel stores 87,74% as 0.8774
    elif isinstance(value, str):
        try:
            number = parse_number_text(
                value,
                allow_suffix=col.allow_suffix,
                allow_percent=kind in ("percent", "number"),
                allow_rupiah=kind in ("rupiah", "number"),
                whole=kind in ("int", "rupiah"),
            )
        except ParseError:
            raise
        except (ValueError, InvalidOperation):
            raise ParseError(EXPECTED[kind]) from None
    else:
        raise ParseError(EXPECTED[kind])
    if kind in ("int", "rupiah"):
        return _whole(number, kind)
    return number


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)


def parse_date_text(text: str) -> dt.date:
    """``2024-02-27``, ``27/02/2024``, ``27-02-2024``, ``27.02.2024`` or ``27 Februari 2024``.

    Month names are Indonesian or English, full or abbreviated (``Agt``, ``Aug``). Day-month-
    year order only: 02/03/2024 is 2 March. Raises ``ValueError`` otherwise.
    """
    text = " ".join(text.split())
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif (m := _D_MONTH_Y.match(text)) and m[2].lower() in MONTHS:
        day, month, year = int(m[1]), MONTHS[m[2].lower()], int(m[3])
    else:
        raise ValueError(text)
    return dt.date(year, month, day)  # ValueError for 31/02


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date_text(value)
        except ValueError:
            pass
    raise ParseError(EXPECTED["date"])


def parse_year(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        raise ParseError(EXPECTED["year"])
    text = str(value).strip() if isinstance(value, (int, str)) else ""
    if not re.fullmatch(r"\d{4}", text):
        raise ParseError(EXPECTED["year"])
    return int(text)


def parse_text(value: Any) -> str:
    """Text as typed; numbers as written (2023, not 2023.0); the formula guard removed.

    :func:`lkip_helpers.workbook.safe_text` writes ``'=x`` for a text starting with ``=``,
    ``+``, ``-`` or ``@``; the leading apostrophe is dropped again here.
    """
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    text = text.strip()
    if text.startswith("'") and text[1:].lstrip().startswith(FORMULA_PREFIXES):
        text = text[1:].lstrip()
    return text


def parse_choice(value: Any, col: Column) -> str:
    """One of ``col.choices``, matched case-insensitively and returned in canonical spelling."""
    text = " ".join(parse_text(value).split()).lower()
    for choice in col.choices:
        if choice.lower() == text:
            return choice
    raise ParseError(Msg("expected one of: {choices}", choices=", ".join(col.choices)))


def is_blank(value: Any) -> bool:
    """True for an empty cell or whitespace-only text."""
    return value is None or (isinstance(value, str) and not value.strip())


def parse_cell(value: Any, col: Column, number_format: str = "General") -> Any:
    """The typed value of one cell of column ``col``, or ``None`` when it is blank.

    ``value`` is what openpyxl reads (str, int, float, datetime, bool or None) and
    ``number_format`` the cell's format (a ``%`` in it scales percent cells by 100).
    A lone ``-`` is 0 in number columns (int, rupiah, number, percent) and blank elsewhere.
    Raises :class:`ParseError` ("expected ...") when the value does not fit.
    """
    if is_blank(value):
        return None
    numeric = col.kind in ("int", "rupiah", "number", "percent")
    if isinstance(value, str) and value.strip() in DASHES and not numeric:
        return None
    if numeric:
        return parse_numeric(value, col, number_format)
    if col.kind == "date":
        return parse_date(value)
    if col.kind == "year":
        return parse_year(value)
    if col.kind == "choice":
        return parse_choice(value, col)
    return parse_text(value)
