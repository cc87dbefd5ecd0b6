"""Messages in Indonesian and English: the catalogues, the language choice, the CLI in both.

The catalogues are checked by ``scripts/messages.py`` (the same functions ``check`` uses),
so a message added to the code without its Indonesian text fails here by name: run
``python scripts/messages.py update`` and fill in the empty ``msgstr``.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from lkip_helpers import config, i18n
from lkip_helpers.cli import main
from lkip_helpers.errors import DataError, LkipError
from lkip_helpers.i18n import Msg
from lkip_helpers.parse import ParseError, parse_cell
from lkip_helpers.schema import SHEETS
from lkip_helpers.template import TemplateExists, buat_template

SCRIPT = config.PROJECT_ROOT / "scripts" / "messages.py"


def _script():
    spec = importlib.util.spec_from_file_location("lkip_messages_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


messages = _script()


# --------------------------------------------------------------------------- catalogues


def test_every_message_has_indonesian_and_english_text():
    problems = messages.check()
    assert not problems, ("messages without a translation (run: python scripts/messages.py "
                          "update, then fill in the msgstr):\n" + "\n".join(problems))


def test_catalogues_hold_no_message_the_code_no_longer_has():
    wanted = {m.id for m in messages.extract() if m.id}
    for lang in messages.LANGUAGES:
        catalog = messages.read(messages.po_path(lang), lang)
        stale = {m.id for m in catalog if m.id} - wanted
        assert not stale, f"{lang}: run python scripts/messages.py update to drop {stale}"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_catalogues_are_valid_and_keep_their_placeholders(lang):
    path = messages.po_path(lang)
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang)  # Babel reads it
    assert catalog.locale_identifier == lang
    entries = [m for m in catalog if m.id]
    assert entries
    for message in entries:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        names = set().union(*(messages.placeholders(t) for t in ids))
        for text in strings:
            assert text, f"{lang}: empty translation of {ids[0]!r}"
            assert messages.placeholders(text) == names, (lang, ids[0], text)
            assert "\n" not in text, f"{lang}: a message is one line: {text!r}"
        if lang == "en":
            assert strings == ids, f"en: msgstr must repeat the msgid {ids[0]!r}"
    assert isinstance(i18n.terjemahan(lang), i18n.gettext.GNUTranslations)  # compiles


def test_english_catalogue_repeats_the_msgid_and_indonesian_differs():
    catalog = messages.read(messages.po_path("en"), "en")
    plural = catalog.get(("{n} problem in {source}:", "{n} problems in {source}:"))
    assert plural is not None and plural.string == plural.id
    assert i18n._("row {row}", "en") == "row {row}"
    assert i18n._("row {row}", "id") == "baris {row}"
    assert i18n.ngettext("{n} problem in {source}:", "{n} problems in {source}:", 3, "id") \
        == "{n} masalah dalam {source}:"


def _package(tmp_path, code: str):
    package = tmp_path / "pkg"
    package.mkdir(exist_ok=True)
    (package / "mod.py").write_text(code, encoding="utf-8")
    return package, tmp_path / "locale"


def test_the_check_names_each_message_without_a_translation(tmp_path):
    package, locale = _package(tmp_path, (
        "from lkip_helpers.i18n import Msg, N_, _, ngettext\n"
        "A = _('sheet {sheet} is empty')\n"
        "B = Msg('expected {n} rows', n=2)\n"
        "C = N_('Budget')\n"
        "D = ngettext('{n} file', '{n} files', 2)\n"
        "E = f'not extracted {A}'\n"))
    messages.update(package, locale)
    found = messages.check(package, locale)
    for msgid in ("sheet {sheet} is empty", "expected {n} rows", "Budget", "{n} file"):
        assert f"id: no translation of {msgid!r}" in found
    assert not [line for line in found if line.startswith("en:")]  # filled automatically
    assert len(found) == 4
    en = messages.read(messages.po_path("en", locale), "en")
    assert en.get(("{n} file", "{n} files")).string == ("{n} file", "{n} files")

    # A translation that loses a placeholder is refused too; a good one passes.
    id_path = messages.po_path("id", locale)
    catalog = messages.read(id_path, "id")
    catalog.get("sheet {sheet} is empty").string = "lembar kosong"
    catalog.get("expected {n} rows").string = "seharusnya {n} baris"
    catalog.get("Budget").string = "Anggaran"
    catalog.get(("{n} file", "{n} files")).string = ("{n} berkas",)
    id_path.write_bytes(messages._render(catalog))
    found = messages.check(package, locale)
    assert len(found) == 1 and "placeholders [] in 'lembar kosong'" in found[0]
    catalog.get("sheet {sheet} is empty").string = "lembar {sheet} kosong"
    id_path.write_bytes(messages._render(catalog))
    assert messages.check(package, locale) == []

    # update keeps translations, drops messages no longer in the code, and is stable.
    (package / "mod.py").write_text(
        "from lkip_helpers.i18n import _\nA = _('sheet {sheet} is empty')\n"
        "B = _('a new one')\n", encoding="utf-8")
    messages.update(package, locale)
    catalog = messages.read(id_path, "id")
    assert catalog.get("sheet {sheet} is empty").string == "lembar {sheet} kosong"
    assert catalog.get("Budget") is None and catalog.get("expected {n} rows") is None
    assert messages.check(package, locale) == ["id: no translation of 'a new one'"]
    text = id_path.read_bytes()
    assert messages.update(package, locale) == [] and id_path.read_bytes() == text
    assert b"mod.py:" not in text and b"#: pkg/mod.py" in text  # no line numbers


def test_the_check_command_exits_1_when_a_translation_is_missing(tmp_path, monkeypatch,
                                                                    capsys):
    package, locale = _package(tmp_path, "from lkip_helpers.i18n import _\nA = _('untranslated')\n")
    messages.update(package, locale)
    monkeypatch.setattr(messages, "PACKAGE_DIR", package)
    monkeypatch.setattr(messages, "LOCALE_DIR", locale)
    monkeypatch.setattr(messages, "ROOT", tmp_path)
    assert messages.main(["check"]) == 1
    assert "id: no translation of 'untranslated'" in capsys.readouterr().out
    assert messages.main(["nonsense"]) == 2


# --------------------------------------------------------------------------- language choice


@pytest.mark.parametrize("env, expected", [
    ({"LKIP_LANG": "id"}, "id"),
    ({"LKIP_LANG": "en"}, "en"),
    ({"LKIP_LANG": "id_ID.UTF-8"}, "id"),
    ({"LKIP_LANG": "fr"}, "en"),
    ({"LKIP_LANG": "en", "LANG": "id_ID.UTF-8"}, "en"),
    ({"LKIP_LANG": "id", "LC_ALL": "en_US.UTF-8"}, "id"),
    ({"LANG": "id_ID.UTF-8"}, "id"),
    ({"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
    ({"LC_ALL": "C.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
    ({"LC_MESSAGES": "id_ID", "LANG": "en_GB.UTF-8"}, "id"),
    ({"LANGUAGE": "id"}, "id"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({}, "en"),
])
def test_language_follows_lkip_lang_then_the_locale(monkeypatch, env, expected):
    for name in ("LKIP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.bahasa() == expected


# --------------------------------------------------------------------------- messages shown


def test_a_problem_is_shown_in_either_language(workbook_copy):
    from lkip_helpers.load import load_year

    workbook_copy({("anggaran", "E3"): -5})
    with pytest.raises(DataError) as info:
        load_year("biro-umum-ntt", 2023, workbook_copy.data_dir)
    error = info.value
    assert "sheet anggaran, row 3, column pagu (E): value -5; expected a value of 0 or more" \
        in error.message("en")
    assert "lembar anggaran, baris 3, kolom pagu (E): nilai -5; seharusnya bernilai 0 atau " \
        "lebih" in error.message("id")
    assert error.message("id").startswith("1 masalah dalam ")


def test_parse_errors_are_lazy_messages():
    kolom = next(c for s in SHEETS for c in s.columns if c.kind == "rupiah")
    with pytest.raises(ParseError) as info:
        parse_cell("enam belas miliar", kolom)
    assert isinstance(info.value.expected, Msg)
    assert info.value.expected.teks("en").startswith("expected a whole Rupiah amount")
    assert info.value.expected.teks("id").startswith("seharusnya berisi jumlah Rupiah")
    with pytest.raises(ParseError) as info:
        parse_cell("1,000", kolom)
    assert info.value.expected.teks("id") == ("seharusnya berisi bilangan bulat yang tidak "
                                              "bermakna ganda: tulis 1,000 sebagai 1.000 "
                                              "(ribuan) atau 1 (tanpa desimal)")


def test_template_exists_is_an_lkip_error(tmp_path):
    buat_template("dinas-baru", 2025, tmp_path)
    with pytest.raises(TemplateExists) as info:
        buat_template("dinas-baru", 2025, tmp_path)
    assert isinstance(info.value, LkipError) and isinstance(info.value, FileExistsError)
    assert info.value.exit_code == 1
    assert info.value.args[0].teks("en").endswith("already exists; it was left untouched (delete "
                                                  "or rename it first to start again from a "
                                                  "blank template)")
    assert "sudah ada; berkas tersebut tidak diubah" in info.value.args[0].teks("id")


@pytest.mark.parametrize("lang, heading, line", [
    ("id", "1 masalah dalam ",
     "lembar anggaran, baris 3, kolom pagu (E): nilai -5; seharusnya bernilai 0 atau lebih "
     "(jumlah uang dan hitungan tidak pernah negatif)"),
    ("en", "1 problem in ",
     "sheet anggaran, row 3, column pagu (E): value -5; expected a value of 0 or more "
     "(amounts and counts are never negative)"),
])
def test_lkip_check_speaks_the_chosen_language(workbook_copy, lang, heading, line):
    workbook_copy({("anggaran", "E3"): -5})
    env = {"LKIP_LANG": lang, "LANG": "en_US.UTF-8" if lang == "id" else "id_ID.UTF-8"}
    result = CliRunner().invoke(main, ["check", "--data-dir", str(workbook_copy.data_dir)],
                                env=env)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(heading)
    assert line in result.output
    assert "Traceback" not in result.output


def test_lkip_check_follows_an_indonesian_locale(workbook_copy):
    workbook_copy({("anggaran", "E3"): -5})
    env = {"LKIP_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None,
           "LANG": "id_ID.UTF-8"}
    result = CliRunner().invoke(main, ["check", "--data-dir", str(workbook_copy.data_dir)],
                                env=env)
    assert result.exit_code == 1
    assert "seharusnya bernilai 0 atau lebih" in result.output


@pytest.mark.parametrize("lang, text", [("id", "tidak diperbolehkan"), ("en", "is not allowed")])
def test_name_errors_in_either_language(lang, text):
    result = CliRunner().invoke(main, ["check", "Bad Unit", "2023"], env={"LKIP_LANG": lang})
    assert result.exit_code == 2
    assert text in result.output
