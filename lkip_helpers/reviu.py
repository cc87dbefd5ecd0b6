"""Reviu: recompute every figure the workbook states and compare what must agree (issue 5).

A workbook records figures exactly as the source report prints them (stated percentages,
stated totals, the same year in several tables). The reviu recomputes each derived figure
with the calculation modules (absorption from :func:`lkip_helpers.anggaran.serapan`, capaian
from :mod:`lkip_helpers.kinerja`, commitment status from :mod:`lkip_helpers.komitmen`, sums
with :func:`lkip_helpers.format.jumlahkan`) and lists every disagreement as a :class:`Temuan`
(finding). Findings are not data errors: the workbook loaded; ``lkip check --reviu`` prints
them and still exits 0.

Tolerance (defined once, :data:`TOLERANSI_PERSEN`)
--------------------------------------------------
A stated percentage (or any figure with decimals) agrees with the computed one when it differs
from the computed value *as shown by THE rounding rule* (:func:`lkip_helpers.format.
bulatkan_persen`, 2 decimals) by at most 0,01 percentage points. So "99,99" for 37.876.900 /
37.877.900 = 99,997% and "70" for 69,998% agree, "88,05" for 88,4656% does not. Rupiah amounts
and counts are whole numbers and must agree exactly.

Severity (``tingkat``), highest first
-------------------------------------
* :data:`TINGGI` (high): the report contradicts itself: a stated percentage or total that the
  rows do not give (a program or kegiatan vs the lines below it, quarterly realisation vs the
  year's), two tables or sheets that disagree on the same figure, realisation above
  pagu. The text must be corrected before the report is published.
* :data:`SEDANG` (medium): a shortfall the report must explain: absorption below a Perjanjian
  Kinerja minimum, a commitment or target not met, capaian above 100% without an explanation,
  the report dated after its deadline, one source saying "no data" where others give a figure.
* :data:`RENDAH` (low): information to complete: a commitment without realisation, staff
  tables whose reference date lies before the reporting year, a total that cannot be checked.

Years checked against each other
--------------------------------
A workbook restates earlier years (sheets ``riwayat_kinerja`` and ``riwayat_anggaran``). When
the earlier year's own workbook exists beside it (``<data>/<unit>/<year>/lkip.xlsx``, the same
unit folder), :func:`periksa` given those workbooks (``tahun_lain``; :func:`muat_tahun_lain`
loads them) compares the restated figures with the earlier workbook's own: an indicator's
target and realisation with its row on that workbook's sheet ``indikator``, the budget's pagu
and realisasi with that workbook's spending totals (:func:`lkip_helpers.anggaran.ringkasan`).
A difference is TINGGI and names both sources; a history row that explains itself in
``catatan`` (e.g. a revised figure) is not reported. Without earlier workbooks nothing changes.

Each finding is data: a code (:class:`KodeTemuan`, like pandera's error reason codes), where
(sheet, Excel row, column), the stated value (``dinyatakan``) and the computed value
(``dihitung``; for cross-checks, the value the other sheet or source states; for minimums,
``dinyatakan`` is the threshold), and the further figures its wording needs (``konteks``). The
wording, in Indonesian and English, lives in the presentation layer
(:func:`lkip_helpers.narrative.uraian_temuan`); :func:`tabel_temuan` gives the findings as a
tidy frame.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any, Callable, Iterable, Mapping

import pandas as pd

from . import anggaran, dinyatakan, kinerja, komitmen, load
from .config import WORKBOOK_NAME
from .errors import DataError
from .hitung import SERATUS, bulatkan_persen, jumlahkan, ke_decimal, ke_int, kosong
from .model import LkipYear
from .schema import BAGIAN_NARASI, SHEETS_BY_NAME

TINGGI, SEDANG, RENDAH = "tinggi", "sedang", "rendah"
#: Severities, highest first (see the module docstring).
TINGKAT = (TINGGI, SEDANG, RENDAH)

#: THE tolerance of the reviu: a stated figure with decimals may differ from the computed one,
#: rounded by :func:`lkip_helpers.hitung.bulatkan_persen`, by this many (percentage) points.
TOLERANSI_PERSEN = Decimal("0.01")

#: ``konteks["rincian"]`` of a hierarchy finding whose children are on different levels.
CAMPURAN = "campuran"

#: How ``dinyatakan`` / ``dihitung`` of a finding read.
PERSEN, RUPIAH, ANGKA, TANGGAL = "%", "Rp", "angka", "tanggal"


class KodeTemuan(str, Enum):
    """What a finding is about: one code per check (and per variant of its wording)."""

    PERSEN_DINYATAKAN = "persen_dinyatakan"
    REALISASI_MELEBIHI_PAGU = "realisasi_melebihi_pagu"
    #: A stated line with lines below it (program, kegiatan, revenue total) vs their sum.
    JUMLAH_KEGIATAN = "jumlah_kegiatan"
    REALISASI_TRIWULAN = "realisasi_triwulan"
    REALISASI_TRIWULAN_TIDAK_LENGKAP = "realisasi_triwulan_tidak_lengkap"
    SERAPAN_MINIMAL = "serapan_minimal"
    RIWAYAT_ANGGARAN_TAHUN_INI = "riwayat_anggaran_tahun_ini"
    CAPAIAN_DINYATAKAN = "capaian_dinyatakan"
    KELUARAN_INDIKATOR = "keluaran_indikator"
    RIWAYAT_KINERJA_TAHUN_INI = "riwayat_kinerja_tahun_ini"
    ANTAR_SUMBER = "antar_sumber"
    ANTAR_SUMBER_KOSONG = "antar_sumber_kosong"
    CAPAIAN_DI_ATAS_100 = "capaian_di_atas_100"
    KOMITMEN_TANPA_REALISASI = "komitmen_tanpa_realisasi"
    KOMITMEN_TIDAK_TERCAPAI = "komitmen_tidak_tercapai"
    TOTAL_TIDAK_DAPAT_DIPERIKSA = "total_tidak_dapat_diperiksa"
    TOTAL_DINYATAKAN = "total_dinyatakan"
    PEGAWAI_ANTAR_LEMBAR = "pegawai_antar_lembar"
    JUMLAH_JENIS_KELAMIN = "jumlah_jenis_kelamin"
    TANGGAL_LAPORAN = "tanggal_laporan"
    TANGGAL_DATA_PEGAWAI = "tanggal_data_pegawai"
    #: A regulated section of the report (schema.BAGIAN_NARASI, ``wajib``) the unit left empty.
    NARASI_KOSONG = "narasi_kosong"
    #: A history row of an indicator vs the earlier year's own workbook (sheet indikator).
    ANTAR_TAHUN_KINERJA = "antar_tahun_kinerja"
    #: A budget history row vs the earlier year's own workbook (its spending totals).
    ANTAR_TAHUN_ANGGARAN = "antar_tahun_anggaran"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Temuan:
    """One reviu finding (see the module docstring for ``tingkat`` and the two values).

    ``kode`` names the check; ``lembar``/``baris``/``kolom`` are the sheet, Excel row (None for
    a profile field or a whole sheet) and schema column. ``satuan`` says how the two values
    read: PERSEN, RUPIAH, ANGKA or TANGGAL. ``konteks`` holds the further figures and names
    the wording needs (keys ending in ``_rp`` are Rupiah, ``_pct`` percentages, ``_n``
    measures; other values are names, years or dates).
    """

    tingkat: str
    kode: KodeTemuan
    lembar: str | None
    baris: int | None
    kolom: str | None
    dinyatakan: Any
    dihitung: Any
    satuan: str
    konteks: Mapping[str, Any] = field(default_factory=dict, compare=False)


def berbeda(dinyatakan: Any, dihitung: Any) -> bool:
    """Whether a stated figure disagrees with the computed one beyond :data:`TOLERANSI_PERSEN`.

    The computed value is first rounded by THE rounding rule (2 decimals). Missing on either
    side: no disagreement (nothing to compare).
    """
    a, b = ke_decimal(dinyatakan), bulatkan_persen(dihitung)
    return a is not None and b is not None and abs(a - b) > TOLERANSI_PERSEN


def _tidak_sama(a: Any, b: Any) -> bool:
    """Whole numbers (Rupiah, counts) compared exactly; missing on either side: no finding."""
    x, y = ke_decimal(a), ke_decimal(b)
    return x is not None and y is not None and x != y


def _teks(value: Any) -> str | None:
    return None if kosong(value) else str(value)


def _judul(lembar: str) -> str:
    """The Indonesian title of a sheet, as the schema names it."""
    return SHEETS_BY_NAME[lembar].judul.lower() if lembar in SHEETS_BY_NAME else lembar


# --------------------------------------------------------------------------- budget


def _baris_anggaran(lkip: LkipYear) -> list[tuple[str, int, Any, anggaran.Pos]]:
    """(sheet, Excel row, stated absorption, computed Pos) of every budget line and history
    year; the Pos (serapan = realisasi / pagu x 100) comes from :mod:`lkip_helpers.anggaran`."""
    lines = [("anggaran", row.Index, row.persen_dinyatakan, pos)
             for row, pos in anggaran.pos_baris(lkip)]
    lines += [("riwayat_anggaran", row.Index, row.persen_dinyatakan,
               anggaran.Pos.hitung(f"belanja tahun {row.tahun}", row.pagu, row.realisasi))
              for row in lkip.riwayat_anggaran.itertuples()]
    return lines


def _persen_anggaran(lkip: LkipYear) -> list[Temuan]:
    """Stated absorption of each budget line and history year vs anggaran's serapan."""
    return [Temuan(TINGGI, KodeTemuan.PERSEN_DINYATAKAN, lembar, baris, "persen_dinyatakan",
                   ke_decimal(stated), pos.serapan, PERSEN,
                   {"uraian": pos.uraian, "realisasi_rp": pos.realisasi, "pagu_rp": pos.pagu})
            for lembar, baris, stated, pos in _baris_anggaran(lkip)
            if berbeda(stated, pos.serapan)]


def _melebihi_pagu(lkip: LkipYear) -> list[Temuan]:
    """Realisation above the allocation, on budget lines and history years."""
    return [Temuan(TINGGI, KodeTemuan.REALISASI_MELEBIHI_PAGU, lembar, baris, "realisasi",
                   pos.realisasi, pos.pagu, RUPIAH, {"uraian": pos.uraian})
            for lembar, baris, _, pos in _baris_anggaran(lkip)
            if pos.pagu is not None and pos.realisasi is not None and pos.realisasi > pos.pagu]


def _rincian(anak: list[anggaran.Simpul]) -> str:
    """The level of a parent's children for the wording: their common level, or "campuran"."""
    levels = {c.tingkat for c in anak}
    return levels.pop() if len(levels) == 1 else CAMPURAN


def _nilai_induk(node: anggaran.Simpul) -> dict[str, int | None]:
    """What a node contributes to its parent's check: its line's figures as stated when it has
    a line (so a wrong kegiatan is reported once, at the kegiatan, not again at its program),
    else the figures computed from the lowest level below it."""
    row = node.baris
    if row is None:
        tw = node.triwulan or (None,) * 4
        return {"pagu": node.pos.pagu, "realisasi": node.pos.realisasi,
                **dict(zip(anggaran.KOLOM_TW, tw))}
    return {k: ke_int(getattr(row, k, None)) for k in ("pagu", "realisasi", *anggaran.KOLOM_TW)}


def _hierarki(lkip: LkipYear) -> list[Temuan]:
    """A stated line with lines below it vs the sum of the lines directly below it.

    At every level of :func:`lkip_helpers.anggaran.hierarki`: the revenue total vs its revenue
    lines, a program vs its kegiatan, a kegiatan vs its sub kegiatan. pagu and realisasi, and
    each quarter's realisation where the parent states it, must agree exactly (Rupiah); an
    unknown part means nothing to compare. Such a parent's figures never enter a total (the
    totals come from the lowest level), but the report would print two different figures.
    """
    found = []
    for root in anggaran.hierarki(lkip).values():
        for node in root.simpul():
            if node.baris is None or not node.anak:
                continue
            parts = [_nilai_induk(c) for c in node.anak]
            for kolom in ("pagu", "realisasi", *anggaran.KOLOM_TW):
                stated = ke_int(getattr(node.baris, kolom, None))
                summed = jumlahkan(p[kolom] for p in parts)
                if _tidak_sama(stated, summed):
                    found.append(Temuan(
                        TINGGI, KodeTemuan.JUMLAH_KEGIATAN, "anggaran", node.baris.Index, kolom,
                        stated, summed, RUPIAH,
                        {"uraian": node.pos.uraian, "n": len(node.anak),
                         "rincian": _rincian(node.anak)}))
    return found


def _realisasi_triwulan(lkip: LkipYear) -> list[Temuan]:
    """Quarterly realisation of each budget line: all four quarters or none, and their sum
    equal to the year's realisation (exact Rupiah).

    Some quarters filled, not all: REALISASI_TRIWULAN_TIDAK_LENGKAP at the first blank quarter,
    ``dinyatakan`` = the sum of the quarters given, ``dihitung`` = the year's realisasi. All
    four filled: REALISASI_TRIWULAN at column realisasi when realisasi (``dinyatakan``) differs
    from their sum (``dihitung``).
    """
    found = []
    for row, pos in anggaran.pos_baris(lkip):
        values = [ke_int(getattr(row, k, None)) for k in anggaran.KOLOM_TW]
        given = [v for v in values if v is not None]
        if not given:
            continue
        if len(given) < len(values):
            kosong_pertama = anggaran.KOLOM_TW[values.index(None)]
            found.append(Temuan(TINGGI, KodeTemuan.REALISASI_TRIWULAN_TIDAK_LENGKAP, "anggaran",
                                row.Index, kosong_pertama, sum(given), pos.realisasi, RUPIAH,
                                {"uraian": pos.uraian, "n": len(given)}))
        elif _tidak_sama(pos.realisasi, sum(values)):
            found.append(Temuan(TINGGI, KodeTemuan.REALISASI_TRIWULAN, "anggaran", row.Index,
                                "realisasi", pos.realisasi, sum(values), RUPIAH,
                                {"uraian": pos.uraian}))
    return found


def _serapan_minimal(lkip: LkipYear) -> list[Temuan]:
    """Absorption below the Perjanjian Kinerja minimums: per line, and belanja + pendapatan."""
    items = [("anggaran", row.Index, "serapan_minimal", pos)
             for row, pos in anggaran.pos_baris(lkip)]
    total = anggaran.ringkasan(lkip).total
    if total is not None:
        items.append(("profil", None, "serapan_minimal_total", total))
    return [Temuan(SEDANG, KodeTemuan.SERAPAN_MINIMAL, lembar, baris, kolom, pos.serapan_minimal,
                   pos.serapan, PERSEN,
                   {"uraian": pos.uraian, "realisasi_rp": pos.realisasi, "pagu_rp": pos.pagu})
            for lembar, baris, kolom, pos in items if pos.memenuhi is False]


def _riwayat_anggaran_tahun_ini(lkip: LkipYear) -> list[Temuan]:
    """The history row of the reporting year vs this year's spending (anggaran.ringkasan)."""
    belanja = anggaran.ringkasan(lkip).belanja
    if belanja is None:
        return []
    found = []
    for row in lkip.riwayat_anggaran[lkip.riwayat_anggaran["tahun"] == lkip.year].itertuples():
        for kolom, ini in (("pagu", belanja.pagu), ("realisasi", belanja.realisasi)):
            stated = ke_int(getattr(row, kolom))
            if _tidak_sama(stated, ini):
                found.append(Temuan(TINGGI, KodeTemuan.RIWAYAT_ANGGARAN_TAHUN_INI,
                                    "riwayat_anggaran", row.Index, kolom, stated, ini, RUPIAH,
                                    {"tahun": lkip.year}))
    return found


# --------------------------------------------------------------------------- performance


def _baris_riwayat(lkip: LkipYear) -> dict[tuple[Any, int, Any], int]:
    """(kode_indikator, tahun, sumber) -> Excel row of sheet riwayat_kinerja (the sheet's key)."""
    df = lkip.riwayat_kinerja
    return {(k, int(t), s): baris for baris, k, t, s in
            zip(df.index, df["kode_indikator"], df["tahun"], df["sumber"])}


def _capaian_dinyatakan(lkip: LkipYear) -> list[Temuan]:
    """Stated capaian vs kinerja's capaian: indicators (this year) and history rows."""
    found = []
    tabel = kinerja.tabel_capaian(lkip)
    for baris, (_, r) in zip(lkip.indikator.index, tabel.iterrows()):
        if berbeda(r[kinerja.K_CAPAIAN_TERTULIS], r[kinerja.K_CAPAIAN]):
            found.append(_temuan_capaian("indikator", baris, r, lkip.year, None))
    rows = _baris_riwayat(lkip)
    for _, r in kinerja.tabel_riwayat(lkip).iterrows():
        if berbeda(r[kinerja.K_CAPAIAN_TERTULIS], r[kinerja.K_CAPAIAN]):
            baris = rows[(r[kinerja.K_KODE], r[kinerja.K_TAHUN], r[kinerja.K_SUMBER])]
            found.append(_temuan_capaian("riwayat_kinerja", baris, r, r[kinerja.K_TAHUN],
                                         r[kinerja.K_SUMBER]))
    return found


def _temuan_capaian(lembar: str, baris: int, r: Any, tahun: int, sumber: str | None) -> Temuan:
    return Temuan(TINGGI, KodeTemuan.CAPAIAN_DINYATAKAN, lembar, baris, "capaian_dinyatakan",
                  ke_decimal(r[kinerja.K_CAPAIAN_TERTULIS]), ke_decimal(r[kinerja.K_CAPAIAN]),
                  PERSEN, {"kode": r[kinerja.K_KODE], "tahun": int(tahun), "sumber": sumber})


def _keluaran_indikator(lkip: LkipYear) -> list[Temuan]:
    """An indicator's realisation vs its outputs (sheet keluaran).

    Indicator in "%": its realisation must equal the outputs' capaian (sum realised / sum
    target x 100, the total row of kinerja.tabel_keluaran), within the tolerance. Indicator in
    another unit: its realisation must equal the summed realised outputs exactly.
    """
    if lkip.keluaran.empty:
        return []
    tabel = kinerja.tabel_keluaran(lkip, jumlah=True)
    jumlah = {r[kinerja.K_KODE]: r for _, r in tabel.iterrows()
              if r[kinerja.K_KELUARAN] == kinerja.JUMLAH}
    found = []
    for ind in lkip.indikator.itertuples():
        if ind.kode not in jumlah:
            continue
        total = jumlah[ind.kode]
        persen_satuan = str(ind.satuan).strip() == "%"
        dari_keluaran = ke_decimal(total[kinerja.K_CAPAIAN] if persen_satuan
                                   else total[kinerja.K_REALISASI])
        beda = berbeda if persen_satuan else _tidak_sama
        if beda(ind.realisasi, dari_keluaran):
            found.append(Temuan(
                TINGGI, KodeTemuan.KELUARAN_INDIKATOR, "indikator", ind.Index, "realisasi",
                ke_decimal(ind.realisasi), dari_keluaran, PERSEN if persen_satuan else ANGKA,
                {"kode": ind.kode, "satuan": ind.satuan,
                 "realisasi_n": ke_int(total[kinerja.K_REALISASI]),
                 "target_n": ke_int(total[kinerja.K_TARGET])}))
    return found


def _riwayat_kinerja_tahun_ini(lkip: LkipYear) -> list[Temuan]:
    """History rows of the reporting year vs sheet indikator (target and realisation)."""
    indikator = {ind.kode: ind for ind in lkip.indikator.itertuples()}
    found = []
    df = lkip.riwayat_kinerja
    for row in df[df["tahun"] == lkip.year].itertuples():
        ind = indikator.get(row.kode_indikator)
        if ind is None:
            continue
        for kolom in ("target", "realisasi"):
            stated, ini = ke_decimal(getattr(row, kolom)), ke_decimal(getattr(ind, kolom))
            if berbeda(stated, ini):
                found.append(Temuan(TINGGI, KodeTemuan.RIWAYAT_KINERJA_TAHUN_INI,
                                    "riwayat_kinerja", row.Index, kolom, stated, ini, ANGKA,
                                    {"kode": row.kode_indikator, "tahun": lkip.year,
                                     "sumber": row.sumber}))
    return found


def _antar_sumber(lkip: LkipYear) -> list[Temuan]:
    """Sources stating the same indicator-year: each realisation vs the first source's.

    A different figure is TINGGI unless either row explains it in ``catatan``; a source with
    no figure (blank, e.g. "NA" in its catatan) where another gives one is SEDANG.
    """
    df = lkip.riwayat_kinerja
    found = []
    for (kode, tahun), group in df.groupby(["kode_indikator", "tahun"], sort=False):
        known = group[group["realisasi"].notna()]
        if len(group) < 2 or known.empty:
            continue
        ref_baris, ref = known.index[0], known.iloc[0]
        nilai = ke_decimal(ref["realisasi"])
        konteks = {"kode": kode, "tahun": int(tahun), "sumber_acuan": ref["sumber"],
                   "baris_acuan": int(ref_baris)}
        for baris, row in group.iterrows():
            if baris == ref_baris:
                continue
            if kosong(row["realisasi"]):
                found.append(Temuan(SEDANG, KodeTemuan.ANTAR_SUMBER_KOSONG, "riwayat_kinerja",
                                    baris, "realisasi", _teks(row["catatan"]), nilai, ANGKA,
                                    {**konteks, "sumber": row["sumber"]}))
            elif berbeda(row["realisasi"], nilai) and not (_teks(row["catatan"])
                                                          or _teks(ref["catatan"])):
                # a difference the unit explains in ``catatan`` (e.g. the indicator changed)
                # is not a contradiction
                found.append(Temuan(TINGGI, KodeTemuan.ANTAR_SUMBER, "riwayat_kinerja", baris,
                                    "realisasi", ke_decimal(row["realisasi"]), nilai, ANGKA,
                                    {**konteks, "sumber": row["sumber"]}))
    return found


def _di_atas_100(nilai: Any) -> bool:
    return not kosong(nilai) and ke_decimal(nilai) > SERATUS


def _capaian_di_atas_100(lkip: LkipYear) -> list[Temuan]:
    """Capaian above 100% without an explanation.

    This year's indicators (explanation: ``penjelasan``), realisation against the Renstra
    target (kinerja.tabel_renstra; explanation: the indicator's ``penjelasan`` or the history
    row's ``catatan``), and history rows against their own target (``catatan``). ``konteks``
    names the reference: ``acuan`` is ``tahun_ini``, ``renstra`` or ``tahun_itu``.
    """
    penjelasan = {ind.kode: _teks(ind.penjelasan) for ind in lkip.indikator.itertuples()}
    baris_ind = dict(zip(lkip.indikator["kode"], lkip.indikator.index))
    rows = _baris_riwayat(lkip)
    catatan = dict(zip(lkip.riwayat_kinerja.index, lkip.riwayat_kinerja["catatan"]))
    found = []

    def tambah(lembar: str, baris: int, kode: str, tahun: Any, nilai: Any, acuan: str,
               target: Any = None) -> None:
        found.append(Temuan(
            SEDANG, KodeTemuan.CAPAIAN_DI_ATAS_100, lembar, baris,
            "penjelasan" if lembar == "indikator" else "catatan", None, ke_decimal(nilai),
            PERSEN, {"kode": kode, "tahun": int(tahun), "acuan": acuan,
                     "target_n": ke_decimal(target)}))

    for baris, (_, r) in zip(lkip.indikator.index, kinerja.tabel_capaian(lkip).iterrows()):
        if _di_atas_100(r[kinerja.K_CAPAIAN]) and kosong(r[kinerja.K_PENJELASAN]):
            tambah("indikator", baris, r[kinerja.K_KODE], lkip.year, r[kinerja.K_CAPAIAN],
                   "tahun_ini")
    for _, r in kinerja.tabel_renstra(lkip).iterrows():
        nilai, kode = r[kinerja.K_CAPAIAN_RENSTRA], r[kinerja.K_KODE]
        if not _di_atas_100(nilai) or penjelasan.get(kode):
            continue
        baris = rows.get((kode, r[kinerja.K_TAHUN], r[kinerja.K_SUMBER]))
        if baris is None:  # the current year, taken from sheet indikator
            tambah("indikator", baris_ind[kode], kode, r[kinerja.K_TAHUN], nilai, "renstra")
        elif not _teks(catatan[baris]):
            tambah("riwayat_kinerja", baris, kode, r[kinerja.K_TAHUN], nilai, "renstra",
                   r[kinerja.K_TARGET_RENSTRA])
    for _, r in kinerja.tabel_riwayat(lkip).iterrows():
        baris = rows[(r[kinerja.K_KODE], r[kinerja.K_TAHUN], r[kinerja.K_SUMBER])]
        if _di_atas_100(r[kinerja.K_CAPAIAN]) and kosong(r[kinerja.K_CATATAN]) \
                and not penjelasan.get(r[kinerja.K_KODE]):
            tambah("riwayat_kinerja", baris, r[kinerja.K_KODE], r[kinerja.K_TAHUN],
                   r[kinerja.K_CAPAIAN], "tahun_itu")
    return found


def _komitmen(lkip: LkipYear) -> list[Temuan]:
    """Commitments (kelompok sasaran and lainnya of komitmen.tabel_komitmen) not met or
    without realisation; the budget minimums are :func:`_serapan_minimal`'s."""
    tabel = komitmen.tabel_komitmen(lkip)
    where = {komitmen.SASARAN: ("indikator", list(lkip.indikator.index)),
             komitmen.LAINNYA: ("komitmen", list(lkip.komitmen.index))}
    found = []
    for kelompok, (lembar, baris_list) in where.items():
        rows = tabel[tabel[komitmen.K_KELOMPOK] == kelompok]
        for baris, (_, r) in zip(baris_list, rows.iterrows()):
            tanggal = r[komitmen.K_PEMBANDING] == "paling_lambat"
            satuan = TANGGAL if tanggal else (PERSEN if r[komitmen.K_SATUAN] == "%" else ANGKA)
            ambang = r[komitmen.K_AMBANG_TANGGAL] if tanggal else ke_decimal(r[komitmen.K_AMBANG])
            realisasi = (r[komitmen.K_REALISASI_TANGGAL] if tanggal
                         else ke_decimal(r[komitmen.K_REALISASI]))
            ambang, realisasi = (None if kosong(v) else (v.date() if tanggal else v)
                                 for v in (ambang, realisasi))
            konteks = {"butir": r[komitmen.K_BUTIR], "uraian": r[komitmen.K_URAIAN],
                       "pembanding": r[komitmen.K_PEMBANDING]}
            if realisasi is None:
                kolom = "realisasi_tanggal" if tanggal and lembar == "komitmen" else "realisasi"
                found.append(Temuan(RENDAH, KodeTemuan.KOMITMEN_TANPA_REALISASI, lembar, baris,
                                    kolom, ambang, None, satuan, konteks))
            elif r[komitmen.K_STATUS] == komitmen.TIDAK_TERCAPAI:
                found.append(Temuan(SEDANG, KodeTemuan.KOMITMEN_TIDAK_TERCAPAI, lembar, baris,
                                    "realisasi", ambang, realisasi, satuan, konteks))
    return found


# --------------------------------------------------------------------------- totals and staff


#: Column kinds whose values can be summed into a stated total.
_DAPAT_DIJUMLAH = ("int", "rupiah", "number")


def _total_dinyatakan(lkip: LkipYear) -> list[Temuan]:
    """Each stated total (sheet total_dinyatakan) vs the sum of its sheet's column.

    Sheet anggaran holds subtotal lines beside the lines below them, so a stated anggaran total
    is compared with belanja + pendapatan of :func:`lkip_helpers.anggaran.ringkasan` (from the
    lowest level) instead.
    """
    total_anggaran = anggaran.ringkasan(lkip).total
    found = []
    for row in dinyatakan.daftar_total(lkip):  # the same lookup as the tables' footnotes
        sheet = SHEETS_BY_NAME.get(row.lembar)
        kolom = row.kolom
        kind = next((c.kind for c in sheet.columns if c.name == kolom), None) if sheet else None
        konteks = {"lembar_total": row.lembar, "judul_lembar": _judul(row.lembar),
                   "kolom_total": kolom, "sumber": row.sumber}
        if kind not in _DAPAT_DIJUMLAH or (row.lembar == "anggaran"
                                           and kolom not in ("pagu", "realisasi")):
            found.append(Temuan(RENDAH, KodeTemuan.TOTAL_TIDAK_DAPAT_DIPERIKSA,
                                "total_dinyatakan", row.baris, "kolom", kolom, None, ANGKA,
                                konteks))
            continue
        if row.lembar == "anggaran":
            summed = getattr(total_anggaran, kolom) if total_anggaran else None
        else:
            summed = jumlahkan(lkip.table(row.lembar)[kolom])
        beda = _tidak_sama if kind in ("int", "rupiah") else berbeda
        if summed is not None and beda(row.nilai, summed):
            found.append(Temuan(TINGGI, KodeTemuan.TOTAL_DINYATAKAN, "total_dinyatakan",
                                row.baris, "nilai", row.nilai, summed,
                                RUPIAH if kind == "rupiah" else ANGKA, konteks))
    return found


def _pegawai_antar_lembar(lkip: LkipYear) -> list[Temuan]:
    """Staff totals that must agree: education = rank (both count civil servants, TINGGI);
    sections = civil servants (SEDANG: sections may also count non-PNS staff); and on each
    position row, jumlah = laki_laki + perempuan (TINGGI)."""
    def total(lembar: str) -> int | None:
        df = lkip.table(lembar)
        return None if df.empty else jumlahkan(df["jumlah"])

    pendidikan, golongan, bagian = (total(s) for s in
                                    ("pegawai_pendidikan", "pegawai_golongan", "pegawai_bagian"))
    pns = pendidikan if pendidikan is not None else golongan
    found = []
    for tingkat, lembar, nilai, acuan, acuan_nama in (
            (TINGGI, "pegawai_golongan", golongan, pendidikan, "pegawai_pendidikan"),
            (SEDANG, "pegawai_bagian", bagian, pns,
             "pegawai_pendidikan" if pendidikan is not None else "pegawai_golongan")):
        if _tidak_sama(nilai, acuan):
            found.append(Temuan(tingkat, KodeTemuan.PEGAWAI_ANTAR_LEMBAR, lembar, None, "jumlah",
                                nilai, acuan, ANGKA,
                                {"judul_lembar": _judul(lembar), "lembar_acuan": acuan_nama,
                                 "judul_acuan": _judul(acuan_nama)}))
    for row in lkip.pegawai_jabatan.itertuples():
        gender = jumlahkan([row.laki_laki, row.perempuan])
        if _tidak_sama(row.jumlah, gender):
            found.append(Temuan(TINGGI, KodeTemuan.JUMLAH_JENIS_KELAMIN, "pegawai_jabatan",
                                row.Index, "jumlah", ke_int(row.jumlah), gender, ANGKA,
                                {"jabatan": row.jabatan}))
    return found


# --------------------------------------------------------------------------- dates


def _tanggal(lkip: LkipYear) -> list[Temuan]:
    """Report signed after its deadline; staff tables dated before the reporting year."""
    profil, found = lkip.profil, []
    laporan, batas = profil.get("tanggal_laporan"), profil.get("batas_penyampaian")
    if laporan is not None and batas is not None and laporan > batas:
        found.append(Temuan(SEDANG, KodeTemuan.TANGGAL_LAPORAN, "profil", None,
                            "tanggal_laporan", laporan, batas, TANGGAL,
                            {"tahun": lkip.year, "salah_ketik": batas.year <= lkip.year}))
    data_pegawai = profil.get("tanggal_data_pegawai")
    if data_pegawai is not None and data_pegawai < dt.date(lkip.year, 1, 1):
        found.append(Temuan(RENDAH, KodeTemuan.TANGGAL_DATA_PEGAWAI, "profil", None,
                            "tanggal_data_pegawai", data_pegawai, None, TANGGAL,
                            {"tahun": lkip.year}))
    return found


def _narasi(lkip: LkipYear) -> list[Temuan]:
    """Each regulated section of the report the unit has not written (sheet ``narasi``): the
    report shows a placeholder there, as a draft (RENDAH: to complete)."""
    ada = set(lkip.narasi.loc[lkip.narasi["teks"].notna(), "bagian"])
    return [Temuan(RENDAH, KodeTemuan.NARASI_KOSONG, "narasi", None, "bagian", b.kunci, None,
                   ANGKA, {"judul": b.judul, "letak": b.letak})
            for b in BAGIAN_NARASI if b.wajib and b.kunci not in ada]


# --------------------------------------------------------------------------- years


def tahun_riwayat(lkip: LkipYear) -> list[int]:
    """The earlier years ``lkip``'s history sheets restate (riwayat_kinerja, riwayat_anggaran),
    oldest first."""
    years = {int(t) for df in (lkip.riwayat_kinerja, lkip.riwayat_anggaran)
             for t in df["tahun"].dropna()}
    return sorted(t for t in years if t < lkip.year)


def _berkas(lkip: LkipYear, tahun: int) -> str:
    """How a finding names the workbook of ``tahun`` of the same unit: ``unit/2023/lkip.xlsx``."""
    return f"{lkip.unit}/{tahun}/{WORKBOOK_NAME}"


def muat_tahun_lain(lkip: LkipYear,
                    muat: Callable[[int], LkipYear] | None = None) -> dict[int, LkipYear]:
    """The earlier years' own workbooks of ``lkip``'s unit that its history restates: year ->
    LkipYear, for the years of :func:`tahun_riwayat` whose workbook exists beside ``lkip``'s
    (``<data>/<unit>/<year>/lkip.xlsx``). Pass the result to :func:`periksa` as ``tahun_lain``.

    ``muat(year)`` loads one (default :func:`lkip_helpers.load.load_year` from ``lkip``'s data
    folder). An earlier workbook that fails validation is left out: there is nothing reliable
    to compare with, and ``lkip check`` of that year lists its problems. A workbook read from
    elsewhere than ``<data>/<unit>/<year>/lkip.xlsx`` has no siblings: {}.
    """
    source = lkip.source
    if source.parent.name != str(lkip.year) or source.parent.parent.name != lkip.unit:
        return {}
    unit_dir = source.parent.parent
    muat = muat or (lambda tahun: load.load_year(lkip.unit, tahun, unit_dir.parent))
    found = {}
    for tahun in tahun_riwayat(lkip):
        if (unit_dir / str(tahun) / WORKBOOK_NAME).is_file():
            try:
                found[tahun] = muat(tahun)
            except DataError:
                continue
    return found


def _antar_tahun(lkip: LkipYear, tahun_lain: Mapping[int, LkipYear]) -> list[Temuan]:
    """History rows of earlier years vs those years' own workbooks (module docstring).

    riwayat_kinerja: target and realisasi vs the same indicator code on the earlier
    workbook's sheet indikator (within the tolerance; an indicator that workbook lacks, a
    blank on either side or a row with a ``catatan`` is not compared). riwayat_anggaran: pagu
    and realisasi vs the earlier workbook's spending totals (:func:`anggaran.ringkasan`,
    exact Rupiah). ``dinyatakan`` is this workbook's figure, ``dihitung`` the earlier one's.
    """
    found = []
    for row in lkip.riwayat_kinerja.itertuples():
        lain = tahun_lain.get(int(row.tahun)) if int(row.tahun) < lkip.year else None
        if lain is None or _teks(row.catatan):
            continue
        acuan = lain.indikator[lain.indikator["kode"] == row.kode_indikator]
        if acuan.empty:
            continue
        for kolom in ("target", "realisasi"):
            stated, earlier = ke_decimal(getattr(row, kolom)), ke_decimal(acuan[kolom].iloc[0])
            if berbeda(stated, earlier):
                found.append(Temuan(
                    TINGGI, KodeTemuan.ANTAR_TAHUN_KINERJA, "riwayat_kinerja", row.Index, kolom,
                    stated, earlier, ANGKA,
                    {"kode": row.kode_indikator, "tahun": int(row.tahun), "sumber": row.sumber,
                     "berkas_acuan": _berkas(lkip, int(row.tahun)),
                     "baris_acuan": int(acuan.index[0])}))
    for row in lkip.riwayat_anggaran.itertuples():
        lain = tahun_lain.get(int(row.tahun)) if int(row.tahun) < lkip.year else None
        belanja = anggaran.ringkasan(lain).belanja if lain is not None else None
        if belanja is None:
            continue
        for kolom, earlier in (("pagu", belanja.pagu), ("realisasi", belanja.realisasi)):
            stated = ke_int(getattr(row, kolom))
            if _tidak_sama(stated, earlier):
                found.append(Temuan(
                    TINGGI, KodeTemuan.ANTAR_TAHUN_ANGGARAN, "riwayat_anggaran", row.Index,
                    kolom, stated, earlier, RUPIAH,
                    {"tahun": int(row.tahun), "sumber": _teks(row.sumber),
                     "berkas_acuan": _berkas(lkip, int(row.tahun))}))
    return found


# --------------------------------------------------------------------------- public API


#: Every check, in the order findings are listed within a severity.
PEMERIKSAAN: tuple[Callable[[LkipYear], list[Temuan]], ...] = (
    _persen_anggaran, _hierarki, _realisasi_triwulan, _melebihi_pagu,
    _riwayat_anggaran_tahun_ini, _capaian_dinyatakan, _keluaran_indikator,
    _riwayat_kinerja_tahun_ini, _antar_sumber, _total_dinyatakan, _pegawai_antar_lembar,
    _serapan_minimal, _capaian_di_atas_100, _komitmen, _tanggal, _narasi,
)


def periksa(lkip: LkipYear, tahun_lain: Mapping[int, LkipYear] | None = None) -> list[Temuan]:
    """Every finding of the reviu of ``lkip``, highest severity first (check order within).

    ``tahun_lain``: the earlier years' own workbooks of the same unit (year -> LkipYear, e.g.
    from :func:`muat_tahun_lain`); the history rows of those years are then checked against
    them (:func:`_antar_tahun`, after the checks of PEMERIKSAAN). None or {}: no such check.
    """
    found = [t for check in PEMERIKSAAN for t in check(lkip)]
    if tahun_lain:
        found += _antar_tahun(lkip, tahun_lain)
    return sorted(found, key=lambda t: TINGKAT.index(t.tingkat))


def rekap(temuan: Iterable[Temuan]) -> dict[str, int]:
    """How many findings of each severity, in TINGKAT order (zeros included)."""
    temuan = list(temuan)
    return {t: sum(1 for x in temuan if x.tingkat == t) for t in TINGKAT}


KOLOM_TEMUAN = ["tingkat", "kode", "lembar", "baris", "kolom", "dinyatakan", "dihitung", "satuan"]


def tabel_temuan(temuan: Iterable[Temuan]) -> pd.DataFrame:
    """The findings as a tidy frame (columns KOLOM_TEMUAN; values as found: numbers, dates)."""
    rows = [(t.tingkat, t.kode.value, t.lembar, t.baris, t.kolom, t.dinyatakan, t.dihitung,
             t.satuan) for t in temuan]
    df = pd.DataFrame(rows, columns=KOLOM_TEMUAN, dtype=object)
    df["baris"] = pd.array([None if kosong(b) else int(b) for b in df["baris"]], dtype="Int64")
    return df
