"""Issue 9's small unit, end to end: three indicators (one percentage below target, two counts
above), one kegiatan split into two sub kegiatan, nothing else. It checks OK, and the rendered
report (its text, as a reader sees it) counts the budget once and states formula and
aggregation, with no placeholder anywhere."""

from __future__ import annotations

import copy
import re

import pytest
from builders import INDIKATOR_KECIL, PLACEHOLDER, problems_of, text_of
from click.testing import CliRunner

from lkip_helpers import config
from lkip_helpers.cli import main
from lkip_helpers.workbook import write_workbook

UNIT, YEAR = "sub-bidang-kecil", 2024
TABLES = {
    "profil": {"nama_unit": "Sub Bidang Perencanaan Bappeda Kabupaten Contoh", "tahun": YEAR,
               "kabupaten_kota": "Kabupaten Contoh"},
    "indikator": copy.deepcopy(INDIKATOR_KECIL),
    "anggaran": [
        {"jenis": "belanja", "program": "Program Perencanaan", "kegiatan": "Penyusunan RKPD",
         "pagu": "1.000.000.000", "realisasi": "900.000.000"},
        {"jenis": "belanja", "program": "Program Perencanaan", "kegiatan": "Penyusunan RKPD",
         "sub_kegiatan": "Penyusunan Rancangan RKPD", "pagu": "600.000.000",
         "realisasi": "550.000.000"},
        {"jenis": "belanja", "program": "Program Perencanaan", "kegiatan": "Penyusunan RKPD",
         "sub_kegiatan": "Konsultasi Publik RKPD", "pagu": "400.000.000",
         "realisasi": "350.000.000"},
    ],
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    root = tmp_path_factory.mktemp("kecil")
    write_workbook(root / "data" / UNIT / str(YEAR) / config.WORKBOOK_NAME, TABLES)
    runner = CliRunner()
    check = runner.invoke(main, ["check", UNIT, str(YEAR), "--reviu",
                                 "--data-dir", str(root / "data")])
    render = runner.invoke(main, ["render", UNIT, str(YEAR), "--format", "html",
                                  "--data-dir", str(root / "data"),
                                  "--output-dir", str(root / "reports")])
    html = (root / "reports" / UNIT / str(YEAR) / f"{UNIT}-{YEAR}.html").read_text("utf-8")
    paragraphs = [text_of(p) for p in re.findall(r"<p>(.*?)</p>", html, flags=re.S)]
    return {"check": check, "render": render, "text": text_of(html), "paragraphs": paragraphs}


pytestmark = pytest.mark.slow


def test_it_checks_ok_and_reviu_finds_no_contradiction(rendered):
    check = rendered["check"]
    assert check.exit_code == 0, check.output
    assert "Spending (belanja): pagu Rp1.000.000.000, realisation Rp900.000.000 (90,00%)" \
        in check.output  # the kegiatan and its two sub kegiatan are counted once
    assert "(0 to correct," in check.output and "Items to correct" not in check.output


def test_the_report_counts_the_budget_once_and_states_how_capaian_is_computed(rendered):
    assert rendered["render"].exit_code == 0, rendered["render"].output
    text = rendered["text"]
    assert "Rp1.000.000.000" in text and "Rp2.000.000.000" not in text
    assert "Cara penghitungan" in text and "Realisasi ÷ Target × 100" in text
    assert "rata-rata hitung" in text
    assert "Pemerintah Kabupaten Contoh" in text
    assert "Data belum tersedia untuk:" in text


def test_the_report_shows_no_placeholder_or_dash_as_a_word(rendered):
    assert PLACEHOLDER.findall(rendered["text"]) == []  # tables included
    assert len(rendered["paragraphs"]) > 5
    for paragraph in rendered["paragraphs"]:  # sentences: no dash standing for a word
        assert problems_of(paragraph) == [], paragraph
