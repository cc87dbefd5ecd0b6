"""Commitments (komitmen) of the Perjanjian Kinerja: each with threshold, realisation, status.

The Komitmen chapter lists, in the Perjanjian Kinerja's order:

* A, the strategic targets: each indicator's realisation against its target (higher-is-better
  indicators must reach at least the target, lower-is-better ones at most);
* B, the budget minimums, taken from :func:`lkip_helpers.anggaran.ringkasan` (belanja,
  pendapatan, and both together against ``profil.serapan_minimal_total``);
* C onwards, the rows of sheet ``komitmen``.

Status: :data:`TERCAPAI`, :data:`TIDAK_TERCAPAI`, :data:`BELUM_ADA_DATA` (no realisation) or
:data:`TANPA_AMBANG` (no threshold to compare with), and for a budget line with a zero
allocation :data:`TIDAK_DAPAT_DIHITUNG`. Comparisons use exact values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from .anggaran import Pos, ringkasan
from .hitung import BELUM_ADA_DATA, TIDAK_DAPAT_DIHITUNG, ke_decimal, kosong, seri_float
from .model import LkipYear

TERCAPAI = "tercapai"
TIDAK_TERCAPAI = "tidak_tercapai"
TANPA_AMBANG = "tanpa_ambang"
STATUS = (TERCAPAI, TIDAK_TERCAPAI, BELUM_ADA_DATA, TANPA_AMBANG, TIDAK_DAPAT_DIHITUNG)

#: Groups of commitments (column Kelompok).
SASARAN, ANGGARAN, LAINNYA = "sasaran", "anggaran", "lainnya"

#: The comparisons of sheet ``komitmen`` (column ``pembanding``).
PEMBANDING = ("minimal", "lebih_dari", "maksimal", "kurang_dari", "paling_lambat", "tanpa_ambang")

K_KELOMPOK = "kelompok"
K_BUTIR = "butir"
K_URAIAN = "uraian"
K_PEMBANDING = "pembanding"
K_AMBANG = "ambang"
K_AMBANG_TANGGAL = "ambang_tanggal"
K_REALISASI = "realisasi"
K_REALISASI_TANGGAL = "realisasi_tanggal"
K_SATUAN = "satuan"
K_STATUS = "status"
K_KETERANGAN = "keterangan"
KOLOM_KOMITMEN = [K_KELOMPOK, K_BUTIR, K_URAIAN, K_PEMBANDING, K_AMBANG, K_AMBANG_TANGGAL,
                  K_REALISASI, K_REALISASI_TANGGAL, K_SATUAN, K_STATUS, K_KETERANGAN]

_UJI = {
    "minimal": lambda r, a: r >= a, "lebih_dari": lambda r, a: r > a,
    "maksimal": lambda r, a: r <= a, "kurang_dari": lambda r, a: r < a,
    "paling_lambat": lambda r, a: r <= a,
}


def status(pembanding: str, realisasi: Any, ambang: Any) -> str:
    """Whether ``realisasi`` meets ``ambang`` under ``pembanding``.

    minimal: R >= A; lebih_dari: R > A; maksimal: R <= A; kurang_dari: R < A; paling_lambat:
    date R on or before date A. Numbers and dates are compared exactly. No threshold (or
    ``tanpa_ambang``): TANPA_AMBANG; no realisation: BELUM_ADA_DATA.
    """
    if pembanding not in PEMBANDING:
        raise ValueError(f"pembanding must be one of {PEMBANDING}, got {pembanding!r}")
    if pembanding == "tanpa_ambang" or kosong(ambang):
        return TANPA_AMBANG
    if kosong(realisasi):
        return BELUM_ADA_DATA
    if pembanding == "paling_lambat":
        realisasi, ambang = _tanggal(realisasi), _tanggal(ambang)
    else:
        realisasi, ambang = ke_decimal(realisasi), ke_decimal(ambang)
    return TERCAPAI if _UJI[pembanding](realisasi, ambang) else TIDAK_TERCAPAI


def _tanggal(value: Any) -> dt.date:
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _baris(kelompok: str, butir: str, uraian: str, pembanding: str, ambang: Any,
           realisasi: Any, satuan: Any, keterangan: Any = None,
           hasil: str | None = None) -> dict[str, Any]:
    """One commitment row; its status is ``hasil`` if given, else :func:`status`."""
    tanggal = pembanding == "paling_lambat"
    if tanggal:
        ambang, realisasi = (None if kosong(v) else _tanggal(v) for v in (ambang, realisasi))
    else:
        ambang, realisasi = ke_decimal(ambang), ke_decimal(realisasi)
    return {K_KELOMPOK: kelompok, K_BUTIR: butir, K_URAIAN: uraian, K_PEMBANDING: pembanding,
            K_AMBANG: None if tanggal else ambang, K_AMBANG_TANGGAL: ambang if tanggal else None,
            K_REALISASI: None if tanggal else realisasi,
            K_REALISASI_TANGGAL: realisasi if tanggal else None,
            K_SATUAN: None if kosong(satuan) else satuan,
            K_STATUS: hasil or status(pembanding, realisasi, ambang),
            K_KETERANGAN: None if kosong(keterangan) else keterangan}


def _sasaran(lkip: LkipYear) -> list[dict[str, Any]]:
    rows = []
    for n, ind in enumerate(lkip.indikator.itertuples(), start=1):
        pembanding = "minimal" if ind.polaritas == "maksimal" else "maksimal"
        rows.append(_baris(SASARAN, f"A.{n}", ind.indikator, pembanding, ind.target,
                           ind.realisasi, ind.satuan, f"Target indikator {ind.kode}"))
    return rows


def _status_anggaran(pos: Pos) -> str:
    """anggaran's verdict on a budget minimum (:attr:`Pos.memenuhi`), as a status."""
    if pos.memenuhi is not None:
        return TERCAPAI if pos.memenuhi else TIDAK_TERCAPAI
    if pos.serapan_minimal is None:
        return TANPA_AMBANG
    return BELUM_ADA_DATA if pos.realisasi is None else TIDAK_DAPAT_DIHITUNG


def _anggaran_item(butir: str, uraian: str, pos: Pos | None) -> dict[str, Any] | None:
    """A budget minimum as a commitment: threshold and realisation are percentages (serapan)."""
    if pos is None:
        return None
    return _baris(ANGGARAN, butir, uraian, "minimal", pos.serapan_minimal, pos.serapan, "%",
                  hasil=_status_anggaran(pos))


def _anggaran(lkip: LkipYear) -> list[dict[str, Any]]:
    """The budget minimums the Perjanjian Kinerja sets: spending and revenue each when the
    budget has such lines with a minimum, both together when both exist and the profile sets
    ``serapan_minimal_total``. Nothing is derived from data that is not there."""
    r = ringkasan(lkip)
    items = (("B.a", "Realisasi belanja (program)", r.belanja),
             ("B.b", "Realisasi pendapatan", r.pendapatan),
             ("B.c", "Realisasi belanja + pendapatan (APBD)",
              r.total if r.belanja is not None and r.pendapatan is not None else None))
    return [_anggaran_item(*item) for item in items
            if item[2] is not None and item[2].serapan_minimal is not None]


def _lainnya(lkip: LkipYear) -> list[dict[str, Any]]:
    rows = []
    for k in lkip.komitmen.itertuples():
        tanggal = k.pembanding == "paling_lambat"
        rows.append(_baris(LAINNYA, k.butir, k.uraian, k.pembanding,
                           k.ambang_tanggal if tanggal else k.ambang,
                           k.realisasi_tanggal if tanggal else k.realisasi,
                           k.satuan, k.keterangan))
    return rows


def tabel_komitmen(lkip: LkipYear) -> pd.DataFrame:
    """Every commitment of the Perjanjian Kinerja with its status (see the module docstring).

    Columns: KOLOM_KOMITMEN. ``ambang`` and ``realisasi`` are ``Float64`` (a percentage for the
    budget items: serapan, display-faithful); for ``paling_lambat`` the dates are in
    ``ambang_tanggal`` and ``realisasi_tanggal``; ``pembanding`` and ``status`` are codes.
    """
    rows = _sasaran(lkip) + _anggaran(lkip) + _lainnya(lkip)
    df = pd.DataFrame(rows, columns=KOLOM_KOMITMEN, dtype=object)
    for kolom in (K_AMBANG, K_REALISASI):
        df[kolom] = seri_float(df[kolom])
    for kolom in (K_AMBANG_TANGGAL, K_REALISASI_TANGGAL):
        df[kolom] = pd.to_datetime(df[kolom])
    df.attrs["jenis"] = {K_KETERANGAN: "teks"}  # free text here, not a reason code
    return df


def rekap_status(lkip: LkipYear) -> dict[str, int]:
    """How many commitments have each status, in STATUS order (zeros included)."""
    counts = tabel_komitmen(lkip)[K_STATUS].value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUS}
