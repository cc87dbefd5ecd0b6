"""The analysts' exploration notebook (not a report chapter) runs and shows tidy numeric frames."""

from __future__ import annotations

import re

import nbformat
import papermill
import pytest

from lkip_helpers.config import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "eksplorasi_analis.ipynb"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("eksplorasi") / NOTEBOOK.name
    papermill.execute_notebook(str(NOTEBOOK), str(out), cwd=str(NOTEBOOKS_DIR),
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
