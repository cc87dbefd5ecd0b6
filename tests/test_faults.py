"""Faults injected into `lkip render`: nothing stranded, no traceback, the last report whole.

Each fault (a full disk at chosen write points, Ctrl-C at chosen moments of a real `lkip render`
process, a read-only output, two renders of one unit-year at once, a broken Chromium, a unit
that does not exist, a kill in the middle of a swap) must end in one line (no "Traceback" on
stderr), leave the previous report byte for byte, and leave nothing behind: no hidden
temporary, set-aside or lock entry, and no folder at all for a unit-year without workbook.

The fast tests drive the mechanisms (:mod:`lkip_helpers.swap`, :mod:`lkip_helpers.lock`) and
the command up to where a kernel would start; the slow ones render a one-chapter report with
a real kernel, in this process (faults injected by monkeypatching) or as a real `lkip render`
process (signals). Where the machine lets us (root with mount namespaces: `unshare -m`), a
real small tmpfs and a real read-only bind mount are used as well.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from builders import PROFIL_BARIS
from conftest import edit_workbook

from lkip_helpers import pipeline, stamp as stamp_module, swap
from lkip_helpers.cli import main
from lkip_helpers.errors import Busy, DiskFull
from lkip_helpers.lock import ReportLock, lock_path
from lkip_helpers.pdf import find_chromium
from lkip_helpers.pipeline import Options, report_stamp
from lkip_helpers.selection import UnitYear
from lkip_helpers.stamp import STAMP_FILE, is_current, write_stamp

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "biro-umum-ntt" / "2023" / "lkip.xlsx"
#: The chapter sleeps this many seconds when the variable is set (the kernel inherits it), so a
#: signal can be sent while it runs.
SLEEP_VAR = "LKIP_TEST_SLEEP"
#: When set, the chapter creates this file first: a chapter has started (wherever it runs).
MARK_VAR = "LKIP_TEST_MARK"


# -- helpers -----------------------------------------------------------------------------------
def _chapter() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    params = nbformat.v4.new_code_cell('unit = "x"\nyear = 2000\ndata_dir = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Profil"), params, nbformat.v4.new_code_cell(
        f"import os, pathlib, time\n"
        f"if os.environ.get({MARK_VAR!r}):\n    pathlib.Path(os.environ[{MARK_VAR!r}]).touch()\n"
        f"time.sleep(float(os.environ.get({SLEEP_VAR!r}) or 0))\n"
        "print('unit', unit)")]
    return nb


class Project:
    """A data folder with unit-a and unit-b 2023, one chapter notebook and an output folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data, self.notebooks, self.out = root / "data", root / "notebooks", root / "out"
        for unit in ("unit-a", "unit-b"):
            (self.data / unit / "2023").mkdir(parents=True)
            shutil.copyfile(SEED, self.data / unit / "2023" / "lkip.xlsx")
        self.notebooks.mkdir()
        nbformat.write(_chapter(), self.notebooks / "01_profil.ipynb")

    def args(self, *extra: str, formats: tuple[str, ...] = ("html",)) -> list[str]:
        fmt = [arg for f in formats for arg in ("--format", f)]
        return ["render", *extra, "--data-dir", str(self.data), "--notebooks-dir",
                str(self.notebooks), "--output-dir", str(self.out), *fmt]

    def cli(self, *extra: str, **kw):
        """`lkip render` in this process (faults injected by monkeypatching)."""
        return CliRunner().invoke(main, self.args(*extra, **kw))

    def command(self, *extra: str, **kw) -> list[str]:
        return [sys.executable, "-m", "lkip_helpers.cli", *self.args(*extra, **kw)]

    def process(self, *extra: str, sleep: float = 0, mark: Path | None = None,
                terminal: bool = False, **kw) -> subprocess.Popen:
        """A real `lkip render` process; its chapter sleeps ``sleep`` seconds (after creating
        the file ``mark``, when given). ``terminal``: in a process group of its own, as a
        command typed in a terminal, whose Ctrl-C reaches every process of the group."""
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LKIP_LANG": "en", SLEEP_VAR: str(sleep),
               **({MARK_VAR: str(mark)} if mark else {})}
        return subprocess.Popen(self.command(*extra, **kw), env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=terminal)

    def folder(self, unit: str = "unit-a") -> Path:
        return self.out / unit / "2023"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    """Hidden entries anywhere under ``out`` (temporary builds, set-aside reports, locks)."""
    if not out.exists():
        return []
    return sorted(str(p.relative_to(out)) for p in out.rglob(".*"))


def one_line_error(stderr: str) -> str:
    """stderr holds one line, and no traceback; that line."""
    assert "Traceback" not in stderr and "Error:" in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def failed_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("FAILED")]


def _can_mount() -> bool:
    """Whether this process may make a private mount namespace with a tmpfs (root on Linux)."""
    if not shutil.which("unshare") or not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
                           capture_output=True)
    return probe.returncode == 0


CAN_MOUNT = _can_mount()


# -- the swap: no moment without a report, and what a killed swap leaves is put right ---------
def _report(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "r.html").write_text(text)
    return folder


def test_the_swap_is_one_exchange_without_a_rename(tmp_path, monkeypatch):
    if not swap.exchange(_report(tmp_path / "x", "x"), _report(tmp_path / "y", "y")):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: the two-rename fallback is tested below")
    final = _report(tmp_path / "unit" / "2023", "old")
    built = _report(tmp_path / "unit" / ".2023.a.tmp", "new")

    def no_rename(*args):
        raise AssertionError("a rename would leave a moment without a report")

    monkeypatch.setattr(os, "rename", no_rename)
    swap.swap_in(built, final)
    assert (final / "r.html").read_text() == "new"
    assert sorted(p.name for p in final.parent.iterdir()) == ["2023"]


def test_a_kill_after_the_exchange_leaves_the_new_report_and_the_sweep_the_rest(tmp_path,
                                                                              monkeypatch):
    final = _report(tmp_path / "unit" / "2023", "old")
    built = _report(tmp_path / "unit" / ".2023.a.tmp", "new")
    if not swap.exchange(built, final):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here")
    swap.exchange(built, final)  # back as before
    monkeypatch.setattr(swap, "remove", lambda folder: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        swap.swap_in(built, final)
    monkeypatch.undo()
    assert (final / "r.html").read_text() == "new"
    assert [p.name for p in swap.sweep_all(tmp_path)] == [".2023.a.tmp"]
    assert sorted(p.name for p in final.parent.iterdir()) == ["2023"]


def test_a_kill_between_the_two_renames_of_the_fallback_is_put_right(tmp_path, monkeypatch):
    final = _report(tmp_path / "unit" / "2023", "old")
    built = _report(tmp_path / "unit" / ".2023.a.tmp", "new")
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    renames = []

    def killed_after_one(src, dst):
        if renames:
            raise KeyboardInterrupt  # the process dies between the two renames
        renames.append(dst)
        os.replace(src, dst)

    monkeypatch.setattr(os, "rename", killed_after_one)
    with pytest.raises(KeyboardInterrupt):
        swap.swap_in(built, final)
    monkeypatch.undo()
    assert not final.exists() and Path(renames[0]).name.startswith(".2023.old-")
    swap.sweep_all(tmp_path)  # the next run: the set-aside report is back, the build gone
    assert (final / "r.html").read_text() == "old"
    assert sorted(p.name for p in final.parent.iterdir()) == ["2023"]


def test_the_fallback_swap_replaces_the_report(tmp_path, monkeypatch):
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    final = _report(tmp_path / "unit" / "2023", "old")
    swap.swap_in(_report(tmp_path / "unit" / ".2023.a.tmp", "new"), final)
    assert (final / "r.html").read_text() == "new"
    assert sorted(p.name for p in final.parent.iterdir()) == ["2023"]


# -- the lock ------------------------------------------------------------------------------------
def test_a_held_lock_makes_a_second_render_busy_naming_the_holder(tmp_path):
    final = tmp_path / "unit" / "2023"
    final.parent.mkdir(parents=True)
    with ReportLock(final):
        with pytest.raises(Busy) as busy:
            ReportLock(final).acquire()  # another open file: excluded even in one process
        assert f"process {os.getpid()}" in busy.value.message()
        assert "\n" not in busy.value.message()
    assert not lock_path(final).exists()  # released: the file is gone
    with ReportLock(final):
        pass


def test_a_stale_lock_file_is_taken_over(tmp_path):
    final = tmp_path / "unit" / "2023"
    final.parent.mkdir(parents=True)
    lock_path(final).write_text("999999 elsewhere 2020-01-01 00:00:00\n")  # its holder died
    with ReportLock(final) as lock:
        assert lock.held
        assert lock_path(final).read_text().split()[0] == str(os.getpid())
    assert not lock_path(final).exists()


def test_the_sweep_spares_the_build_of_a_running_render_and_removes_stale_ones(tmp_path):
    unit = tmp_path / "unit"
    running, stale = unit / "2023", unit / "2024"
    _report(running, "report")
    _report(stale, "report")
    building = _report(unit / ".2023.live.tmp", "half")
    for leftover in (".2024.dead.tmp", ".2024-failed.old-12", ".2024.old-12"):
        _report(unit / leftover, "half")
    lock_path(stale).write_text("999999 host 2020-01-01 00:00:00\n")  # killed with -9
    with ReportLock(running):  # another render is building 2023 right now
        removed = swap.sweep_all(tmp_path)
    assert sorted(p.name for p in removed) == [".2024-failed.old-12", ".2024.dead.tmp",
                                               ".2024.old-12"]
    assert building.is_dir() and (stale / "r.html").read_text() == "report"
    # the failed copy set aside by a swap that did not finish is back in place
    assert sorted(p.name for p in unit.iterdir()) == [".2023.live.tmp", "2023", "2024",
                                                      "2024-failed"]


# -- the one-line messages -------------------------------------------------------------------------
def test_a_full_disk_names_the_folder_and_the_space_needed(tmp_path):
    final = _report(tmp_path / "unit" / "2023", "x" * 2_500_000)
    error = swap.output_error(OSError(errno.ENOSPC, "No space left on device"), final)
    assert isinstance(error, DiskFull) and error.exit_code == 1
    message = error.message()
    assert message.startswith(f"disk full: {final.parent} has ")
    assert "the report needs about 3 MB" in message and "\n" not in message


def test_any_other_write_error_names_the_folder_and_the_reason(tmp_path):
    error = swap.output_error(PermissionError(errno.EACCES, "Permission denied", "/r/u/x"),
                              tmp_path / "u" / "2023")
    assert error.message() == "cannot write to /r/u/x: Permission denied"


def test_an_unknown_unit_writes_nothing_and_suggests_the_name(tmp_path):
    project = Project(tmp_path)
    result = CliRunner().invoke(main, project.args("unit-ax", "2023"))
    assert result.exit_code == 2
    line = one_line_error(result.stderr)
    assert line == (f"Error: no workbook for unit-ax 2023 ({project.data}/unit-ax/2023/lkip.xlsx); "
                    "did you mean unit-a?")
    assert not project.out.exists()  # no folder, no log, no empty index


def test_a_unit_folder_linked_outside_the_output_is_one_line(tmp_path):
    project = Project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    project.out.mkdir()
    (project.out / "unit-a").symlink_to(elsewhere)
    result = project.cli("unit-a", "2023")
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = failed_lines(result.stdout)
    assert line.startswith("FAILED unit-a 2023: unit-a/2023 is not allowed: it resolves outside")
    assert list(elsewhere.iterdir()) == [] and leftovers(project.out) == []


def test_a_ctrl_c_while_interrupts_are_blocked_waits_until_the_end():
    """Also when it reaches the process through another thread, one that was started before
    and does not block it (as a progress bar's monitor thread): Python would otherwise run the
    handler in the main thread at once, half-way through starting the workers."""
    from lkip_helpers.interrupts import interrupts_blocked

    go = threading.Event()
    sender = threading.Thread(target=lambda: (go.wait(), os.kill(os.getpid(), signal.SIGINT)))
    sender.start()
    steps = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts_blocked():
            go.set()
            sender.join()
            time.sleep(0.2)  # a handler would have run by now
            steps.append("the end of the block")
    assert steps == ["the end of the block"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


# -- incremental renders: the stamp ----------------------------------------------------------------
@pytest.fixture
def stamped(tmp_path):
    """A report folder of unit-a 2023 stamped with the inputs it was made from."""
    project = Project(tmp_path)
    (project.data / "unit-a" / "2022").mkdir()
    shutil.copyfile(SEED, project.data / "unit-a" / "2022" / "lkip.xlsx")
    options = Options(data_dir=project.data, notebooks_dir=project.notebooks,
                      output_dir=project.out, formats=("html",))
    item = UnitYear("unit-a", 2023)
    folder = _report(project.folder(), "report")
    write_stamp(folder, report_stamp(item, options))
    return project, options, item, folder


def test_unchanged_inputs_make_the_report_current(stamped):
    project, options, item, folder = stamped
    assert is_current(folder, report_stamp(item, options))
    assert not is_current(project.folder("unit-b"), report_stamp(UnitYear("unit-b", 2023),
                                                                 options))


@pytest.mark.parametrize("change", ["workbook", "earlier workbook", "notebook", "format",
                                    "include_reviu", "language", "report file", "package"])
def test_any_change_of_what_a_report_is_made_from_renders_it_again(stamped, change, monkeypatch):
    project, options, item, folder = stamped
    if change == "workbook":
        with open(project.data / "unit-a" / "2023" / "lkip.xlsx", "ab") as f:
            f.write(b"\0")
    elif change == "earlier workbook":  # the reviu compares the years
        (project.data / "unit-a" / "2022" / "lkip.xlsx").write_bytes(b"other")
    elif change == "notebook":
        nb = _chapter()
        nb.cells.append(nbformat.v4.new_markdown_cell("more"))
        nbformat.write(nb, project.notebooks / "01_profil.ipynb")
    elif change == "format":
        options = Options(**{**options.__dict__, "formats": ("html", "docx")})
    elif change == "include_reviu":
        options = Options(**{**options.__dict__, "include_reviu": True})
    elif change == "language":
        monkeypatch.setenv("LKIP_LANG", "id")
    elif change == "report file":
        (folder / "r.html").write_text("edited by hand")
    else:
        monkeypatch.setattr(stamp_module, "_package", lambda: "0.1.0-another")
    assert not is_current(folder, report_stamp(item, options))


def test_a_later_year_does_not_count_for_an_earlier_one(stamped):
    project, options, item, folder = stamped
    (project.data / "unit-a" / "2024").mkdir()
    shutil.copyfile(SEED, project.data / "unit-a" / "2024" / "lkip.xlsx")
    assert is_current(folder, report_stamp(item, options))
    assert STAMP_FILE not in stamp_module._outputs(folder)


# -- slow: real renders ----------------------------------------------------------------------------
@pytest.fixture
def rendered(tmp_path):
    """unit-a 2023 rendered once (HTML): the previous report every fault must leave whole."""
    project = Project(tmp_path)
    first = project.cli("unit-a", "2023", "--executor", "serial", "-j", "1")
    assert first.exit_code == 0, first.output
    project.good = snapshot(project.folder())
    return project


def _assert_untouched(project: Project, failed_folder: bool = False) -> None:
    assert snapshot(project.folder()) == project.good
    assert leftovers(project.out) == []
    assert (project.out / "unit-a" / "2023-failed").exists() == failed_folder


WRITE_POINTS = {
    "executed notebook": ("lkip_helpers.pipeline.write_notebook", 1),
    "HTML": ("pathlib.Path.write_text", ".html"),
    "stamp": ("lkip_helpers.pipeline.write_stamp", 1),
}


@pytest.mark.slow
@pytest.mark.parametrize("point", list(WRITE_POINTS))
def test_a_full_disk_at_any_write_is_one_line_and_keeps_nothing(rendered, monkeypatch, point):
    target, which = WRITE_POINTS[point]
    module_name, _, name = target.rpartition(".")
    owner = (Path if module_name == "pathlib.Path" else pipeline)
    original = getattr(owner, name)

    def full(*args, **kwargs):
        if isinstance(which, str) and not str(args[0]).endswith(which):
            return original(*args, **kwargs)
        if isinstance(which, str):  # half of the file got written before the disk filled up
            original(args[0], args[1][: len(args[1]) // 2], **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(owner, name, full)
    result = rendered.cli("unit-a", "2023", "--force", "--executor", "serial", "-j", "1")
    assert result.exit_code == 1 and "Traceback" not in result.output
    [line] = failed_lines(result.stdout)
    assert line.startswith(f"FAILED unit-a 2023: disk full: {rendered.out / 'unit-a'} has ")
    assert "the report needs about 1 MB; free some space and render again" in line
    _assert_untouched(rendered)


@pytest.mark.slow
@pytest.mark.skipif(not CAN_MOUNT, reason="needs root and mount namespaces (unshare -m)")
def test_a_real_full_disk_keeps_the_last_report_and_frees_what_it_wrote(tmp_path):
    """A 600 KiB tmpfs: a report fits, then a file leaves 8 KiB, and a second render (forced)
    fails in one line; the tmpfs's contents are copied out before the namespace ends."""
    project = Project(tmp_path)
    copy = tmp_path / "copy"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LKIP_LANG": "en"}
    render = " ".join(project.command("unit-a", "2023", "-j", "1"))
    script = (f"mount -t tmpfs -o size=600k tmpfs {project.out} && "
              f"{render} > {tmp_path}/first.out 2>&1 && "
              f"cp -a {project.out} {tmp_path}/good && "
              f"avail=$(df -k --output=avail {project.out} | tail -1) && "
              f"dd if=/dev/zero of={project.out}/filler bs=1k count=$((avail - 8)) 2>/dev/null; "
              f"{render} --force > {tmp_path}/second.out 2> {tmp_path}/second.err; "
              f"echo $? > {tmp_path}/status; rm {project.out}/filler; cp -a {project.out} {copy}")
    project.out.mkdir()
    subprocess.run(["unshare", "-m", "sh", "-c", script], env=env, check=True, timeout=300)
    first = (tmp_path / "first.out").read_text()
    assert "1 of 1 unit-year rendered" in first, first
    second = (tmp_path / "second.out").read_text()
    assert (tmp_path / "status").read_text().strip() == "1", second
    assert (tmp_path / "second.err").read_text() == ""
    [line] = failed_lines(second)
    assert line.startswith(f"FAILED unit-a 2023: disk full: {project.out / 'unit-a'} has 0 MB "
                           "free, the report needs about 1 MB"), line
    assert snapshot(copy / "unit-a" / "2023") == snapshot(tmp_path / "good" / "unit-a" / "2023")
    assert leftovers(copy) == [] and not (copy / "unit-a" / "2023-failed").exists()


def _wait_for(predicate, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.05)


def _building(project: Project) -> bool:
    return any(project.out.glob("unit-a/.2023.*.tmp/notebooks")) or any(
        project.out.glob("unit-a/.2023.*.tmp/render.log"))


def _interrupt_and_check(rendered: Project, process: subprocess.Popen,
                         terminal: bool = False) -> None:
    """Ctrl-C to the render of unit-a and unit-b: one line, exit 130, the last report whole,
    no report begun for unit-b. ``terminal``: to its whole process group, as a terminal does
    (the process was started with ``terminal=True``)."""
    if terminal:
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, (stdout, stderr)
    assert one_line_error(stderr) == "Error: interrupted; nothing half-written was kept"
    _assert_untouched(rendered)
    assert not (rendered.out / "unit-b" / "2023").exists()


MOMENTS = {
    "starting": lambda project: (lambda: True),  # imports, selection, the sweep (0.5 s in)
    "kernels starting": lambda project: (lambda: (project.out / "render.log").exists()),
    "chapter running": lambda project: (lambda: _building(project)),
}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_ctrl_c_at_any_moment_is_one_line_and_leaves_the_last_report(rendered, moment, jobs):
    (rendered.out / "render.log").unlink()  # written again when the workers start
    process = rendered.process("unit-a,unit-b", "2023", "--force", "-j", jobs, sleep=30)
    _wait_for(MOMENTS[moment](rendered), process)
    if moment == "starting":
        time.sleep(0.5)
    _interrupt_and_check(rendered, process)


@pytest.mark.slow
def test_ctrl_c_held_back_while_workers_start_still_stops_them(rendered, monkeypatch):
    """A Ctrl-C that came while the pool's workers were being started is delivered when
    signals are let through again; it must stop the workers like any other (it once left
    them rendering every unit-year to the end, behind the one-line message)."""
    import contextlib

    from lkip_helpers import executors

    @contextlib.contextmanager
    def delivered_on_leaving():
        yield
        raise KeyboardInterrupt

    monkeypatch.setattr(executors, "interrupts_blocked", delivered_on_leaving)
    monkeypatch.setenv(SLEEP_VAR, "20")
    options = Options(data_dir=rendered.data, notebooks_dir=rendered.notebooks,
                      output_dir=rendered.out, formats=("html",))
    items = [UnitYear("unit-a", 2023), UnitYear("unit-b", 2023)]
    with pytest.raises(KeyboardInterrupt):
        executors.LocalExecutor().run(items, options, jobs=2)
    _assert_untouched(rendered)  # unit-a's render was stopped: its report is the one before
    assert not (rendered.out / "unit-b" / "2023").exists()


def _processes_with(variable: str, value: str) -> list[str]:
    """Processes (kernels, workers, browsers) whose environment has ``variable=value``."""
    psutil = pytest.importorskip("psutil")
    found = []
    for proc in psutil.process_iter(["pid", "name"]):
        try:
            if proc.environ().get(variable) == value:
                found.append(f"{proc.info['pid']} {proc.info['name']}")
        except psutil.Error:
            pass
    return found


@pytest.mark.slow
def test_ctrl_c_on_a_dask_cluster_is_one_line_and_strands_nothing(rendered, tmp_path):
    """The LocalCluster's workers share the terminal: the Ctrl-C reaches them too. The client
    alone decides: its one line, the workers' renders stopped, their kernels and folders gone."""
    pytest.importorskip("distributed")
    mark = tmp_path / "a chapter started"
    process = rendered.process("unit-a,unit-b", "2023", "--force", "--executor", "dask",
                               "-j", "2", sleep=30, mark=mark, terminal=True)
    _wait_for(mark.exists, process, seconds=180)
    _interrupt_and_check(rendered, process, terminal=True)
    _assert_none_left(mark)


def _assert_none_left(mark: Path) -> None:
    """No process started with the environment marker ``mark`` is left (they may be ending)."""
    deadline = time.monotonic() + 15
    while _processes_with(MARK_VAR, str(mark)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_with(MARK_VAR, str(mark)) == []


@pytest.mark.slow
def test_ctrl_c_while_a_dask_cluster_starts_is_one_line(rendered, tmp_path):
    """The terminal's Ctrl-C reaches the LocalCluster's workers while they still import
    Dask, before any of our code runs there: it must not print their tracebacks, and the
    client still stops, in one line."""
    psutil = pytest.importorskip("psutil")
    pytest.importorskip("distributed")
    mark = tmp_path / "a chapter started"
    process = rendered.process("unit-a,unit-b", "2023", "--force", "--executor", "dask",
                               "-j", "2", sleep=30, mark=mark, terminal=True)

    def a_worker_starts() -> bool:
        try:
            return any("spawn_main" in " ".join(child.cmdline()) for child in
                       psutil.Process(process.pid).children(recursive=True))
        except psutil.Error:
            return False

    _wait_for(a_worker_starts, process, seconds=120)
    _interrupt_and_check(rendered, process, terminal=True)
    assert not mark.exists()  # it stopped before a chapter ran
    _assert_none_left(mark)


@pytest.mark.slow
def test_a_terminated_render_cleans_up_as_after_ctrl_c(rendered):
    process = rendered.process("unit-a", "2023", "--force", "-j", "1", sleep=30)
    _wait_for(lambda: _building(rendered), process)
    process.terminate()
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130 and one_line_error(stderr).startswith("Error: interrupted")
    _assert_untouched(rendered)


@pytest.mark.slow
def test_a_killed_render_is_swept_by_the_next_one(rendered):
    process = rendered.process("unit-a", "2023", "--force", "-j", "1", sleep=30)
    _wait_for(lambda: _building(rendered), process)
    process.kill()  # no clean-up possible: a build, and the lock file, stay behind
    process.communicate(timeout=60)
    assert leftovers(rendered.out)
    assert snapshot(rendered.folder()) == rendered.good
    again = rendered.cli("unit-a", "2023", "--executor", "serial", "-j", "1")  # unchanged
    assert again.exit_code == 0 and "unchanged unit-a 2023" in again.stdout
    _assert_untouched(rendered)


@pytest.mark.slow
def test_two_renders_of_one_unit_year_the_second_says_busy(rendered):
    first = rendered.process("unit-a", "2023", "--force", "-j", "1", sleep=5)
    _wait_for(lambda: lock_path(rendered.folder()).exists(), first)
    second = rendered.cli("unit-a", "2023", "--force", "--executor", "serial", "-j", "1")
    assert second.exit_code == 1 and "Traceback" not in second.output
    [line] = failed_lines(second.stdout)
    assert line.startswith(f"FAILED unit-a 2023: busy: another lkip render is rendering it "
                           f"(process {first.pid} on ")
    assert line.endswith("try again when it has finished")
    stdout, stderr = first.communicate(timeout=120)
    assert first.returncode == 0 and stderr == "", stdout
    assert leftovers(rendered.out) == []


def _read_only_command(project: Project, folder: Path, *extra: str) -> subprocess.CompletedProcess:
    """`lkip render` with ``folder`` read-only: a read-only bind mount where we may, else
    (not root) its permissions."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LKIP_LANG": "en"}
    command = project.command("unit-a", "2023", "--force", "-j", "1", *extra)
    if CAN_MOUNT:
        script = f"mount --bind -o ro {folder} {folder} && exec {' '.join(command)}"
        return subprocess.run(["unshare", "-m", "sh", "-c", script], env=env,
                              capture_output=True, text=True, timeout=300)
    folder.chmod(0o555)
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    finally:
        folder.chmod(0o755)


@pytest.mark.slow
@pytest.mark.skipif(not CAN_MOUNT and os.geteuid() == 0,
                    reason="root writes into read-only folders; no mount namespaces here")
@pytest.mark.parametrize("where", ["output folder", "unit folder"])
def test_a_read_only_output_is_one_line(rendered, where):
    folder = rendered.out if where == "output folder" else rendered.out / "unit-a"
    result = _read_only_command(rendered, folder)
    assert result.returncode == 1, result
    if where == "output folder":  # not even the batch's log: the command stops at once
        assert one_line_error(result.stderr).startswith(f"Error: cannot write to {rendered.out}")
    else:
        assert "Traceback" not in result.stderr
        [line] = failed_lines(result.stdout)
        assert line.startswith(f"FAILED unit-a 2023: cannot write to {rendered.out / 'unit-a'}")
    _assert_untouched(rendered)


BROKEN_CHROMIUM = {
    "exits at once": "/bin/false",
    # reads the first DevTools message, then exits while the report is being printed
    "exits mid-print": "#!/bin/sh\nhead -c 20 <&3 >/dev/null\nexit 3\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("chromium", list(BROKEN_CHROMIUM))
def test_a_broken_chromium_is_one_line_per_unit_year(rendered, tmp_path, chromium, jobs):
    program = BROKEN_CHROMIUM[chromium]
    if program.startswith("#!"):
        path = tmp_path / "chromium"
        path.write_text(program)
        path.chmod(0o755)
        program = str(path)
    process = rendered.process("unit-a,unit-b", "2023", "--force", "-j", jobs, "--chromium",
                               program, formats=("html", "pdf"))
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 1, (stdout, stderr)
    assert stderr == "", stderr  # no traceback, no BrokenPipeError
    lines = failed_lines(stdout)
    assert [line.split(":")[0] for line in lines] == ["FAILED unit-a 2023", "FAILED unit-b 2023"]
    assert all(f"Chromium {program} stopped with exit status" in line for line in lines), lines
    _assert_untouched(rendered, failed_folder=True)  # its log kept beside the last report


@pytest.mark.slow
def test_a_unit_year_without_workbook_beside_one_that_renders(rendered):
    result = rendered.cli("unit-a,unit-c", "2023", "--executor", "serial", "-j", "1")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "unchanged unit-a 2023" in result.stdout
    [line] = failed_lines(result.stdout)
    assert line == f"FAILED unit-c 2023: no workbook at {rendered.data}/unit-c/2023/lkip.xlsx"
    assert not (rendered.out / "unit-c").exists()
    _assert_untouched(rendered)


@pytest.mark.slow
def test_a_render_of_nothing_changed_skips_and_force_renders(rendered):
    again = rendered.cli("unit-a", "2023", "--executor", "serial", "-j", "1")
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[0] == ("unchanged unit-a 2023: not rendered again "
                                            "(--force renders it)")
    assert "0 of 1 unit-year rendered" in again.stdout and "; 1 unchanged" in again.stdout
    assert snapshot(rendered.folder()) == rendered.good
    forced = rendered.cli("unit-a", "2023", "--force", "--executor", "serial", "-j", "1")
    assert forced.exit_code == 0 and forced.stdout.startswith("ok     unit-a 2023")
    edit_workbook(rendered.data / "unit-a" / "2023" / "lkip.xlsx",  # other bytes: rendered again
                  {("profil", f"B{PROFIL_BARIS['kepala_nama']}"): "Nama Lain"})
    changed = rendered.cli("unit-a", "2023", "--executor", "serial", "-j", "1")
    assert changed.stdout.startswith("ok     unit-a 2023"), changed.output
