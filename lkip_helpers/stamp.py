"""Incremental renders: a report folder carries a stamp of everything it was made from.

A stamp (:func:`stamp`) is a small JSON document: the package's fingerprint (version, code,
message catalogues and report templates, :func:`lkip_helpers.fingerprint.sidik_paket`), the
SHA-256 of every input file and of every notebook run, and the options that change the output
(formats, language ...). It is generic: a unit-year's report passes its workbook and its
unit's earlier workbooks (the reviu compares the years, :func:`lkip_helpers.pipeline.report_stamp`);
another kind of report passes its own inputs.

:func:`write_stamp` puts it into the temporary build just before the swap, so it exists only
in a report that was completed: a failed or interrupted run never leaves a stamp claiming
success. It also records the SHA-256 of the report's own files, so a report whose files were
edited or deleted since is not taken as current. :func:`is_current` compares: ``lkip render``
skips a unit-year whose stamp matches, without starting a kernel or a browser.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping

from .fingerprint import sha256_berkas, sidik_paket

STAMP_FILE = "stamp.json"
#: Bumped when the stamp's own layout changes (an old stamp then never matches).
STAMP_VERSION = 1


@functools.lru_cache(maxsize=1)
def _package() -> str:
    """The package's fingerprint with its templates, once per process (it does not change
    while a batch runs)."""
    return sidik_paket(templates=True)


def _digests(paths: Iterable[Path], root: Path | None) -> dict[str, str]:
    digests = {}
    for path in paths:
        path = Path(path)
        name = path.name if root is None else os.path.relpath(path, root)
        digests[Path(name).as_posix()] = sha256_berkas(path)
    return dict(sorted(digests.items()))


def stamp(inputs: Iterable[Path], notebooks: Iterable[Path], options: Mapping[str, Any],
          root: Path | None = None) -> dict[str, Any]:
    """The stamp of a report made from ``inputs`` (data files, named relative to ``root`` so a
    moved data folder keeps its stamps), by running ``notebooks`` (named by file name), with
    ``options`` (JSON values)."""
    return {"stamp": STAMP_VERSION, "package": _package(),
            "inputs": _digests(inputs, root), "notebooks": _digests(notebooks, None),
            "options": json.loads(json.dumps(dict(options), sort_keys=True))}


def _outputs(folder: Path) -> dict[str, str]:
    """The report's own files (those directly in ``folder``, but the stamp): their digests."""
    return _digests((p for p in Path(folder).iterdir()
                     if p.is_file() and p.name != STAMP_FILE), None)


def write_stamp(folder: Path, made_from: Mapping[str, Any]) -> Path:
    """Write the stamp ``made_from`` into the finished build ``folder``, with its files'
    digests; call it last, just before the folder is swapped in."""
    path = Path(folder) / STAMP_FILE
    path.write_text(json.dumps({**made_from, "outputs": _outputs(folder)}, indent=1,
                               ensure_ascii=False), encoding="utf-8")
    return path


def is_current(folder: Path, made_from: Mapping[str, Any]) -> bool:
    """Whether the report in ``folder`` was made from exactly ``made_from`` and its files are
    as the render left them."""
    try:
        kept = json.loads((Path(folder) / STAMP_FILE).read_text(encoding="utf-8"))
        outputs = kept.pop("outputs")
        return kept == dict(made_from) and outputs == _outputs(folder)
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return False


__all__ = ["STAMP_FILE", "is_current", "stamp", "write_stamp"]
