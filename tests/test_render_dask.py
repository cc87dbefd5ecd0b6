"""``lkip render --executor dask``: unit-years rendered on a Dask cluster that shares no folder.

Fast tests: the registry and the options, what the client sends (the unit-year's workbook and
its unit's earlier years) and how it writes what a worker sends back (swapped in whole, or
kept as ``<year>-failed``, with the client's paths in the failure's line). Slow tests: demo
unit-years on a LocalCluster of two one-thread workers, one of them a cluster started apart
and reached by ``--scheduler``, whose workers and kernels run with an audit hook that records
every file operation under the client's data, notebooks and output folders: there must be none.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from jupyter_core.paths import jupyter_data_dir
from nbformat.sign import NotebookNotary

from lkip_helpers import config, dask_executor
from lkip_helpers.cli import main
from lkip_helpers.dask_executor import (DaskExecutor, Delivery, publish, sync_workbooks,
                                        unit_inputs)
from lkip_helpers.errors import RenderError
from lkip_helpers.executors import executors
from lkip_helpers.pdf import find_chromium
from lkip_helpers.pipeline import REVIU_NOTEBOOK, Options, Outcome
from lkip_helpers.selection import UnitYear, find_chapters

CHAPTERS = find_chapters(config.NOTEBOOKS_DIR)


# -- the registry and the options --------------------------------------------------------------
def test_dask_is_registered_and_distributed_imported_only_when_it_runs():
    code = ("import sys\nfrom lkip_helpers import cli, render\nfrom lkip_helpers.executors "
            "import executors\nprint(executors.names(), 'distributed' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(config.PROJECT_ROOT), os.environ.get("PYTHONPATH", "")])}
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True).stdout
    assert shown == "['serial', 'local', 'dask'] False\n"
    assert executors.get("dask") is DaskExecutor and DaskExecutor.takes_scheduler
    assert executors.create("dask", "tcp://host:8786").scheduler == "tcp://host:8786"


def test_a_scheduler_needs_an_executor_that_renders_on_a_cluster(tmp_path):
    result = CliRunner().invoke(main, ["render", "--executor", "local", "--scheduler",
                                       "tcp://127.0.0.1:8786", "--output-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output == ("Error: --scheduler tcp://127.0.0.1:8786 is for the executors "
                             "that render on a cluster (dask), not 'local'\n")


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    with socket.socket() as free:  # a port nobody listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    monkeypatch.setattr(dask_executor, "CONNECT_TIMEOUT", 2)
    result = CliRunner().invoke(main, ["render", "--format", "html", "--executor", "dask",
                                       "--scheduler", f"tcp://127.0.0.1:{port}",
                                       "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith(f"Error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: ")
    assert not list((tmp_path / "out").glob("*/*"))  # nothing rendered, no folder made


def test_a_worker_that_cannot_take_the_batch_stops_it_in_one_line():
    class Client:  # what register_plugin raises when a worker lacks the package
        def register_plugin(self, plugin, name):
            raise ModuleNotFoundError("No module named 'lkip_helpers'")

    with pytest.raises(RenderError) as raised:
        DaskExecutor()._register(Client(), None, "lkip-batch")
    assert raised.value.message() == (
        "a Dask worker cannot render: ModuleNotFoundError: No module named 'lkip_helpers'; "
        "every worker needs this package installed (pip install) and Chromium")


# -- what the client sends -----------------------------------------------------------------------
def _put(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_the_inputs_are_the_workbook_and_its_units_earlier_years(tmp_path):
    data = tmp_path / "data"
    for name, content in [("unit-a/2022", b"a22"), ("unit-a/2023", b"a23"), ("unit-a/2024", b"a24"),
                          ("unit-a/2023-failed", b"x"), ("unit-b/2022", b"b22")]:
        _put(data / name / config.WORKBOOK_NAME, content)
    assert unit_inputs(UnitYear("unit-a", 2023), data) == {2022: b"a22", 2023: b"a23"}
    assert unit_inputs(UnitYear("unit-b", 2024), data) == {2022: b"b22"}  # its own is missing
    assert unit_inputs(UnitYear("unit-c", 2024), data) == {}


def test_the_worker_keeps_unchanged_workbooks_and_drops_the_others(tmp_path):
    data = tmp_path / "data"
    other = _put(data / "unit-b" / "2022" / config.WORKBOOK_NAME, b"b22")
    sync_workbooks(data, "unit-a", {2022: b"a22", 2023: b"a23"})
    kept = data / "unit-a" / "2022" / config.WORKBOOK_NAME
    before = kept.stat()
    sync_workbooks(data, "unit-a", {2022: b"a22", 2024: b"a24"})
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*.xlsx")) == [
        "unit-a/2022/lkip.xlsx", "unit-a/2024/lkip.xlsx", "unit-b/2022/lkip.xlsx"]
    assert (data / "unit-a" / "2024" / config.WORKBOOK_NAME).read_bytes() == b"a24"
    assert other.read_bytes() == b"b22"
    sync_workbooks(data, "unit-a", {2022: b"A22"})  # changed on the client: written again
    assert kept.read_bytes() == b"A22"


# -- how the client writes what a worker sends back ----------------------------------------------
WORKER = {"data": "/w/slot-1/data", "reports": "/w/slot-1/reports", "notebooks": "/w/notebooks"}
ITEM = UnitYear("unit-a", 2023)


def _notebook() -> bytes:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Bab")])
    return nbformat.writes(nb).encode()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def previous(tmp_path):
    """A previous good report of unit-a 2023 and a stale failed run beside it."""
    out = tmp_path / "out"
    _put(out / "unit-a" / "2023" / "unit-a-2023.html", b"old")
    _put(out / "unit-a" / "2023" / "old-only.txt", b"old")
    _put(out / "unit-a" / "2023-failed" / "render.log", b"failed before")
    return Options(data_dir=tmp_path / "data", notebooks_dir=tmp_path / "nb", output_dir=out)


def test_a_result_is_swapped_in_whole_and_a_stale_failed_run_dropped(previous):
    files = [("unit-a-2023.html", b"<html>baru</html>"), ("notebooks/01_bab.ipynb", _notebook()),
             ("render.log", b"ok\n")]
    outcome = publish(Delivery(Outcome(ITEM), files, WORKER, "", dask_executor._where()),
                      previous)
    final = (previous.output_dir / "unit-a" / "2023").resolve()
    assert outcome.ok and outcome.files == [final / "unit-a-2023.html"]
    assert _snapshot(final) == dict(files)
    assert sorted(p.name for p in final.parent.iterdir()) == ["2023"]  # no -failed, no .tmp


def test_a_failed_result_is_kept_with_the_clients_paths_in_its_line(previous):
    before = _snapshot(previous.output_dir / "unit-a" / "2023")
    problem = ("chapter 02_bab, cell 3: ValueError: boom (see /w/slot-1/reports/unit-a/"
               "2023-failed/notebooks/02_bab.ipynb)")
    files = [("notebooks/02_bab.ipynb", _notebook()), ("render.log", b"ValueError\n")]
    outcome = publish(Delivery(Outcome(ITEM, [problem]), files, WORKER), previous)
    failed = (previous.output_dir / "unit-a" / "2023-failed").resolve()
    assert outcome.problems == [f"chapter 02_bab, cell 3: ValueError: boom (see {failed}/"
                                f"notebooks/02_bab.ipynb)"]
    assert _snapshot(failed) == dict(files)
    assert _snapshot(previous.output_dir / "unit-a" / "2023") == before
    missing = publish(Delivery(Outcome(ITEM, ["no workbook at /w/slot-1/data/unit-a/2023/lkip.xlsx"]),
                               [], WORKER), previous)
    assert missing.problems == [f"no workbook at {previous.data_dir.resolve()}/unit-a/2023/lkip.xlsx"]


def test_names_that_would_leave_the_report_folder_are_not_written(previous, tmp_path):
    files = [("../../escaped.txt", b"x"), ("/tmp/absolute.txt", b"x"), ("unit-a-2023.html", b"y")]
    outcome = publish(Delivery(Outcome(ITEM), files, WORKER), previous)
    assert outcome.ok
    assert _snapshot(previous.output_dir) == {"unit-a/2023/unit-a-2023.html": b"y"}


def test_a_write_failure_is_one_line_and_the_previous_report_stays(previous):
    before = _snapshot(previous.output_dir)
    files = [("notebooks", b"a file where a folder must go"), ("notebooks/01_bab.ipynb", b"{}")]
    outcome = publish(Delivery(Outcome(ITEM), files, WORKER), previous)
    folder = (previous.output_dir / "unit-a").resolve()
    [line] = outcome.problems
    assert line.startswith(f"cannot write to {folder}") and outcome.files == []
    assert "\n" not in line and "File exists" in line
    assert _snapshot(previous.output_dir) == before  # nothing half-written, no .tmp left
    assert sorted(p.name for p in folder.iterdir()) == ["2023", "2023-failed"]


def test_notebooks_from_another_machine_are_signed_here(previous, tmp_path, monkeypatch):
    (tmp_path / "jupyter").mkdir()
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    files = [("notebooks/01_bab.ipynb", _notebook())]
    for where, trusted in [(dask_executor._where(), False), (("elsewhere", "/x"), True)]:
        publish(Delivery(Outcome(ITEM), files, WORKER, "", where), previous)
        nb = nbformat.read(previous.output_dir / "unit-a" / "2023" / "notebooks" / "01_bab.ipynb",
                           as_version=4)
        with NotebookNotary(data_dir=str(tmp_path / "jupyter")) as notary:
            assert notary.check_signature(nb) is trusted


# -- real unit-years on a LocalCluster ---------------------------------------------------------
@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """The demo's first eight units in 2023 and 2024 (dinas-sosial 2024 restates 2023
    otherwise than 2023's own workbook: the reviu finds it only with the earlier year)."""
    from lkip_helpers.demo import buat_demo

    return buat_demo(tmp_path_factory.mktemp("demo") / "data", units=8, tahun=(2023, 2024),
                     jobs=1).folder


#: Installed as sitecustomize in the cluster's workers and their kernels: every file operation
#: on a path under LKIP_AUDIT_FORBIDDEN goes to LKIP_AUDIT_LOG; each process says it watches.
AUDIT_HOOK = textwrap.dedent('''
    import os, sys
    _forbidden = tuple(p for p in os.environ.get("LKIP_AUDIT_FORBIDDEN", "").split(os.pathsep) if p)
    _log = os.environ.get("LKIP_AUDIT_LOG", "")
    _events = {"open", "os.listdir", "os.scandir", "os.mkdir", "os.rename", "os.remove",
               "os.rmdir", "shutil.rmtree", "os.chmod", "os.utime", "shutil.copyfile"}

    def _under(path):
        try:
            path = os.path.abspath(os.fsdecode(os.fspath(path)))
        except TypeError:
            return False
        return any(path == p or path.startswith(p + os.sep) for p in _forbidden)

    def _hook(event, args):
        if event in _events and any(_under(a) for a in args[:2] if a is not None):
            with open(_log, "a") as log:
                log.write(f"{os.getpid()} {sys.argv[:2]} {event} {args[:2]}\\n")

    if _forbidden and _log:
        with open(f"{_log}.{os.getpid()}.watching", "w") as _mark:
            _mark.write(" ".join(sys.orig_argv))
        sys.addaudithook(_hook)
''')


def _worker_leftovers(dask_worker) -> dict:
    """Run on each Dask worker after a batch: its lkip folders and live child processes."""
    import psutil

    folders = sorted(p.name for p in Path(dask_worker.local_directory).glob("lkip-*"))
    children = [" ".join(c.cmdline()[:3]) for c in psutil.Process().children(recursive=True)
                if c.status() != psutil.STATUS_ZOMBIE]
    return {"folders": folders, "children": children}


@pytest.mark.slow
def test_a_batch_on_a_cluster_shares_no_folder_with_the_client(province, tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for path in [*CHAPTERS, config.NOTEBOOKS_DIR / REVIU_NOTEBOOK]:
        (notebooks / path.name).write_bytes(path.read_bytes())
    fault = nbformat.read(config.NOTEBOOKS_DIR / "04_penutup.ipynb", as_version=4)
    fault.cells.append(nbformat.v4.new_code_cell(  # a real chapter, failing for one unit-year
        "if (unit, year) == ('dinas-pendidikan', 2023):\n    raise ValueError('sengaja gagal')"))
    nbformat.write(fault, notebooks / "95_gangguan.ipynb")
    failing_cell = len(fault.cells)  # its last cell, numbered as in the notebook written
    out, audit, hook = tmp_path / "out", tmp_path / "audit", tmp_path / "hook"
    audit.mkdir()
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(AUDIT_HOOK)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(hook), str(config.PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("LKIP_AUDIT_LOG", str(audit / "touched.log"))
    monkeypatch.setenv("LKIP_AUDIT_FORBIDDEN", os.pathsep.join(
        str(p.resolve()) for p in (province, notebooks, out)))
    formats = ["--format", "html"] + (["--format", "pdf"] if find_chromium() else [])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit=0, local_directory=str(tmp_path / "workers")) as cluster, \
            Client(cluster) as client:
        result = CliRunner().invoke(main, [
            "render", "dinas-pendidikan,dinas-sosial", "2023-2024", "--data-dir", str(province),
            "--notebooks-dir", str(notebooks), "--output-dir", str(out), *formats,
            "--executor", "dask", "--scheduler", cluster.scheduler_address],
            catch_exceptions=False)
        after = client.run(_worker_leftovers)

    # the failing unit-year: one line naming the client's kept folder; the others rendered
    assert result.exit_code == 1, result.output
    failed = out.resolve() / "dinas-pendidikan" / "2023-failed"
    assert [line for line in result.output.splitlines() if line.startswith("FAILED")] == [
        f"FAILED dinas-pendidikan 2023: chapter 95_gangguan, cell {failing_cell}: ValueError: "
        f"sengaja gagal "
        f"(see {failed}/notebooks/95_gangguan.ipynb)"]
    assert "3 of 4 unit-years rendered" in result.output and "Traceback" not in result.output
    kept = nbformat.read(failed / "notebooks" / "95_gangguan.ipynb", as_version=4)
    assert [o.evalue for c in kept.cells for o in c.get("outputs", [])
            if o.output_type == "error"] == ["sengaja gagal"]
    assert not (out / "dinas-pendidikan" / "2023").exists()

    # every report complete, in its folder, listed in the index
    names = sorted(p.name for p in notebooks.glob("*.ipynb"))
    index = (out / "index.html").read_text("utf-8")
    for unit, year in [("dinas-pendidikan", 2024), ("dinas-sosial", 2023), ("dinas-sosial", 2024)]:
        folder, stem = out / unit / str(year), f"{unit}-{year}"
        expected = {f"{stem}.html", f"{stem}-reviu.html", "facts.json", "render.log",
                    "stamp.json",
                    *(f"notebooks/{n}" for n in names)} | ({f"{stem}.pdf"} if "pdf" in formats else set())
        assert set(_snapshot(folder)) == expected
        html = (folder / f"{stem}.html").read_text("utf-8")
        assert html.rstrip().endswith("</html>") and 'id="bab-95_gangguan"' in html
        if "pdf" in formats:
            from pypdf import PdfReader

            pdf = (folder / f"{stem}.pdf").read_bytes()
            assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
            assert len(PdfReader(folder / f"{stem}.pdf").pages) > 3
        with NotebookNotary(data_dir=jupyter_data_dir()) as notary:
            for path in (folder / "notebooks").glob("*.ipynb"):
                nb = nbformat.read(path, as_version=4)
                nbformat.validate(nb)
                assert notary.check_signature(nb), path
        assert f'href="{unit}/{year}/{stem}.html"' in index
    # the earlier year travelled with the later one: the reviu compares them
    assert "dinas-sosial/2023/lkip.xlsx" in (out / "dinas-sosial" / "2024" /
                                             "dinas-sosial-2024-reviu.html").read_text("utf-8")
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]

    # no folder shared: the workers and their kernels never touched the client's folders ...
    watching = [p.read_text() for p in audit.glob("*.watching")]
    assert sum("multiprocessing.spawn" in argv for argv in watching) >= 2, watching  # workers
    assert sum("ipykernel_launcher" in argv for argv in watching) >= 2, watching  # kernels
    touched = audit / "touched.log"
    assert not touched.exists(), touched.read_text()
    probe = province / "dinas-sosial" / "2024" / config.WORKBOOK_NAME  # the hook does see reads
    subprocess.run([sys.executable, "-c", f"open({str(probe)!r}).close()"], check=True)
    assert f"'{probe.resolve()}'" in touched.read_text()
    params = (out / "dinas-sosial" / "2024" / "notebooks" / CHAPTERS[0].name).read_text("utf-8")
    assert str(province.resolve()) not in params  # the kernels read the worker's copy
    # ... and after the batch they hold no folder, kernel or browser of it
    assert list(after.values()) == [{"folders": [], "children": []}] * 2, after


@pytest.mark.slow
def test_the_default_cluster_is_local_with_a_step_per_chapter(province, tmp_path):
    options = Options(data_dir=province, output_dir=tmp_path / "out", formats=("html",),
                      pdf_executable=None)
    items = [UnitYear("dinas-kesehatan", 2024), UnitYear("unit-tanpa-data", 2024),
             UnitYear("biro-organisasi", 2023)]
    steps: list[tuple[str, str]] = []
    outcomes = DaskExecutor().run(items, options, jobs=2,
                                  progress=lambda label, step: steps.append((label, step)))
    assert [(o.item, o.ok) for o in outcomes] == [(items[0], True), (items[1], False),
                                                  (items[2], True)]
    workbook = province.resolve() / "unit-tanpa-data" / "2024" / config.WORKBOOK_NAME
    assert outcomes[1].problems == [f"no workbook at {workbook}"]
    folder = (tmp_path / "out" / "dinas-kesehatan" / "2024").resolve()
    assert outcomes[0].files == [folder / "dinas-kesehatan-2024-reviu.html",
                                 folder / "dinas-kesehatan-2024.html"]
    per_item = len(CHAPTERS) + 2  # the chapters, the reviu, the report
    assert [sum(label == str(item) for label, _ in steps) for item in items] == [per_item] * 3
    # the chapters' steps came from the workers while they rendered
    assert {p.stem for p in CHAPTERS} <= {step for label, step in steps if label == str(items[0])}


@pytest.mark.slow
@pytest.mark.skipif(find_chromium() is None, reason="Chromium not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_a_local_clusters_workers_print_with_the_clients_one_chromium(province, tmp_path):
    """Like the pool's workers, a LocalCluster's print through one browser of the machine:
    the Chromium given is started once for the whole batch, not once per worker."""
    launches = tmp_path / "launches"
    chromium = tmp_path / "chromium"  # counts the browsers started, then is the real one
    chromium.write_text(f'#!/bin/sh\necho "$$" >> "{launches}"\nexec "{find_chromium()}" "$@"\n')
    chromium.chmod(0o755)
    options = Options(data_dir=province, output_dir=tmp_path / "out", formats=("html", "pdf"),
                      pdf_executable=chromium)
    items = [UnitYear("dinas-kesehatan", 2024), UnitYear("biro-organisasi", 2023),
             UnitYear("dinas-sosial", 2023)]
    outcomes = DaskExecutor().run(items, options, jobs=2)
    assert [(o.item, o.ok, o.problems) for o in outcomes] == [(i, True, []) for i in items]
    for item in items:
        pdf = tmp_path / "out" / item.unit / str(item.year) / f"{item.unit}-{item.year}.pdf"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.findall(r"Halaman (\d+) dari \1\b", text)[-1])
        assert pages > 3 and f"Halaman 1 dari {pages}" in text
        assert f"LKIP {item.year}" in text
    assert len(launches.read_text().split()) == 1
