"""Keep the message catalogues (``lkip_helpers/locale/<lang>/LC_MESSAGES/lkip.po``) in step.

Every message a user reads is written in English in the code and marked for translation:
``_("...")``, ``N_("...")``, ``Msg("...", name=value)`` and ``ngettext("one", "many", n)``
(see :mod:`lkip_helpers.i18n`). This script extracts them from the Python files of
``lkip_helpers/`` with Babel and writes two catalogues:

* ``id`` (Indonesian): existing translations are kept, new messages are added with an empty
  ``msgstr`` for a translator to fill in (formal Indonesian, the register of government
  documents; domain terms keep their Indonesian names: lembar, baris, kolom, pagu, realisasi,
  Perjanjian Kinerja ...), messages no longer in the code are dropped;
* ``en`` (English): filled automatically, ``msgstr`` equal to ``msgid`` (plural forms too).

The output is sorted by msgid and lists the files using each message without line numbers,
so a change of code moves nothing in the catalogues and diffs stay small. ``lkip`` compiles
the ``.po`` files in memory; there is no ``.mo`` file to build.

Use (from the project root)::

    python scripts/messages.py update   # extract, then update both catalogues
    python scripts/messages.py check    # exit 1 listing messages without a translation

After adding or changing messages in the code: run ``update``, fill in every empty
``msgstr`` of ``lkip_helpers/locale/id/LC_MESSAGES/lkip.po`` (a message whose English text
changed comes back marked ``#, fuzzy`` with the old translation as a suggestion: correct it
and delete the ``fuzzy`` line), then run ``check``. ``tests/test_i18n.py`` runs the same
check, naming each message that is missing a translation. In a translation keep every
placeholder ``{name}`` of the English text, spelled the same (a format after a colon, such
as ``{limit:,}``, may differ).
"""

from __future__ import annotations

import datetime as dt
import io
import string
import sys
from pathlib import Path
from typing import Iterable

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "lkip_helpers"
LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "lkip"
#: The catalogues: Indonesian translated by hand, English filled from the msgids.
LANGUAGES = ("id", "en")
#: Translation functions and their message arguments (Babel's keyword specification).
KEYWORDS = {"_": None, "N_": None, "Msg": None, "ngettext": (1, 2)}
METHOD_MAP = [("**.py", "python")]
PROJECT = "lkip-workbook"
HEADER = ("# {language} messages of the LKIP workbook (lkip_helpers).\n"
          "# Written by scripts/messages.py update; translate the empty msgstr by hand.\n#")
#: The header date of a new catalogue (later kept until its messages change).
_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def po_path(lang: str, locale_dir: Path | None = None) -> Path:
    """``<locale_dir>/<lang>/LC_MESSAGES/lkip.po`` (default: the project's catalogues)."""
    return Path(locale_dir or LOCALE_DIR) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract(package_dir: Path | None = None) -> Catalog:
    """The messages marked in the Python files of ``package_dir`` (a template catalogue)."""
    package_dir = Path(package_dir or PACKAGE_DIR)
    template = Catalog(domain=DOMAIN, project=PROJECT, fuzzy=False)
    base = Path(package_dir).parent
    for filename, lineno, message, comments, context in extract_from_dir(
            package_dir, METHOD_MAP, keywords=KEYWORDS, comment_tags=("Translators:",),
            strip_comment_tags=True):
        where = (Path(package_dir) / filename).relative_to(base).as_posix()
        template.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    return template


def read(path: Path, lang: str) -> Catalog:
    """The catalogue at ``path`` (Babel reads it), or an empty one for ``lang``."""
    if not path.is_file():
        return Catalog(locale=lang, domain=DOMAIN, project=PROJECT, fuzzy=False,
                       creation_date=_EPOCH, revision_date=_EPOCH)
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def _render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False,
             ignore_obsolete=True)
    return buffer.getvalue()


def updated(template: Catalog, lang: str, path: Path) -> bytes:
    """The text of catalogue ``lang`` at ``path`` brought in step with ``template``."""
    catalog = read(path, lang)
    old = path.read_bytes() if path.is_file() else b""
    revision = catalog.revision_date
    catalog.update(template, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    catalog.project, catalog.version = PROJECT, "1"
    catalog.header_comment = HEADER.format(language={"id": "Indonesian"}.get(lang, "English"))
    if lang == "en":
        for message in catalog:
            if message.id:
                message.string = message.id
                message.flags.discard("fuzzy")
                message.previous_id = []
    for message in catalog:
        message.locations = sorted(set((file, None) for file, _ in message.locations))
    catalog.revision_date = revision
    text = _render(catalog)
    if text != old:  # messages changed: a new revision date
        catalog.revision_date = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        text = _render(catalog)
    return text


def update(package_dir: Path | None = None, locale_dir: Path | None = None) -> list[Path]:
    """Extract and write every catalogue; returns the paths that changed.

    Defaults: :data:`PACKAGE_DIR` and :data:`LOCALE_DIR` (the project's).
    """
    template = extract(package_dir or PACKAGE_DIR)
    locale_dir = locale_dir or LOCALE_DIR
    changed = []
    for lang in LANGUAGES:
        path = po_path(lang, locale_dir)
        old = path.read_bytes() if path.is_file() else None
        text = updated(template, lang, path)
        if text != old:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text)
            changed.append(path)
    return changed


def placeholders(text: str) -> set[str]:
    """The names of the ``{name}`` placeholders of ``text`` (formats and conversions ignored)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # unbalanced braces
        return {"<unbalanced braces>"}


def _strings(value: str | tuple | list) -> list[str]:
    return list(value) if isinstance(value, (tuple, list)) else [value]


def problems_of(catalog: Catalog, msgids: Iterable[Message], lang: str) -> list[str]:
    """What is wrong in ``catalog`` for the messages ``msgids``, one line each.

    A message is missing when absent, marked fuzzy, or with an empty ``msgstr`` (any plural
    form); a translation must keep the placeholders of the English text.
    """
    found = []
    for wanted in msgids:
        message = catalog.get(wanted.id, context=wanted.context)
        english = _strings(wanted.id)
        label = english[0]
        if message is None or not any(_strings(message.string)):
            found.append(f"{lang}: no translation of {label!r}")
            continue
        if message.fuzzy:
            found.append(f"{lang}: fuzzy (to review) translation of {label!r}")
            continue
        if not all(_strings(message.string)):
            found.append(f"{lang}: a plural form is missing for {label!r}")
            continue
        names = set().union(*(placeholders(t) for t in english))
        for text in _strings(message.string):
            if placeholders(text) != names:
                found.append(f"{lang}: placeholders {sorted(placeholders(text))} in "
                             f"{text!r} differ from {sorted(names)} in {label!r}")
    return found


def check(package_dir: Path | None = None, locale_dir: Path | None = None) -> list[str]:
    """Every problem of the catalogues for the messages of ``package_dir`` (empty: all good)."""
    template = extract(package_dir or PACKAGE_DIR)
    locale_dir = locale_dir or LOCALE_DIR
    wanted = [m for m in template if m.id]
    found = []
    for lang in LANGUAGES:
        path = po_path(lang, locale_dir)
        if not path.is_file():
            found.append(f"{lang}: no catalogue {path} (run: python scripts/messages.py update)")
            continue
        found += problems_of(read(path, lang), wanted, lang)
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["update"]:
        for path in update():
            print(f"updated {path.relative_to(ROOT)}")
        return 0
    if args == ["check"]:
        found = check()
        for line in found:
            print(line)
        if found:
            print(f"{len(found)} message(s) to translate or fix in {LOCALE_DIR.relative_to(ROOT)}"
                  " (then run: python scripts/messages.py check)")
            return 1
        print("every message has its Indonesian and English text")
        return 0
    print(__doc__.split("Use (from the project root)::")[1].split("After")[0].rstrip())
    return 2


if __name__ == "__main__":
    sys.exit(main())
