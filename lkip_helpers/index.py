"""The index page ``reports/index.html``: one row per rendered unit-year, from its facts.json,
and the roll-ups of local governments (``reports/rekap/<pemda>/<year>/``) above them.

Each rendered unit-year leaves ``facts.json`` (the cover and headline figures, written by
:mod:`lkip_helpers.pipeline`) beside its report; :func:`write_index` reads them back, so the
index lists every unit-year rendered so far, not only those of the last ``lkip render``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from .html_report import render_index
from .config import REKAP_DIR_NAME, InvalidName
from .selection import RekapYear, unit_year_folders

FACTS_FILE = "facts.json"
INDEX_FILE = "index.html"
#: The files of a unit-year the index links to when they exist: (label, what follows
#: ``<unit>-<year>``); the reviu page is internal to the unit and labelled so.
LINKS = (("HTML", ".html"), ("PDF", ".pdf"), ("Word", ".docx"), ("Excel", ".xlsx"),
         ("Reviu (internal)", "-reviu.html"))


def today() -> str:
    """Today's date in Indonesian. :mod:`lkip_helpers.format` is imported here, not at the top:
    it brings pandas, which the rendering process itself never needs (the kernels do)."""
    from .format import tanggal

    return tanggal(dt.date.today())


def write_index(output_dir: Path, dibuat: str | None = None) -> Path:
    """Write ``<output_dir>/index.html`` listing every rendered unit-year, atomically.

    ``dibuat``: today's date in Indonesian when already known (default: formatted here).
    """
    entries, rekap = [], []
    for folder in sorted(Path(output_dir).glob(f"{REKAP_DIR_NAME}/*/*/{FACTS_FILE}")):
        folder = folder.parent
        try:
            item = RekapYear(folder.parent.name, folder.name)
        except InvalidName:
            continue
        facts = json.loads((folder / FACTS_FILE).read_text(encoding="utf-8"))
        rel = f"{REKAP_DIR_NAME}/{item.pemda}/{item.year}/{item.stem}"
        links = [(label, rel + suffix) for label, suffix in LINKS[:4]
                 if (folder / f"{item.stem}{suffix}").exists()]
        rekap.append({**facts, "links": links})
    for item, folder in unit_year_folders(output_dir, FACTS_FILE):
        facts = json.loads((folder / FACTS_FILE).read_text(encoding="utf-8"))
        links = [(label, f"{item.unit}/{item.year}/{item.stem}{suffix}")
                 for label, suffix in LINKS if (folder / f"{item.stem}{suffix}").exists()]
        entries.append({**facts, "links": links})
    index = Path(output_dir) / INDEX_FILE
    page = render_index(entries, dibuat or today(), rekap)
    index.parent.mkdir(parents=True, exist_ok=True)
    tmp = index.with_name(f".{INDEX_FILE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, index)
    except BaseException:  # a full disk, an interrupt: no half-written page is left behind
        tmp.unlink(missing_ok=True)
        raise
    return index
