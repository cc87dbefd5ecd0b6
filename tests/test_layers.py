"""The package's layers, as its docstring states them, hold in the modules' imports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import lkip_helpers

PACKAGE = Path(lkip_helpers.__file__).parent
_LAYER_LINE = re.compile(r"^\s*(\d+)\. (\w+): (.+)$")


def layers(docstring: str) -> dict[str, int]:
    """Module name -> layer number, from the "N. name: mod, mod" lines of a docstring."""
    found = {}
    for line in docstring.splitlines():
        if m := _LAYER_LINE.match(line):
            for module in m[3].split(","):
                found[module.strip()] = int(m[1])
    return found


def imported(path: Path) -> set[str]:
    """The lkip_helpers modules a source file imports (anywhere in it, functions included)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:
                names.add(node.module.split(".")[0])
            elif node.level == 1:
                names.update(a.name for a in node.names)
            elif node.module and node.module.startswith("lkip_helpers."):
                names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names
                         if a.name.startswith("lkip_helpers."))
    return names


LAYERS = layers(lkip_helpers.__doc__)
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def test_the_docstring_names_every_module_once():
    assert sorted(LAYERS) == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_no_module_imports_one_above_its_layer(module):
    above = {name: LAYERS[name] for name in imported(PACKAGE / f"{module}.py")
             if name in LAYERS and LAYERS[name] > LAYERS[module]}
    assert not above, f"{module} (layer {LAYERS[module]}) imports from higher layers: {above}"


def test_the_checker_sees_a_violation(tmp_path):
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from .cli import main\nfrom . import format as fmt\n"
                      "import lkip_helpers.render\n", encoding="utf-8")
    assert imported(source) == {"cli", "format", "render"}
    assert layers("1. a: x, y\n2. b: z")["z"] == 2
