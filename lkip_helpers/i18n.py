"""Messages in Indonesian and English, through gettext catalogues.

Everything a user reads outside the report itself (command-line messages, ``lkip check``
problems, reviu findings, table labels) is written in English in the code and marked for
translation; ``lkip_helpers/locale/<lang>/LC_MESSAGES/lkip.po`` holds the Indonesian (``id``)
and English (``en``) catalogues, extracted and updated with Babel's tooling
(``scripts/messages.py``). The catalogues are compiled in memory the first time a language is
used, so there is no compiled ``.mo`` file to keep in step.

Which language (:func:`bahasa`): ``LKIP_LANG`` (``id`` or ``en``) when set, else Indonesian
when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, ``LANGUAGE``) is Indonesian, else
English. The report itself is always written in Indonesian (``lang="id"``), whatever the
terminal's language.

Use:

* ``_("text")``: the text in the current language, now;
* ``N_("text")``: marks a text for extraction, translated later (tables of constants);
* ``Msg("value {value} is too large", value=x)``: a lazy message, translated and formatted
  when it is shown (``str(msg)``, or ``msg.teks("id")`` for a given language), so an object
  made in one language can still be shown in the other.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

DOMAIN = "lkip"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The languages with a catalogue; the first is the language of the reports.
LANGUAGES = ("id", "en")
ENV_VAR = "LKIP_LANG"


def bahasa() -> str:
    """The language of messages now: ``id`` or ``en`` (see the module docstring)."""
    chosen = os.environ.get(ENV_VAR, "").strip().lower()
    if chosen:
        chosen = chosen.replace("-", "_").split("_")[0]
        return chosen if chosen in LANGUAGES else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "").strip()
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"


@lru_cache(maxsize=None)
def terjemahan(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (a NullTranslations when there is none)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _(msgid: str, lang: str | None = None) -> str:
    """``msgid`` in ``lang`` (default: :func:`bahasa`); untranslated text falls back to it."""
    return terjemahan(lang or bahasa()).gettext(msgid)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """Singular or plural form of a message for count ``n``."""
    return terjemahan(lang or bahasa()).ngettext(singular, plural, n)


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction without translating it yet (translate with :func:`_`)."""
    return msgid


class Msg:
    """A message translated and formatted only when shown.

    ``Msg("expected at most {n} rows", n=10)``; ``str(msg)`` gives it in the current
    language, ``msg.teks("en")`` in a given one. Parameters that are themselves :class:`Msg`
    are shown in the same language. Equal when msgid and parameters are equal.
    """

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params

    def teks(self, lang: str | None = None) -> str:
        lang = lang or bahasa()
        params = {k: v.teks(lang) if isinstance(v, Msg) else v for k, v in self.params.items()}
        text = _(self.msgid, lang)
        return text.format(**params) if params else text

    def __str__(self) -> str:
        return self.teks()

    def __repr__(self) -> str:
        return f"Msg({self.msgid!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.msgid, self.params) == (other.msgid, other.params)

    def __hash__(self) -> int:
        return hash((self.msgid, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __add__(self, other: object) -> str:
        return str(self) + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + str(self)


def teks(value: Any, lang: str | None = None) -> str:
    """``value`` as text in ``lang``: a :class:`Msg` translated, anything else ``str()``."""
    return value.teks(lang) if isinstance(value, Msg) else str(value)
