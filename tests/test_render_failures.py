"""Failures of `lkip render`: a raising chapter, a hung cell, broken data, no Chromium.

Each failure is one line (a data error: its list of problems), the failed run is kept beside
the report, the previous good report is untouched byte for byte, the other unit-years still
render and the exit status is non-zero.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from builders import PROFIL_BARIS

from lkip_helpers.cli import main
from lkip_helpers.pdf import find_chromium

pytestmark = pytest.mark.slow


def _chapter(title: str, code: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    params = nbformat.v4.new_code_cell('unit = "x"\nyear = 2000\ndata_dir = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}"), params, nbformat.v4.new_code_cell(code)]
    return nb


@pytest.fixture
def setup(tmp_path, workbook_copy):
    """Two unit-years of data, two chapters; the second misbehaves for unit-b on a flag file."""
    for unit in ("unit-a", "unit-b"):
        data_dir = workbook_copy(unit=unit).parents[2]
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    raise_flag, hang_flag = tmp_path / "raise", tmp_path / "hang"
    nbformat.write(_chapter(
        "Profil", "from lkip_helpers.load import load_year\n"
        "print(load_year(unit, year, data_dir).profil['kepala_nama'])"), notebooks / "01_profil.ipynb")
    nbformat.write(_chapter(
        "Rawan", "from pathlib import Path\n"
        f"if unit == 'unit-b' and Path({str(raise_flag)!r}).exists():\n"
        "    raise ValueError('pagu tidak ditemukan')\n"
        f"while unit == 'unit-b' and Path({str(hang_flag)!r}).exists():\n"
        "    pass\n"
        "print('selesai')"), notebooks / "02_rawan.ipynb")
    out = tmp_path / "out"

    def run(*extra: str, env: dict | None = None):
        args = ["render", "unit-a,unit-b", "2023", "--data-dir", str(data_dir), "--notebooks-dir",
                str(notebooks), "--output-dir", str(out), "--jobs", "1", *extra]
        return CliRunner(env=env).invoke(main, args, catch_exceptions=False)

    return {"run": run, "out": out, "data_dir": data_dir, "raise": raise_flag, "hang": hang_flag}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _failed_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("FAILED")]


def test_a_raising_chapter_fails_its_unit_year_only(setup):
    first = setup["run"]("--format", "html")
    assert first.exit_code == 0, first.output
    good_b = _snapshot(setup["out"] / "unit-b" / "2023")
    html_a = setup["out"] / "unit-a" / "2023" / "unit-a-2023.html"
    html_a.write_text("old")

    setup["raise"].touch()  # not an input of the report: rendered again only when forced
    second = setup["run"]("--format", "html", "--force")
    assert second.exit_code == 1
    [line] = _failed_lines(second.output)
    assert line.startswith("FAILED unit-b 2023: chapter 02_rawan, cell 3: "
                           "ValueError: pagu tidak ditemukan (see ")
    assert "Traceback" not in second.output
    assert "1 of 2 unit-years rendered" in second.output
    # the other unit-year rendered; the failing one kept its previous report byte for byte
    assert "<h1>Rawan</h1>" in html_a.read_text("utf-8")
    assert _snapshot(setup["out"] / "unit-b" / "2023") == good_b
    kept = nbformat.read(setup["out"] / "unit-b" / "2023-failed" / "notebooks" / "02_rawan.ipynb",
                         as_version=4)
    errors = [o for c in kept.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert [(e.ename, e.evalue) for e in errors] == [("ValueError", "pagu tidak ditemukan")]
    assert "ValueError" in (setup["out"] / "unit-b" / "2023-failed" / "render.log").read_text()

    setup["raise"].unlink()  # fixed: the next good run replaces the report and drops the kept one
    third = setup["run"]("--format", "html", "--force")
    assert third.exit_code == 0, third.output
    assert not (setup["out"] / "unit-b" / "2023-failed").exists()


def test_a_hung_cell_is_stopped_by_the_timeout(setup):
    setup["hang"].touch()
    result = setup["run"]("--format", "html", "--timeout", "2")
    assert result.exit_code == 1
    [line] = _failed_lines(result.output)
    assert line.startswith("FAILED unit-b 2023: chapter 02_rawan, cell 3: TimeoutError: "
                           "the cell ran longer than 2 s and was stopped")
    assert (setup["out"] / "unit-a" / "2023" / "unit-a-2023.html").exists()


def test_a_data_error_is_its_list_of_problems(setup, workbook_copy):
    workbook_copy({("profil", f"B{PROFIL_BARIS['tahun']}"): 2022}, unit="unit-b")  # not the folder
    result = setup["run"]("--format", "html")
    assert result.exit_code == 1
    assert "FAILED unit-b 2023: data errors in " in result.output
    assert "tahun" in result.output and "2022" in result.output
    assert "Traceback" not in result.output
    assert not (setup["out"] / "unit-b" / "2023").exists()
    assert (setup["out"] / "unit-a" / "2023" / "unit-a-2023.html").exists()


def test_without_chromium_the_html_is_written_and_the_pdf_explained(setup):
    result = setup["run"](env={"PATH": "/nonexistent", "LKIP_CHROMIUM": ""})
    assert result.exit_code == 0, result.output
    assert "PDF not written: Chromium was not found; install Chromium" in result.output
    assert "apt-get install chromium" in result.output
    assert (setup["out"] / "unit-a" / "2023" / "unit-a-2023.html").exists()
    assert not (setup["out"] / "unit-a" / "2023" / "unit-a-2023.pdf").exists()


def test_bad_names_and_a_wrong_chromium_path_exit_2(setup):
    assert setup["run"]("--chromium", "/nonexistent/chromium").exit_code == 2
    result = CliRunner().invoke(main, ["render", "../etc", "2023"])
    assert result.exit_code == 2 and "not allowed" in result.output


@pytest.mark.skipif(find_chromium() is None, reason="Chromium not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_parallel_workers_print_through_the_parents_chromium(setup):
    """With --jobs 2 the workers' PDFs come from the parent's one Chromium (PrintServer): each
    unit-year still gets its own numbered A4 PDF, and a failing unit-year its one line."""
    setup["raise"].touch()
    result = setup["run"]("--jobs", "2")
    assert result.exit_code == 1
    [line] = _failed_lines(result.output)
    assert line.startswith("FAILED unit-b 2023: chapter 02_rawan, cell 3: ValueError")
    pdf = setup["out"] / "unit-a" / "2023" / "unit-a-2023.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.findall(r"Halaman (\d+) dari \1\b", text)[-1])
    assert "Profil" in text and pages > 1 and f"Halaman 1 dari {pages}" in text
    setup["raise"].unlink()
    again = setup["run"]("--jobs", "2")
    assert again.exit_code == 0, again.output
    assert (setup["out"] / "unit-b" / "2023" / "unit-b-2023.pdf").read_bytes().startswith(b"%PDF")
