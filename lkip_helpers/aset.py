"""Assets (aset): the inventory per category (KIB group), its value and condition, and ratios.

Counts and shares come from :func:`lkip_helpers.pegawai.tabel_sebaran` (one way of building a
count table with shares). Value (nilai) and condition columns appear only when the sheet
records them; ratios are exact Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from .format import bagi, jumlahkan, persentase
from .model import LkipYear
# K_PERSENTASE is re-exported: the share column of tabel_aset.
from .pegawai import K_PERSENTASE, jumlah_pejabat, jumlah_pns, tabel_sebaran  # noqa: F401

K_KATEGORI = "Kategori"
K_GOLONGAN_KIB = "Golongan KIB"
K_JUMLAH = "Jumlah"
K_SATUAN = "Satuan"
K_NILAI = "Nilai (Rp)"
K_BAIK = "Baik"
K_RUSAK_RINGAN = "Rusak ringan"
K_RUSAK_BERAT = "Rusak berat"

#: Optional sheet columns and their labels; shown only when the sheet records any value.
KOLOM_OPSIONAL = {"nilai": K_NILAI, "kondisi_baik": K_BAIK,
                  "kondisi_rusak_ringan": K_RUSAK_RINGAN, "kondisi_rusak_berat": K_RUSAK_BERAT}
KONDISI = ("kondisi_baik", "kondisi_rusak_ringan", "kondisi_rusak_berat")

#: The formulas, in Indonesian, for readers.
RUMUS = {
    "persentase": "Persentase (%) = Jumlah kategori ÷ Jumlah seluruh aset × 100",
    "kendaraan_per_pejabat": "Kendaraan per pejabat = Jumlah kendaraan ÷ Jumlah pejabat",
    "aset_per_pns": "Aset per PNS = Jumlah seluruh aset ÷ Jumlah PNS",
}


def _tercatat(df: pd.DataFrame, kolom: str) -> bool:
    return bool(df[kolom].notna().any())


def tabel_aset(lkip: LkipYear, jumlah: bool = True) -> pd.DataFrame:
    """The inventory per category (Tabel 3.4).

    Columns: Kategori, Golongan KIB, Jumlah, Satuan, K_PERSENTASE "Persentase (%)" =
    jumlah / total x 100 (Alat Kantor dan Rumah Tangga: 8.284 of 8.418 = 98,41%), then
    Nilai (Rp) and the condition counts when the sheet records them.

    With ``jumlah``, a total row (Kategori = "Jumlah") ends the table; it sums Nilai and the
    condition counts too (None when any cell of the column is blank).
    """
    df = lkip.aset
    kolom = {"kategori": K_KATEGORI, "golongan_kib": K_GOLONGAN_KIB, "jumlah": K_JUMLAH,
             "satuan": K_SATUAN}
    kolom.update({k: v for k, v in KOLOM_OPSIONAL.items() if _tercatat(df, k)})
    tabel = tabel_sebaran(df, kolom, jumlah)
    opsional = [label for label in KOLOM_OPSIONAL.values() if label in tabel.columns]
    tabel = tabel[[c for c in tabel.columns if c not in opsional] + opsional]
    if jumlah:
        for name, label in KOLOM_OPSIONAL.items():
            if label in tabel.columns:
                tabel.at[tabel.index[-1], label] = jumlahkan(df[name])
    return tabel


@dataclass(frozen=True)
class Kondisi:
    """Condition of the inventory: counts and shares of the items whose condition is recorded."""

    baik: int
    rusak_ringan: int
    rusak_berat: int
    tercatat: int  # items with a recorded condition
    persen_baik: Decimal | None
    persen_rusak_ringan: Decimal | None
    persen_rusak_berat: Decimal | None


def ringkasan_kondisi(lkip: LkipYear) -> Kondisi | None:
    """Good / lightly / heavily damaged items summed over categories that record them.

    Shares = count / items recorded x 100. None when no category records its condition.
    """
    df = lkip.aset
    if not any(_tercatat(df, k) for k in KONDISI):
        return None
    baik, ringan, berat = (int(df[k].fillna(0).sum()) for k in KONDISI)
    tercatat = baik + ringan + berat
    return Kondisi(baik, ringan, berat, tercatat, persentase(baik, tercatat),
                   persentase(ringan, tercatat), persentase(berat, tercatat))


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
