"""data/README.md documents every sheet, column and allowed value of the schema."""

from __future__ import annotations

import importlib.util
import re

import pytest

from lkip_helpers import config
from lkip_helpers.schema import SHEETS

README = config.PROJECT_ROOT / "data" / "README.md"
SCRIPT = config.PROJECT_ROOT / "scripts" / "data_readme.py"


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_every_sheet_and_column_is_documented(readme):
    for sheet in SHEETS:
        assert f"### `{sheet.name}`" in readme, sheet.name
        section = readme.split(f"### `{sheet.name}`", 1)[1].split("\n### ", 1)[0]
        for col in sheet.columns:
            assert re.search(rf"^\| `{re.escape(col.name)}` \|", section, re.M), \
                (sheet.name, col.name)


def test_every_choice_value_is_documented(readme):
    for sheet in SHEETS:
        for col in sheet.columns:
            for choice in col.choices:
                assert f"`{choice}`" in readme, (sheet.name, col.name, choice)


def test_generated_section_is_in_step_with_the_schema(readme):
    spec = importlib.util.spec_from_file_location("data_readme", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.updated(readme) == readme, "run: python scripts/data_readme.py"


def test_readme_explains_values_and_sources(readme):
    for phrase in ("Blank, `-` and 0 are different", "`1.234` is one thousand two hundred",
                   "`1,5` is one and a half", "27 Februari 2024", "bulatkan_persen",
                   "scripts/transcribe_seed.py", "Tabel 3.4", "lkip check"):
        assert phrase in readme, phrase
