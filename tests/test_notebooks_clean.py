"""Notebooks are the source, committed clean: no outputs, no execution counts, no volatile
metadata, one ``parameters`` cell per chapter.

``git add`` strips them through the nbstripout filter (``.gitattributes`` names it, ``make
setup`` defines it with the options in the ``Makefile``). These tests check what was committed
(the blob at ``HEAD``) and what is in the working tree, for every notebook under
``notebooks/`` tracked by git (chapters ``NN_slug.ipynb`` and any other notebook), and that the
filter really does its job in a fresh clone.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from lkip_helpers.config import PROJECT_ROOT
from lkip_helpers.selection import CHAPTER_PATTERN

NOTEBOOKS = "notebooks"
MAKEFILE = PROJECT_ROOT / "Makefile"


# -- the check -----------------------------------------------------------------------------
def is_chapter(relpath: str) -> bool:
    """``notebooks/NN_slug.ipynb`` (directly in the folder) is a chapter; others are not."""
    path = Path(relpath)
    return path.parent == Path(NOTEBOOKS) and bool(CHAPTER_PATTERN.match(path.name))


def notebook_problems(nb: dict, *, chapter: bool = True) -> list[str]:
    """What keeps the notebook ``nb`` (parsed JSON) from being committed as it is; ``[]`` if clean.

    Clean: valid nbformat 4, no code cell with outputs or an execution count, and one code cell
    tagged ``parameters`` (exactly one in a chapter, at most one elsewhere).
    """
    problems = []
    try:
        nbformat.validate(nbformat.from_dict(copy.deepcopy(nb)))
    except (nbformat.ValidationError, KeyError, TypeError, AttributeError) as exc:
        problems.append(f"not a valid nbformat notebook: {getattr(exc, 'message', exc)!s:.200}")
    if nb.get("nbformat") != 4:
        problems.append(f"nbformat {nb.get('nbformat')!r}, expected 4")
    cells = nb.get("cells") if isinstance(nb.get("cells"), list) else []
    for number, cell in enumerate(cells, start=1):
        if cell.get("outputs"):
            problems.append(f"cell {number} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {number} has an execution count")
    tagged = [(number, cell) for number, cell in enumerate(cells, start=1)
              if "parameters" in cell.get("metadata", {}).get("tags", [])]
    if len(tagged) > 1 or (chapter and not tagged):
        problems.append(f"{len(tagged)} cells tagged 'parameters', expected "
                        + ("exactly one" if chapter else "at most one"))
    problems += [f"cell {number} is tagged 'parameters' but is not a code cell"
                 for number, cell in tagged if cell.get("cell_type") != "code"]
    return problems


# -- git and the Makefile ------------------------------------------------------------------
def _git(*args: str, cwd: Path = PROJECT_ROOT, check: bool = True) -> subprocess.CompletedProcess:
    # GIT_DIR and friends (set when run from a git hook) would point git elsewhere.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=check)


def _git_checkout(root: Path = PROJECT_ROOT) -> bool:
    """``root`` is the top of a git working tree (not an unpacked tarball, nor a folder inside
    another repository)."""
    try:
        top = _git("rev-parse", "--show-toplevel", cwd=root, check=False)
    except FileNotFoundError:  # no git
        return False
    return top.returncode == 0 and Path(top.stdout.strip()).resolve() == root.resolve()


GIT = _git_checkout()
NOT_GIT = "not a git checkout (e.g. an unpacked tarball): nothing committed to check"


def _notebooks() -> list[str]:
    """Notebooks under ``notebooks/``: those tracked by git, or every one outside a checkout."""
    if GIT:
        listed = _git("ls-files", "-z", "--", NOTEBOOKS).stdout.split("\0")
        return sorted(p for p in listed if p.endswith(".ipynb"))
    root = PROJECT_ROOT / NOTEBOOKS
    return sorted(p.relative_to(PROJECT_ROOT).as_posix() for p in root.rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


def makefile_variable(name: str) -> str:
    """The value of ``name := value`` in the Makefile (how ``make setup`` configures the filter)."""
    match = re.search(rf"^{name}\s*:?=[ \t]*(.*)$", MAKEFILE.read_text(), re.MULTILINE)
    assert match, f"{name} is not set in the Makefile"
    return match.group(1).strip()


def _nbstripout_command() -> list[str]:
    """nbstripout with the filter's options (those ``make setup`` installs)."""
    return [sys.executable, "-m", "nbstripout", *makefile_variable("NBSTRIPOUT_OPTIONS").split(),
            "--extra-keys", makefile_variable("NBSTRIPOUT_EXTRA_KEYS")]


def nbstripout(text: str, cwd: Path) -> str:
    """``text`` through nbstripout as the filter runs it."""
    return subprocess.run(_nbstripout_command(), input=text, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout


NOTEBOOK_FILES = _notebooks()


# -- the check can fail --------------------------------------------------------------------
def _clean_notebook() -> dict:
    nb = new_notebook(cells=[
        new_markdown_cell("# Bab"),
        new_code_cell('unit: str = "biro-umum-ntt"  # unit', metadata={"tags": ["parameters"]}),
        new_code_cell("print(unit)"),
    ])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return json.loads(nbformat.writes(nb))


def _with_output(nb):
    nb["cells"][2]["outputs"] = [new_output("stream", name="stdout", text="biro-umum-ntt\n")]


def _with_count(nb):
    nb["cells"][2]["execution_count"] = 3


def _untagged(nb):
    nb["cells"][1]["metadata"]["tags"] = []


def _twice_tagged(nb):
    nb["cells"][2]["metadata"]["tags"] = ["parameters"]


def _markdown_tagged(nb):
    _untagged(nb)
    nb["cells"][0]["metadata"]["tags"] = ["parameters"]


def _invalid(nb):
    nb["cells"][2]["cell_type"] = "kode"


def _old_format(nb):
    nb["nbformat"] = 3


def test_a_clean_notebook_has_no_problems():
    assert notebook_problems(_clean_notebook()) == []


@pytest.mark.parametrize("dirty, problem", [
    (_with_output, "cell 3 has outputs"),
    (_with_count, "cell 3 has an execution count"),
    (_untagged, "0 cells tagged 'parameters'"),
    (_twice_tagged, "2 cells tagged 'parameters'"),
    (_markdown_tagged, "cell 1 is tagged 'parameters' but is not a code cell"),
    (_invalid, "not a valid nbformat notebook"),
    (_old_format, "nbformat 3, expected 4"),
])
def test_a_dirty_notebook_is_reported(dirty, problem):
    nb = _clean_notebook()
    dirty(nb)
    problems = notebook_problems(nb)
    assert any(p.startswith(problem) for p in problems), problems


def test_a_notebook_that_is_not_a_chapter_needs_no_parameters_cell():
    nb = _clean_notebook()
    _untagged(nb)
    assert notebook_problems(nb, chapter=False) == []
    _twice_tagged(nb)
    nb["cells"][0]["metadata"]["tags"] = ["parameters"]
    assert notebook_problems(nb, chapter=False)


@pytest.mark.parametrize("relpath, chapter", [
    ("notebooks/01_ikhtisar.ipynb", True), ("notebooks/eksplorasi.ipynb", False),
    ("notebooks/arsip/01_ikhtisar.ipynb", False),
])
def test_only_numbered_notebooks_directly_in_the_folder_are_chapters(relpath, chapter):
    assert is_chapter(relpath) is chapter


def test_the_filter_strips_what_execution_adds(tmp_path):
    nb = _clean_notebook()
    _with_output(nb)
    _with_count(nb)
    nb["metadata"]["papermill"] = {"start_time": "2024-01-01T00:00:00", "parameters": {}}
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.11.7"}
    nb["cells"][2]["metadata"]["papermill"] = {"duration": 0.5, "status": "completed"}
    nb["cells"][2]["metadata"]["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00"}
    stripped = json.loads(nbstripout(json.dumps(nb), tmp_path))
    assert notebook_problems(stripped) == []
    assert "papermill" not in stripped["metadata"]
    assert stripped["metadata"]["language_info"] == {"name": "python"}
    assert stripped["cells"][2]["metadata"] == {}
    assert [c["id"] for c in stripped["cells"]] == [c["id"] for c in nb["cells"]]  # --keep-id


# -- the project's notebooks ---------------------------------------------------------------
def test_there_are_notebooks_to_check():
    assert NOTEBOOK_FILES, f"no notebooks under {NOTEBOOKS}/"


@pytest.fixture(scope="session")
def committed(tmp_path_factory) -> dict:
    """``{"blobs": {relpath: text at HEAD}, "unstripped": {relpaths the filter would change}}``.

    nbstripout runs once over copies of all the blobs (each start costs seconds)."""
    if not GIT:
        pytest.skip(NOT_GIT)
    folder = tmp_path_factory.mktemp("head")
    blobs = {}
    for relpath in NOTEBOOK_FILES:
        if _git("cat-file", "-e", f"HEAD:{relpath}", check=False).returncode == 0:
            blobs[relpath] = _git("show", f"HEAD:{relpath}").stdout
            (folder / relpath).parent.mkdir(parents=True, exist_ok=True)
            (folder / relpath).write_text(blobs[relpath], encoding="utf-8")
    run = subprocess.run([*_nbstripout_command(), "--dry-run", *blobs], cwd=folder, check=False,
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0 or "would have stripped" in run.stdout, run.stderr
    prefix = "Dry run: would have stripped "
    unstripped = {line.removeprefix(prefix) for line in run.stdout.splitlines()
                  if line.startswith(prefix)}
    return {"blobs": blobs, "unstripped": unstripped}


@pytest.mark.parametrize("relpath", NOTEBOOK_FILES)
def test_committed_notebook_is_clean(committed, relpath):
    if relpath not in committed["blobs"]:
        pytest.skip(f"{relpath} is not committed yet")
    try:
        nb = json.loads(committed["blobs"][relpath])
    except json.JSONDecodeError as exc:
        pytest.fail(f"{relpath} at HEAD is not JSON: {exc}")
    problems = notebook_problems(nb, chapter=is_chapter(relpath))
    assert problems == [], f"{relpath} at HEAD: {problems} (is the filter installed? make setup)"
    assert relpath not in committed["unstripped"], \
        f"{relpath} at HEAD is not what the nbstripout filter writes (was it installed? make setup)"


@pytest.mark.parametrize("relpath", NOTEBOOK_FILES)
def test_working_tree_notebook_is_clean(relpath):
    path = PROJECT_ROOT / relpath
    if not path.exists():
        pytest.skip(f"{relpath} is deleted in the working tree")
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        pytest.fail(f"{relpath} is not JSON: {exc}")
    problems = notebook_problems(nb, chapter=is_chapter(relpath))
    assert problems == [], (f"{relpath}: {problems}; clear the outputs (JupyterLab: Edit > "
                            f"Clear Outputs of All Cells, or nbstripout {relpath})")


# -- the filter ----------------------------------------------------------------------------
def test_gitattributes_send_notebooks_through_the_filter():
    lines = (PROJECT_ROOT / ".gitattributes").read_text().splitlines()
    assert "*.ipynb filter=nbstripout" in lines


def test_the_installed_filter_has_the_makefile_settings():
    if not GIT:
        pytest.skip(NOT_GIT)
    clean = _git("config", "--get", "filter.nbstripout.clean", check=False).stdout.strip()
    if not clean:
        pytest.skip("the nbstripout filter is not installed in this clone (make setup)")
    stale = "the nbstripout filter is configured differently from the Makefile: run make setup"
    for option in makefile_variable("NBSTRIPOUT_OPTIONS").split():
        assert option in clean.split(), (stale, clean)
    keys = _git("config", "--get", "filter.nbstripout.extrakeys", check=False).stdout.split()
    assert keys == makefile_variable("NBSTRIPOUT_EXTRA_KEYS").split(), (stale, keys)
    python = re.match(r'^"([^"]+)"|^(\S+)', clean)
    assert Path(python.group(1) or python.group(2)).exists(), \
        f"the filter's Python {clean!r} is gone: notebooks cannot be committed until make setup"


def _make_git_filter(folder: Path) -> subprocess.CompletedProcess:
    """``make git-filter`` of the project's Makefile, run in ``folder`` with this Python's
    environment as the venv (its install stamp taken as done)."""
    venv = Path(sys.prefix)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "MAKE"))}
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(MAKEFILE), "-o", str(venv / ".installed-stamp"),
         f"VENV={venv}", "git-filter"],
        cwd=folder, env=env, capture_output=True, text=True, check=True)


needs_make = pytest.mark.skipif(shutil.which("make") is None or shutil.which("git") is None
                                or shutil.which("nbstripout", path=str(Path(sys.prefix) / "bin"))
                                is None, reason="needs make, git and nbstripout in this venv")


@pytest.mark.slow
@needs_make
def test_make_setup_filter_strips_an_executed_notebook_on_git_add(tmp_path):
    """In a fresh clone, ``make git-filter`` (part of ``make setup``) makes
    ``git add`` stage a notebook that papermill executed in place without what execution added.
    (A small notebook: executing the chapters is tested in ``test_notebooks.py``.)"""
    if not GIT:
        pytest.skip(NOT_GIT)
    import papermill

    clone = tmp_path / "clone"
    _git("clone", "--quiet", "--no-hardlinks", str(PROJECT_ROOT), str(clone), cwd=tmp_path)
    shutil.copyfile(PROJECT_ROOT / ".gitattributes", clone / ".gitattributes")
    _git("add", ".gitattributes", cwd=clone)
    _make_git_filter(clone)  # idempotent: leaves the committed .gitattributes as it is
    assert _git("config", "--get-all", "filter.nbstripout.clean", cwd=clone).stdout.count("\n") == 1
    # (no `git status`: it would run the filter over every freshly checked-out notebook)
    assert (clone / ".gitattributes").read_bytes() == (PROJECT_ROOT / ".gitattributes").read_bytes()

    relpath = f"{NOTEBOOKS}/99_percobaan.ipynb"
    path = clone / relpath
    path.write_text(json.dumps(_clean_notebook()), encoding="utf-8")
    papermill.execute_notebook(str(path), str(path), parameters={"unit": "dinas-contoh"},
                               kernel_name="python3", progress_bar=False, log_output=False)
    executed = json.loads(path.read_text(encoding="utf-8"))
    assert notebook_problems(executed), "papermill left the notebook clean: nothing was tested"
    assert "papermill" in executed["metadata"]
    _git("add", relpath, cwd=clone)
    staged = json.loads(_git("show", f":{relpath}", cwd=clone).stdout)
    assert notebook_problems(staged) == []
    assert "papermill" not in staged["metadata"]
    assert "version" not in staged["metadata"].get("language_info", {})
    assert all(key not in cell["metadata"] for cell in staged["cells"]
               for key in ("papermill", "execution"))
    assert _git("diff", "--quiet", "--", relpath, cwd=clone, check=False).returncode == 0, \
        "git diff shows the executed notebook as changed: outputs should not count"


@pytest.mark.slow
@needs_make
def test_make_setup_skips_the_filter_outside_a_git_checkout(tmp_path):
    if _git_checkout(tmp_path) or _git("rev-parse", cwd=tmp_path, check=False).returncode == 0:
        pytest.skip(f"{tmp_path} is inside a git repository")
    result = _make_git_filter(tmp_path)
    assert "Not a git checkout" in result.stdout
