"""The analysts' exploration notebook (not a report chapter) runs and shows tidy numeric frames,
one unit-year and then a data folder of several units and years (the seed beside the builders'
two units over two years and a broken workbook)."""

from __future__ import annotations

import re
import shutil

import nbformat
import papermill
import pytest

from lkip_helpers.config import NOTEBOOKS_DIR
from builders import CLEAN_UNIT, CLEAN_YEAR, write_several
from conftest import SEED_UNIT, SEED_WORKBOOK, SEED_YEAR

NOTEBOOK = NOTEBOOKS_DIR / "eksplorasi_analis.ipynb"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    work = tmp_path_factory.mktemp("eksplorasi")
    data = write_several(work / "data")
    seed = data / SEED_UNIT / str(SEED_YEAR) / SEED_WORKBOOK.name
    seed.parent.mkdir(parents=True)
    shutil.copyfile(SEED_WORKBOOK, seed)
    out = work / NOTEBOOK.name
    papermill.execute_notebook(str(NOTEBOOK), str(out), cwd=str(NOTEBOOKS_DIR),
                               parameters={"data_dir": str(data)},
                               progress_bar=False, kernel_name="python3")
    return nbformat.read(out, as_version=4)


def _outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", "") + str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def test_the_exploration_notebook_is_not_a_chapter():
    assert not NOTEBOOK.name[:2].isdigit()


def test_describe_groupby_and_plot_run_on_the_calculations(executed):
    text = _outputs(executed)
    assert "Fasilitasi Materi dan Komunikasi Pimpinan" in text  # lowest absorption, sorted
    assert "count" in text and "mean" in text  # describe() of numeric columns
    assert re.search(r"^III\s+56$", text, re.MULTILINE)  # groupby of ranks: III/a-d sum to 56
    assert any(out.get("data", {}).get("image/png")
               for cell in executed.cells for out in cell.get("outputs", []))  # the chart
    assert "Sangat Berhasil" in text and "87.744846" in text


def _images(nb) -> int:
    return sum(1 for cell in nb.cells for out in cell.get("outputs", [])
               if out.get("data", {}).get("image/png"))


def test_the_dataset_of_the_folder_with_a_pivot_a_chart_and_a_filter(executed):
    text = _outputs(executed)
    assert "Loaded 5 unit-years of 3 unit(s) (2023-2024)" in text
    assert "Left out 1 workbook" in text and "- dinas-rusak 2024: 1 problem" in text
    pivot = re.search(r"^tahun\s+2023\s+2024$.*?^unit.*?$(.*?)(?:\n\n|\Z)", text,
                      re.MULTILINE | re.DOTALL)
    assert pivot, text
    rows = {line.split()[0]: line.split()[1:] for line in pivot.group(1).strip().splitlines()}
    assert rows[CLEAN_UNIT] == ["100.0", "112.5"]
    assert rows["dinas-lain"] == ["100.0", "91.666667"]
    assert rows[SEED_UNIT] == ["100.0", "<NA>"]
    assert _images(executed) == 2  # the absorption per kegiatan, capaian per unit and year
    below = text[text.rindex("serapan_minimal_belanja"):]  # the filter's output
    assert re.findall(r"^\d+\s+([a-z-]+)\s+(\d{4})\b", below, re.MULTILINE) == [
        (SEED_UNIT, str(SEED_YEAR)), ("dinas-lain", str(CLEAN_YEAR))]  # total < 90 / 85
    assert re.search(r"^4\s+75\.952381\s+85\.0\s*$", below, re.MULTILINE), below
