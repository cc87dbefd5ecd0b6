"""Performance (kinerja): capaian of indicators, the unit's overall capaian, the assessment
scale, and the Bab III tables.

Capaian (achievement, %) compares realisasi with target by the indicator's formula
(:func:`capaian`, :func:`rumus_untuk`):

* ``R/T`` = realisasi / target x 100, for a ``maksimal`` (higher is better) indicator;
* ``T/R`` = target / realisasi x 100, or ``(2T-R)/T`` = (2 x target - realisasi) / target x 100,
  for a ``minimal`` (lower is better) indicator.

An indicator row may choose its formula (sheet ``indikator``, column ``rumus_capaian``); blank,
it takes the unit default for its polarity: R/T for maksimal, ``profil.rumus_polaritas_minimal``
(T/R unless set) for minimal. A formula that does not fit the polarity (R/T on a minimal
indicator, T/R or (2T-R)/T on a maximal one) gives no capaian, with the reason
:data:`RUMUS_TIDAK_SESUAI`.

A capaian is kept exact (Decimal) and shown as computed, above 100% or below 0% included. When
it cannot be computed it carries a reason code instead of a number, never a made-up 0% or 100%:
:data:`~lkip_helpers.hitung.BELUM_ADA_DATA` (realisation not recorded),
:data:`~lkip_helpers.hitung.TIDAK_DAPAT_DIHITUNG` (target blank or 0), :data:`REALISASI_NOL`
(T/R with realisation 0: no ratio exists) and :data:`RUMUS_TIDAK_SESUAI`.

The unit's overall capaian (:func:`agregasi_capaian`, rules there) is the arithmetic mean of the
values *counted* for the indicators: a capaian above the profile's cap (``batas_capaian``, none
by default) counts as the cap, a negative one counts as 0, and an indicator without a capaian is
left out and listed with its reason. Nothing is dropped silently: the result says which
indicators counted, with which formula and value, and which were left out and why.

The assessment scale (:class:`Skala`) turns a capaian into a category ("Sangat Berhasil" ...).
Its category is decided on the exact value.

Table builders return tidy frames keyed by snake_case column names (the ``K_*`` constants hold
them) with numeric dtypes: counts ``Int64``, targets, realisations and capaian ``Float64``
(display-faithful floats, :func:`lkip_helpers.hitung.ke_float`). A capaian that cannot be
computed is NA with its reason code in ``keterangan``. Labels and formatting belong to the table
layer (:mod:`lkip_helpers.labels`, :mod:`lkip_helpers.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pandas as pd

from . import dinyatakan
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
from .schema import POLARITAS, RUMUS_CAPAIAN, RUMUS_MINIMAL, TRIWULAN

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
K_RUMUS = "rumus_capaian"
K_CAPAIAN_DIPERHITUNGKAN = "capaian_diperhitungkan"
K_PERLAKUAN = "perlakuan"

#: Reason codes of a capaian that has none (besides hitung's BELUM_ADA_DATA and
#: TIDAK_DAPAT_DIHITUNG): T/R with realisation 0; a formula that does not fit the polarity.
REALISASI_NOL = "realisasi_nol"
RUMUS_TIDAK_SESUAI = "rumus_tidak_sesuai"
#: How an indicator's capaian enters the unit's overall capaian when not as computed
#: (column ``perlakuan``): capped at ``batas_capaian``; negative, counted as 0; left out.
DIBATASI = "dibatasi"
NEGATIF_NOL = "negatif_dihitung_nol"
TIDAK_DIPERHITUNGKAN = "tidak_diperhitungkan"
#: The aggregation method of the overall capaian: the arithmetic mean of the counted values.
RATA_RATA = "rata_rata"
#: The formulas that fit each polarity (the first is the default of ``maksimal``).
RUMUS_SESUAI = {"maksimal": ("R/T",), "minimal": RUMUS_MINIMAL}

#: Source of the current year's figure when it comes from sheet ``indikator``.
SUMBER_INDIKATOR = "Lembar indikator"


@dataclass(frozen=True)
class Capaian:
    """A capaian: an exact percentage, or None with the reason in ``keterangan``."""

    nilai: Decimal | None
    keterangan: str | None = None


def capaian(target: Any, realisasi: Any, polaritas: str = "maksimal",
            rumus_minimal: str = "T/R", *, rumus: str | None = None) -> Capaian:
    """Capaian (%) of a realisation against its target.

    ``rumus`` is the formula; None takes the default of the polarity: ``R/T`` for
    ``maksimal`` and ``rumus_minimal`` (default ``T/R``) for ``minimal``.

    * ``R/T``: capaian = R / T x 100 (higher is better).
    * ``T/R``: capaian = T / R x 100 (lower is better).
    * ``(2T-R)/T``: capaian = (2T - R) / T x 100 (lower is better); negative when R > 2T,
      kept as computed. T = 88,82, R = 135,15 gives 65,72% (T/R) and 47,84% ((2T-R)/T).

    No value, with the reason: a formula that does not fit the polarity (RUMUS_SESUAI):
    RUMUS_TIDAK_SESUAI; realisation missing: BELUM_ADA_DATA; target missing or 0:
    TIDAK_DAPAT_DIHITUNG; T/R with realisation 0: REALISASI_NOL. Values above 100% (and, for
    (2T-R)/T, below 0%) are kept.
    """
    if polaritas not in POLARITAS:
        raise ValueError(f"polaritas must be one of {POLARITAS}, got {polaritas!r}")
    if rumus_minimal not in RUMUS_MINIMAL:
        raise ValueError(f"rumus_minimal must be one of {RUMUS_MINIMAL}, got {rumus_minimal!r}")
    if rumus is None:
        rumus = RUMUS_SESUAI["maksimal"][0] if polaritas == "maksimal" else rumus_minimal
    if rumus not in RUMUS_CAPAIAN:
        raise ValueError(f"rumus must be one of {RUMUS_CAPAIAN}, got {rumus!r}")
    if rumus not in RUMUS_SESUAI[polaritas]:
        return Capaian(None, RUMUS_TIDAK_SESUAI)
    t, r = ke_decimal(target), ke_decimal(realisasi)
    if r is None:
        return Capaian(None, BELUM_ADA_DATA)
    if t is None or t == 0:
        return Capaian(None, TIDAK_DAPAT_DIHITUNG)
    if rumus == "R/T":
        return Capaian(persentase(r, t))
    if rumus == "T/R":
        return Capaian(None, REALISASI_NOL) if r == 0 else Capaian(persentase(t, r))
    return Capaian(persentase(2 * t - r, t))


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


def rumus_untuk(lkip: LkipYear, ind: Any) -> str:
    """The capaian formula of indicator row ``ind``: its own ``rumus_capaian`` when filled in,
    else the unit default for its polarity (R/T for maksimal, :func:`rumus_minimal_untuk` for
    minimal)."""
    sendiri = getattr(ind, "rumus_capaian", None)
    if not kosong(sendiri):
        return str(sendiri)
    return RUMUS_SESUAI["maksimal"][0] if ind.polaritas == "maksimal" else rumus_minimal_untuk(lkip)


def batas_capaian_untuk(lkip: LkipYear) -> Decimal | None:
    """The cap (%) on an indicator's capaian in the overall capaian (``profil.batas_capaian``);
    None: no cap (the default)."""
    return ke_decimal(lkip.profil.get("batas_capaian"))


# --------------------------------------------------------------------------- tables


def _frame(columns: dict[str, Any], order: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns, columns=order).reset_index(drop=True)


def _text(values: Any) -> pd.Series:
    """Text values with missing ones as None (object dtype)."""
    return pd.Series([None if kosong(v) else str(v) for v in values], dtype=object)


def _indikator_per_kode(lkip: LkipYear) -> dict[str, Any]:
    return {row.kode: row for row in lkip.indikator.itertuples()}


def _capaian_indikator(lkip: LkipYear, ind: Any, target: Any, realisasi: Any) -> Capaian:
    return capaian(target, realisasi, ind.polaritas, rumus_minimal_untuk(lkip),
                   rumus=rumus_untuk(lkip, ind))


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


# --------------------------------------------------------------------------- overall capaian


@dataclass(frozen=True)
class CapaianIndikator:
    """One indicator's part in the overall capaian (:func:`agregasi_capaian`)."""

    kode: str
    indikator: str
    polaritas: str
    rumus: str  # the formula used (RUMUS_CAPAIAN)
    rumus_sendiri: bool  # chosen on the indicator row (else the unit default)
    capaian: Capaian  # as computed, as the table shows it
    diperhitungkan: Decimal | None  # the value counted in the mean; None: left out
    perlakuan: str | None  # None (counted as computed), DIBATASI, NEGATIF_NOL, TIDAK_DIPERHITUNGKAN

    @property
    def alasan(self) -> str | None:
        """Why the indicator is left out (its capaian's reason code); None if it counts."""
        return self.capaian.keterangan if self.diperhitungkan is None else None


@dataclass(frozen=True)
class AgregasiCapaian:
    """The unit's overall capaian and how it was obtained (:func:`agregasi_capaian`)."""

    nilai: Decimal | None  # exact mean of the counted values; None when none counts
    rincian: tuple[CapaianIndikator, ...]  # every indicator, in sheet order
    batas: Decimal | None  # the cap in force (profil.batas_capaian), None: no cap
    metode: str = RATA_RATA

    @property
    def dihitung(self) -> tuple[CapaianIndikator, ...]:
        """The indicators that count in the mean."""
        return tuple(i for i in self.rincian if i.diperhitungkan is not None)

    @property
    def dikecualikan(self) -> tuple[CapaianIndikator, ...]:
        """The indicators left out of the mean (each with its reason, :attr:`CapaianIndikator.alasan`)."""
        return tuple(i for i in self.rincian if i.diperhitungkan is None)

    @property
    def dibatasi(self) -> tuple[CapaianIndikator, ...]:
        """The indicators whose capaian counts as the cap."""
        return tuple(i for i in self.rincian if i.perlakuan == DIBATASI)

    @property
    def negatif(self) -> tuple[CapaianIndikator, ...]:
        """The indicators whose negative capaian counts as 0."""
        return tuple(i for i in self.rincian if i.perlakuan == NEGATIF_NOL)

    @property
    def disesuaikan(self) -> bool:
        """True when some counted value differs from the capaian shown (capped or floored)."""
        return bool(self.dibatasi or self.negatif)


def diperhitungkan(c: Capaian, batas: Decimal | None) -> tuple[Decimal | None, str | None]:
    """The value a capaian counts with in the overall capaian, and how it was treated.

    No capaian: (None, TIDAK_DIPERHITUNGKAN); below 0: (0, NEGATIF_NOL); above the cap
    ``batas``: (batas, DIBATASI); otherwise (the capaian, None).
    """
    if c.nilai is None:
        return None, TIDAK_DIPERHITUNGKAN
    if c.nilai < 0:
        return Decimal(0), NEGATIF_NOL
    if batas is not None and c.nilai > batas:
        return batas, DIBATASI
    return c.nilai, None


def agregasi_capaian(lkip: LkipYear) -> AgregasiCapaian:
    """The unit's overall capaian (capaian kinerja) from its indicators, with how it was made.

    Rules, for each indicator of sheet ``indikator`` (its capaian by :func:`capaian` with the
    formula of :func:`rumus_untuk`):

    1. a capaian above the cap ``profil.batas_capaian`` (none by default) counts as the cap;
    2. a negative capaian (``(2T-R)/T`` with R > 2T) counts as 0: it is shown as computed, but
       an indicator cannot take away from the others' achievement;
    3. an indicator without a capaian (realisation not recorded, target blank or 0, T/R with
       realisation 0, a formula that does not fit the polarity) is left out and listed with its
       reason;
    4. the overall capaian is the arithmetic mean of the counted values (exact); None when no
       indicator counts.
    """
    batas = batas_capaian_untuk(lkip)
    rincian = []
    for ind in lkip.indikator.itertuples():
        c = _capaian_indikator(lkip, ind, ind.target, ind.realisasi)
        nilai, perlakuan = diperhitungkan(c, batas)
        rincian.append(CapaianIndikator(
            kode=str(ind.kode), indikator=str(ind.indikator), polaritas=str(ind.polaritas),
            rumus=rumus_untuk(lkip, ind),
            rumus_sendiri=not kosong(getattr(ind, "rumus_capaian", None)), capaian=c,
            diperhitungkan=nilai, perlakuan=perlakuan))
    dihitung = [i.diperhitungkan for i in rincian if i.diperhitungkan is not None]
    rata = sum(dihitung) / len(dihitung) if dihitung else None
    return AgregasiCapaian(rata, tuple(rincian), batas)


KOLOM_CAPAIAN = [K_KODE, K_SASARAN, K_INDIKATOR, K_SATUAN, K_POLARITAS, K_RUMUS, K_TARGET,
                 K_REALISASI, K_CAPAIAN, K_KETERANGAN, K_CAPAIAN_DIPERHITUNGKAN, K_PERLAKUAN,
                 K_CAPAIAN_TERTULIS, K_KATEGORI, K_PENJELASAN]


def tabel_capaian(lkip: LkipYear) -> pd.DataFrame:
    """Target vs realisation of each indicator this year (Tabel 3.1), one row per indicator.

    Columns: KOLOM_CAPAIAN. ``rumus_capaian`` is the formula used (code, :func:`rumus_untuk`);
    ``capaian`` is computed (NA with the reason in ``keterangan``); ``capaian_diperhitungkan``
    is the value counted in the overall capaian and ``perlakuan`` how it was treated
    (:func:`agregasi_capaian`); ``capaian_dinyatakan`` is the figure the report states;
    ``kategori`` comes from the unit's scale (:func:`skala_untuk`), decided on the exact capaian.
    """
    skala = skala_untuk(lkip)
    df = lkip.indikator
    rincian = agregasi_capaian(lkip).rincian
    hasil = [i.capaian for i in rincian]
    return _frame({
        K_KODE: _text(df["kode"]), K_SASARAN: _text(df["sasaran"]),
        K_INDIKATOR: _text(df["indikator"]), K_SATUAN: _text(df["satuan"]),
        K_POLARITAS: _text(df["polaritas"]), K_RUMUS: _text(i.rumus for i in rincian),
        K_TARGET: seri_float(df["target"]),
        K_REALISASI: seri_float(df["realisasi"]), **_capaian_kolom(hasil),
        K_CAPAIAN_DIPERHITUNGKAN: seri_float(i.diperhitungkan for i in rincian),
        K_PERLAKUAN: _text(i.perlakuan for i in rincian),
        K_CAPAIAN_TERTULIS: seri_float(df["capaian_dinyatakan"]),
        K_KATEGORI: _text(skala.kategori(h.nilai) for h in hasil),
        K_PENJELASAN: _text(df["penjelasan"]),
    }, KOLOM_CAPAIAN)


def rata_rata_capaian(lkip: LkipYear) -> Decimal | None:
    """Capaian kinerja of the unit: :attr:`AgregasiCapaian.nilai` of :func:`agregasi_capaian`
    (the exact mean of the counted values; None when no indicator counts)."""
    return agregasi_capaian(lkip).nilai


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
    the summed counts; its satuan is the outputs' common unit, or None if they differ. The
    totals the report states for the whole sheet (``target_dinyatakan``, ``target_sumber``,
    ``realisasi_dinyatakan``, ``realisasi_sumber``) go beside the total row when it sums the
    whole sheet (one indicator only: with several, no row does and they stay NA).
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
    tabel = _frame({K_KODE: _text(kode), K_KELUARAN: _text(keluaran), K_SATUAN: _text(satuan),
                    K_TARGET: seri_int(target), K_REALISASI: seri_int(realisasi),
                    **_capaian_kolom(hasil)}, KOLOM_KELUARAN)
    if not jumlah or not rows:
        return tabel
    satu_indikator = lkip.keluaran.groupby("kode_indikator", sort=False).ngroups == 1
    return dinyatakan.tambah_total(tabel, lkip, "keluaran", [K_TARGET, K_REALISASI],
                                   len(tabel) - 1 if satu_indikator else None)


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


def capaian_per_triwulan(lkip: LkipYear) -> pd.DataFrame:
    """The quarterly capaian in wide form, for a chart: one row per quarter that has rows in
    sheet ``triwulan`` (I-IV order, index ``triwulan``), one ``Float64`` column per indicator
    code (NA where a quarter has no capaian). Empty when the sheet has no rows."""
    df = tabel_triwulan(lkip)
    urutan = [q for q in TRIWULAN if q in set(df[K_TRIWULAN])]
    kode = list(dict.fromkeys(df[K_KODE]))
    lebar = df.pivot(index=K_TRIWULAN, columns=K_KODE, values=K_CAPAIAN)
    lebar = lebar.reindex(index=urutan, columns=kode).astype("Float64")
    lebar.columns.name = None
    return lebar
