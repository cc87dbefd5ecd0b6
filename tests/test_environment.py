"""environment.yml (conda) and pyproject.toml (pip) must list the same dependencies."""

from __future__ import annotations

import re
import tomllib

from lkip_helpers.config import PROJECT_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return requirement.strip()[len(_name(requirement)):].replace(" ", "")


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_name(r): _spec(r) for r in reqs}


def _conda() -> dict[str, str]:
    """The conda packages, and the PyPI ones of its ``pip:`` section (not on conda-forge)."""
    deps: dict[str, str] = {}
    in_deps = False
    for line in (PROJECT_ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        match = re.match(r"^  (?:    )?- ([A-Za-z0-9_.\-]+)(.*)$", line)
        if in_deps and match:
            name, spec = match.group(1).lower(), match.group(2).replace(" ", "")
            if name not in ("python", "pip", "-e"):
                deps[name] = spec
    return deps


def test_conda_and_pip_dependencies_are_the_same():
    assert _conda() == _pyproject()


def test_required_packages_are_listed():
    deps = _pyproject()
    for name in ("jupyterlab", "pandas", "matplotlib", "papermill", "nbconvert"):
        assert name in deps, name


def test_environment_installs_the_package_itself():
    text = (PROJECT_ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+- -e \.$", text, re.M)
