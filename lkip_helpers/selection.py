"""Which unit-years to render: names, year ranges, what the data folder holds, the chapters.

A :class:`UnitYear` is one unit's year (names checked by :mod:`lkip_helpers.config`); a
:class:`RekapYear` the roll-up of one local government's units in one year (rendered like a
unit-year, from the notebooks of ``notebooks/rekap/``);
:func:`select` turns the command line's UNITS / YEARS / ``--all`` into a list of them,
:func:`available` lists what ``data/`` holds, and :func:`find_chapters` the chapter notebooks
(``notebooks/NN_slug.ipynb``) every unit-year runs, in chapter order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import config
from .i18n import Msg

#: The chapter notebooks: two digits, an underscore, a lower-case slug (``02_capaian_kinerja``).
CHAPTER_PATTERN = re.compile(r"^(\d{2})_([a-z0-9_]+)\.ipynb$")


@dataclass(frozen=True, order=True)
class UnitYear:
    """One unit-year to render; names are checked by :mod:`lkip_helpers.config`."""

    unit: str
    year: int

    def __post_init__(self) -> None:
        config.check_unit(self.unit)
        object.__setattr__(self, "year", config.check_year(self.year))

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"

    @property
    def stem(self) -> str:
        """Base name of the unit-year's report files, e.g. ``biro-umum-ntt-2023``."""
        return f"{self.unit}-{self.year}"

    #: Where its notebooks are, under the notebooks folder ("": the folder itself).
    notebooks_subdir = ""

    def report_dir(self, reports_dir: Path | str | None = None) -> Path:
        """Its report folder, ``reports/<unit>/<year>``."""
        return config.report_dir(self.unit, self.year, reports_dir)

    def parameters(self, data_dir: str) -> dict:
        """The parameters its notebooks get (their ``parameters`` cell)."""
        return {"unit": self.unit, "year": self.year, "data_dir": data_dir}


@dataclass(frozen=True, order=True)
class RekapYear:
    """The roll-up of one local government's units in one year; ``pemda``: the slug of its
    name (:func:`lkip_helpers.config.slug`), as its report folder is named."""

    pemda: str
    year: int

    notebooks_subdir = config.REKAP_DIR_NAME

    def __post_init__(self) -> None:
        config.rekap_dir(self.pemda, self.year)  # checks both names
        object.__setattr__(self, "year", config.check_year(self.year))

    def __str__(self) -> str:
        return f"{config.REKAP_DIR_NAME} {self.pemda} {self.year}"

    @property
    def stem(self) -> str:
        """Base name of the roll-up's files, e.g. ``rekap-provinsi-nusa-tenggara-timur-2023``."""
        return f"{config.REKAP_DIR_NAME}-{self.pemda}-{self.year}"

    def report_dir(self, reports_dir: Path | str | None = None) -> Path:
        """Its report folder, ``reports/rekap/<pemda>/<year>``."""
        return config.rekap_dir(self.pemda, self.year, reports_dir)

    def parameters(self, data_dir: str) -> dict:
        return {"pemda": self.pemda, "year": self.year, "data_dir": data_dir}


def _teks(value: object) -> str | None:
    """Text of a profile field; None for a missing one (None, NaN, empty)."""
    if value is None or value != value:  # NaN
        return None
    text = str(value).strip()
    return text or None


def nama_pemda(kabupaten_kota: object, provinsi: object) -> str | None:
    """The local government of a unit: its kabupaten/kota, else "Provinsi <provinsi>"."""
    kab, prov = _teks(kabupaten_kota), _teks(provinsi)
    if kab:
        return kab
    if not prov:
        return None
    return prov if prov.lower().startswith("provinsi") else f"Provinsi {prov}"


def rekap_years(facts: list[dict]) -> list[RekapYear]:
    """The roll-ups of the local governments and years of rendered unit-years (their
    ``facts.json``: ``kabupaten_kota``, ``provinsi``, ``tahun``), sorted; units without a
    local government are in none."""
    found = set()
    for f in facts:
        nama = nama_pemda(f.get("kabupaten_kota"), f.get("provinsi"))
        if nama:
            try:
                found.add(RekapYear(config.slug(nama), int(f["tahun"])))
            except (config.InvalidName, KeyError, ValueError):
                continue
    return sorted(found)


def parse_years(text: str) -> list[int]:
    """Years from ``"2023"``, ``"2021,2023"`` or a range ``"2021-2023"`` (each checked)."""
    years: list[int] = []
    for part in text.split(","):
        bounds = part.strip().split("-")
        if len(bounds) == 2:
            first, last = config.check_year(bounds[0]), config.check_year(bounds[1])
            if first > last:
                raise config.InvalidName(
                    Msg("year range {range!r} runs backwards", range=part.strip()))
            years.extend(range(first, last + 1))
        else:
            years.append(config.check_year(part))
    return sorted(set(years))


def unit_year_folders(root: Path, filename: str) -> list[tuple[UnitYear, Path]]:
    """``<root>/<unit>/<year>/`` folders holding ``filename``; other names (2023-failed) skipped."""
    found = []
    for path in sorted(Path(root).glob(f"*/*/{filename}")):
        try:
            found.append((UnitYear(path.parent.parent.name, path.parent.name), path.parent))
        except config.InvalidName:
            continue
    return found


def available(data_dir: Path, unit: str | None = None) -> list[UnitYear]:
    """Every unit-year under ``data_dir`` with a workbook (only valid unit and year names)."""
    return [item for item, _ in unit_year_folders(data_dir, config.WORKBOOK_NAME)
            if unit is None or item.unit == unit]


def select(units: str | None, years: str | None, everything: bool, data_dir: Path) -> list[UnitYear]:
    """The unit-years a command line asks for.

    ``everything``: all under ``data_dir``. Otherwise ``units`` (comma list; default the embedded
    unit) and ``years`` ("2023", "2021,2023", "2021-2023"; default the embedded year for the
    embedded unit, every year found under ``data_dir`` for a named unit).
    """
    if everything:
        return available(data_dir)
    if not units:
        chosen = parse_years(years) if years else [config.DEFAULT_YEAR]
        return [UnitYear(config.DEFAULT_UNIT, y) for y in chosen]
    names = [config.check_unit(u.strip()) for u in units.split(",")]
    if years:
        return [UnitYear(u, y) for u in names for y in parse_years(years)]
    found = [item for u in names for item in available(data_dir, u)]
    return found or [UnitYear(u, config.DEFAULT_YEAR) for u in names]


def find_chapters(notebooks_dir: Path, item: UnitYear | RekapYear | None = None) -> list[Path]:
    """The chapter notebooks ``NN_slug.ipynb`` of ``notebooks_dir``, in chapter order (of its
    ``item.notebooks_subdir`` for a roll-up)."""
    folder = Path(notebooks_dir) / (item.notebooks_subdir if item is not None else "")
    return sorted(p for p in folder.glob("*.ipynb") if CHAPTER_PATTERN.match(p.name))
