"""Unit and year names can't escape data/ or reports/."""

from __future__ import annotations

import pytest

from lkip_helpers import config
from lkip_helpers.config import InvalidName, check_unit, check_year, report_dir, unit_year_dir
from lkip_helpers.load import load_year


@pytest.mark.parametrize("unit", ["../x", "/abs", "a/b", "Biro Umum", "biro_umum", "", "-x",
                                  "x-", "a--b", "..", "a\\b", "Biro-Umum", "x" * 81])
def test_bad_unit_names_are_refused(unit):
    with pytest.raises(InvalidName, match="not allowed"):
        check_unit(unit)
    with pytest.raises(InvalidName):
        unit_year_dir(unit, 2023)
    with pytest.raises(InvalidName):
        report_dir(unit, 2023)


@pytest.mark.parametrize("year", ["2023x", "23", "../2023", "1999", "2101", "20 23", 20233])
def test_bad_years_are_refused(year):
    with pytest.raises(InvalidName, match="not allowed"):
        check_year(year)
    with pytest.raises(InvalidName):
        unit_year_dir("biro-umum-ntt", year)


def test_load_year_refuses_bad_names_before_touching_files(tmp_path):
    with pytest.raises(InvalidName):
        load_year("../x", 2023, tmp_path)


def test_good_names_resolve_inside_their_folders(tmp_path):
    assert check_unit("biro-umum-ntt") == "biro-umum-ntt"
    assert check_year(" 2023 ") == 2023
    assert unit_year_dir("biro-umum-ntt", "2023", tmp_path) == (
        tmp_path.resolve() / "biro-umum-ntt" / "2023")
    assert report_dir("dinas-2", 2024, tmp_path) == tmp_path.resolve() / "dinas-2" / "2024"
    assert unit_year_dir(config.DEFAULT_UNIT, config.DEFAULT_YEAR) == (
        config.DATA_DIR.resolve() / "biro-umum-ntt" / "2023")
