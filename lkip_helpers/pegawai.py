"""Staff (pegawai): per section (bagian), education, rank (golongan) and position by gender.

Each table is a tidy frame keyed by the sheet's column names: counts ``Int64`` with their share
of the total (``persentase`` = jumlah / total x 100, a display-faithful ``Float64``); with
``jumlah=True`` it ends with a total row labelled :data:`JUMLAH`, beside which the total the
report states for the sheet (sheet ``total_dinyatakan``) is carried in ``jumlah_dinyatakan`` and
``jumlah_sumber`` (:func:`lkip_helpers.dinyatakan.tambah_total`; NA when none is stated).
Labels and formatting belong to the table layer.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import dinyatakan
from .hitung import jumlahkan, kosong, persentase, seri_float, seri_int
from .model import LkipYear
from .schema import GOLONGAN_RUANG, JENJANG_PENDIDIKAN

K_BAGIAN = "bagian"
K_JENJANG = "jenjang"
K_URAIAN = "uraian"
K_GOLONGAN = "golongan"
K_PANGKAT = "pangkat"
K_JABATAN = "jabatan"
K_JENIS_JABATAN = "jenis_jabatan"
K_JUMLAH = "jumlah"
K_LAKI_LAKI = "laki_laki"
K_PEREMPUAN = "perempuan"
K_PERSENTASE = "persentase"

#: Label of the total row.
JUMLAH = "Jumlah"


def _urutkan(df: pd.DataFrame, kolom: str, urutan: tuple[str, ...]) -> pd.DataFrame:
    """``df`` ordered by ``kolom`` in the given order of values (e.g. IV/e first)."""
    posisi = {v: i for i, v in enumerate(urutan)}
    return df.assign(_u=df[kolom].map(posisi)).sort_values("_u", kind="stable").drop(columns="_u")


def tabel_sebaran(df: pd.DataFrame, kolom: list[str], jumlah: bool = False,
                  lkip: LkipYear | None = None, lembar: str | None = None) -> pd.DataFrame:
    """A count table with shares: the ``kolom`` columns of ``df`` (``"jumlah"`` among them).

    Adds ``persentase`` = jumlah / total x 100 (NA when the total is unknown or 0) and, with
    ``jumlah``, a total row (first column = JUMLAH, jumlah = total, persentase = 100). Text
    columns stay object, counts ``Int64``. Also used for the asset inventory. With ``jumlah``
    and ``lkip``, ``lembar`` (the sheet ``df`` comes from), the total the report states for
    that sheet's jumlah goes beside the total row (``jumlah_dinyatakan``, ``jumlah_sumber``).
    """
    total = jumlahkan(df["jumlah"])
    data = {k: (seri_int(df[k]) if str(df[k].dtype) == "Int64" else _teks(df[k])) for k in kolom}
    data[K_PERSENTASE] = seri_float(persentase(v, total) for v in df["jumlah"])
    tabel = pd.DataFrame(data, columns=[*kolom, K_PERSENTASE]).reset_index(drop=True)
    if jumlah and len(tabel):
        tabel = tambah_baris(tabel, {kolom[0]: JUMLAH, "jumlah": total,
                                     K_PERSENTASE: persentase(total, total)})
        if lkip is not None and lembar is not None:
            tabel = dinyatakan.tambah_total(tabel, lkip, lembar, [K_JUMLAH], len(tabel) - 1)
    return tabel


def _teks(values) -> pd.Series:
    return pd.Series([None if kosong(v) else str(v) for v in values], dtype=object)


def tambah_baris(tabel: pd.DataFrame, baris: dict[str, Any]) -> pd.DataFrame:
    """``tabel`` with one more row (e.g. a total), keeping each column's dtype."""
    tambahan = pd.DataFrame([{k: baris.get(k) for k in tabel.columns}], columns=tabel.columns)
    for k in tabel.columns:
        if str(tabel[k].dtype) == "Float64":
            tambahan[k] = seri_float(tambahan[k])
        else:
            tambahan[k] = tambahan[k].astype(tabel[k].dtype)
    return pd.concat([tabel, tambahan], ignore_index=True)


def tabel_bagian(lkip: LkipYear, jumlah: bool = False) -> pd.DataFrame:
    """Staff per section: Bagian, Jumlah, Persentase (%) (seed: 37 + 35 + 23 = 95; the report
    states 104 in Bab I A: ``jumlah_dinyatakan`` of the total row)."""
    return tabel_sebaran(lkip.pegawai_bagian, [K_BAGIAN, K_JUMLAH], jumlah, lkip, "pegawai_bagian")


def tabel_pendidikan(lkip: LkipYear, jumlah: bool = False) -> pd.DataFrame:
    """Civil servants per education level, S3 first: Jenjang, Uraian, Jumlah, Persentase (%).

    Seed: SLTA 58 of 95 = 61,05%.
    """
    df = _urutkan(lkip.pegawai_pendidikan, "jenjang", JENJANG_PENDIDIKAN)
    return tabel_sebaran(df, [K_JENJANG, K_URAIAN, K_JUMLAH], jumlah, lkip, "pegawai_pendidikan")


def tabel_golongan(lkip: LkipYear, jumlah: bool = False) -> pd.DataFrame:
    """Civil servants per rank, IV/e down to I/a: Golongan/ruang, Pangkat, Jumlah, Persentase."""
    df = _urutkan(lkip.pegawai_golongan, "golongan", GOLONGAN_RUANG)
    return tabel_sebaran(df, [K_GOLONGAN, K_PANGKAT, K_JUMLAH], jumlah, lkip, "pegawai_golongan")


KOLOM_JABATAN = [K_JABATAN, K_JENIS_JABATAN, K_JUMLAH, K_LAKI_LAKI, K_PEREMPUAN]


def tabel_jabatan(lkip: LkipYear, jumlah: bool = False) -> pd.DataFrame:
    """Officials per position/echelon with men and women (Tabel 1.3), in sheet order.

    Columns: KOLOM_JABATAN. The total row sums each column (seed: 10 = 7 men + 3 women); a
    column total is NA when any of its cells is blank. With ``jumlah``, the totals the report
    states follow (``<k>_dinyatakan``, ``<k>_sumber`` for jumlah, laki_laki, perempuan).
    """
    df = lkip.pegawai_jabatan
    tabel = pd.DataFrame({k: (_teks(df[k]) if k in (K_JABATAN, K_JENIS_JABATAN) else seri_int(df[k]))
                          for k in KOLOM_JABATAN}, columns=KOLOM_JABATAN).reset_index(drop=True)
    if jumlah and len(tabel):
        summed = (K_JUMLAH, K_LAKI_LAKI, K_PEREMPUAN)
        tabel = tambah_baris(tabel, {K_JABATAN: JUMLAH, **{k: jumlahkan(df[k]) for k in summed}})
        tabel = dinyatakan.tambah_total(tabel, lkip, "pegawai_jabatan", summed, len(tabel) - 1)
    return tabel


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
