"""The label catalogue: what the reader sees for each column key and each code of the frames.

Calculation frames are keyed by snake_case names (``pagu``, ``serapan``) and hold codes
(``belum_ada_data``, ``tidak_tercapai``); this module is the one place that names them for
readers, through the gettext catalogues (:mod:`lkip_helpers.i18n`): Indonesian in the reports,
English where asked. The table layer (:mod:`lkip_helpers.tables`) applies it; keys are never
labels, labels are never keys.

Each column key has a label and a kind (:class:`Kolom`), the kind choosing its formatter:
``teks``, ``kode`` (a code put into words), ``angka`` (counts and measures), ``rupiah``,
``persen``, ``desimal``, ``periode`` (a year or quarter, written as is), ``tanggal`` and
``ya_tidak``. Rupiah and percentage columns carry their unit in the label ("Pagu (Rp)",
"Serapan (%)"). A frame may override kinds for its own columns through ``df.attrs["jenis"]``
(the budget frames mark ``realisasi`` as Rupiah, while an indicator's realisasi is a measure).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .hitung import kosong
from .i18n import N_, _

JENIS = ("teks", "kode", "angka", "rupiah", "persen", "desimal", "periode", "tanggal", "ya_tidak")


@dataclass(frozen=True)
class Kolom:
    """A column key's label (an English msgid, translated when shown) and kind.

    ``dasar``: the key whose label the label is made from (a stated total's column): the
    translated label fills ``{Label}`` as is and ``{label}`` in lower case.
    """

    label: str
    jenis: str = "teks"
    dasar: str | None = None


#: Every column key of the calculation frames.
KOLOM: dict[str, Kolom] = {
    # kinerja
    "kode": Kolom(N_("Code")),
    "tujuan": Kolom(N_("Objective")),
    "sasaran": Kolom(N_("Strategic objective")),
    "indikator": Kolom(N_("Indicator")),
    "program": Kolom(N_("Programme")),
    "satuan": Kolom(N_("Unit of measure")),
    "polaritas": Kolom(N_("Polarity"), "kode"),
    "rumus_capaian": Kolom(N_("Achievement formula"), "kode"),
    "target": Kolom(N_("Target"), "angka"),
    "realisasi": Kolom(N_("Realisation"), "angka"),
    "capaian": Kolom(N_("Achievement"), "persen"),
    "keterangan": Kolom(N_("Remarks"), "kode"),
    "capaian_diperhitungkan": Kolom(N_("Achievement counted in the unit's achievement"),
                                    "persen"),
    "perlakuan": Kolom(N_("Treatment in the unit's achievement"), "kode"),
    "capaian_dinyatakan": Kolom(N_("Stated achievement"), "persen"),
    "kategori": Kolom(N_("Category")),
    "penjelasan": Kolom(N_("Explanation")),
    "keluaran": Kolom(N_("Output")),
    "tahun": Kolom(N_("Year"), "periode"),
    "sumber": Kolom(N_("Source")),
    "catatan": Kolom(N_("Note")),
    "target_renstra": Kolom(N_("Renstra target"), "angka"),
    "capaian_renstra": Kolom(N_("Achievement against the Renstra target"), "persen"),
    "triwulan": Kolom(N_("Quarter"), "periode"),
    # anggaran
    "jenis": Kolom(N_("Type"), "kode"),
    "tingkat": Kolom(N_("Level"), "kode"),
    "kegiatan": Kolom(N_("Activity")),
    "sub_kegiatan": Kolom(N_("Sub-activity")),
    "level": Kolom(N_("Depth in the budget hierarchy"), "angka"),
    "subtotal": Kolom(N_("Subtotal of the lines below"), "ya_tidak"),
    "ditambahkan": Kolom(N_("Subtotal added (not a sheet line)"), "ya_tidak"),
    "realisasi_tw1": Kolom(N_("Realisation in quarter I"), "rupiah"),
    "realisasi_tw2": Kolom(N_("Realisation in quarter II"), "rupiah"),
    "realisasi_tw3": Kolom(N_("Realisation in quarter III"), "rupiah"),
    "realisasi_tw4": Kolom(N_("Realisation in quarter IV"), "rupiah"),
    "realisasi_kumulatif": Kolom(N_("Cumulative realisation"), "rupiah"),
    "serapan_kumulatif": Kolom(N_("Cumulative absorption"), "persen"),
    "uraian": Kolom(N_("Description")),
    # perencanaan (Bab II)
    "realisasi_tahun_sebelumnya": Kolom(N_("Realisation of the previous year"), "angka"),
    "outcome": Kolom(N_("Outcome")),
    "benefit": Kolom(N_("Benefit")),
    "impact": Kolom(N_("Impact")),
    "pagu": Kolom(N_("Allocation"), "rupiah"),
    "sisa": Kolom(N_("Unspent budget"), "rupiah"),
    "serapan": Kolom(N_("Absorption"), "persen"),
    "serapan_dinyatakan": Kolom(N_("Stated absorption"), "persen"),
    "serapan_minimal": Kolom(N_("Minimum absorption"), "persen"),
    "memenuhi": Kolom(N_("Meets the minimum"), "ya_tidak"),
    "perubahan_pagu": Kolom(N_("Change in allocation"), "persen"),
    # aset and pegawai
    "golongan_kib": Kolom(N_("KIB group")),
    "jumlah": Kolom(N_("Number"), "angka"),
    # rekap: a local government's units side by side (lkip_helpers.rekap)
    "nama_unit": Kolom(N_("Work unit")),
    "peringkat": Kolom(N_("Rank"), "angka"),
    "jumlah_unit": Kolom(N_("Number of units"), "angka"),
    "jumlah_indikator": Kolom(N_("Number of indicators"), "angka"),
    "persen_unit": Kolom(N_("Share of units"), "persen"),
    "persen_indikator": Kolom(N_("Share of indicators"), "persen"),
    "pagu_belanja": Kolom(N_("Spending allocation"), "rupiah"),
    "realisasi_belanja": Kolom(N_("Spending realisation"), "rupiah"),
    "serapan_belanja": Kolom(N_("Spending absorption"), "persen"),
    "pagu_pendapatan": Kolom(N_("Revenue target"), "rupiah"),
    "realisasi_pendapatan": Kolom(N_("Revenue realisation"), "rupiah"),
    "serapan_pendapatan": Kolom(N_("Revenue realisation rate"), "persen"),
    "selisih": Kolom(N_("Difference (percentage points)"), "desimal"),
    "jumlah_komitmen": Kolom(N_("Commitments"), "angka"),
    "tercapai": Kolom(N_("Achieved"), "angka"),
    "tidak_tercapai": Kolom(N_("Not achieved"), "angka"),
    "belum_ada_data": Kolom(N_("No data yet"), "angka"),
    "tanpa_ambang": Kolom(N_("No threshold"), "angka"),
    "tidak_dapat_dihitung": Kolom(N_("Cannot be computed"), "angka"),
    "capaian_rata": Kolom(N_("Mean achievement of the units"), "persen"),
    "capaian_terendah": Kolom(N_("Lowest unit achievement"), "persen"),
    "capaian_tertinggi": Kolom(N_("Highest unit achievement"), "persen"),
    "perubahan": Kolom(N_("Change from the previous year (percentage points)"), "desimal"),
    "arah": Kolom(N_("Direction"), "kode"),
    "unit": Kolom(N_("Unit folder")),
    "jumlah_masalah": Kolom(N_("Number of problems"), "angka"),
    "masalah": Kolom(N_("Problems")),
    "persentase": Kolom(N_("Share"), "persen"),
    "nilai": Kolom(N_("Value"), "rupiah"),
    "kondisi_baik": Kolom(N_("Good"), "angka"),
    "kondisi_rusak_ringan": Kolom(N_("Lightly damaged"), "angka"),
    "kondisi_rusak_berat": Kolom(N_("Heavily damaged"), "angka"),
    "bagian": Kolom(N_("Section")),
    "jenjang": Kolom(N_("Education level")),
    "golongan": Kolom(N_("Rank (golongan/ruang)")),
    "pangkat": Kolom(N_("Rank title")),
    "jabatan": Kolom(N_("Position")),
    "jenis_jabatan": Kolom(N_("Position type"), "kode"),
    "laki_laki": Kolom(N_("Men"), "angka"),
    "perempuan": Kolom(N_("Women"), "angka"),
    # komitmen
    "kelompok": Kolom(N_("Group"), "kode"),
    "butir": Kolom(N_("Item")),
    "pembanding": Kolom(N_("Comparison"), "kode"),
    "ambang": Kolom(N_("Threshold"), "angka"),
    "ambang_tanggal": Kolom(N_("Deadline"), "tanggal"),
    "realisasi_tanggal": Kolom(N_("Date realised"), "tanggal"),
    "status": Kolom(N_("Status"), "kode"),
    # summaries and reviu
    "ukuran": Kolom(N_("Measure")),
    "bab": Kolom(N_("Aspect")),
    "penilaian": Kolom(N_("Assessment")),
    "temuan": Kolom(N_("Item to check")),
    "lembar": Kolom(N_("Sheet")),
    "baris": Kolom(N_("Row"), "periode"),
    "kolom": Kolom(N_("Column")),
    "letak": Kolom(N_("Location")),
    "dinyatakan": Kolom(N_("Stated value")),
    "dihitung": Kolom(N_("Value to compare")),
}

#: Columns a total row sums, whose total as the report states it a frame may carry beside it
#: (:mod:`lkip_helpers.dinyatakan`): ``<k>_dinyatakan`` (same kind) and ``<k>_sumber``.
TOTAL_DINYATAKAN = ("jumlah", "laki_laki", "perempuan", "target", "realisasi", "nilai",
                    "kondisi_baik", "kondisi_rusak_ringan", "kondisi_rusak_berat")
for _k in TOTAL_DINYATAKAN:
    KOLOM[f"{_k}_dinyatakan"] = Kolom(N_("{Label}, as stated"), KOLOM[_k].jenis, _k)
    KOLOM[f"{_k}_sumber"] = Kolom(N_("Source of the stated {label}"), "teks", _k)

#: Codes held by ``kode`` columns, and how they read.
KODE: dict[str, str] = {
    "belum_ada_data": N_("no data yet"),
    "tidak_dapat_dihitung": N_("cannot be computed"),
    "realisasi_nol": N_("realisation 0"),
    "rumus_tidak_sesuai": N_("formula does not fit the polarity"),
    "dibatasi": N_("counted at the cap"),
    "negatif_dihitung_nol": N_("negative, counted as 0"),
    "tidak_diperhitungkan": N_("not counted"),
    "R/T": N_("R ÷ T × 100"),
    "T/R": N_("T ÷ R × 100"),
    "(2T-R)/T": N_("(2T − R) ÷ T × 100"),
    "tercapai": N_("achieved"),
    "tidak_tercapai": N_("not achieved"),
    "tanpa_ambang": N_("no threshold"),
    "maksimal": N_("maximal"),
    "minimal": N_("minimal"),
    "lebih_dari": N_("more than (>)"),
    "kurang_dari": N_("less than (<)"),
    "paling_lambat": N_("at the latest"),
    "belanja": N_("spending"),
    "pendapatan": N_("revenue"),
    "jumlah": N_("total"),
    "total": N_("spending and revenue together"),
    "naik": N_("up"),
    "turun": N_("down"),
    "tetap": N_("unchanged"),
    "program": N_("programme"),
    "kegiatan": N_("activity"),
    "sub_kegiatan": N_("sub-activity"),
    "struktural": N_("structural"),
    "fungsional": N_("functional"),
    "pelaksana": N_("executive staff"),
    "sasaran": N_("strategic target"),
    "anggaran": N_("budget"),
    "lainnya": N_("other"),
    # reviu severities, worded as what the unit has to do (a checklist, not audit findings)
    "tinggi": N_("to correct"),
    "sedang": N_("to explain"),
    "rendah": N_("to complete"),
}

#: How a comparison code reads in a table of commitments (with its sign).
PEMBANDING: dict[str, str] = {
    "minimal": N_("at least (≥)"),
    "lebih_dari": N_("more than (>)"),
    "maksimal": N_("at most (≤)"),
    "kurang_dari": N_("less than (<)"),
    "paling_lambat": N_("at the latest"),
    "tanpa_ambang": N_("no threshold"),
}

YA, TIDAK = N_("yes"), N_("no")

#: The language of the reports.
LAPORAN = "id"


def jenis(df: pd.DataFrame | None, key: str) -> str:
    """The kind of column ``key`` (of ``df``, whose ``attrs["jenis"]`` may override it)."""
    override: Mapping[str, str] = (df.attrs.get("jenis", {}) if df is not None else {}) or {}
    if key in override:
        return override[key]
    return KOLOM[key].jenis if key in KOLOM else "teks"


def label(key: str, df: pd.DataFrame | None = None, lang: str = LAPORAN) -> str:
    """The column heading of ``key``: its label, with "(Rp)" or "(%)" for such columns.

    A key that is not in the catalogue is shown as written (a column an analyst added).
    """
    if key not in KOLOM:
        return str(key)
    teks = _(KOLOM[key].label, lang)
    if KOLOM[key].dasar is not None:
        dasar = _(KOLOM[KOLOM[key].dasar].label, lang)
        teks = teks.format(Label=dasar, label=_kecil(dasar))
    satuan = {"rupiah": " (Rp)", "persen": " (%)"}.get(jenis(df, key), "")
    return teks + satuan


def _kecil(teks: str) -> str:
    """A label inside a sentence: first letter in lower case ("Jumlah" -> "jumlah"), unless
    the word is an acronym ("KIB")."""
    return teks if teks[1:2].isupper() else teks[:1].lower() + teks[1:]


def kode(value: Any, lang: str = LAPORAN) -> str | None:
    """A code in words (``tidak_tercapai`` -> "tidak tercapai"); other text as is; None if missing."""
    if kosong(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return _(YA if value else TIDAK, lang)
    text = str(value)
    return _(KODE[text], lang) if text in KODE else text


def pembanding(value: str, lang: str = LAPORAN) -> str:
    """A comparison code as a table of commitments shows it ("paling sedikit (≥)")."""
    return _(PEMBANDING.get(value, value), lang)
