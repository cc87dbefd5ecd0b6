"""Budget (anggaran): absorption (serapan) of allocations, minimums, trend and efficiency.

Rupiah amounts stay ``int`` and percentages exact ``Decimal`` (from integer Rupiah, so 87,74%
is 47.214.705.470 x 100 / 53.809.092.288 exactly). Every function's docstring writes out its
formula (the Indonesian wording for readers lives in :mod:`lkip_helpers.narrative`).

Sheet ``anggaran`` holds revenue (``pendapatan``) and spending (``belanja``) lines. A line with
an empty ``kegiatan`` is a total as the report states it: the revenue total, or a program's
total; lines with a ``kegiatan`` are its activities.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pandas as pd

from .hitung import bagi, jumlahkan, ke_decimal, ke_int, kosong, persentase, seri_float, seri_int
from .kinerja import rata_rata_capaian, total_keluaran
from .model import LkipYear

# Column keys (display labels: lkip_helpers.labels).
K_JENIS = "jenis"
K_TINGKAT = "tingkat"
K_PROGRAM = "program"
K_KEGIATAN = "kegiatan"
K_URAIAN = "uraian"
K_PAGU = "pagu"
K_REALISASI = "realisasi"
K_SISA = "sisa"
K_SERAPAN = "serapan"
K_SERAPAN_TERTULIS = "serapan_dinyatakan"
K_SERAPAN_MINIMAL = "serapan_minimal"
K_MEMENUHI = "memenuhi"
K_PENJELASAN = "penjelasan"
K_TAHUN = "tahun"
K_PERUBAHAN_PAGU = "perubahan_pagu"
K_SUMBER = "sumber"

#: Columns of the budget frames that hold Rupiah although the same key elsewhere holds a
#: measure (an indicator's realisasi): the table layer reads ``df.attrs["jenis"]``.
JENIS_RUPIAH = {K_REALISASI: "rupiah"}

#: Values of column Tingkat: a stated total (revenue total, program total) or an activity.
JUMLAH = "jumlah"
KEGIATAN = "kegiatan"
#: Source label of the current year in the trend when it comes from sheet ``anggaran``.
SUMBER_ANGGARAN = "Lembar anggaran"


def serapan(pagu: Any, realisasi: Any) -> Decimal | None:
    """Absorption: serapan (%) = realisasi / pagu x 100, exact from integer Rupiah.

    None when realisation is unknown or the allocation is missing or 0.
    """
    return persentase(ke_int(realisasi), ke_int(pagu))


def sisa_anggaran(pagu: Any, realisasi: Any) -> int | None:
    """Unspent allocation: sisa (Rp) = pagu - realisasi; None when realisation is unknown."""
    p, r = ke_int(pagu), ke_int(realisasi)
    return None if p is None or r is None else p - r


def memenuhi_minimal(nilai_serapan: Decimal | None, minimal: Any) -> bool | None:
    """Whether absorption meets a minimum: serapan >= minimal, on exact values.

    None when either is unknown (no minimum set, or no realisation).
    """
    batas = ke_decimal(minimal)
    if nilai_serapan is None or batas is None:
        return None
    return nilai_serapan >= batas


@dataclass(frozen=True)
class Pos:
    """One budget line or total, with everything derived from its pagu and realisasi."""

    uraian: str
    pagu: int | None
    realisasi: int | None
    serapan: Decimal | None
    sisa: int | None
    serapan_minimal: Decimal | None
    memenuhi: bool | None

    @classmethod
    def hitung(cls, uraian: str, pagu: Any, realisasi: Any, minimal: Any = None) -> "Pos":
        """A Pos whose serapan, sisa and memenuhi are computed by this module's formulas."""
        nilai = serapan(pagu, realisasi)
        return cls(uraian, ke_int(pagu), ke_int(realisasi), nilai, sisa_anggaran(pagu, realisasi),
                   ke_decimal(minimal), memenuhi_minimal(nilai, minimal))


def _uraian(row: Any) -> str:
    if not kosong(row.kegiatan):
        return str(row.kegiatan)
    if row.jenis == "pendapatan":
        return "Pendapatan"
    return str(row.program) if not kosong(row.program) else "Belanja"


def pos_baris(lkip: LkipYear) -> list[tuple[Any, Pos]]:
    """Every line of sheet ``anggaran`` (in sheet order) with its computed :class:`Pos`."""
    return [(row, Pos.hitung(_uraian(row), row.pagu, row.realisasi, row.serapan_minimal))
            for row in lkip.anggaran.itertuples()]


KOLOM_ANGGARAN = [K_JENIS, K_TINGKAT, K_PROGRAM, K_KEGIATAN, K_URAIAN, K_PAGU, K_REALISASI,
                  K_SISA, K_SERAPAN, K_SERAPAN_TERTULIS, K_SERAPAN_MINIMAL, K_MEMENUHI,
                  K_PENJELASAN]


def _teks(values: Any) -> pd.Series:
    return pd.Series([None if kosong(v) else str(v) for v in values], dtype=object)


def tabel_anggaran(lkip: LkipYear) -> pd.DataFrame:
    """Allocation and realisation per line (Tabel 3.3, second), in sheet order.

    Columns: KOLOM_ANGGARAN. ``tingkat`` is JUMLAH for a stated total, KEGIATAN for an
    activity; ``uraian`` is the line's name (its activity, else its program, else
    "Pendapatan"). ``serapan`` = realisasi / pagu x 100 (computed); ``serapan_dinyatakan`` as
    the report states it; ``sisa`` = pagu - realisasi; ``memenuhi`` = serapan >=
    ``serapan_minimal`` of the Perjanjian Kinerja (NA where no minimum is set).
    """
    lines = pos_baris(lkip)
    rows = [row for row, _ in lines]
    pos = [p for _, p in lines]
    df = pd.DataFrame({
        K_JENIS: _teks(r.jenis for r in rows),
        K_TINGKAT: _teks(JUMLAH if kosong(r.kegiatan) else KEGIATAN for r in rows),
        K_PROGRAM: _teks(r.program for r in rows), K_KEGIATAN: _teks(r.kegiatan for r in rows),
        K_URAIAN: _teks(p.uraian for p in pos),
        K_PAGU: seri_int(p.pagu for p in pos), K_REALISASI: seri_int(p.realisasi for p in pos),
        K_SISA: seri_int(p.sisa for p in pos), K_SERAPAN: seri_float(p.serapan for p in pos),
        K_SERAPAN_TERTULIS: seri_float(r.persen_dinyatakan for r in rows),
        K_SERAPAN_MINIMAL: seri_float(p.serapan_minimal for p in pos),
        K_MEMENUHI: pd.Series([p.memenuhi for p in pos], dtype="boolean"),
        K_PENJELASAN: _teks(r.penjelasan for r in rows),
    }, columns=KOLOM_ANGGARAN)
    df.attrs["jenis"] = dict(JENIS_RUPIAH)
    return df


def _satu_minimal(values: list[Any]) -> Decimal | None:
    """The minimum shared by all lines of an aggregate, or None if none or they differ."""
    distinct = {ke_decimal(v) for v in values} - {None}
    return distinct.pop() if len(distinct) == 1 else None


def _agregat(uraian: str, lines: list[tuple[Any, Pos]]) -> Pos | None:
    """Sum of lines: pagu = sum of pagu, realisasi = sum of realisasi (unknown if any is)."""
    if not lines:
        return None
    return Pos.hitung(uraian, jumlahkan(p.pagu for _, p in lines),
                      jumlahkan(p.realisasi for _, p in lines),
                      _satu_minimal([row.serapan_minimal for row, _ in lines]))


def _baris_jumlah(lines: list[tuple[Any, Pos]]) -> list[tuple[Any, Pos]]:
    """The stated total lines if there are any, else the activity lines (to be summed)."""
    totals = [(row, pos) for row, pos in lines if kosong(row.kegiatan)]
    return totals or lines


def _belanja_per_program(lkip: LkipYear) -> list[tuple[Any, Pos]]:
    """Per program, its stated total line, or its activities when no total is stated."""
    belanja = [(row, pos) for row, pos in pos_baris(lkip) if row.jenis == "belanja"]
    programs = dict.fromkeys(None if kosong(row.program) else row.program for row, _ in belanja)
    chosen = []
    for program in programs:
        mine = [(r, p) for r, p in belanja if (None if kosong(r.program) else r.program) == program]
        chosen += _baris_jumlah(mine)
    return chosen


@dataclass(frozen=True)
class Ringkasan:
    """The year's budget in brief (see :func:`ringkasan`)."""

    belanja: Pos | None
    pendapatan: Pos | None
    total: Pos | None  # belanja + pendapatan, against profil.serapan_minimal_total
    tanpa_realisasi: tuple[Pos, ...]  # activities with realisation 0
    serapan_terendah: Pos | None  # the activity with the lowest absorption above 0


def ringkasan(lkip: LkipYear) -> Ringkasan:
    """Spending, revenue and both together, each as a :class:`Pos`; the weakest activities.

    belanja: sum over programs of each program's stated total (or of its activities when no
    total is stated), minimum = the programs' common serapan_minimal.
    pendapatan: the stated revenue total (or the sum of revenue lines).
    total: pagu = pagu belanja + pagu pendapatan, realisasi likewise; serapan = realisasi /
    pagu x 100; minimum = ``profil.serapan_minimal_total``.
    tanpa_realisasi: activities whose realisasi is 0; serapan_terendah: among activities with
    realisasi > 0, the one with the lowest serapan.
    """
    belanja = _agregat("Belanja", _belanja_per_program(lkip))
    pendapatan = _agregat("Pendapatan", _baris_jumlah(
        [(row, pos) for row, pos in pos_baris(lkip) if row.jenis == "pendapatan"]))
    parts = [p for p in (belanja, pendapatan) if p is not None]
    total = Pos.hitung("Belanja + Pendapatan", jumlahkan(p.pagu for p in parts),
                       jumlahkan(p.realisasi for p in parts),
                       lkip.profil.get("serapan_minimal_total")) if parts else None
    kegiatan = [pos for row, pos in pos_baris(lkip)
                if row.jenis == "belanja" and not kosong(row.kegiatan)]
    terserap = [pos for pos in kegiatan if pos.realisasi and pos.serapan is not None]
    return Ringkasan(
        belanja=belanja, pendapatan=pendapatan, total=total,
        tanpa_realisasi=tuple(pos for pos in kegiatan if pos.realisasi == 0),
        serapan_terendah=min(terserap, key=lambda pos: pos.serapan) if terserap else None,
    )


KOLOM_TREN = [K_TAHUN, K_PAGU, K_REALISASI, K_SERAPAN, K_SERAPAN_TERTULIS, K_PERUBAHAN_PAGU,
              K_SUMBER]


def tren_anggaran(lkip: LkipYear) -> pd.DataFrame:
    """Spending allocation and realisation per year (sheet ``riwayat_anggaran``), oldest first.

    Columns: KOLOM_TREN. ``serapan`` = realisasi / pagu x 100 (computed), beside the stated
    figure; ``perubahan_pagu`` = (pagu - previous year's pagu) / previous year's pagu x 100.
    The current year is added from :func:`ringkasan` (source SUMBER_ANGGARAN) when the sheet
    lacks it.
    """
    entries = [(ke_int(r.tahun), r.pagu, r.realisasi, ke_decimal(r.persen_dinyatakan),
                None if kosong(r.sumber) else r.sumber)
               for r in lkip.riwayat_anggaran.itertuples()]
    belanja = ringkasan(lkip).belanja
    if lkip.year not in {e[0] for e in entries} and belanja is not None:
        entries.append((lkip.year, belanja.pagu, belanja.realisasi, None, SUMBER_ANGGARAN))
    entries.sort(key=lambda e: e[0])
    pos = [Pos.hitung(str(tahun), pagu, realisasi) for tahun, pagu, realisasi, _, _ in entries]
    sebelumnya = [None] + [p.pagu for p in pos[:-1]]
    perubahan = [persentase(p.pagu - s, s) if s is not None and p.pagu is not None else None
                 for p, s in zip(pos, sebelumnya)]
    df = pd.DataFrame({
        K_TAHUN: seri_int(e[0] for e in entries), K_PAGU: seri_int(p.pagu for p in pos),
        K_REALISASI: seri_int(p.realisasi for p in pos),
        K_SERAPAN: seri_float(p.serapan for p in pos),
        K_SERAPAN_TERTULIS: seri_float(e[3] for e in entries),
        K_PERUBAHAN_PAGU: seri_float(perubahan), K_SUMBER: _teks(e[4] for e in entries),
    }, columns=KOLOM_TREN)
    df.attrs["jenis"] = dict(JENIS_RUPIAH)
    return df


@dataclass(frozen=True)
class Efisiensi:
    """Performance against money spent (see :func:`efisiensi`)."""

    capaian_kinerja: Decimal | None
    serapan_anggaran: Decimal | None
    indeks_efisiensi: Decimal | None
    pagu_belanja: int | None
    realisasi_belanja: int | None
    sisa_anggaran: int | None
    target_keluaran: int | None
    keluaran_terealisasi: int | None
    pagu_per_keluaran: Decimal | None
    biaya_per_keluaran: Decimal | None


def efisiensi(lkip: LkipYear) -> Efisiensi:
    """Efficiency of the year's spending.

    * capaian_kinerja: mean capaian of the indicators (:func:`kinerja.rata_rata_capaian`).
    * serapan_anggaran: spending absorption (ringkasan belanja), e.g. 87,74%.
    * indeks_efisiensi = capaian_kinerja / serapan_anggaran (e.g. 100 / 87,74 = 1,14): above 1,
      the indicators were achieved further than the budget was spent.
    * sisa_anggaran = pagu belanja - realisasi belanja.
    * biaya_per_keluaran = realisasi belanja / outputs realised (47.214.705.470 / 180 =
      262.303.919,28, shown half-up to the Rupiah: Rp262.303.919); pagu_per_keluaran =
      pagu belanja / outputs targeted. Exact Decimals; rounding happens only when shown.
    """
    belanja = ringkasan(lkip).belanja
    capaian_kinerja = rata_rata_capaian(lkip)
    target, realised = total_keluaran(lkip)
    pagu = belanja.pagu if belanja else None
    realisasi = belanja.realisasi if belanja else None
    nilai_serapan = belanja.serapan if belanja else None
    return Efisiensi(
        capaian_kinerja=capaian_kinerja, serapan_anggaran=nilai_serapan,
        indeks_efisiensi=bagi(capaian_kinerja, nilai_serapan),
        pagu_belanja=pagu, realisasi_belanja=realisasi,
        sisa_anggaran=belanja.sisa if belanja else None,
        target_keluaran=target, keluaran_terealisasi=realised,
        pagu_per_keluaran=bagi(pagu, target), biaya_per_keluaran=bagi(realisasi, realised),
    )
