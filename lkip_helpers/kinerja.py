"""Performance (kinerja): capaian of indicators, the assessment scale, and the Bab III tables.

Capaian (achievement, %) compares realisasi with target (formulas in :func:`capaian`). A
capaian is kept exact (Decimal); above 100% is kept as is. When it cannot be computed it
carries a reason code instead of a number (:data:`~lkip_helpers.hitung.BELUM_ADA_DATA`,
:data:`~lkip_helpers.hitung.TIDAK_DAPAT_DIHITUNG`), never a made-up 0% or 100%.

The assessment scale (:class:`Skala`) turns a capaian into a category ("Sangat Berhasil" ...).
Its category is decided on the exact value.

Table builders return tidy frames keyed by snake_case column names (the ``K_*`` constants hold
them) with numeric dtypes: counts ``Int64``, targets, realisations and capaian ``Float64``
(display-faithful floats, :func:`lkip_helpers.hitung.ke_float`). A capaian that cannot be
computed is NA with its reason code in ``keterangan`` (:data:`~lkip_helpers.hitung.BELUM_ADA_DATA`,
:data:`~lkip_helpers.hitung.TIDAK_DAPAT_DIHITUNG`). Labels and formatting belong to the table
layer (:mod:`lkip_helpers.labels`, :mod:`lkip_helpers.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pandas as pd

from .hitung import (
    BELUM_ADA_DATA,
    TIDAK_DAPAT_DIHITUNG,
    jumlahkan,
    ke_decimal,
    ke_int,
    kosong,
    persentase,
    seri_float,
    seri_int,
)
from .model import LkipYear
from .schema import POLARITAS, RUMUS_MINIMAL, TRIWULAN

# Column keys of the tables below (display labels: lkip_helpers.labels).
K_KODE = "kode"
K_SASARAN = "sasaran"
K_INDIKATOR = "indikator"
K_SATUAN = "satuan"
K_POLARITAS = "polaritas"
K_TARGET = "target"
K_REALISASI = "realisasi"
K_CAPAIAN = "capaian"
K_KETERANGAN = "keterangan"
K_CAPAIAN_TERTULIS = "capaian_dinyatakan"
K_KATEGORI = "kategori"
K_PENJELASAN = "penjelasan"
K_KELUARAN = "keluaran"
K_TAHUN = "tahun"
K_SUMBER = "sumber"
K_CATATAN = "catatan"
K_TARGET_RENSTRA = "target_renstra"
K_CAPAIAN_RENSTRA = "capaian_renstra"
K_TRIWULAN = "triwulan"

#: Source of the current year's figure when it comes from sheet ``indikator``.
SUMBER_INDIKATOR = "Lembar indikator"


@dataclass(frozen=True)
class Capaian:
    """A capaian: an exact percentage, or None with the reason in ``keterangan``."""

    nilai: Decimal | None
    keterangan: str | None = None


def capaian(target: Any, realisasi: Any, polaritas: str = "maksimal",
            rumus_minimal: str = "T/R") -> Capaian:
    """Capaian (%) of a realisation against its target.

    * ``maksimal`` (higher is better): capaian = R / T x 100.
    * ``minimal`` (lower is better): capaian = T / R x 100 (``rumus_minimal="T/R"``, default),
      or (2T - R) / T x 100 (``rumus_minimal="(2T-R)/T"``). T = 88,82, R = 135,15 gives
      65,72% and 47,84%.

    Realisation missing: BELUM_ADA_DATA. Target missing or 0 (and, for T/R, realisation 0):
    TIDAK_DAPAT_DIHITUNG. Values above 100% are kept.
    """
    if polaritas not in POLARITAS:
        raise ValueError(f"polaritas must be one of {POLARITAS}, got {polaritas!r}")
    if rumus_minimal not in RUMUS_MINIMAL:
        raise ValueError(f"rumus_minimal must be one of {RUMUS_MINIMAL}, got {rumus_minimal!r}")
    t, r = ke_decimal(target), ke_decimal(realisasi)
    if r is None:
        return Capaian(None, BELUM_ADA_DATA)
    if t is None or t == 0:
        return Capaian(None, TIDAK_DAPAT_DIHITUNG)
    if polaritas == "maksimal":
        nilai = persentase(r, t)
    elif rumus_minimal == "T/R":
        nilai = persentase(t, r)  # None when R = 0
    else:
        nilai = persentase(2 * t - r, t)
    return Capaian(nilai, None if nilai is not None else TIDAK_DAPAT_DIHITUNG)


# --------------------------------------------------------------------------- assessment scale


@dataclass(frozen=True)
class Pita:
    """One band of a scale: capaian X belongs here if X >= batas_bawah (or X > batas_bawah)."""

    batas_bawah: Decimal | None  # None: the open lowest band
    termasuk_batas: bool
    kategori: str

    def memuat(self, x: Decimal) -> bool:
        if self.batas_bawah is None:
            return True
        return x >= self.batas_bawah if self.termasuk_batas else x > self.batas_bawah


@dataclass(frozen=True)
class Skala:
    """An assessment scale: bands from the highest lower bound down (see :meth:`kategori`)."""

    nama: str
    judul: str  # Indonesian title, for readers
    pita: tuple[Pita, ...]

    @classmethod
    def preset(cls, name: str = "sakip_ordinal") -> "Skala":
        """A built-in scale: ``sakip_ordinal`` (the seed's, default) or ``permendagri_86_2017``.

        sakip_ordinal: X >= 85 Sangat Berhasil; 70 <= X < 85 Berhasil; 55 < X < 70 Cukup
        Berhasil; X <= 55 Belum Berhasil. permendagri_86_2017: X >= 91 Sangat Tinggi;
        76 <= X < 91 Tinggi; 66 <= X < 76 Sedang; 51 <= X < 66 Rendah; X < 51 Sangat Rendah.
        """
        if name not in PRESETS:
            raise ValueError(
                f"unknown scale {name!r}: choose one of {sorted(PRESETS)}, or 'kustom' with a "
                "'skala' sheet")
        return PRESETS[name]

    @classmethod
    def from_table(cls, df: pd.DataFrame, nama: str = "kustom") -> "Skala":
        """A custom scale from sheet ``skala`` (columns batas_bawah, termasuk_batas, kategori)."""
        if df.empty:
            raise ValueError("the custom scale needs at least one row in sheet 'skala'")
        pita = [Pita(ke_decimal(row.batas_bawah), row.termasuk_batas == "ya", str(row.kategori))
                for row in df.itertuples()]
        if sum(p.batas_bawah is None for p in pita) > 1:
            raise ValueError("sheet 'skala': only one row may have an empty batas_bawah")
        pita.sort(key=lambda p: (p.batas_bawah is None, -(p.batas_bawah or 0), p.termasuk_batas))
        return cls(nama, "Skala penilaian kustom", tuple(pita))

    def kategori(self, x: Any) -> str | None:
        """The category of capaian ``x`` (exact value); None if x is missing or below every band."""
        nilai = x.nilai if isinstance(x, Capaian) else ke_decimal(x)
        if nilai is None:
            return None
        for band in self.pita:
            if band.memuat(nilai):
                return band.kategori
        return None


def _pita(*bands: tuple[int | None, bool, str]) -> tuple[Pita, ...]:
    return tuple(Pita(None if b is None else Decimal(b), inc, name) for b, inc, name in bands)


PRESETS = {
    "sakip_ordinal": Skala("sakip_ordinal", "Skala pengukuran ordinal", _pita(
        (85, True, "Sangat Berhasil"), (70, True, "Berhasil"), (55, False, "Cukup Berhasil"),
        (None, False, "Belum Berhasil"))),
    "permendagri_86_2017": Skala("permendagri_86_2017", "Skala Permendagri 86/2017", _pita(
        (91, True, "Sangat Tinggi"), (76, True, "Tinggi"), (66, True, "Sedang"),
        (51, True, "Rendah"), (None, False, "Sangat Rendah"))),
}


def skala_untuk(lkip: LkipYear) -> Skala:
    """The scale the unit chose in ``profil.skala_penilaian`` (default sakip_ordinal)."""
    name = lkip.profil.get("skala_penilaian") or "sakip_ordinal"
    if name == "kustom":
        return Skala.from_table(lkip.skala)
    return Skala.preset(name)


def rumus_minimal_untuk(lkip: LkipYear) -> str:
    """The formula the unit chose for lower-is-better indicators (default "T/R")."""
    return lkip.profil.get("rumus_polaritas_minimal") or "T/R"


# --------------------------------------------------------------------------- tables


def _frame(columns: dict[str, Any], order: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns, columns=order).reset_index(drop=True)


def _text(values: Any) -> pd.Series:
    """Text values with missing ones as None (object dtype)."""
    return pd.Series([None if kosong(v) else str(v) for v in values], dtype=object)


def _indikator_per_kode(lkip: LkipYear) -> dict[str, Any]:
    return {row.kode: row for row in lkip.indikator.itertuples()}


def _capaian_indikator(lkip: LkipYear, ind: Any, target: Any, realisasi: Any) -> Capaian:
    return capaian(target, realisasi, ind.polaritas, rumus_minimal_untuk(lkip))


def _capaian_kolom(hasil: list[Capaian]) -> dict[str, pd.Series]:
    """The capaian and keterangan columns of a list of capaian."""
    return {K_CAPAIAN: seri_float(h.nilai for h in hasil),
            K_KETERANGAN: _text(h.keterangan for h in hasil)}


def _per_indikator(lkip: LkipYear, df: pd.DataFrame) -> dict[str, pd.Series]:
    """The indicator columns of rows of a sheet keyed by ``kode_indikator`` (riwayat,
    triwulan): kode, indikator, target, realisasi, and capaian with its keterangan, each
    capaian computed by the indicator's own formula."""
    indikator = _indikator_per_kode(lkip)
    hasil = [_capaian_indikator(lkip, indikator[r.kode_indikator], r.target, r.realisasi)
             for r in df.itertuples()]
    return {K_KODE: _text(df["kode_indikator"]),
            K_INDIKATOR: _text(indikator[k].indikator for k in df["kode_indikator"]),
            K_TARGET: seri_float(df["target"]), K_REALISASI: seri_float(df["realisasi"]),
            **_capaian_kolom(hasil)}


KOLOM_CAPAIAN = [K_KODE, K_SASARAN, K_INDIKATOR, K_SATUAN, K_POLARITAS, K_TARGET, K_REALISASI,
                 K_CAPAIAN, K_KETERANGAN, K_CAPAIAN_TERTULIS, K_KATEGORI, K_PENJELASAN]


def tabel_capaian(lkip: LkipYear) -> pd.DataFrame:
    """Target vs realisation of each indicator this year (Tabel 3.1), one row per indicator.

    Columns: KOLOM_CAPAIAN. ``capaian`` is computed (NA with the reason in ``keterangan``);
    ``capaian_dinyatakan`` is the figure the report states; ``kategori`` comes from the unit's
    scale (:func:`skala_untuk`), decided on the exact capaian.
    """
    skala = skala_untuk(lkip)
    df = lkip.indikator
    hasil = [_capaian_indikator(lkip, ind, ind.target, ind.realisasi) for ind in df.itertuples()]
    return _frame({
        K_KODE: _text(df["kode"]), K_SASARAN: _text(df["sasaran"]),
        K_INDIKATOR: _text(df["indikator"]), K_SATUAN: _text(df["satuan"]),
        K_POLARITAS: _text(df["polaritas"]), K_TARGET: seri_float(df["target"]),
        K_REALISASI: seri_float(df["realisasi"]), **_capaian_kolom(hasil),
        K_CAPAIAN_TERTULIS: seri_float(df["capaian_dinyatakan"]),
        K_KATEGORI: _text(skala.kategori(h.nilai) for h in hasil),
        K_PENJELASAN: _text(df["penjelasan"]),
    }, KOLOM_CAPAIAN)


def rata_rata_capaian(lkip: LkipYear) -> Decimal | None:
    """Capaian kinerja of the unit: the mean of the computable capaian of all indicators.

    Formula: sum(capaian_i) / n over the n indicators whose capaian can be computed (exact);
    None when there is none.
    """
    nilai = [h.nilai for h in (_capaian_indikator(lkip, ind, ind.target, ind.realisasi)
                               for ind in lkip.indikator.itertuples()) if h.nilai is not None]
    return sum(nilai) / len(nilai) if nilai else None


def total_keluaran(lkip: LkipYear) -> tuple[int | None, int | None]:
    """(target, realisasi) summed over all outputs (sheet ``keluaran``); 180 and 180 in the seed."""
    df = lkip.keluaran
    return jumlahkan(df["target"]), jumlahkan(df["realisasi"])


#: Label of a total row (its first text column), e.g. the sum of an indicator's outputs.
JUMLAH = "Jumlah"

KOLOM_KELUARAN = [K_KODE, K_KELUARAN, K_SATUAN, K_TARGET, K_REALISASI, K_CAPAIAN, K_KETERANGAN]


def tabel_keluaran(lkip: LkipYear, jumlah: bool = False) -> pd.DataFrame:
    """The outputs behind each indicator: target, realisation and capaian (R / T x 100).

    Columns: KOLOM_KELUARAN (target and realisasi ``Int64``). With ``jumlah``, each indicator's
    outputs are followed by a total row (``keluaran`` = JUMLAH) whose capaian is computed from
    the summed counts; its satuan is the outputs' common unit, or None if they differ.
    """
    rows: list[tuple] = []
    for kode, group in lkip.keluaran.groupby("kode_indikator", sort=False):
        rows += [(kode, r.keluaran, r.satuan, r.target, r.realisasi) for r in group.itertuples()]
        if jumlah:
            satuan = set(group["satuan"])
            rows.append((kode, JUMLAH, satuan.pop() if len(satuan) == 1 else None,
                         jumlahkan(group["target"]), jumlahkan(group["realisasi"])))
    kode, keluaran, satuan, target, realisasi = (list(c) for c in zip(*rows)) if rows else (
        [], [], [], [], [])
    hasil = [capaian(t, r) for t, r in zip(target, realisasi)]
    return _frame({K_KODE: _text(kode), K_KELUARAN: _text(keluaran), K_SATUAN: _text(satuan),
                   K_TARGET: seri_int(target), K_REALISASI: seri_int(realisasi),
                   **_capaian_kolom(hasil)}, KOLOM_KELUARAN)


KOLOM_RIWAYAT = [K_KODE, K_INDIKATOR, K_TAHUN, K_SUMBER, K_TARGET, K_REALISASI, K_CAPAIAN,
                 K_KETERANGAN, K_CAPAIAN_TERTULIS, K_CATATAN]


def _urut_sumber(df: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered by indicator, source (in order of first appearance) and year."""
    urutan = {s: i for i, s in enumerate(dict.fromkeys(df["sumber"]))}
    return df.assign(_u=df["sumber"].map(urutan)).sort_values(
        ["kode_indikator", "_u", "tahun"], kind="stable").drop(columns="_u")


def tabel_riwayat(lkip: LkipYear) -> pd.DataFrame:
    """Each indicator's figures over the years, per source (Tabel 3.2 style), long form.

    Columns: KOLOM_RIWAYAT. ``capaian`` is computed against the row's own target (a row
    without target has no computable capaian); ``capaian_dinyatakan`` is as stated.
    """
    df = _urut_sumber(lkip.riwayat_kinerja)
    return _frame({
        **_per_indikator(lkip, df), K_TAHUN: seri_int(df["tahun"]),
        K_SUMBER: _text(df["sumber"]),
        K_CAPAIAN_TERTULIS: seri_float(df["capaian_dinyatakan"]), K_CATATAN: _text(df["catatan"]),
    }, KOLOM_RIWAYAT)


KOLOM_RENSTRA = [K_KODE, K_INDIKATOR, K_TARGET_RENSTRA, K_TAHUN, K_SUMBER, K_REALISASI,
                 K_CAPAIAN_RENSTRA, K_KETERANGAN]


def _riwayat_renstra(riwayat: pd.DataFrame, sumber: str | None) -> pd.DataFrame:
    if sumber is not None:
        return riwayat[riwayat["sumber"] == sumber]
    renstra = riwayat[riwayat["sumber"].str.contains("renstra", case=False, na=False)]
    return renstra if not renstra.empty else riwayat


def tabel_renstra(lkip: LkipYear, sumber: str | None = None) -> pd.DataFrame:
    """Realisation per year against the medium-term (Renstra) target (Tabel 3.3, first).

    Columns: KOLOM_RENSTRA; ``capaian_renstra`` = the :func:`capaian` formula with T = the
    indicator's ``target_renstra``. Rows come from sheet ``riwayat_kinerja``: those of source
    ``sumber`` if given, else those whose source mentions "Renstra", else all. The current year
    is added from sheet ``indikator`` (source SUMBER_INDIKATOR) when those rows lack it. Only
    indicators with a Renstra target have rows (without one there is nothing to compare).
    """
    riwayat = _urut_sumber(_riwayat_renstra(lkip.riwayat_kinerja, sumber))
    rows: list[tuple] = []
    for ind in lkip.indikator.itertuples():
        if kosong(ind.target_renstra):
            continue
        mine = riwayat[riwayat["kode_indikator"] == ind.kode]
        entries = [(ke_int(r.tahun), r.sumber, r.realisasi) for r in mine.itertuples()]
        if lkip.year not in {tahun for tahun, _, _ in entries}:
            entries.append((lkip.year, SUMBER_INDIKATOR, ind.realisasi))
        rows += [(ind, tahun, sumber_baris, realisasi,
                  _capaian_indikator(lkip, ind, ind.target_renstra, realisasi))
                 for tahun, sumber_baris, realisasi in entries]
    hasil = [r[4] for r in rows]
    return _frame({
        K_KODE: _text(r[0].kode for r in rows), K_INDIKATOR: _text(r[0].indikator for r in rows),
        K_TARGET_RENSTRA: seri_float(r[0].target_renstra for r in rows),
        K_TAHUN: seri_int(r[1] for r in rows), K_SUMBER: _text(r[2] for r in rows),
        K_REALISASI: seri_float(r[3] for r in rows),
        K_CAPAIAN_RENSTRA: seri_float(h.nilai for h in hasil),
        K_KETERANGAN: _text(h.keterangan for h in hasil),
    }, KOLOM_RENSTRA)


KOLOM_TRIWULAN = [K_KODE, K_INDIKATOR, K_TRIWULAN, K_TARGET, K_REALISASI, K_CAPAIAN,
                  K_KETERANGAN]


def tabel_triwulan(lkip: LkipYear) -> pd.DataFrame:
    """Quarterly target, realisation and capaian per indicator (empty when no sheet).

    Columns: KOLOM_TRIWULAN; rows ordered by indicator, then quarter I-IV.
    """
    df = lkip.triwulan
    df = df.assign(_q=df["triwulan"].map({q: i for i, q in enumerate(TRIWULAN)})).sort_values(
        ["kode_indikator", "_q"], kind="stable")
    return _frame({**_per_indikator(lkip, df), K_TRIWULAN: _text(df["triwulan"])},
                  KOLOM_TRIWULAN)
