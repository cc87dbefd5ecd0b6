"""The ``lkip`` command line: every user error mapped once to its message and exit code, and
``lkip render``'s choice of executor.

Errors are raised through a real command (``lkip check``, whose loader is replaced) so the
test covers the one mapping in :class:`lkip_helpers.cli.LkipGroup`, not a copy of it.
"""

from __future__ import annotations

import nbformat
import pytest
from click.testing import CliRunner

from lkip_helpers import errors, load
from lkip_helpers.cli import main
from lkip_helpers.execute import ChapterError, ChapterFailed
from lkip_helpers.executors import Executor, LocalExecutor, SerialExecutor, executors
from lkip_helpers.pipeline import Outcome
from lkip_helpers.template import TemplateExists


def _chapter_failed() -> ChapterFailed:
    failed = ChapterFailed(ChapterError(2, "ValueError", "pagu kosong"), nbformat.v4.new_notebook())
    failed.chapter = "01_profil"
    return failed


PROBLEM = errors.Problem("data/x/2023/lkip.xlsx", "anggaran", 3, "pagu", -5, "expected >= 0", "C")

USER_ERRORS = [
    (errors.NameNotAllowed("unit name 'X' is not allowed"), 2, "unit name 'X' is not allowed"),
    (errors.UsageError("options do not go together"), 2, "options do not go together"),
    (errors.RenderError("the printer does not work"), 1, "the printer does not work"),
    (errors.OutputError("disk full"), 1, "disk full"),
    (_chapter_failed(), 1, "chapter 01_profil, cell 2: ValueError: pagu kosong"),
    (TemplateExists("data/x/2023/lkip.xlsx already exists"), 1, "already exists"),
]


def _check_raising(monkeypatch, error: Exception):
    def load_year(*args, **kwargs):
        raise error

    monkeypatch.setattr(load, "load_year", load_year)
    return CliRunner().invoke(main, ["check", "x", "2023"])


@pytest.mark.parametrize(("error", "code", "text"), USER_ERRORS,
                         ids=[type(e).__name__ for e, _, _ in USER_ERRORS])
def test_each_user_error_is_its_exit_code_and_one_message_on_stderr(monkeypatch, error, code,
                                                                     text):
    result = _check_raising(monkeypatch, error)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("Error: ") and text in result.stderr
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


def test_every_mapped_error_is_an_lkip_error_but_the_template_one():
    assert all(isinstance(e, errors.LkipError) for e, _, _ in USER_ERRORS
               if not isinstance(e, TemplateExists))
    assert issubclass(ChapterFailed, errors.RenderError)


def test_a_data_error_lists_its_problems_on_stdout(monkeypatch):
    result = _check_raising(monkeypatch, errors.DataError([PROBLEM]))
    assert result.exit_code == 1
    assert "1 problem in data/x/2023/lkip.xlsx:" in result.stdout
    assert "sheet anggaran, row 3, column pagu (C): value -5; expected >= 0" in result.stdout
    assert result.stderr == "" and "Traceback" not in result.output


def test_a_bug_is_not_dressed_up_as_a_user_error(monkeypatch):
    result = _check_raising(monkeypatch, RuntimeError("a bug"))
    assert isinstance(result.exception, RuntimeError)


# -- lkip render --executor --------------------------------------------------------------------
def test_the_registry_offers_serial_local_and_dask_with_local_the_default():
    assert executors.names() == ["serial", "local", "dask"]
    assert executors.get(None) is LocalExecutor and executors.get("serial") is SerialExecutor
    with pytest.raises(errors.UsageError) as raised:
        executors.get("kluster")
    assert raised.value.exit_code == 2 and "serial, local, dask" in raised.value.message()


def test_an_unknown_executor_or_pdf_engine_exits_2():
    for option in ("--executor", "--pdf-engine"):
        result = CliRunner().invoke(main, ["render", option, "nope", "--format", "html"])
        assert result.exit_code == 2, result.output
        assert "nope" in result.stderr and "Traceback" not in result.output


class _Fake(Executor):
    """Renders nothing: one ok outcome, then failures (the seam Dask plugs in at)."""

    name = "fake"
    seen: list = []

    def run(self, items, options, jobs=None, progress=lambda label, step: None):
        _Fake.seen.append((items, options.pdf_engine, options.formats, jobs))
        return [Outcome(item, problems=[] if n == 0 else ["chapter 01_x, cell 1: E: e"])
                for n, item in enumerate(items)]


@pytest.fixture
def fake_executor(monkeypatch):
    monkeypatch.setattr(executors, "_executors", dict(executors._executors))
    executors.register(_Fake.name, _Fake)
    _Fake.seen = []
    return _Fake


def test_a_registered_executor_is_offered_and_used(fake_executor, tmp_path, workbook_copy):
    for unit in ("unit-a", "unit-b"):
        workbook_copy(unit=unit)
    result = CliRunner().invoke(main, ["render", "unit-a,unit-b", "2023", "--executor", "fake",
                                       "--format", "html", "--output-dir", str(tmp_path / "out"),
                                       "--data-dir", str(workbook_copy.data_dir), "-j", "3"])
    assert result.exit_code == 1, result.output
    [(items, engine, formats, jobs)] = fake_executor.seen
    assert [str(i) for i in items] == ["unit-a 2023", "unit-b 2023"]
    assert (engine, formats, jobs) == ("chromium", ("html",), 3)
    assert "FAILED unit-b 2023: chapter 01_x" in result.stdout
    assert "1 of 2 unit-years rendered" in result.stdout
    assert (tmp_path / "out" / "index.html").exists()


def test_an_unwritable_output_folder_is_an_output_error(fake_executor, tmp_path, workbook_copy):
    workbook_copy(unit="unit-a")
    (tmp_path / "file").write_text("")
    result = CliRunner().invoke(main, ["render", "unit-a", "2023", "--executor", "fake",
                                       "--format", "html", "--data-dir", str(workbook_copy.data_dir),
                                       "--output-dir", str(tmp_path / "file" / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write") and "Traceback" not in result.output


@pytest.mark.slow
def test_render_with_the_serial_executor(tmp_path, workbook_copy):
    for unit in ("unit-a", "unit-b"):
        workbook_copy(unit=unit)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    params = nbformat.v4.new_code_cell('unit = "x"\nyear = 2000\ndata_dir = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Profil"), params,
                nbformat.v4.new_code_cell("print('unit', unit)")]
    nbformat.write(nb, notebooks / "01_profil.ipynb")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [
        "render", "unit-a,unit-b", "2023", "--executor", "serial", "--format", "html",
        "--data-dir", str(workbook_copy.data_dir), "--notebooks-dir", str(notebooks),
        "--output-dir", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "2 of 2 unit-years rendered" in result.stdout
    for unit in ("unit-a", "unit-b"):
        assert f"unit {unit}" in (out / unit / "2023" / f"{unit}-2023.html").read_text("utf-8")
    assert "unit-b/2023/unit-b-2023.html" in (out / "index.html").read_text("utf-8")

