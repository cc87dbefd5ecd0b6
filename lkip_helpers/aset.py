"""Assets (aset): the inventory per category (KIB group), its value and condition, and ratios.

Counts and shares come from :func:`lkip_helpers.pegawai.tabel_sebaran` (one way of building a
count table with shares). Value (nilai) and condition columns appear only when the sheet
records them; ratios are exact Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from . import dinyatakan
from .hitung import bagi, jumlahkan, persentase
from .model import LkipYear
# K_PERSENTASE is re-exported: the share column of tabel_aset.
from .pegawai import JUMLAH, K_PERSENTASE, jumlah_pejabat, jumlah_pns, tabel_sebaran, tambah_baris  # noqa: F401

K_KATEGORI = "kategori"
K_GOLONGAN_KIB = "golongan_kib"
K_JUMLAH = "jumlah"
K_SATUAN = "satuan"
K_NILAI = "nilai"
K_BAIK = "kondisi_baik"
K_RUSAK_RINGAN = "kondisi_rusak_ringan"
K_RUSAK_BERAT = "kondisi_rusak_berat"

#: Optional sheet columns; shown only when the sheet records any value.
KOLOM_OPSIONAL = (K_NILAI, K_BAIK, K_RUSAK_RINGAN, K_RUSAK_BERAT)
KONDISI = (K_BAIK, K_RUSAK_RINGAN, K_RUSAK_BERAT)


def _tercatat(df: pd.DataFrame, kolom: str) -> bool:
    return bool(df[kolom].notna().any())


def tabel_aset(lkip: LkipYear, jumlah: bool = False) -> pd.DataFrame:
    """The inventory per category (Tabel 3.4).

    Columns: kategori, golongan_kib, jumlah, satuan, ``persentase`` = jumlah / total x 100
    (Alat Kantor dan Rumah Tangga: 8.284 of 8.418 = 98,41%), then nilai and the condition
    counts when the sheet records them. With ``jumlah``, a total row (kategori = "Jumlah")
    ends the table; it sums nilai and the condition counts too (NA when any cell is blank),
    and the totals the report states for them follow (``<k>_dinyatakan``, ``<k>_sumber``:
    :func:`lkip_helpers.dinyatakan.tambah_total`).
    """
    df = lkip.aset
    opsional = [k for k in KOLOM_OPSIONAL if _tercatat(df, k)]
    tabel = tabel_sebaran(df, [K_KATEGORI, K_GOLONGAN_KIB, K_JUMLAH, K_SATUAN, *opsional])
    tabel = tabel[[c for c in tabel.columns if c not in opsional] + opsional]
    if jumlah and len(tabel):
        total = jumlahkan(df[K_JUMLAH])
        tabel = tambah_baris(tabel, {K_KATEGORI: JUMLAH, K_JUMLAH: total,
                                     K_PERSENTASE: persentase(total, total),
                                     **{k: jumlahkan(df[k]) for k in opsional}})
        tabel = dinyatakan.tambah_total(tabel, lkip, "aset", [K_JUMLAH, *opsional],
                                        len(tabel) - 1)
    return tabel


@dataclass(frozen=True)
class Kondisi:
    """Condition of the inventory: counts and shares of the items whose condition is recorded."""

    baik: int
    rusak_ringan: int
    rusak_berat: int
    tercatat: int  # items with a recorded condition
    persen_baik: Decimal | None


def ringkasan_kondisi(lkip: LkipYear) -> Kondisi | None:
    """Good / lightly / heavily damaged items summed over categories that record them.

    Shares = count / items recorded x 100. None when no category records its condition.
    """
    df = lkip.aset
    if not any(_tercatat(df, k) for k in KONDISI):
        return None
    baik, ringan, berat = (int(df[k].fillna(0).sum()) for k in KONDISI)
    tercatat = baik + ringan + berat
    return Kondisi(baik, ringan, berat, tercatat, persentase(baik, tercatat))


def nilai_aset(lkip: LkipYear) -> int | None:
    """Total book value (Rp) over categories; None unless every category records its value."""
    df = lkip.aset
    return jumlahkan(df["nilai"]) if _tercatat(df, "nilai") else None


@dataclass(frozen=True)
class RasioAset:
    """Asset ratios (see :func:`rasio_aset`)."""

    jumlah_aset: int | None
    jumlah_kendaraan: int | None
    jumlah_pejabat: int | None
    jumlah_pns: int | None
    kendaraan_per_pejabat: Decimal | None
    aset_per_pns: Decimal | None


def jumlah_kendaraan(lkip: LkipYear) -> int | None:
    """Vehicles: the categories whose name or unit mentions "kendaraan" (seed: 43)."""
    df = lkip.aset
    teks = df["kategori"].fillna("") + " " + df["satuan"].fillna("")
    mask = teks.str.contains("kendaraan", case=False)
    return jumlahkan(df.loc[mask, "jumlah"]) if mask.any() else None


def rasio_aset(lkip: LkipYear) -> RasioAset:
    """kendaraan_per_pejabat = vehicles / officials (43 / 10 = 4,3);
    aset_per_pns = all assets / civil servants (8.418 / 95 = 88,61).

    Officials and civil servants come from :mod:`lkip_helpers.pegawai`; a ratio is None when a
    count is unknown or the divisor is 0.
    """
    total = jumlahkan(lkip.aset["jumlah"])
    kendaraan, pejabat, pns = jumlah_kendaraan(lkip), jumlah_pejabat(lkip), jumlah_pns(lkip)
    return RasioAset(total, kendaraan, pejabat, pns, bagi(kendaraan, pejabat), bagi(total, pns))
