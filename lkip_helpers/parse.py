"""Cell-level parsing: one spreadsheet cell -> the typed value of its column kind.

The loader (:mod:`lkip_helpers.load`) calls :func:`parse_cell` for every cell; it returns the
value (or ``None`` for a blank cell) or raises :class:`ParseError` whose text says what was
expected ("expected a whole Rupiah amount ..."). Values are exact: counts and Rupiah are
``int``, numbers and percentages :class:`~decimal.Decimal` (0-100 scale), dates
:class:`datetime.date`, years ``int``, text and choices ``str``.

Numbers typed as text: THE rule
-------------------------------
A number is read exactly or refused, never guessed (``tests/test_misreads.py`` checks it on
random strings). People paste figures as the report prints them, so text is accepted in these
styles: ``53.809.092.288``, ``Rp 1.234.567``, ``Rp. 53.809.092.288,-``, ``1.234.567,00``,
``87,74%``, ``87,74``, ``122,3``, ``1 234 567`` (space, no-break or thin space), English
``53,809,092,288`` and ``1,234.56``, and the decimal point of tables such as ``87.74``. A lone
``-`` is the accountant's zero.

1. *Separators.* When a number has both ``.`` and ``,`` the one that comes last is the
   decimal separator and the other groups thousands. With one kind only:

   * ``.`` appearing more than once, or once followed by exactly three digits, groups
     thousands (Indonesian): ``1.234`` is one thousand two hundred thirty-four. Any other
     single dot is a decimal point: ``87.74``, ``0.500``.
   * ``,`` appearing more than once groups thousands (English): ``1,234,567``. A single comma
     is the decimal comma (Indonesian): ``1,5`` is one and a half. A single comma followed by
     exactly three digits (``1,234``, ``1,500 dokumen``) is *refused* in every number column:
     it is 1,234 in Indonesian but 1234 in English. The message says how to write it
     (``1.234`` for thousands, ``1,2340`` for decimals). ``0,500`` is not ambiguous.
   * Spaces (also no-break and thin spaces) group thousands: ``1 234`` is 1234. The other
     groups must have three digits, and a decimal part after spaced groups must not have
     exactly three digits (``1 234,567`` is refused).

   Thousands groups must have three digits, so ``1.23.4`` and ``12 34`` are refused.
2. *Text around the number.* ``Rp``/``Rp.``/``IDR`` before it (Rupiah and number columns),
   ``,-`` after it and ``%`` (percent and number columns) are allowed. Where a column allows
   it (``Column.allow_suffix``: indicator target and realisation, triwulan, riwayat_kinerja,
   komitmen) a unit of measure and a note in brackets may follow, as they do not change the
   value: ``100 % (180 Kegiatan)`` is 100, ``12 kali`` is 12. Text that would change the
   value is refused in every column, with a message saying what to type:

   * scale words ``ribu``, ``juta``, ``miliar``/``milyar``, ``triliun`` and their
     abbreviations ``rb``, ``jt``, ``M``, ``T``, ``K`` (also English ``thousand``,
     ``million``, ``billion``): ``2,5 juta`` must be typed ``2.500.000``;
   * a second number outside brackets, as in ranges ``75 - 80``, ``75–80``, ``75 s.d. 80``,
     ``75 sampai 80``: write one number;
   * anything else after the number but letters and ``. , / - ' %`` (for example ``+``
     or ``‰``).
3. *Plausible percentages.* Percentage columns (0-100 scale) refuse values above
   :data:`PERCENT_MAX` (1000): 8774 is a percentage typed into a cell formatted as %, not a
   capaian. Negative values are refused by the loader's schema.

Text
----
Text is kept as typed, except that C0/C1 control characters (tab and line break are kept)
and the Unicode bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C),
which can reverse the text on a cover or a title unnoticed, are removed
(:func:`hidden_characters` names them; the loader warns with the cell's place).
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


#: Characters that group thousands besides ``.`` and ``,``: space, no-break space, figure
#: space, thin space, narrow no-break space.
SPACE_SEPARATORS = " \u00a0\u2007\u2009\u202f"
_SP = "[" + SPACE_SEPARATORS + "]"

#: Largest value a percentage column accepts (0-100 scale; capaian may exceed 100).
PERCENT_MAX = Decimal(1000)

# Optional "Rp"/"IDR" prefix, sign, the digits with separators (ending with a digit; a space
# only between digits),
# optional ",-" / ".-" ending, optional "%", then whatever follows (judged by _judge_rest).
_NUMBER = re.compile(
    r"""^(?P<rp>(?:rp\.?|idr)\s*)?
        (?P<sign>[-\u2212])?\s*
        (?P<digits>\d(?:(?:[\d.,]|""" + _SP + r"""(?=\d))*\d)?)
        (?P<dash>[.,]-)?
        \s*(?P<pct>%)?
        (?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_GROUPED = re.compile(r"^\d{1,3}(?:X\d{3})+$")  # X: the thousands separator in question
_SPACED_LAST = re.compile(r"^(\d{3})(?:([.,])(\d+))?$")


def _grouped(text: str, sep: str) -> bool:
    return bool(_GROUPED.match(text.replace(sep, "X"))) and not text.startswith("0")


def _spaced_to_decimal(text: str) -> Decimal:
    """``1 234 567,5``: spaces group thousands, one ``.`` or ``,`` may end it as decimals."""
    *groups, last = re.split(_SP, text)
    match = _SPACED_LAST.match(last)
    if (not match or not re.fullmatch(r"[1-9]\d{0,2}", groups[0])
            or not all(re.fullmatch(r"\d{3}", g) for g in groups[1:])):
        raise ValueError(text)
    whole, frac = "".join(groups) + match[1], match[3]
    if frac is not None and len(frac) == 3:
        raise ValueError(text)  # 1 234.567: thousands or decimals? refused
    return Decimal(whole + ("." + frac if frac else ""))


def digits_to_decimal(text: str) -> Decimal:
    """Read a run of digits with ``.``/``,``/space separators by THE rule (module docstring)."""
    if re.search(_SP, text):
        return _spaced_to_decimal(text)
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


#: A single comma before exactly three digits: Indonesian decimals or English thousands.
_AMBIGUOUS = re.compile(r"^[1-9]\d{0,2},\d{3}$")

#: Scale words (lower case) -> the factor they stand for; see :func:`_scale_word`.
_SCALE_PREFIXES = {"ribu": 10**3, "seribu": 10**3, "thousand": 10**3, "juta": 10**6,
                   "sejuta": 10**6, "million": 10**6, "miliar": 10**9, "milyar": 10**9,
                   "milliar": 10**9, "billion": 10**9, "triliun": 10**12, "trilyun": 10**12,
                   "trillion": 10**12}
_SCALE_WORDS = {"rb": 10**3, "rbu": 10**3, "jt": 10**6, "jta": 10**6, "mio": 10**6,
                "mn": 10**6, "mrd": 10**9, "mld": 10**9, "bn": 10**9}
#: Abbreviations that are scale words only in this spelling ("m" is a metre, "t" a tonne).
_SCALE_LETTERS = {"K": 10**3, "k": 10**3, "M": 10**9, "T": 10**12}
_WORD = re.compile(r"[^\W\d_]+")
_BRACKETS = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
#: What may follow a number (outside brackets) where a unit of measure is allowed.
_UNIT_TEXT = re.compile(r"^(?:[^\W\d_]|[\s.,/'\u2019%-])*$")


def _scale_word(rest: str) -> tuple[str, int] | None:
    """The first scale word (``juta``, ``M`` ...) in the text after a number, with its factor."""
    for word in _WORD.findall(rest):
        if word in _SCALE_LETTERS:
            return word, _SCALE_LETTERS[word]
        lower = word.lower()
        if lower in _SCALE_WORDS:
            return word, _SCALE_WORDS[lower]
        for prefix, factor in _SCALE_PREFIXES.items():
            if lower.startswith(prefix):
                return word, factor
    return None


def angka_id(number: Decimal) -> str:
    """``number`` written the Indonesian way for a message: 2500000 -> ``2.500.000``."""
    number = number.normalize() if number == number.to_integral_value() else number
    sign = "-" if number < 0 else ""
    whole, _, frac = f"{abs(number):f}".partition(".")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def _judge_rest(text: str, match: re.Match, allow_suffix: bool) -> None:
    """Refuse text after the number that changes its value (or any, where none is allowed)."""
    rest = match["rest"].strip()
    if not rest:
        return
    scale = _scale_word(rest)
    if scale is not None:
        word, factor = scale
        first = _WORD.match(rest)
        try:
            full = digits_to_decimal(match["digits"]) * factor
            if match["sign"]:
                full = -full
        except (ValueError, InvalidOperation):
            full = None
        if full is None or first is None or first.group() != word or _AMBIGUOUS.match(
                match["digits"]):
            raise ParseError(Msg("expected the number in full, without a scale word such as "
                                 "ribu, juta, miliar or M (found {word})", word=word))
        raise ParseError(Msg("expected the number in full, without a scale word such as juta "
                             "or M: write {text} as {full}", text=text.strip(),
                             full=angka_id(full)))
    outside = _BRACKETS.sub(" ", rest)
    if re.search(r"\d", outside):
        raise ParseError(Msg("expected a single number, not a range or several numbers "
                             "({text}): write one number", text=text.strip()))
    if not allow_suffix or not _UNIT_TEXT.match(outside):
        raise ValueError(text)


def parse_number_text(text: str, *, allow_suffix: bool = False, allow_percent: bool = True,
                      allow_rupiah: bool = True, whole: bool = False) -> Decimal:
    """Parse a number typed as text by THE rule (module docstring).

    ``allow_suffix``: a unit of measure or a note in brackets may follow the number.
    ``whole``: the column holds whole numbers (the message for ``1,000`` says so).
    Raises :class:`ParseError` with its own message for text that would be misread (scale
    words, ranges, ``1,234``) and ``ValueError`` for text in none of the accepted styles.
    """
    text = text.strip()
    if text in DASHES:
        return Decimal(0)
    match = _NUMBER.match(text)
    if not match:
        raise ValueError(text)
    _judge_rest(text, match, allow_suffix)
    if (match["pct"] and not allow_percent) or (match["rp"] and not allow_rupiah):
        raise ValueError(text)
    digits = match["digits"]
    if _AMBIGUOUS.match(digits):
        if whole:
            raise ParseError(Msg("expected an unambiguous whole number: write {text} as "
                                 "{thousands} (thousands) or {whole} (no decimals)", text=digits,
                                 thousands=digits.replace(",", "."), whole=digits.split(",")[0]))
        raise ParseError(Msg("expected an unambiguous number: {text} is read as thousands in "
                             "English and as decimals in Indonesian; write {thousands} "
                             "(thousands) or {decimals} (decimals)", text=digits,
                             thousands=digits.replace(",", "."), decimals=digits + "0"))
    value = digits_to_decimal(digits)
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
    if kind == "percent" and number > PERCENT_MAX:
        raise ParseError(Msg("{expected}; {number} is more than {maximum}, not a plausible "
                             "percentage", expected=EXPECTED[kind], number=angka_id(number),
                             maximum=angka_id(PERCENT_MAX)))
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


#: C0/C1 control characters (but tab and line feed) and the Unicode bidirectional controls.
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                    "\u2066-\u2069]")


def hidden_characters(text: str) -> list[str]:
    """The control and bidi characters :func:`parse_text` removes from ``text``, as
    ``U+202E`` (each once, in order of appearance); a carriage return counts as a line break."""
    found = HIDDEN.findall(text.replace("\r", "\n"))
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in found))


def parse_text(value: Any) -> str:
    """Text as typed; numbers as written (2023, not 2023.0); the formula guard removed.

    :func:`lkip_helpers.workbook.safe_text` writes ``'=x`` for a text starting with ``=``,
    ``+``, ``-`` or ``@``; the leading apostrophe is dropped again here. Control characters
    and bidi controls are removed (:data:`HIDDEN`; a carriage return becomes a line break).
    """
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    text = HIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
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
    return parse_text(value) or None  # only control characters: blank
