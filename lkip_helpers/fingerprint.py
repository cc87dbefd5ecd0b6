"""Fingerprints: what a cached or rendered result was made from, as SHA-256 digests.

Two users: the dataset cache (:mod:`lkip_helpers.dataset`, keyed by the package's fingerprint
and its workbooks' digests) and incremental renders (:mod:`lkip_helpers.stamp`, which also
counts the report templates). Both ask here, so "the same code" means the same thing for both.
This module imports nothing heavy: ``lkip render`` decides what to skip without pandas.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import __version__

PACKAGE = Path(__file__).resolve().parent


def sidik_paket(templates: bool = False) -> str:
    """The package's fingerprint: its version and the SHA-256 of its code and message
    catalogues (``0.1.0-<16 hex digits>``); with ``templates``, of the report templates too
    (they change what a report looks like, not what a dataset holds)."""
    digest = hashlib.sha256(__version__.encode())
    paths = [*PACKAGE.rglob("*.py"), *PACKAGE.glob("locale/*/LC_MESSAGES/*.po")]
    if templates:
        paths += [p for p in (PACKAGE / "templates").rglob("*") if p.is_file()]
    for path in sorted(paths):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def sha256_berkas(path: Path) -> str:
    """The SHA-256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
