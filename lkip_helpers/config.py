"""One place for the project's paths and defaults (cookiecutter-data-science style).

Every other module asks this one where data, notebooks and reports live, and resolves
unit and year names through :func:`unit_year_dir`, which refuses names that would escape
the folder they belong in.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .errors import NameNotAllowed
from .i18n import Msg

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("LKIP_DATA_DIR", PROJECT_ROOT / "data"))
NOTEBOOKS_DIR = Path(os.environ.get("LKIP_NOTEBOOKS_DIR", PROJECT_ROOT / "notebooks"))
REPORTS_DIR = Path(os.environ.get("LKIP_REPORTS_DIR", PROJECT_ROOT / "reports"))

#: The embedded reference case: the 2023 LKIP of Biro Umum Setda Provinsi NTT.
DEFAULT_UNIT = "biro-umum-ntt"
DEFAULT_YEAR = 2023

#: Where :mod:`lkip_helpers.dataset` caches the frames it derives from the workbooks
#: (LKIP_CACHE_DIR); unset: ``.lkip-cache`` beside the data folder (see :func:`cache_dir`).
CACHE_DIR = os.environ.get("LKIP_CACHE_DIR") or None

#: Name of the workbook inside each ``data/<unit>/<year>/`` folder.
WORKBOOK_NAME = "lkip.xlsx"

#: A unit name is a slug: lower-case letters, digits and single hyphens.
UNIT_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_YEAR, MAX_YEAR = 2000, 2100
#: Where a roll-up ("rekap") report of a local government goes: ``reports/rekap/<pemda>/<year>``.
REKAP_DIR_NAME = "rekap"
#: Folder names under ``reports/`` that are not units: the roll-ups and ``lkip dataset``'s
#: default output. A unit may not take one of these names.
RESERVED_UNITS = frozenset({REKAP_DIR_NAME, "dataset"})


#: A unit or year name that is not allowed (it could leave ``data/`` or ``reports/``).
InvalidName = NameNotAllowed


def check_unit(unit: str) -> str:
    """Return ``unit`` if it is a safe slug such as ``biro-umum-ntt``; raise :class:`InvalidName`."""
    if not isinstance(unit, str) or len(unit) > 80 or not UNIT_PATTERN.fullmatch(unit):
        raise InvalidName(Msg(
            "unit name {unit} is not allowed: use lower-case letters, digits and hyphens "
            "(for example 'biro-umum-ntt')", unit=repr(unit)))
    if unit in RESERVED_UNITS:
        raise InvalidName(Msg("unit name {unit} is not allowed: reports/{unit}/ holds other "
                              "output", unit=repr(unit)))
    return unit


def slug(name: str) -> str:
    """A safe folder name for a local government's name: ``"Kabupaten Sumba Barat Daya"`` ->
    ``kabupaten-sumba-barat-daya`` (accents dropped, anything else a hyphen); the same
    pattern as a unit name, so it cannot leave ``reports/``. :class:`InvalidName` when
    nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    if not text:
        raise InvalidName(Msg("name {name} gives no folder name: use letters or digits",
                              name=repr(name)))
    return text


def check_year(year: int | str) -> int:
    """Return ``year`` as an int if it is a four-digit year in range; raise :class:`InvalidName`."""
    text = str(year).strip()
    if not re.fullmatch(r"\d{4}", text) or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise InvalidName(Msg(
            "year {year} is not allowed: use a four-digit year between {first} and {last}",
            year=repr(year), first=MIN_YEAR, last=MAX_YEAR))
    return int(text)


def _inside(base: Path, unit: str, year: int | str) -> Path:
    path = (base / check_unit(unit) / str(check_year(year))).resolve()
    if base.resolve() not in path.parents:  # defence in depth; the patterns already exclude this
        raise InvalidName(Msg("{unit}/{year} is not allowed: it resolves outside {base}",
                              unit=unit, year=year, base=base))
    return path


def unit_year_dir(unit: str, year: int | str, data_dir: Path | str | None = None) -> Path:
    """The data folder of one unit-year, e.g. ``data/biro-umum-ntt/2023``."""
    return _inside(Path(data_dir) if data_dir else DATA_DIR, unit, year)


def report_dir(unit: str, year: int | str, reports_dir: Path | str | None = None) -> Path:
    """The report folder of one unit-year, e.g. ``reports/biro-umum-ntt/2023``."""
    return _inside(Path(reports_dir) if reports_dir else REPORTS_DIR, unit, year)


def rekap_dir(pemda: str, year: int | str, reports_dir: Path | str | None = None) -> Path:
    """The report folder of a local government's roll-up, e.g.
    ``reports/rekap/provinsi-nusa-tenggara-timur/2023`` (``pemda``: a :func:`slug`)."""
    base = Path(reports_dir) if reports_dir else REPORTS_DIR
    if not isinstance(pemda, str) or not UNIT_PATTERN.fullmatch(pemda) or len(pemda) > 80:
        raise InvalidName(Msg("local government {pemda} is not allowed: use lower-case "
                              "letters, digits and hyphens", pemda=repr(pemda)))
    return base.resolve() / REKAP_DIR_NAME / pemda / str(check_year(year))


def cache_dir(data_dir: Path | str | None = None) -> Path:
    """The cache folder of a data folder: :data:`CACHE_DIR` when set, else ``.lkip-cache``
    beside the data folder (``data/`` -> ``.lkip-cache/``), never inside it: data is input."""
    if CACHE_DIR:
        return Path(CACHE_DIR)
    return (Path(data_dir) if data_dir else DATA_DIR).resolve().parent / ".lkip-cache"
