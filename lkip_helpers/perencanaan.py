"""Bab II Perencanaan Kinerja as tidy frames: the Rencana Kerja Tahunan and the Perjanjian Kinerja.

Both are built from sheet ``indikator`` (one row per indicator), so the tables of Bab II and
the capaian of Bab III can never disagree on a target:

* :func:`tabel_rkt` (Tabel 2.1 of the seed): sasaran, indikator, the realisation of the year
  before (the first source of sheet ``riwayat_kinerja`` that gives one), this year's target,
  and the RKT's outcome, benefit and impact;
* :func:`tabel_perjanjian` (Tabel 2.2): sasaran, indikator, program, target, and the program's
  spending allocation (pagu) from the budget hierarchy (:func:`lkip_helpers.anggaran.hierarki`,
  never double counted);
* :func:`tabel_anggaran_perjanjian`: the budget part of the Perjanjian Kinerja (each program's
  pagu and the minimum realisation it promises; revenue; both together).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import anggaran
from .hitung import kosong, seri_float, seri_int
from .kinerja import K_INDIKATOR, K_KODE, K_SASARAN, K_SATUAN, K_TARGET
from .model import LkipYear

K_PROGRAM = "program"
K_REALISASI_SEBELUMNYA = "realisasi_tahun_sebelumnya"
K_OUTCOME, K_BENEFIT, K_IMPACT = "outcome", "benefit", "impact"
K_PAGU = "pagu"
K_URAIAN, K_SERAPAN_MINIMAL = "uraian", "serapan_minimal"

KOLOM_RKT = [K_KODE, K_SASARAN, K_INDIKATOR, K_SATUAN, K_REALISASI_SEBELUMNYA, K_TARGET,
             K_OUTCOME, K_BENEFIT, K_IMPACT]
KOLOM_PERJANJIAN = [K_KODE, K_SASARAN, K_INDIKATOR, K_PROGRAM, K_SATUAN, K_TARGET, K_PAGU]
KOLOM_ANGGARAN_PERJANJIAN = [K_URAIAN, K_PAGU, K_SERAPAN_MINIMAL]


def _text(values: Any) -> pd.Series:
    return pd.Series([None if kosong(v) else str(v) for v in values], dtype=object)


def realisasi_sebelumnya(lkip: LkipYear) -> dict[str, float | None]:
    """Each indicator's realisation in the year before the report's: the first row of sheet
    ``riwayat_kinerja`` (in sheet order) for that year that gives a figure, else None."""
    df = lkip.riwayat_kinerja
    hasil: dict[str, float | None] = {}
    rows = df[(df["tahun"] == lkip.year - 1) & df["realisasi"].notna()]
    for kode, nilai in zip(rows["kode_indikator"], rows["realisasi"]):
        hasil.setdefault(kode, float(nilai))
    return hasil


def tabel_rkt(lkip: LkipYear) -> pd.DataFrame:
    """The Rencana Kerja Tahunan: one row per indicator (columns KOLOM_RKT)."""
    df = lkip.indikator
    sebelumnya = realisasi_sebelumnya(lkip)
    return pd.DataFrame({
        K_KODE: _text(df["kode"]), K_SASARAN: _text(df["sasaran"]),
        K_INDIKATOR: _text(df["indikator"]), K_SATUAN: _text(df["satuan"]),
        K_REALISASI_SEBELUMNYA: seri_float(sebelumnya.get(k) for k in df["kode"]),
        K_TARGET: seri_float(df["target"]),
        K_OUTCOME: _text(df["outcome"]), K_BENEFIT: _text(df["benefit"]),
        K_IMPACT: _text(df["impact"]),
    }, columns=KOLOM_RKT).reset_index(drop=True)


KOLOM_DAMPAK = [K_KODE, K_OUTCOME, K_BENEFIT, K_IMPACT]


def tabel_dampak(lkip: LkipYear) -> pd.DataFrame:
    """The RKT's outcome, benefit and impact: the indicators that name at least one of them
    (columns KOLOM_DAMPAK; empty when none does)."""
    rkt = tabel_rkt(lkip)[KOLOM_DAMPAK]
    return rkt[rkt[[K_OUTCOME, K_BENEFIT, K_IMPACT]].notna().any(axis=1)].reset_index(drop=True)


def pagu_program(lkip: LkipYear) -> dict[str, int | None]:
    """Spending allocation of each program (program name -> pagu, from the lowest level)."""
    akar = anggaran.hierarki(lkip).get("belanja")
    if akar is None:
        return {}
    return {n.jalur[0]: n.pos.pagu for n in akar.anak if n.tingkat == anggaran.PROGRAM}


def tabel_perjanjian(lkip: LkipYear) -> pd.DataFrame:
    """The Perjanjian Kinerja's targets: one row per indicator (columns KOLOM_PERJANJIAN).

    ``pagu`` is the allocation of the indicator's program; NA when the indicator names no
    program or the budget sheet has none of that name.
    """
    df = lkip.indikator
    pagu = pagu_program(lkip)
    return pd.DataFrame({
        K_KODE: _text(df["kode"]), K_SASARAN: _text(df["sasaran"]),
        K_INDIKATOR: _text(df["indikator"]), K_PROGRAM: _text(df["program"]),
        K_SATUAN: _text(df["satuan"]), K_TARGET: seri_float(df["target"]),
        K_PAGU: seri_int(None if kosong(p) else pagu.get(p) for p in df["program"]),
    }, columns=KOLOM_PERJANJIAN).reset_index(drop=True)


def tabel_anggaran_perjanjian(lkip: LkipYear) -> pd.DataFrame:
    """The budget the Perjanjian Kinerja commits to: every spending program, revenue, and both
    together, each with its allocation and promised minimum realisation (columns
    KOLOM_ANGGARAN_PERJANJIAN); empty without a budget sheet."""
    hier = anggaran.hierarki(lkip)
    ringkas = anggaran.ringkasan(lkip)
    rows: list[tuple[str, Any, Any]] = []
    if "belanja" in hier:
        rows += [(n.pos.uraian, n.pos.pagu, n.pos.serapan_minimal) for n in hier["belanja"].anak]
    if ringkas.pendapatan is not None:
        rows.append(("Pendapatan", ringkas.pendapatan.pagu, ringkas.pendapatan.serapan_minimal))
    if ringkas.belanja is not None and ringkas.pendapatan is not None and ringkas.total:
        rows.append(("Jumlah belanja dan pendapatan", ringkas.total.pagu,
                     ringkas.total.serapan_minimal))
    df = pd.DataFrame({
        K_URAIAN: _text(r[0] for r in rows), K_PAGU: seri_int(r[1] for r in rows),
        K_SERAPAN_MINIMAL: seri_float(r[2] for r in rows),
    }, columns=KOLOM_ANGGARAN_PERJANJIAN)
    df.attrs["tebal"] = [r[0] == "Jumlah belanja dan pendapatan" for r in rows]
    return df
