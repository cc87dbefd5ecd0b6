"""The roll-up ("rekap") of a local government and year: its units side by side.

A Bappeda, a Biro Organisasi or an Inspektorat reads the units of one local government
(*pemerintah daerah*, ``pemda``) together: which units rank highest and lowest in capaian and
in budget absorption, which fell below the minimums of their Perjanjian Kinerja, how the
capaian categories are spread, what the units' budgets add up to, and how each unit moved
over the years found in the data folder.

Every function here takes the long frames of :mod:`lkip_helpers.dataset` (``ringkasan``,
``indikator``, ``komitmen``; each row carries ``pemda``, ``unit``, ``nama_unit`` and
``tahun``) and returns a tidy frame with numeric dtypes, so the roll-up's notebooks
(``notebooks/rekap/``), an analyst's own notebook and the tests compute the same figures.
A local government is named by its slug (:func:`lkip_helpers.config.slug`:
``provinsi-contoh-nusantara``), the name of its report folder, or by its name as written.

Totals are exact: Rupiah are summed as integers and every percentage of a total is
recomputed from the summed Rupiah with the project's one rounding rule
(:func:`lkip_helpers.anggaran.serapan`), never averaged from the units' percentages. The
capaian of the local government is the plain mean of its units' capaian (each unit counts
once, whatever its number of indicators), stated as such wherever it is shown.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from . import config, komitmen
from .anggaran import serapan
from .hitung import bulatkan_persen, jumlahkan, kosong, persentase, seri_float, seri_int

#: The absorption a roll-up ranks and totals: spending (belanja), as the unit reports' cover,
#: their Tabel 3.8 and the index do.
JENIS_SERAPAN = "belanja"
#: Budget kinds of the dataset's ``ringkasan`` (``pagu_belanja`` ...) a roll-up totals.
JENIS_ANGGARAN = ("belanja", "pendapatan")
#: Row label of the totals row (bold in the report's tables).
JUMLAH = "Jumlah"
#: ``arah`` codes of a unit's trend: its last value against the year before.
NAIK, TURUN, TETAP = "naik", "turun", "tetap"

_S, _I, _F, _B = "string", "Int64", "Float64", "boolean"


def _slug(value: Any) -> str | None:
    if kosong(value):
        return None
    try:
        return config.slug(str(value))
    except config.InvalidName:
        return None


def kode_pemda(pemda: str) -> str:
    """The slug of a local government given by slug or by name (``"Provinsi X"`` -> ``provinsi-x``)."""
    return config.slug(pemda)


def pilih(df: pd.DataFrame, pemda: str, tahun: int | None = None) -> pd.DataFrame:
    """The rows of ``df`` of local government ``pemda`` (slug or name), of year ``tahun`` when
    given; index reset."""
    kode = kode_pemda(pemda)
    mask = df["pemda"].map(_slug).eq(kode).fillna(False).astype(bool)
    if tahun is not None:
        mask &= df["tahun"].eq(int(tahun)).fillna(False).astype(bool)
    return df[mask].reset_index(drop=True)


def daftar_pemda(ringkasan: pd.DataFrame) -> pd.DataFrame:
    """Every local government and year in the dataset: ``pemda`` (its name), ``kode`` (its
    slug, the folder of its roll-up), ``tahun`` and ``jumlah_unit``; sorted by name and year.
    Units with no local government in their ``profil`` are not in any roll-up."""
    df = ringkasan.dropna(subset=["pemda"])
    out = (df.assign(kode=df["pemda"].map(_slug)).dropna(subset=["kode"])
           .groupby(["kode", "tahun"], as_index=False)
           .agg(pemda=("pemda", "first"), jumlah_unit=("unit", "nunique")))
    out = out[["pemda", "kode", "tahun", "jumlah_unit"]].sort_values(["kode", "tahun"])
    return out.astype({"pemda": _S, "kode": _S, "tahun": _I, "jumlah_unit": _I}) \
        .reset_index(drop=True)


def nama_pemda(ringkasan: pd.DataFrame, pemda: str) -> str | None:
    """The local government's name as its units' workbooks write it (the latest year's)."""
    rows = pilih(ringkasan, pemda)
    if not len(rows):
        return None
    return str(rows.sort_values("tahun")["pemda"].iloc[-1])


def _peringkat(nilai: pd.Series, naik: bool = False) -> pd.Series:
    """1 for the highest value (the lowest with ``naik``); ties share the better rank; NA for
    a unit without a value."""
    return nilai.astype("float64").rank(method="min", ascending=naik).astype(_I)


def peringkat_capaian(ringkasan: pd.DataFrame, pemda: str, tahun: int) -> pd.DataFrame:
    """The units of ``pemda`` in ``tahun`` ranked by capaian (highest first): ``peringkat``,
    ``unit``, ``nama_unit``, ``jumlah_indikator``, ``capaian``, ``kategori`` (on each unit's
    own scale). Units without a capaian come last with no rank."""
    df = pilih(ringkasan, pemda, tahun)
    out = pd.DataFrame({
        "peringkat": _peringkat(df["capaian"]), "unit": df["unit"], "nama_unit": df["nama_unit"],
        "jumlah_indikator": df["jumlah_indikator"], "capaian": df["capaian"],
        "kategori": df["kategori"]})
    return _urut(out)


def peringkat_serapan(ringkasan: pd.DataFrame, pemda: str, tahun: int) -> pd.DataFrame:
    """The units ranked by absorption of spending (highest first): ``peringkat``, ``unit``,
    ``nama_unit``, ``pagu``, ``realisasi``, ``serapan``, ``serapan_minimal`` (the Perjanjian
    Kinerja's minimum, NA when the PK sets none) and ``memenuhi``."""
    df = pilih(ringkasan, pemda, tahun)
    j = JENIS_SERAPAN
    out = pd.DataFrame({
        "peringkat": _peringkat(df[f"serapan_{j}"]), "unit": df["unit"],
        "nama_unit": df["nama_unit"], "pagu": df[f"pagu_{j}"], "realisasi": df[f"realisasi_{j}"],
        "serapan": df[f"serapan_{j}"], "serapan_minimal": df[f"serapan_minimal_{j}"],
        "memenuhi": df[f"memenuhi_{j}"]})
    out = _urut(out)
    out.attrs["jenis"] = {"realisasi": "rupiah"}  # Rupiah here, a measure in an indicator's
    return out


def _urut(df: pd.DataFrame) -> pd.DataFrame:
    """By rank, units without one last (by name), index reset."""
    return df.assign(_tanpa=df["peringkat"].isna()) \
        .sort_values(["_tanpa", "peringkat", "nama_unit"], kind="stable") \
        .drop(columns="_tanpa").reset_index(drop=True)


def di_bawah_minimal(ringkasan: pd.DataFrame, pemda: str, tahun: int) -> pd.DataFrame:
    """The units whose absorption fell below the minimum their Perjanjian Kinerja sets, one
    row per unit and kind (``jenis``: belanja, pendapatan, or total when the PK sets a
    minimum for both together): ``unit``, ``nama_unit``, ``jenis``, ``serapan``,
    ``serapan_minimal`` and ``selisih`` (percentage points below; negative), lowest first."""
    df = pilih(ringkasan, pemda, tahun)
    rows = []
    for _, r in df.iterrows():
        for jenis in ("belanja", "pendapatan", "total"):
            memenuhi = r[f"memenuhi_{jenis}"]
            if not kosong(memenuhi) and not bool(memenuhi):
                rows.append({"unit": r["unit"], "nama_unit": r["nama_unit"], "jenis": jenis,
                             "serapan": r[f"serapan_{jenis}"],
                             "serapan_minimal": r[f"serapan_minimal_{jenis}"]})
    out = pd.DataFrame(rows, columns=["unit", "nama_unit", "jenis", "serapan", "serapan_minimal"])
    out = out.astype({"unit": _S, "nama_unit": _S, "jenis": _S})
    out["serapan"] = seri_float(out["serapan"])
    out["serapan_minimal"] = seri_float(out["serapan_minimal"])
    out["selisih"] = (out["serapan"].round(2) - out["serapan_minimal"].round(2)).round(2)
    return out.sort_values(["selisih", "nama_unit"], kind="stable").reset_index(drop=True)


def komitmen_per_unit(komitmen_df: pd.DataFrame, pemda: str, tahun: int) -> pd.DataFrame:
    """The commitments of each unit's Perjanjian Kinerja by status: ``unit``, ``nama_unit``,
    ``jumlah_komitmen`` and one count per status of :data:`lkip_helpers.komitmen.STATUS`
    (``tercapai``, ``tidak_tercapai`` ...); units with most commitments not met first."""
    df = pilih(komitmen_df, pemda, tahun)
    counts = pd.crosstab([df["unit"], df["nama_unit"]], df[komitmen.K_STATUS]) \
        if len(df) else pd.DataFrame()
    counts = counts.reindex(columns=list(komitmen.STATUS), fill_value=0).reset_index() \
        if len(df) else pd.DataFrame(columns=["unit", "nama_unit", *komitmen.STATUS])
    counts.columns.name = None
    counts.insert(2, "jumlah_komitmen", counts[list(komitmen.STATUS)].sum(axis=1))
    out = counts.astype({"unit": _S, "nama_unit": _S, "jumlah_komitmen": _I,
                         **{s: _I for s in komitmen.STATUS}})
    return out.sort_values([komitmen.TIDAK_TERCAPAI, "nama_unit"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)


def distribusi_kategori(ringkasan: pd.DataFrame, indikator: pd.DataFrame, pemda: str,
                        tahun: int) -> pd.DataFrame:
    """How the capaian categories are spread: per ``kategori`` (as each unit's scale names it;
    "belum ada data" for none), ``jumlah_unit`` (units whose overall capaian falls in it),
    ``persen_unit``, ``jumlah_indikator`` (indicators of all units) and ``persen_indikator``.
    Ordered from the category of the highest capaian down."""
    units = pilih(ringkasan, pemda, tahun)
    ind = pilih(indikator, pemda, tahun)
    nama = []
    for df, kolom in ((units, "kategori"), (ind, "kategori")):
        nama.append(df[kolom].astype(object).where(df[kolom].notna(), None))
    urutan: dict[str, float] = {}
    for df, kat, nilai in ((units, nama[0], units["capaian"]), (ind, nama[1], ind["capaian"])):
        for k, v in zip(kat, nilai.astype("float64")):
            if k is not None and v == v:
                urutan[k] = max(urutan.get(k, float("-inf")), v)
    kategori = sorted(urutan, key=lambda k: -urutan[k])
    tanpa = any(k is None for k in (*nama[0], *nama[1]))
    rows = []
    for k in [*kategori, *([None] if tanpa else [])]:
        rows.append({"kategori": k if k is not None else "belum_ada_data",
                     "jumlah_unit": sum(1 for x in nama[0] if x == k),
                     "jumlah_indikator": sum(1 for x in nama[1] if x == k)})
    out = pd.DataFrame(rows, columns=["kategori", "jumlah_unit", "jumlah_indikator"])
    out["persen_unit"] = _bagian(out["jumlah_unit"], len(units))
    out["persen_indikator"] = _bagian(out["jumlah_indikator"], len(ind))
    out = out[["kategori", "jumlah_unit", "persen_unit", "jumlah_indikator", "persen_indikator"]]
    out = out.astype({"kategori": _S, "jumlah_unit": _I, "jumlah_indikator": _I})
    out.attrs["jenis"] = {"kategori": "kode"}  # "belum_ada_data" in words; names as written
    return out


def _bagian(jumlah: pd.Series, dari: int) -> pd.Series:
    return seri_float([bulatkan_persen(persentase(n, dari)) if dari else None for n in jumlah])


def anggaran_unit(ringkasan: pd.DataFrame, pemda: str, tahun: int, jenis: str = "belanja",
                  jumlah: bool = True) -> pd.DataFrame:
    """Pagu, realisasi and absorption of ``jenis`` (belanja, pendapatan) per unit that has
    it, largest pagu first: ``unit``, ``nama_unit``, ``pagu_<jenis>``,
    ``realisasi_<jenis>``, ``serapan_<jenis>``. With ``jumlah``: a last row ``nama_unit``
    "Jumlah" holding the totals of :func:`total_anggaran` (``unit`` NA)."""
    df = pilih(ringkasan, pemda, tahun)
    kolom = [f"{k}_{jenis}" for k in ("pagu", "realisasi", "serapan")]
    out = df.dropna(subset=[f"pagu_{jenis}"])[["unit", "nama_unit", *kolom]].copy()
    out = out.sort_values([f"pagu_{jenis}", "nama_unit"], ascending=[False, True],
                          kind="stable").reset_index(drop=True)
    if jumlah and len(out):
        total = total_anggaran(ringkasan, pemda, tahun).iloc[0]
        baris = {"unit": pd.NA, "nama_unit": JUMLAH, **{k: total[k] for k in kolom}}
        out = pd.concat([out, pd.DataFrame([baris])], ignore_index=True)
    return out.astype({"unit": _S, "nama_unit": _S,
                       **{k: (_F if k.startswith("serapan") else _I) for k in kolom}})


def total_anggaran(ringkasan: pd.DataFrame, pemda: str, tahun: int) -> pd.DataFrame:
    """One row: ``jumlah_unit``, then per kind (belanja, pendapatan) the summed ``pagu_*`` and
    ``realisasi_*`` (exact integers; NA when no unit has that kind) and ``serapan_*``
    recomputed from those sums."""
    df = pilih(ringkasan, pemda, tahun)
    row: dict[str, Any] = {"jumlah_unit": df["unit"].nunique()}
    for j in JENIS_ANGGARAN:
        pagu = jumlahkan(df[f"pagu_{j}"].dropna().tolist()) if df[f"pagu_{j}"].notna().any() \
            else None
        real = jumlahkan(df[f"realisasi_{j}"].dropna().tolist()) \
            if df[f"realisasi_{j}"].notna().any() else None
        row[f"pagu_{j}"], row[f"realisasi_{j}"] = pagu, real
        row[f"serapan_{j}"] = serapan(pagu, real) if pagu is not None and real is not None else None
    out = pd.DataFrame({k: [v] for k, v in row.items()}, dtype=object)
    return out.astype({k: (_F if k.startswith("serapan") else _I) for k in out.columns})


def rata_capaian(ringkasan: pd.DataFrame, pemda: str, tahun: int) -> float | None:
    """The mean of the units' capaian (each unit once), rounded to two decimals; None when
    no unit has one."""
    nilai = pilih(ringkasan, pemda, tahun)["capaian"].dropna()
    return round(float(nilai.astype("float64").mean()), 2) if len(nilai) else None


def tahun_data(ringkasan: pd.DataFrame, pemda: str, sampai: int | None = None) -> list[int]:
    """The years the data folder holds for the local government (up to ``sampai``), in order."""
    return sorted(int(t) for t in pilih(ringkasan, pemda)["tahun"].dropna().unique()
                  if sampai is None or t <= sampai)


def dilewati_tahun(dilewati: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """The workbooks of year ``tahun`` left out for failing validation, from
    :meth:`Dataset.tabel_dilewati <lkip_helpers.dataset.Dataset.tabel_dilewati>` (of any local
    government: a workbook that does not load does not say which)."""
    return dilewati[dilewati["tahun"] == int(tahun)].reset_index(drop=True)


def tren_pemda(ringkasan: pd.DataFrame, pemda: str, sampai: int | None = None) -> pd.DataFrame:
    """The local government over the years found in the data (up to ``sampai``): ``tahun``,
    ``jumlah_unit``, ``capaian_rata`` (mean of the units' capaian), ``capaian_terendah``,
    ``capaian_tertinggi``, the summed ``pagu_belanja`` and ``realisasi_belanja`` and their
    ``serapan_belanja``."""
    df = pilih(ringkasan, pemda)
    rows = []
    for t in tahun_data(ringkasan, pemda, sampai):
        sub = df[df["tahun"] == t]
        cap = sub["capaian"].dropna().astype("float64")
        total = total_anggaran(ringkasan, pemda, t).iloc[0]
        rows.append({"tahun": t, "jumlah_unit": sub["unit"].nunique(),
                     "capaian_rata": round(float(cap.mean()), 2) if len(cap) else None,
                     "capaian_terendah": float(cap.min()) if len(cap) else None,
                     "capaian_tertinggi": float(cap.max()) if len(cap) else None,
                     **{k: total[k] for k in ("pagu_belanja", "realisasi_belanja",
                                              "serapan_belanja")}})
    out = pd.DataFrame(rows, columns=["tahun", "jumlah_unit", "capaian_rata", "capaian_terendah",
                                      "capaian_tertinggi", "pagu_belanja", "realisasi_belanja",
                                      "serapan_belanja"])
    for k in ("tahun", "jumlah_unit", "pagu_belanja", "realisasi_belanja"):
        out[k] = seri_int(out[k])
    for k in ("capaian_rata", "capaian_terendah", "capaian_tertinggi", "serapan_belanja"):
        out[k] = seri_float(out[k])
    return out


def tren_unit(ringkasan: pd.DataFrame, pemda: str, tahun: int,
              kolom: str = "capaian") -> pd.DataFrame:
    """Each unit of ``pemda`` in ``tahun`` across the years found in the data up to
    ``tahun``: ``unit``, ``nama_unit``, one ``Float64`` column per year (named by the year,
    an int) holding ``kolom`` (``capaian``, ``serapan_belanja`` ...), then ``perubahan``
    (``tahun`` against the year before, percentage points) and ``arah`` (naik, turun, tetap;
    NA without both years). Units in the order of their capaian rank."""
    semua = pilih(ringkasan, pemda)
    semua = semua[semua["tahun"] <= int(tahun)]
    units = peringkat_capaian(ringkasan, pemda, tahun)[["unit", "nama_unit"]]
    tahun_list = sorted(int(t) for t in semua["tahun"].dropna().unique())
    wide = semua.pivot_table(index="unit", columns="tahun", values=kolom, aggfunc="first") \
        if len(semua) else pd.DataFrame()
    out = units.copy()
    for t in tahun_list:
        values = [wide.at[u, t] if t in wide.columns and u in wide.index else None
                  for u in out["unit"]]
        out[t] = seri_float([None if kosong(v) else v for v in values])
    sebelumnya = [t for t in tahun_list if t < int(tahun)]
    if int(tahun) in out.columns and sebelumnya:  # of the figures as shown (two decimals)
        beda = (out[int(tahun)].round(2) - out[sebelumnya[-1]].round(2)).round(2)
    else:
        beda = seri_float([None] * len(out))
    out["perubahan"] = beda
    out["arah"] = pd.array([None if pd.isna(b) else NAIK if b > 0 else TURUN if b < 0 else TETAP
                            for b in beda], dtype=_S)
    return out.reset_index(drop=True)


def nama_singkat(nama_unit: str, pemda: str | None = None) -> str:
    """A unit's name for a chart's axis: without the demo mark and without the local
    government's name the roll-up already states ("Dinas Kesehatan Provinsi Contoh Nusantara
    (DATA DEMO)" -> "Dinas Kesehatan"); the tables keep the whole name."""
    from .demo import TANDA_DEMO

    teks = str(nama_unit).replace(TANDA_DEMO, " ")
    if pemda:
        teks = re.sub(re.escape(str(pemda)), " ", teks, flags=re.IGNORECASE)
    teks = " ".join(teks.split()).strip(" ,-")
    return teks or str(nama_unit)


def demo(ringkasan: pd.DataFrame, pemda: str, tahun: int | None = None) -> bool:
    """True when a unit of the roll-up is demo data (:mod:`lkip_helpers.demo` marks its names)."""
    from .demo import TANDA_DEMO

    return bool(pilih(ringkasan, pemda, tahun)["nama_unit"].astype(str)
                .str.contains(TANDA_DEMO, regex=False).any())


__all__ = [
    "JENIS_SERAPAN", "JUMLAH", "NAIK", "TURUN", "TETAP", "kode_pemda", "pilih", "daftar_pemda",
    "nama_pemda", "peringkat_capaian", "peringkat_serapan", "di_bawah_minimal",
    "komitmen_per_unit", "distribusi_kategori", "anggaran_unit", "total_anggaran",
    "rata_capaian", "tahun_data", "dilewati_tahun", "tren_pemda", "tren_unit", "nama_singkat",
    "demo",
]
