"""Staff (pegawai): per section (bagian), education, rank (golongan) and position by gender.

Each table lists counts with their share of the total (persentase = jumlah / total x 100,
exact Decimal) and, unless ``jumlah=False``, ends with a total row labelled :data:`JUMLAH`.
Tables hold raw values (object dtype); formatting is :mod:`lkip_helpers.format`'s job.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .format import jumlahkan, ke_int, kosong, persentase
from .model import LkipYear
from .schema import GOLONGAN_RUANG, JENJANG_PENDIDIKAN

K_BAGIAN = "Bagian"
K_JENJANG = "Jenjang pendidikan"
K_URAIAN = "Uraian"
K_GOLONGAN = "Golongan/ruang"
K_PANGKAT = "Pangkat"
K_JABATAN = "Jabatan"
K_JENIS_JABATAN = "Jenis jabatan"
K_JUMLAH = "Jumlah"
K_LAKI_LAKI = "Laki-laki"
K_PEREMPUAN = "Perempuan"
K_PERSENTASE = "Persentase (%)"

#: Label of the total row.
JUMLAH = "Jumlah"


def _urutkan(df: pd.DataFrame, kolom: str, urutan: tuple[str, ...]) -> pd.DataFrame:
    """``df`` ordered by ``kolom`` in the given order of values (e.g. IV/e first)."""
    posisi = {v: i for i, v in enumerate(urutan)}
    return df.assign(_u=df[kolom].map(posisi)).sort_values("_u", kind="stable").drop(columns="_u")


def tabel_sebaran(df: pd.DataFrame, kolom: dict[str, str], jumlah: bool = True) -> pd.DataFrame:
    """A count table with shares: ``df``'s columns renamed by ``kolom`` (sheet column -> label).

    ``kolom`` must include ``"jumlah"``. Adds Persentase (%) = jumlah / total x 100 (None when
    the total is unknown or 0) and, with ``jumlah``, a total row (first label column = JUMLAH,
    Jumlah = total, Persentase = 100). Also used for the asset inventory.
    """
    total = jumlahkan(df["jumlah"])
    rows = []
    for row in df.itertuples():
        item = {label: _nilai(getattr(row, name)) for name, label in kolom.items()}
        item[K_PERSENTASE] = persentase(item[kolom["jumlah"]], total)
        rows.append(item)
    labels = list(kolom.values()) + [K_PERSENTASE]
    if jumlah:
        rows.append({labels[0]: JUMLAH, kolom["jumlah"]: total,
                     K_PERSENTASE: persentase(total, total)})
    return _tabel(rows, labels)


def _tabel(rows: list[dict[str, Any]], labels: list[str]) -> pd.DataFrame:
    """An object-dtype DataFrame of ``rows``; a label a row lacks is None (not NaN)."""
    return pd.DataFrame([[row.get(label) for label in labels] for row in rows],
                        columns=labels, dtype=object)


def _nilai(value: Any) -> Any:
    """A cell as a plain Python value: None for missing, int for whole numbers."""
    if kosong(value):
        return None
    return ke_int(value) if not isinstance(value, str) else value


def tabel_bagian(lkip: LkipYear, jumlah: bool = True) -> pd.DataFrame:
    """Staff per section: Bagian, Jumlah, Persentase (%) (seed: 37 + 35 + 23 = 95)."""
    return tabel_sebaran(lkip.pegawai_bagian, {"bagian": K_BAGIAN, "jumlah": K_JUMLAH}, jumlah)


def tabel_pendidikan(lkip: LkipYear, jumlah: bool = True) -> pd.DataFrame:
    """Civil servants per education level, S3 first: Jenjang, Uraian, Jumlah, Persentase (%).

    Seed: SLTA 58 of 95 = 61,05%.
    """
    df = _urutkan(lkip.pegawai_pendidikan, "jenjang", JENJANG_PENDIDIKAN)
    return tabel_sebaran(df, {"jenjang": K_JENJANG, "uraian": K_URAIAN, "jumlah": K_JUMLAH},
                         jumlah)


def tabel_golongan(lkip: LkipYear, jumlah: bool = True) -> pd.DataFrame:
    """Civil servants per rank, IV/e down to I/a: Golongan/ruang, Pangkat, Jumlah, Persentase."""
    df = _urutkan(lkip.pegawai_golongan, "golongan", GOLONGAN_RUANG)
    return tabel_sebaran(df, {"golongan": K_GOLONGAN, "pangkat": K_PANGKAT, "jumlah": K_JUMLAH},
                         jumlah)


KOLOM_JABATAN = [K_JABATAN, K_JENIS_JABATAN, K_JUMLAH, K_LAKI_LAKI, K_PEREMPUAN]


def tabel_jabatan(lkip: LkipYear, jumlah: bool = True) -> pd.DataFrame:
    """Officials per position/echelon with men and women (Tabel 1.3), in sheet order.

    Columns: KOLOM_JABATAN. The total row sums each column (seed: 10 = 7 men + 3 women); a
    column total is None when any of its cells is blank.
    """
    df = lkip.pegawai_jabatan
    kolom = {"jabatan": K_JABATAN, "jenis_jabatan": K_JENIS_JABATAN, "jumlah": K_JUMLAH,
             "laki_laki": K_LAKI_LAKI, "perempuan": K_PEREMPUAN}
    rows = [{label: _nilai(getattr(row, name)) for name, label in kolom.items()}
            for row in df.itertuples()]
    if jumlah:
        rows.append({K_JABATAN: JUMLAH, K_JUMLAH: jumlahkan(df["jumlah"]),
                     K_LAKI_LAKI: jumlahkan(df["laki_laki"]),
                     K_PEREMPUAN: jumlahkan(df["perempuan"])})
    return _tabel(rows, KOLOM_JABATAN)


def jumlah_pns(lkip: LkipYear) -> int | None:
    """Civil servants (PNS): the total of the education table, else of the rank table (95)."""
    for df in (lkip.pegawai_pendidikan, lkip.pegawai_golongan):
        if not df.empty:
            return jumlahkan(df["jumlah"])
    return None


def jumlah_pegawai(lkip: LkipYear) -> int | None:
    """All staff: the total over the sections (sheet pegawai_bagian), else :func:`jumlah_pns`."""
    if not lkip.pegawai_bagian.empty:
        return jumlahkan(lkip.pegawai_bagian["jumlah"])
    return jumlah_pns(lkip)


def jumlah_pejabat(lkip: LkipYear) -> int | None:
    """Officials: the total of the position table (Tabel 1.3: 10); None without that sheet."""
    df = lkip.pegawai_jabatan
    return None if df.empty else jumlahkan(df["jumlah"])
