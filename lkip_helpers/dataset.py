"""One tidy dataset of every unit-year under a data folder, for analysts across units and years.

:func:`muat_dataset` loads every workbook ``<data>/<unit>/<year>/lkip.xlsx`` (or those of the
units and years asked for) into long DataFrames, one per kind (:data:`FRAMES`). Every row
starts with the columns of :data:`KUNCI`: the local government (``pemda``: the kabupaten/kota,
else "Provinsi <provinsi>"), ``provinsi``, ``kabupaten_kota``, the unit (folder name and
``nama_unit``) and ``tahun``. Numbers are ``Int64`` (Rupiah, counts) or ``Float64``
(percentages and measures, display-faithful as in the calculation modules), flags
``boolean``, text ``string``, dates ``datetime64[ns]``: ready for ``groupby``, ``pivot_table``
and ``plot``. The frames and where they come from:

* ``ringkasan``: one row per unit-year, the headline figures of
  :func:`lkip_helpers.ikhtisar.angka_utama` (capaian and kategori; pagu, realisasi, serapan,
  minimum and ``memenuhi_*`` of belanja, pendapatan and both together; ``memenuhi_minimal``:
  False when any of those minimums is not met, True when every one that is set is met;
  outputs, efficiency, staff, assets, commitments per status, findings per severity);
* ``indikator``: :func:`lkip_helpers.kinerja.tabel_capaian` (one row per indicator);
* ``anggaran``: :func:`lkip_helpers.anggaran.tabel_anggaran`, every level with ``tingkat``
  (sum the rows whose ``subtotal`` is False for totals: a subtotal repeats its branch);
* ``keluaran``: :func:`lkip_helpers.kinerja.tabel_keluaran`;
* ``aset``: :func:`lkip_helpers.aset.tabel_aset`;
* ``pegawai``: the four staff tables of :mod:`lkip_helpers.pegawai` stacked, ``kelompok``
  (bagian, pendidikan, golongan, jabatan) and ``kategori`` (the section, level, rank or
  position);
* ``komitmen``: :func:`lkip_helpers.komitmen.tabel_komitmen`, with ``status``;
* ``temuan``: the reviu's findings (:func:`lkip_helpers.reviu.tabel_temuan`; earlier years
  checked against their own workbooks when they exist), with their Indonesian wording
  (``uraian``) and place (``letak``); ``dinyatakan``/``dihitung`` hold the figures (NA for a
  date or a text).

A workbook that fails validation is left out and listed in :attr:`Dataset.dilewati` with its
problems (:meth:`Dilewati.teks` is one line), never dropped silently.

The cache
---------
Loading a workbook takes about half a second; reading its frames back from Parquet a few
milliseconds. Each unit-year's frames are kept under the cache folder
(:func:`lkip_helpers.config.cache_dir`: ``.lkip-cache`` beside the data folder, never inside
it) keyed by the SHA-256 of the workbook's bytes, the bytes of the unit's earlier workbooks
(the reviu compares the years) and a fingerprint of this package (its version and the
SHA-256 of its code and message catalogues, so a changed calculation never serves stale
frames). The whole dataset of the last loads is kept too, keyed by every workbook it holds,
so loading an unchanged folder again reads one file per frame. A workbook whose bytes change
is loaded again; so are the workbooks that fail validation, to list their problems. The cache
folder may be deleted at any time; a cache that cannot be written only makes the next load
slower (a warning says so).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import aset, config, ikhtisar, kinerja, komitmen, load, narrative, pegawai, reviu
from .anggaran import KOLOM_ANGGARAN, tabel_anggaran
from .errors import NO_VALUE, DataError, Problem
from .fingerprint import sha256_berkas, sidik_paket
from .hitung import kosong, seri_float
from .i18n import Msg, ngettext
from .model import LkipYear
from .selection import UnitYear, available, nama_pemda

S, I, F, B, D = "string", "Int64", "Float64", "boolean", "datetime64[ns]"

#: The columns every frame starts with: the local government, the unit and the year.
KUNCI = {"pemda": S, "provinsi": S, "kabupaten_kota": S, "unit": S, "nama_unit": S, "tahun": I}

_BUDGET = {f"{k}_{jenis}": t for jenis in ("belanja", "pendapatan", "total")
           for k, t in (("pagu", I), ("realisasi", I), ("serapan", F), ("serapan_minimal", F),
                        ("memenuhi", B))}

#: Every frame's own columns (after KUNCI) and their dtypes; text columns are ``string``.
KOLOM: dict[str, dict[str, str]] = {
    "ringkasan": {
        "jumlah_indikator": I, "capaian": F, "kategori": S, "target_keluaran": I,
        "keluaran": I, "capaian_keluaran": F, **_BUDGET, "memenuhi_minimal": B,
        "indeks_efisiensi": F, "jumlah_aset": I, "jumlah_pegawai": I, "jumlah_pns": I,
        "jumlah_pejabat": I, **{f"komitmen_{s}": I for s in komitmen.STATUS},
        **{f"temuan_{t}": I for t in reviu.TINGKAT},
    },
    "indikator": {k: S for k in kinerja.KOLOM_CAPAIAN} | {
        k: F for k in (kinerja.K_TARGET, kinerja.K_REALISASI, kinerja.K_CAPAIAN,
                       kinerja.K_CAPAIAN_DIPERHITUNGKAN, kinerja.K_CAPAIAN_TERTULIS)},
    "anggaran": {k: S for k in KOLOM_ANGGARAN} | {
        "level": I, "pagu": I, "realisasi": I, "sisa": I, "serapan": F,
        "serapan_dinyatakan": F, "serapan_minimal": F, "memenuhi": B, "subtotal": B,
        "ditambahkan": B, "realisasi_tw1": I, "realisasi_tw2": I, "realisasi_tw3": I,
        "realisasi_tw4": I},
    "keluaran": {k: S for k in kinerja.KOLOM_KELUARAN} | {
        kinerja.K_TARGET: I, kinerja.K_REALISASI: I, kinerja.K_CAPAIAN: F},
    "aset": {"kategori": S, "golongan_kib": S, "jumlah": I, "satuan": S, "persentase": F,
             "nilai": I, "kondisi_baik": I, "kondisi_rusak_ringan": I,
             "kondisi_rusak_berat": I},
    "pegawai": {"kelompok": S, "kategori": S, "uraian": S, "jenis_jabatan": S, "jumlah": I,
                "laki_laki": I, "perempuan": I, "persentase": F},
    "komitmen": {k: S for k in komitmen.KOLOM_KOMITMEN} | {
        komitmen.K_AMBANG: F, komitmen.K_REALISASI: F, komitmen.K_AMBANG_TANGGAL: D,
        komitmen.K_REALISASI_TANGGAL: D},
    "temuan": {k: S for k in reviu.KOLOM_TEMUAN} | {
        "baris": I, "dinyatakan": F, "dihitung": F, "uraian": S, "letak": S},
}
#: The frames of a :class:`Dataset`, in order.
FRAMES = tuple(KOLOM)
#: The exported table of the workbooks left out (not a frame: read back, it is not restored).
DILEWATI = "dilewati"

#: The staff tables stacked in frame ``pegawai``: kelompok, table, columns renamed.
_PEGAWAI: tuple[tuple[str, Callable[[LkipYear], pd.DataFrame], dict[str, str]], ...] = (
    ("bagian", pegawai.tabel_bagian, {"bagian": "kategori"}),
    ("pendidikan", pegawai.tabel_pendidikan, {"jenjang": "kategori"}),
    ("golongan", pegawai.tabel_golongan, {"golongan": "kategori", "pangkat": "uraian"}),
    ("jabatan", pegawai.tabel_jabatan, {"jabatan": "kategori"}),
)


# --------------------------------------------------------------------------- typed frames


def _kolom(name: str) -> dict[str, str]:
    return KUNCI | KOLOM[name]


def _seri(values: pd.Series, dtype: str) -> pd.Series:
    """``values`` as ``dtype`` (exact Decimals become display-faithful floats)."""
    if dtype == F:
        if values.dtype == object:
            return seri_float(values, index=values.index)
        return values.astype(F)
    if dtype == D:
        return pd.to_datetime(values).astype(D)
    if dtype == S:
        if isinstance(values.dtype, pd.StringDtype):
            return values.astype(S)
        return pd.Series([None if kosong(v) else str(v) for v in values], index=values.index,
                         dtype=S)
    if dtype == B and values.dtype == object:
        return pd.Series([None if kosong(v) else bool(v) for v in values], index=values.index,
                         dtype=B)
    return values.astype(dtype)


def bertipe(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``df`` with exactly the columns of frame ``name`` (KUNCI first; a missing column is all
    NA), each of its dtype, on a fresh RangeIndex: how every frame of a dataset is made, fresh,
    from the cache or read back from an export."""
    df = df.reset_index(drop=True)
    return pd.DataFrame({k: _seri(df[k] if k in df else pd.Series([None] * len(df),
                                                                    dtype=object), t)
                         for k, t in _kolom(name).items()}, index=pd.RangeIndex(len(df)))


def kosong_frame(name: str) -> pd.DataFrame:
    """Frame ``name`` without rows (its columns and dtypes)."""
    return bertipe(pd.DataFrame(), name)


def pemda(profil: dict[str, Any]) -> str | None:
    """The local government of a unit: its kabupaten/kota, else "Provinsi <provinsi>"."""
    return nama_pemda(*(None if kosong(profil.get(k)) else profil.get(k)
                        for k in ("kabupaten_kota", "provinsi")))


def _kunci(lkip: LkipYear) -> dict[str, Any]:
    p = lkip.profil
    return {"pemda": pemda(p), "provinsi": p.get("provinsi"),
            "kabupaten_kota": p.get("kabupaten_kota"), "unit": lkip.unit,
            "nama_unit": str(p.get("nama_unit") or lkip.unit), "tahun": lkip.year}


def _semua_memenuhi(values: Iterable[bool | None]) -> bool | None:
    known = [v for v in values if v is not None]
    return None if not known else all(known)


def _ringkasan(utama: ikhtisar.AngkaUtama, temuan: list[reviu.Temuan]) -> pd.DataFrame:
    row: dict[str, Any] = {
        "jumlah_indikator": utama.jumlah_indikator, "capaian": utama.capaian,
        "kategori": utama.kategori, "target_keluaran": utama.target_keluaran,
        "keluaran": utama.keluaran, "capaian_keluaran": utama.capaian_keluaran,
        "indeks_efisiensi": utama.efisiensi.indeks_efisiensi, "jumlah_aset": utama.jumlah_aset,
        "jumlah_pegawai": utama.jumlah_pegawai, "jumlah_pns": utama.jumlah_pns,
        "jumlah_pejabat": utama.jumlah_pejabat,
        **{f"komitmen_{s}": n for s, n in utama.komitmen.items()},
        **{f"temuan_{t}": n for t, n in reviu.rekap(temuan).items()},
    }
    memenuhi = []
    for jenis in ("belanja", "pendapatan", "total"):
        pos = getattr(utama.anggaran, jenis)
        for k in ("pagu", "realisasi", "serapan", "serapan_minimal", "memenuhi"):
            row[f"{k}_{jenis}"] = getattr(pos, k) if pos is not None else None
        memenuhi.append(pos.memenuhi if pos is not None else None)
    row["memenuhi_minimal"] = _semua_memenuhi(memenuhi)
    return pd.DataFrame({k: [v] for k, v in row.items()}, dtype=object)


def _pegawai(lkip: LkipYear) -> pd.DataFrame:
    parts = [bertipe(tabel(lkip).rename(columns=names).assign(kelompok=kelompok), "pegawai")
             for kelompok, tabel, names in _PEGAWAI]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else kosong_frame("pegawai")


def _angka(value: Any) -> Any:
    """A finding's value when it is a number (for a Float64 column), else None."""
    return value if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) \
        else None


def _temuan(temuan: list[reviu.Temuan]) -> pd.DataFrame:
    df = reviu.tabel_temuan(temuan)
    for k in ("dinyatakan", "dihitung"):
        df[k] = [_angka(v) for v in df[k]]
    df["uraian"] = [narrative.uraian_temuan(t) for t in temuan]
    df["letak"] = [narrative.letak_temuan(t) for t in temuan]
    return df


def frames_unit_tahun(lkip: LkipYear,
                      tahun_lain: dict[int, LkipYear] | None = None) -> dict[str, pd.DataFrame]:
    """The frames of one unit-year (FRAMES order); ``tahun_lain``: its unit's earlier workbooks
    for the reviu (:func:`lkip_helpers.reviu.muat_tahun_lain`)."""
    temuan = reviu.periksa(lkip, tahun_lain)
    raw = {
        "ringkasan": _ringkasan(ikhtisar.angka_utama(lkip), temuan),
        "indikator": kinerja.tabel_capaian(lkip),
        "anggaran": tabel_anggaran(lkip),
        "keluaran": kinerja.tabel_keluaran(lkip),
        "aset": aset.tabel_aset(lkip),
        "pegawai": _pegawai(lkip),
        "komitmen": komitmen.tabel_komitmen(lkip),
        "temuan": _temuan(temuan),
    }
    kunci = _kunci(lkip)
    return {name: bertipe(df.assign(**{k: [v] * len(df) for k, v in kunci.items()}), name)
            for name, df in raw.items()}


# --------------------------------------------------------------------------- the dataset


@dataclass(frozen=True)
class Dilewati:
    """A unit-year left out of the dataset: its workbook failed validation (or could not be
    read). ``masalah``: the problems, as the loader located them."""

    unit: str
    tahun: int
    berkas: Path
    masalah: tuple[Problem, ...]

    def teks(self, lang: str | None = None) -> str:
        """One line: the unit-year, how many problems, the first (and how many more)."""
        n = len(self.masalah)
        line = ngettext("{unit} {year}: {n} problem: {first}",
                        "{unit} {year}: {n} problems, the first: {first}", n, lang).format(
            unit=self.unit, year=self.tahun, n=n, first=self.masalah[0].teks(lang))
        return line

    def __str__(self) -> str:
        return self.teks()


@dataclass
class Dataset:
    """Every unit-year of a data folder as long frames (see the module docstring)."""

    ringkasan: pd.DataFrame
    indikator: pd.DataFrame
    anggaran: pd.DataFrame
    keluaran: pd.DataFrame
    aset: pd.DataFrame
    pegawai: pd.DataFrame
    komitmen: pd.DataFrame
    temuan: pd.DataFrame
    #: The unit-years left out (their workbooks failed validation), in folder order.
    dilewati: tuple[Dilewati, ...] = ()
    #: How many of the loaded unit-years were read from the cache.
    dari_cache: int = 0
    #: The data folder loaded (None for a dataset read back from an export).
    data_dir: Path | None = None

    def frames(self) -> dict[str, pd.DataFrame]:
        """Frame name -> frame, in FRAMES order."""
        return {name: getattr(self, name) for name in FRAMES}

    @property
    def unit_tahun(self) -> list[UnitYear]:
        """The unit-years loaded, in order."""
        return [UnitYear(u, int(t)) for u, t in zip(self.ringkasan["unit"],
                                                    self.ringkasan["tahun"])]

    def tabel_dilewati(self, lang: str | None = None) -> pd.DataFrame:
        """The unit-years left out: unit, tahun, berkas, jumlah_masalah, masalah (all of them,
        one per line, in ``lang``)."""
        return pd.DataFrame({
            "unit": pd.Series([d.unit for d in self.dilewati], dtype=S),
            "tahun": pd.Series([d.tahun for d in self.dilewati], dtype=I),
            "berkas": pd.Series([str(d.berkas) for d in self.dilewati], dtype=S),
            "jumlah_masalah": pd.Series([len(d.masalah) for d in self.dilewati], dtype=I),
            "masalah": pd.Series(["\n".join(p.teks(lang) for p in d.masalah)
                                  for d in self.dilewati], dtype=S),
        })

    def laporan(self, lang: str | None = None) -> str:
        """What was loaded, for the terminal: unit-years, units, years, the cache, and one line
        per unit-year left out."""
        n, units = len(self.ringkasan), self.ringkasan["unit"].nunique()
        tahun = sorted({int(t) for t in self.ringkasan["tahun"]})
        rentang = "" if not tahun else (f"{tahun[0]}" if len(tahun) == 1
                                         else f"{tahun[0]}-{tahun[-1]}")
        lines = [ngettext("Loaded {n} unit-year of {units} unit(s) ({years}) from {folder}; "
                          "{cached} from the cache.",
                          "Loaded {n} unit-years of {units} unit(s) ({years}) from {folder}; "
                          "{cached} from the cache.", n, lang).format(
            n=n, units=units, years=rentang or "-", folder=self.data_dir, cached=self.dari_cache)]
        if self.dilewati:
            k = len(self.dilewati)
            lines.append(ngettext("Left out {n} workbook that failed validation "
                                  "(lkip check UNIT YEAR lists every problem):",
                                  "Left out {n} workbooks that failed validation "
                                  "(lkip check UNIT YEAR lists every problem):", k, lang)
                         .format(n=k))
            lines += [f"- {d.teks(lang)}" for d in self.dilewati]
        return "\n".join(lines)

    def simpan_parquet(self, folder: Path | str) -> list[Path]:
        """Write each frame to ``<folder>/<name>.parquet`` (and the unit-years left out to
        ``dilewati.parquet``); returns the paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        tables = {**self.frames(), DILEWATI: self.tabel_dilewati()}
        return [_tulis_parquet(df, folder / f"{name}.parquet") for name, df in tables.items()]

    def simpan_excel(self, path: Path | str) -> Path:
        """Write one workbook, one sheet per frame (and sheet ``dilewati``), header row
        first. Text is written as text: a value starting with "=" stays a value, never a
        formula."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        from .workbook import save_atomic

        wb = Workbook(write_only=True)
        for name, df in {**self.frames(), DILEWATI: self.tabel_dilewati()}.items():
            ws = wb.create_sheet(name)
            ws.append(list(df.columns))
            for row in df.itertuples(index=False):
                cells = []
                for value in row:
                    cell = WriteOnlyCell(ws, value=_excel(value))
                    if isinstance(value, str):
                        cell.data_type = "s"
                    cells.append(cell)
                ws.append(cells)
        return save_atomic(wb, path)


def _excel(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _tulis_parquet(df: pd.DataFrame, path: Path) -> Path:
    """``df`` to ``path`` through a temporary file in the same folder (never half written)."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet", dir=path.parent)
    os.close(fd)
    try:
        df.to_parquet(tmp, engine="pyarrow", index=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def baca_ekspor(path: Path | str) -> Dataset:
    """A dataset read back from :meth:`Dataset.simpan_parquet` (a folder) or
    :meth:`Dataset.simpan_excel` (an .xlsx file), each frame with its dtypes. The unit-years
    left out are not read back (``dilewati`` is empty)."""
    path = Path(path)
    if path.is_dir():
        frames = {name: pd.read_parquet(path / f"{name}.parquet") for name in FRAMES}
    else:
        sheets = pd.read_excel(path, sheet_name=list(FRAMES))
        frames = {name: sheets[name] for name in FRAMES}
    return Dataset(**{name: bertipe(df, name) for name, df in frames.items()})


# --------------------------------------------------------------------------- the cache


@functools.lru_cache(maxsize=1)
def _hash(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


class _Cache:
    """The cache folder of one package fingerprint: unit-year entries and whole datasets."""

    #: Whole datasets kept (the most recently used).
    SIMPAN = 4

    def __init__(self, root: Path) -> None:
        self.root = root / sidik_paket()
        self.peringatan: str | None = None

    def _entri(self, item: UnitYear, key: str) -> Path:
        return self.root / "unit" / item.unit / str(item.year) / key

    def _snapshot(self, key: str) -> Path:
        return self.root / "dataset" / key

    @staticmethod
    def _baca(folder: Path) -> dict[str, pa.Table | None] | None:
        """The frames in ``folder`` as Arrow tables (None: a frame without rows); None when
        it is not a complete entry or cannot be read (then it is removed)."""
        if not (folder / "isi.json").is_file():
            return None
        try:
            return {name: (pq.read_table(folder / f"{name}.parquet")
                           if (folder / f"{name}.parquet").is_file() else None)
                    for name in FRAMES}
        except Exception:  # noqa: BLE001 - a damaged entry is only a cache miss
            shutil.rmtree(folder, ignore_errors=True)
            return None

    def _tulis(self, folder: Path, frames: dict[str, pd.DataFrame], isi: Any,
               ganti: Iterable[Path] = ()) -> None:
        """Write an entry (all files, then one rename: never half there); remove ``ganti``."""
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
            for name, df in frames.items():
                if len(df):
                    df.to_parquet(tmp / f"{name}.parquet", engine="pyarrow", index=False)
            (tmp / "isi.json").write_text(json.dumps(isi), encoding="utf-8")
            try:
                os.replace(tmp, folder)
            except OSError:  # written meanwhile by another process: keep theirs
                shutil.rmtree(tmp, ignore_errors=True)
            for old in ganti:
                if old != folder:
                    shutil.rmtree(old, ignore_errors=True)
        except OSError as error:
            if self.peringatan is None:
                self.peringatan = str(error)
                warnings.warn(str(Msg("the dataset cache {folder} cannot be written ({error}); "
                                      "loading works without it, only slower",
                                      folder=self.root, error=error)), stacklevel=3)

    def baca_unit_tahun(self, item: UnitYear, key: str) -> dict[str, pa.Table | None] | None:
        return self._baca(self._entri(item, key))

    def tulis_unit_tahun(self, item: UnitYear, key: str,
                         frames: dict[str, pd.DataFrame]) -> None:
        folder = self._entri(item, key)
        others = folder.parent.glob("*") if folder.parent.is_dir() else ()
        self._tulis(folder, frames, {"unit": item.unit, "tahun": item.year}, list(others))

    def baca_dataset(self, key: str) -> tuple[dict[str, pd.DataFrame], list[UnitYear]] | None:
        folder = self._snapshot(key)
        tables = self._baca(folder)
        if tables is None:
            return None
        try:
            isi = json.loads((folder / "isi.json").read_text(encoding="utf-8"))
            os.utime(folder / "isi.json")  # most recently used
        except (OSError, ValueError):
            return None
        return ({name: _gabung(name, [t] if t is not None else []) for name, t in tables.items()},
                [UnitYear(u, y) for u, y in isi])

    def tulis_dataset(self, key: str, frames: dict[str, pd.DataFrame],
                      items: list[UnitYear]) -> None:
        folder = self._snapshot(key)
        kept = sorted(folder.parent.glob("*/isi.json"), key=lambda p: p.stat().st_mtime,
                      reverse=True) if folder.parent.is_dir() else []
        self._tulis(folder, frames, [[i.unit, i.year] for i in items],
                    [p.parent for p in kept[self.SIMPAN - 1:]])


# --------------------------------------------------------------------------- loading


def _gabung(name: str, tables: list[pa.Table]) -> pd.DataFrame:
    """Frame ``name`` from the Arrow tables of several unit-years, in order (one conversion
    to pandas for all of them: reading a cached unit-year costs a few file reads only)."""
    if not tables:
        return kosong_frame(name)
    return bertipe(pa.concat_tables(tables, promote_options="permissive").to_pandas(), name)


def _pilih(items: list[UnitYear], units: Iterable[str] | str | None,
           years: Iterable[int] | int | None) -> list[UnitYear]:
    units = {units} if isinstance(units, str) else (set(units) if units is not None else None)
    years = ({int(years)} if isinstance(years, (int, str))
             else ({int(y) for y in years} if years is not None else None))
    return [i for i in items if (units is None or i.unit in units)
            and (years is None or i.year in years)]


def _tidak_terbaca(item: UnitYear, path: Path, error: OSError) -> Dilewati:
    return Dilewati(item.unit, item.year, path, (Problem(
        str(path), None, None, None, NO_VALUE,
        Msg("the workbook could not be read ({error})", error=error)),))


def muat_dataset(data_dir: Path | str | None = None, units: Iterable[str] | str | None = None,
                 years: Iterable[int] | int | None = None, cache: bool = True,
                 cache_dir: Path | str | None = None) -> Dataset:
    """Every unit-year under ``data_dir`` (default the project's data/) as one :class:`Dataset`.

    ``units`` / ``years``: only these (names, years); default all. The earlier years of a
    unit are still compared by the reviu when their workbooks exist, chosen or not.
    ``cache``: read and write the cache (module docstring) in ``cache_dir`` (default
    :func:`lkip_helpers.config.cache_dir` of ``data_dir``). Workbooks that fail validation are
    left out and listed in ``Dataset.dilewati``.
    """
    data_dir = Path(data_dir) if data_dir else config.DATA_DIR
    semua = available(data_dir)
    chosen = _pilih(semua, units, years)
    store = _Cache(Path(cache_dir) if cache_dir else config.cache_dir(data_dir)) if cache else None

    def path_of(item: UnitYear) -> Path:
        return data_dir / item.unit / str(item.year) / config.WORKBOOK_NAME

    hashes: dict[UnitYear, str | OSError] = {}
    for item in semua:
        if any(c.unit == item.unit and c.year >= item.year for c in chosen):
            try:
                hashes[item] = sha256_berkas(path_of(item))
            except OSError as error:
                hashes[item] = error
    keys = {item: _hash(item.unit, str(item.year), *(
        f"{other.year}:{hashes[other]}" for other in semua
        if other.unit == item.unit and other.year <= item.year)) for item in chosen}

    if store is not None:
        whole = _hash(*(f"{i.unit}/{i.year}/{keys[i]}" for i in chosen))
        found = store.baca_dataset(whole)
        if found is not None:
            frames, loaded = found
            dilewati = _gagal([i for i in chosen if i not in set(loaded)], data_dir, hashes,
                              path_of) if set(loaded) <= set(chosen) else None
            if dilewati is not None:
                return Dataset(**frames, dilewati=tuple(dilewati), dari_cache=len(loaded),
                               data_dir=data_dir)

    parts: dict[str, list[pa.Table]] = {name: [] for name in FRAMES}
    loaded: list[UnitYear] = []
    dilewati: list[Dilewati] = []
    dari_cache = 0
    unit, memo = None, {}
    for item in chosen:
        if item.unit != unit:
            unit, memo = item.unit, {}
        if isinstance(hashes[item], OSError):
            dilewati.append(_tidak_terbaca(item, path_of(item), hashes[item]))
            continue
        tables = store.baca_unit_tahun(item, keys[item]) if store is not None else None
        if tables is not None:
            dari_cache += 1
        else:
            muat = _pemuat(item.unit, data_dir, memo)
            try:
                lkip = muat(item.year)
            except DataError as error:
                dilewati.append(Dilewati(item.unit, item.year, path_of(item),
                                         tuple(error.problems)))
                continue
            frames = frames_unit_tahun(lkip, reviu.muat_tahun_lain(lkip, muat))
            if store is not None:
                store.tulis_unit_tahun(item, keys[item], frames)
            tables = {name: pa.Table.from_pandas(df, preserve_index=False) if len(df) else None
                      for name, df in frames.items()}
        loaded.append(item)
        for name, table in tables.items():
            if table is not None:
                parts[name].append(table)
    frames = {name: _gabung(name, tables) for name, tables in parts.items()}
    if store is not None:
        store.tulis_dataset(whole, frames, loaded)
    return Dataset(**frames, dilewati=tuple(dilewati), dari_cache=dari_cache, data_dir=data_dir)


def _pemuat(unit: str, data_dir: Path,
            memo: dict[int, LkipYear | DataError]) -> Callable[[int], LkipYear]:
    """``load_year`` of one unit's years, each loaded once (failures too)."""
    def muat(year: int) -> LkipYear:
        if year not in memo:
            try:
                memo[year] = load.load_year(unit, year, data_dir)
            except DataError as error:
                memo[year] = error
        if isinstance(memo[year], DataError):
            raise memo[year]
        return memo[year]
    return muat


def _gagal(items: list[UnitYear], data_dir: Path, hashes: dict[UnitYear, str | OSError],
           path_of: Callable[[UnitYear], Path]) -> list[Dilewati] | None:
    """The unit-years a cached dataset left out, with their problems (loaded again); None if
    one of them loads now (the cached dataset is not to be trusted)."""
    found = []
    for item in items:
        if isinstance(hashes[item], OSError):
            found.append(_tidak_terbaca(item, path_of(item), hashes[item]))
            continue
        try:
            load.load_year(item.unit, item.year, data_dir)
        except DataError as error:
            found.append(Dilewati(item.unit, item.year, path_of(item), tuple(error.problems)))
            continue
        return None
    return found
