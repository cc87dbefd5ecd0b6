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
  rows do not give, two tables or sheets that disagree on the same figure, realisation above
  pagu. The text must be corrected before the report is published.
* :data:`SEDANG` (medium): a shortfall the report must explain: absorption below a Perjanjian
  Kinerja minimum, a commitment or target not met, capaian above 100% without an explanation,
  the report dated after its deadline, one source saying "no data" where others give a figure.
* :data:`RENDAH` (low): information to complete: a commitment without realisation, staff
  tables whose reference date lies before the reporting year, a total that cannot be checked.

Each finding says where (sheet, Excel row, column), the stated value (``dinyatakan``) and the
computed value (``dihitung``; for cross-checks, the value the other sheet or source states; for
minimums, ``dinyatakan`` is the threshold), in English (``message``, for the CLI) and in
Indonesian (``uraian``, for the Reviu chapter, :func:`tabel_temuan`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable

import pandas as pd

from . import anggaran, kinerja, komitmen
from .format import (
    KOSONG,
    SERATUS,
    angka,
    bulatkan_persen,
    jumlahkan,
    ke_decimal,
    ke_int,
    kosong,
    persen,
    rupiah,
    tanggal,
)
from .model import LkipYear
from .schema import SHEETS_BY_NAME

TINGGI, SEDANG, RENDAH = "tinggi", "sedang", "rendah"
#: Severities, highest first (see the module docstring).
TINGKAT = (TINGGI, SEDANG, RENDAH)
#: English names of the severities, for the CLI.
TINGKAT_EN = {TINGGI: "high", SEDANG: "medium", RENDAH: "low"}

#: THE tolerance of the reviu: a stated figure with decimals may differ from the computed one,
#: rounded by :func:`lkip_helpers.format.bulatkan_persen`, by this many (percentage) points.
TOLERANSI_PERSEN = Decimal("0.01")

#: How ``dinyatakan`` / ``dihitung`` of a finding read (see :func:`nilai_teks`).
PERSEN, RUPIAH, ANGKA, TANGGAL = "%", "Rp", "angka", "tanggal"


@dataclass(frozen=True)
class Temuan:
    """One reviu finding (see the module docstring for ``tingkat`` and the two values).

    ``kode`` names the check (e.g. ``persen_dinyatakan``); ``lembar``/``baris``/``kolom`` are
    the sheet, Excel row (None for a profile field or a whole sheet) and schema column.
    ``satuan`` says how the values read: PERSEN, RUPIAH, ANGKA or TANGGAL.
    """

    tingkat: str
    kode: str
    lembar: str | None
    baris: int | None
    kolom: str | None
    dinyatakan: Any
    dihitung: Any
    satuan: str
    message: str
    uraian: str

    def _tempat(self, sheet: str, row: str, column: str) -> str:
        parts = [f"{sheet} {self.lembar}"] if self.lembar else []
        if self.baris is not None:
            parts.append(f"{row} {self.baris}")
        if self.kolom:
            parts.append(f"{column} {self.kolom}")
        return ", ".join(parts)

    def where(self) -> str:
        """"sheet anggaran, row 2, column persen_dinyatakan" (English)."""
        return self._tempat("sheet", "row", "column")

    def letak(self) -> str:
        """"lembar anggaran, baris 2, kolom persen_dinyatakan" (Indonesian)."""
        return self._tempat("lembar", "baris", "kolom")

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


def nilai_teks(value: Any, satuan: str) -> str:
    """A finding's value for readers, through :mod:`lkip_helpers.format` ("88,05%", "Rp1", "95").

    Text (e.g. "NA" as printed) is shown as written; a missing value as "–".
    """
    if kosong(value):
        return KOSONG
    if isinstance(value, str):
        return value
    if satuan == PERSEN:
        return persen(value)
    if satuan == RUPIAH:
        return rupiah(value)
    if satuan == TANGGAL:
        return tanggal(value)
    nilai = ke_decimal(value)
    return angka(nilai) if nilai == nilai.to_integral_value() else persen(nilai, simbol=False)


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
    return [Temuan(
        TINGGI, "persen_dinyatakan", lembar, baris, "persen_dinyatakan", ke_decimal(stated),
        pos.serapan, PERSEN,
        f"stated absorption {persen(stated)} of '{pos.uraian}' differs from realisasi / pagu = "
        f"{rupiah(pos.realisasi)} / {rupiah(pos.pagu)} = {persen(pos.serapan)}",
        f"Serapan {pos.uraian} tertulis {persen(stated)}, padahal realisasi ÷ pagu = "
        f"{rupiah(pos.realisasi)} ÷ {rupiah(pos.pagu)} = {persen(pos.serapan)}.")
        for lembar, baris, stated, pos in _baris_anggaran(lkip) if berbeda(stated, pos.serapan)]


def _melebihi_pagu(lkip: LkipYear) -> list[Temuan]:
    """Realisation above the allocation, on budget lines and history years."""
    return [Temuan(
        TINGGI, "realisasi_melebihi_pagu", lembar, baris, "realisasi", pos.realisasi, pos.pagu,
        RUPIAH,
        f"realisation {rupiah(pos.realisasi)} of '{pos.uraian}' is above its pagu "
        f"{rupiah(pos.pagu)}",
        f"Realisasi {pos.uraian} sebesar {rupiah(pos.realisasi)} melebihi pagunya "
        f"{rupiah(pos.pagu)}.")
        for lembar, baris, _, pos in _baris_anggaran(lkip)
        if pos.pagu is not None and pos.realisasi is not None and pos.realisasi > pos.pagu]


def _jumlah_program(lkip: LkipYear) -> list[Temuan]:
    """A stated total line (empty kegiatan) vs the sum of its activity lines, pagu and realisasi.

    Groups: each belanja program, and pendapatan. Rupiah must agree exactly.
    """
    lines = anggaran.pos_baris(lkip)
    groups: dict[tuple[str, str | None], list[tuple[Any, anggaran.Pos]]] = {}
    for row, pos in lines:
        groups.setdefault((row.jenis, _teks(row.program)), []).append((row, pos))
    found = []
    for (jenis, program), members in groups.items():
        totals = [(r, p) for r, p in members if kosong(r.kegiatan)]
        parts = [p for r, p in members if not kosong(r.kegiatan)]
        if len(totals) != 1 or not parts:
            continue
        row, total = totals[0]
        for kolom in ("pagu", "realisasi"):
            stated, summed = getattr(total, kolom), jumlahkan(getattr(p, kolom) for p in parts)
            if _tidak_sama(stated, summed):
                found.append(Temuan(
                    TINGGI, "jumlah_kegiatan", "anggaran", row.Index, kolom, stated, summed, RUPIAH,
                    f"{kolom} of '{total.uraian}' is {rupiah(stated)} but its {len(parts)} "
                    f"activity lines sum to {rupiah(summed)}",
                    f"{kolom.capitalize()} {total.uraian} tertulis {rupiah(stated)}, padahal "
                    f"jumlah {len(parts)} kegiatannya {rupiah(summed)}."))
    return found


def _serapan_minimal(lkip: LkipYear) -> list[Temuan]:
    """Absorption below the Perjanjian Kinerja minimums: per line, and belanja + pendapatan."""
    items = [("anggaran", row.Index, "serapan_minimal", pos)
             for row, pos in anggaran.pos_baris(lkip)]
    total = anggaran.ringkasan(lkip).total
    if total is not None:
        items.append(("profil", None, "serapan_minimal_total", total))
    return [Temuan(
        SEDANG, "serapan_minimal", lembar, baris, kolom, pos.serapan_minimal, pos.serapan, PERSEN,
        f"absorption of '{pos.uraian}' is {persen(pos.serapan)} ({rupiah(pos.realisasi)} of "
        f"{rupiah(pos.pagu)}), below the Perjanjian Kinerja minimum of "
        f"{persen(pos.serapan_minimal)}",
        f"Serapan {pos.uraian} hanya {persen(pos.serapan)} ({rupiah(pos.realisasi)} dari "
        f"{rupiah(pos.pagu)}), di bawah batas minimal {persen(pos.serapan_minimal)} dalam "
        "Perjanjian Kinerja.")
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
                found.append(Temuan(
                    TINGGI, "riwayat_tahun_ini", "riwayat_anggaran", row.Index, kolom, stated, ini,
                    RUPIAH,
                    f"{lkip.year} budget history states {kolom} {rupiah(stated)} but sheet "
                    f"anggaran gives {rupiah(ini)}",
                    f"Riwayat anggaran {lkip.year} menyebut {kolom} {rupiah(stated)}, sedangkan "
                    f"lembar anggaran {rupiah(ini)}."))
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
        stated, nilai = r[kinerja.K_CAPAIAN_TERTULIS], r[kinerja.K_CAPAIAN]
        if berbeda(stated, nilai):
            found.append(_temuan_capaian("indikator", baris, r[kinerja.K_KODE], lkip.year, stated,
                                         nilai, None))
    rows = _baris_riwayat(lkip)
    for _, r in kinerja.tabel_riwayat(lkip).iterrows():
        stated, nilai = r[kinerja.K_CAPAIAN_TERTULIS], r[kinerja.K_CAPAIAN]
        if berbeda(stated, nilai):
            baris = rows[(r[kinerja.K_KODE], r[kinerja.K_TAHUN], r[kinerja.K_SUMBER])]
            found.append(_temuan_capaian("riwayat_kinerja", baris, r[kinerja.K_KODE],
                                         r[kinerja.K_TAHUN], stated, nilai, r[kinerja.K_SUMBER]))
    return found


def _temuan_capaian(lembar: str, baris: int, kode: str, tahun: int, stated: Decimal,
                    nilai: Decimal, sumber: str | None) -> Temuan:
    asal = f" ({sumber})" if sumber else ""
    return Temuan(
        TINGGI, "capaian_dinyatakan", lembar, baris, "capaian_dinyatakan", stated, nilai, PERSEN,
        f"{kode} {tahun}{asal}: stated capaian {persen(stated)} differs from the computed "
        f"{persen(nilai)}",
        f"Capaian {kode} tahun {tahun}{asal} tertulis {persen(stated)}, padahal hasil "
        f"perhitungan {persen(nilai)}.")


def _keluaran_indikator(lkip: LkipYear) -> list[Temuan]:
    """An indicator's realisation vs its outputs (sheet keluaran).

    Indicator in "%": its realisation must equal the outputs' capaian (sum realised / sum
    target x 100, the total row of kinerja.tabel_keluaran), within the tolerance. Indicator in
    another unit: its realisation must equal the summed realised outputs exactly.
    """
    if lkip.keluaran.empty:
        return []
    tabel = kinerja.tabel_keluaran(lkip)
    jumlah = {r[kinerja.K_KODE]: r for _, r in tabel.iterrows()
              if r[kinerja.K_KELUARAN] == kinerja.JUMLAH}
    found = []
    for ind in lkip.indikator.itertuples():
        if ind.kode not in jumlah:
            continue
        total = jumlah[ind.kode]
        persen_satuan = str(ind.satuan).strip() == "%"
        dari_keluaran = total[kinerja.K_CAPAIAN] if persen_satuan else total[kinerja.K_REALISASI]
        beda = berbeda if persen_satuan else _tidak_sama
        if beda(ind.realisasi, dari_keluaran):
            stated = ke_decimal(ind.realisasi)
            shown = persen(dari_keluaran) if persen_satuan else angka(dari_keluaran)
            found.append(Temuan(
                TINGGI, "keluaran_indikator", "indikator", ind.Index, "realisasi", stated,
                dari_keluaran, PERSEN if persen_satuan else ANGKA,
                f"{ind.kode}: realisation {nilai_teks(stated, ANGKA)} {ind.satuan} differs from "
                f"its outputs on sheet keluaran ({shown}: {angka(total[kinerja.K_REALISASI])} "
                f"of {angka(total[kinerja.K_TARGET])} realised)",
                f"Realisasi {ind.kode} tertulis {nilai_teks(stated, ANGKA)} {ind.satuan}, "
                f"padahal keluarannya memberi {shown} ({angka(total[kinerja.K_REALISASI])} "
                f"dari {angka(total[kinerja.K_TARGET])} terealisasi)."))
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
                found.append(Temuan(
                    TINGGI, "riwayat_tahun_ini", "riwayat_kinerja", row.Index, kolom, stated, ini,
                    ANGKA,
                    f"{row.kode_indikator} {lkip.year} ({row.sumber}) states {kolom} "
                    f"{nilai_teks(stated, ANGKA)} but sheet indikator gives "
                    f"{nilai_teks(ini, ANGKA)}",
                    f"{row.sumber} menyebut {kolom} {row.kode_indikator} tahun {lkip.year} "
                    f"{nilai_teks(stated, ANGKA)}, sedangkan lembar indikator "
                    f"{nilai_teks(ini, ANGKA)}."))
    return found


def _antar_sumber(lkip: LkipYear) -> list[Temuan]:
    """Sources stating the same indicator-year: each realisation vs the first source's.

    A different figure is TINGGI; a source with no figure (blank, e.g. "NA" in its catatan)
    where another gives one is SEDANG.
    """
    df = lkip.riwayat_kinerja
    found = []
    for (kode, tahun), group in df.groupby(["kode_indikator", "tahun"], sort=False):
        known = group[group["realisasi"].notna()]
        if len(group) < 2 or known.empty:
            continue
        ref_baris, ref = known.index[0], known.iloc[0]
        acuan = f"{ref['sumber']}, row {ref_baris}"
        nilai = ke_decimal(ref["realisasi"])
        for baris, row in group.iterrows():
            if baris == ref_baris:
                continue
            if kosong(row["realisasi"]):
                printed = _teks(row["catatan"]) or KOSONG
                found.append(Temuan(
                    SEDANG, "antar_sumber", "riwayat_kinerja", baris, "realisasi",
                    _teks(row["catatan"]), nilai, ANGKA,
                    f"{kode} {tahun}: {row['sumber']} gives no realisation ({printed}) while "
                    f"{acuan} states {nilai_teks(nilai, ANGKA)}",
                    f"Realisasi {kode} tahun {tahun} tidak tersedia di {row['sumber']} "
                    f"(tertulis {printed}), padahal {ref['sumber']} menyebut "
                    f"{nilai_teks(nilai, ANGKA)}."))
            elif berbeda(row["realisasi"], nilai):
                stated = ke_decimal(row["realisasi"])
                found.append(Temuan(
                    TINGGI, "antar_sumber", "riwayat_kinerja", baris, "realisasi", stated, nilai,
                    ANGKA,
                    f"{kode} {tahun}: {row['sumber']} states realisation "
                    f"{nilai_teks(stated, ANGKA)} but {acuan} states {nilai_teks(nilai, ANGKA)}",
                    f"Realisasi {kode} tahun {tahun} menurut {row['sumber']} "
                    f"{nilai_teks(stated, ANGKA)}, sedangkan menurut {ref['sumber']} "
                    f"{nilai_teks(nilai, ANGKA)}."))
    return found


def _capaian_di_atas_100(lkip: LkipYear) -> list[Temuan]:
    """Capaian above 100% without an explanation.

    This year's indicators (explanation: ``penjelasan``), realisation against the Renstra
    target (kinerja.tabel_renstra; explanation: the indicator's ``penjelasan`` or the history
    row's ``catatan``), and history rows against their own target (``catatan``).
    """
    penjelasan = {ind.kode: _teks(ind.penjelasan) for ind in lkip.indikator.itertuples()}
    baris_ind = dict(zip(lkip.indikator["kode"], lkip.indikator.index))
    rows = _baris_riwayat(lkip)
    catatan = dict(zip(lkip.riwayat_kinerja.index, lkip.riwayat_kinerja["catatan"]))
    found = []

    def tambah(lembar: str, baris: int, kode: str, tahun: Any, nilai: Decimal, terhadap: str,
               terhadap_id: str) -> None:
        found.append(Temuan(
            SEDANG, "capaian_di_atas_100", lembar, baris,
            "penjelasan" if lembar == "indikator" else "catatan", None, nilai, PERSEN,
            f"{kode} {tahun}: capaian {persen(nilai)} against {terhadap} is above 100% without "
            "an explanation (penjelasan)",
            f"Capaian {kode} tahun {tahun} sebesar {persen(nilai)} terhadap {terhadap_id} "
            "melebihi 100% tanpa penjelasan."))

    for baris, (_, r) in zip(lkip.indikator.index, kinerja.tabel_capaian(lkip).iterrows()):
        nilai = r[kinerja.K_CAPAIAN]
        if nilai is not None and nilai > SERATUS and not r[kinerja.K_PENJELASAN]:
            tambah("indikator", baris, r[kinerja.K_KODE], lkip.year, nilai,
                   "the year's target", "target tahun ini")
    for _, r in kinerja.tabel_renstra(lkip).iterrows():
        nilai, kode = r[kinerja.K_CAPAIAN_RENSTRA], r[kinerja.K_KODE]
        if nilai is None or nilai <= SERATUS or penjelasan.get(kode):
            continue
        baris = rows.get((kode, r[kinerja.K_TAHUN], r[kinerja.K_SUMBER]))
        if baris is None:  # the current year, taken from sheet indikator
            tambah("indikator", baris_ind[kode], kode, r[kinerja.K_TAHUN], nilai,
                   "the Renstra target", "target Renstra")
        elif not _teks(catatan[baris]):
            tambah("riwayat_kinerja", baris, kode, r[kinerja.K_TAHUN], nilai,
                   f"the Renstra target ({angka(r[kinerja.K_TARGET_RENSTRA])})",
                   f"target Renstra ({angka(r[kinerja.K_TARGET_RENSTRA])})")
    for _, r in kinerja.tabel_riwayat(lkip).iterrows():
        nilai = r[kinerja.K_CAPAIAN]
        baris = rows[(r[kinerja.K_KODE], r[kinerja.K_TAHUN], r[kinerja.K_SUMBER])]
        if nilai is not None and nilai > SERATUS and not r[kinerja.K_CATATAN] \
                and not penjelasan.get(r[kinerja.K_KODE]):
            tambah("riwayat_kinerja", baris, r[kinerja.K_KODE], r[kinerja.K_TAHUN], nilai,
                   "that year's target", "target tahun itu")
    return found


def _komitmen(lkip: LkipYear) -> list[Temuan]:
    """Commitments (kelompok sasaran and lainnya of komitmen.tabel_komitmen) not met or
    without realisation; the budget minimums are :func:`_serapan_minimal`'s."""
    tabel = komitmen.tabel_komitmen(lkip)
    where = {komitmen.SASARAN: ("indikator", list(lkip.indikator.index), "realisasi"),
             komitmen.LAINNYA: ("komitmen", list(lkip.komitmen.index), "realisasi")}
    found = []
    for kelompok, (lembar, baris_list, kolom) in where.items():
        rows = tabel[tabel[komitmen.K_KELOMPOK] == kelompok]
        for baris, (_, r) in zip(baris_list, rows.iterrows()):
            butir, uraian = r[komitmen.K_BUTIR], r[komitmen.K_URAIAN]
            satuan = TANGGAL if r[komitmen.K_PEMBANDING] == "paling_lambat" else (
                PERSEN if r[komitmen.K_SATUAN] == "%" else ANGKA)
            ambang, realisasi = r[komitmen.K_AMBANG], r[komitmen.K_REALISASI]
            if kosong(realisasi):
                found.append(Temuan(
                    RENDAH, "komitmen_tanpa_realisasi", lembar, baris,
                    "realisasi_tanggal" if satuan == TANGGAL and lembar == "komitmen" else kolom,
                    ambang, None, satuan,
                    f"commitment {butir} ({uraian}) has no realisation recorded",
                    f"Komitmen butir {butir} ({uraian}) belum dicatat realisasinya."))
            elif r[komitmen.K_STATUS] == komitmen.TIDAK_TERCAPAI:
                pembanding = komitmen.PEMBANDING_TEKS[r[komitmen.K_PEMBANDING]]
                found.append(Temuan(
                    SEDANG, "komitmen_tidak_tercapai", lembar, baris, kolom, ambang, realisasi,
                    satuan,
                    f"commitment {butir} ({uraian}) not met: realisation "
                    f"{nilai_teks(realisasi, satuan)} against {r[komitmen.K_PEMBANDING]} "
                    f"{nilai_teks(ambang, satuan)}",
                    f"Komitmen butir {butir} ({uraian}) tidak tercapai: realisasi "
                    f"{nilai_teks(realisasi, satuan)}, ambang {pembanding} "
                    f"{nilai_teks(ambang, satuan)}."))
    return found


# --------------------------------------------------------------------------- totals and staff


#: Column kinds whose values can be summed into a stated total.
_DAPAT_DIJUMLAH = ("int", "rupiah", "number")


def _total_dinyatakan(lkip: LkipYear) -> list[Temuan]:
    """Each stated total (sheet total_dinyatakan) vs the sum of its sheet's column.

    Sheet anggaran holds total lines beside their activities, so a stated anggaran total is
    compared with belanja + pendapatan of :func:`lkip_helpers.anggaran.ringkasan` instead.
    """
    total_anggaran = anggaran.ringkasan(lkip).total
    found = []
    for row in lkip.total_dinyatakan.itertuples():
        sheet = SHEETS_BY_NAME.get(row.lembar)
        kolom = str(row.kolom).strip().lower()
        kind = next((c.kind for c in sheet.columns if c.name == kolom), None) if sheet else None
        sumber = f" ({row.sumber})" if not kosong(row.sumber) else ""
        if kind not in _DAPAT_DIJUMLAH or (row.lembar == "anggaran"
                                           and kolom not in ("pagu", "realisasi")):
            found.append(Temuan(
                RENDAH, "total_tidak_dapat_diperiksa", "total_dinyatakan", row.Index, "kolom",
                kolom, None, ANGKA,
                f"stated total{sumber} names column '{kolom}' of sheet {row.lembar}, which is "
                "not a column of amounts or counts there: it cannot be checked",
                f"Jumlah tertulis{sumber} merujuk kolom '{kolom}' pada lembar {row.lembar}, yang "
                "bukan kolom angka; jumlah ini tidak dapat diperiksa."))
            continue
        if row.lembar == "anggaran":
            summed = getattr(total_anggaran, kolom) if total_anggaran else None
            apa_en, apa_id = "belanja + pendapatan", "belanja + pendapatan"
        else:
            summed = jumlahkan(lkip.table(row.lembar)[kolom])
            apa_en = f"the rows of sheet {row.lembar}"
            apa_id = "baris-barisnya"
        satuan = RUPIAH if kind == "rupiah" else ANGKA
        beda = _tidak_sama if kind in ("int", "rupiah") else berbeda
        if summed is not None and beda(row.nilai, summed):
            stated = ke_decimal(row.nilai)
            found.append(Temuan(
                TINGGI, "total_dinyatakan", "total_dinyatakan", row.Index, "nilai", stated,
                summed, satuan,
                f"stated total of {row.lembar}.{kolom}{sumber} is {nilai_teks(stated, satuan)} "
                f"but {apa_en} sum to {nilai_teks(summed, satuan)}",
                f"Jumlah {_judul(row.lembar)} (kolom {kolom}) tertulis "
                f"{nilai_teks(stated, satuan)}{sumber}, padahal penjumlahan {apa_id} "
                f"{nilai_teks(summed, satuan)}."))
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
            found.append(Temuan(
                tingkat, "pegawai_antar_lembar", lembar, None, "jumlah", nilai, acuan, ANGKA,
                f"sheet {lembar} counts {angka(nilai)} staff but sheet {acuan_nama} counts "
                f"{angka(acuan)}",
                f"Lembar {_judul(lembar)} berjumlah {angka(nilai)} orang, sedangkan lembar "
                f"{_judul(acuan_nama)} {angka(acuan)} orang."))
    for row in lkip.pegawai_jabatan.itertuples():
        gender = jumlahkan([row.laki_laki, row.perempuan])
        if _tidak_sama(row.jumlah, gender):
            found.append(Temuan(
                TINGGI, "jumlah_jenis_kelamin", "pegawai_jabatan", row.Index, "jumlah",
                ke_int(row.jumlah), gender, ANGKA,
                f"'{row.jabatan}': jumlah {angka(row.jumlah)} but laki_laki + perempuan = "
                f"{angka(gender)}",
                f"Jabatan {row.jabatan}: jumlah tertulis {angka(row.jumlah)}, padahal laki-laki "
                f"+ perempuan = {angka(gender)}."))
    return found


# --------------------------------------------------------------------------- dates


def _tanggal(lkip: LkipYear) -> list[Temuan]:
    """Report signed after its deadline; staff tables dated before the reporting year."""
    profil, found = lkip.profil, []
    laporan, batas = profil.get("tanggal_laporan"), profil.get("batas_penyampaian")
    if laporan is not None and batas is not None and laporan > batas:
        note_en = note_id = ""
        if batas.year <= lkip.year:
            note_en = (f"; the deadline falls before the end of {lkip.year}, the year reported "
                       "on, which suggests a typing error in the Perjanjian Kinerja")
            note_id = (f" Batas itu jatuh sebelum tahun {lkip.year} yang dilaporkan berakhir, "
                       "sehingga kemungkinan ada salah ketik dalam Perjanjian Kinerja.")
        found.append(Temuan(
            SEDANG, "tanggal_laporan", "profil", None, "tanggal_laporan", laporan, batas, TANGGAL,
            f"the report is dated {tanggal(laporan)}, after the submission deadline "
            f"{tanggal(batas)}{note_en}",
            f"Laporan bertanggal {tanggal(laporan)}, melewati batas penyampaian "
            f"{tanggal(batas)}.{note_id}"))
    data_pegawai = profil.get("tanggal_data_pegawai")
    if data_pegawai is not None and data_pegawai < dt.date(lkip.year, 1, 1):
        found.append(Temuan(
            RENDAH, "tanggal_data_pegawai", "profil", None, "tanggal_data_pegawai", data_pegawai,
            None, TANGGAL,
            f"the staff tables are dated {tanggal(data_pegawai)}, before the reporting year "
            f"{lkip.year}",
            f"Data pegawai berkeadaan {tanggal(data_pegawai)}, sebelum tahun {lkip.year} yang "
            "dilaporkan."))
    return found


# --------------------------------------------------------------------------- public API


#: Every check, in the order findings are listed within a severity.
PEMERIKSAAN: tuple[Callable[[LkipYear], list[Temuan]], ...] = (
    _persen_anggaran, _jumlah_program, _melebihi_pagu,
    _riwayat_anggaran_tahun_ini, _capaian_dinyatakan, _keluaran_indikator,
    _riwayat_kinerja_tahun_ini, _antar_sumber, _total_dinyatakan, _pegawai_antar_lembar,
    _serapan_minimal, _capaian_di_atas_100, _komitmen, _tanggal,
)


def periksa(lkip: LkipYear) -> list[Temuan]:
    """Every finding of the reviu of ``lkip``, highest severity first (check order within)."""
    found = [t for check in PEMERIKSAAN for t in check(lkip)]
    return sorted(found, key=lambda t: TINGKAT.index(t.tingkat))


def rekap(temuan: Iterable[Temuan]) -> dict[str, int]:
    """How many findings of each severity, in TINGKAT order (zeros included)."""
    temuan = list(temuan)
    return {t: sum(1 for x in temuan if x.tingkat == t) for t in TINGKAT}


def laporan_cli(temuan: list[Temuan], source: Any = None) -> str:
    """The findings for the terminal (English), grouped by severity."""
    counts = rekap(temuan)
    head = f"Reviu{f' of {source}' if source else ''}: {len(temuan)} finding(s)"
    if not temuan:
        return head + ": every stated figure agrees with the data."
    lines = [head + " (" + ", ".join(f"{n} {TINGKAT_EN[t]}" for t, n in counts.items()) + ")"]
    for tingkat in TINGKAT:
        mine = [t for t in temuan if t.tingkat == tingkat]
        if mine:
            lines.append(f"{TINGKAT_EN[tingkat].capitalize()} ({tingkat}):")
            lines += [f"- {t}" for t in mine]
    return "\n".join(lines)


K_TINGKAT = "Tingkat"
K_TEMUAN = "Temuan"
K_LETAK = "Letak"
K_TERTULIS = "Nilai tertulis"
K_PEMBANDING = "Nilai pembanding"
KOLOM_TEMUAN = [K_TINGKAT, K_TEMUAN, K_LETAK, K_TERTULIS, K_PEMBANDING]


def tabel_temuan(temuan: Iterable[Temuan]) -> pd.DataFrame:
    """The findings for the Reviu chapter: columns KOLOM_TEMUAN, in Indonesian.

    Nilai tertulis is the stated value (or the threshold), Nilai pembanding the computed value
    (or the other source's). One column mixes percentages, Rupiah and dates, so both are given
    as text already formatted by :func:`nilai_teks` (through :mod:`lkip_helpers.format`).
    """
    rows = [{K_TINGKAT: t.tingkat, K_TEMUAN: t.uraian, K_LETAK: t.letak(),
             K_TERTULIS: nilai_teks(t.dinyatakan, t.satuan),
             K_PEMBANDING: nilai_teks(t.dihitung, t.satuan)} for t in temuan]
    return pd.DataFrame(rows, columns=KOLOM_TEMUAN, dtype=object)


def narasi_reviu(lkip: LkipYear, temuan: list[Temuan]) -> str:
    """Opening paragraphs of the Reviu chapter (template ``narasi/reviu.md.j2``)."""
    from .narrative import tulis  # narrative imports the calculation modules; keep this light

    return tulis("reviu", unit=str(lkip.profil.get("nama_unit") or lkip.unit),
                 tahun=str(lkip.year), jumlah=angka(len(temuan)),
                 rekap={t: angka(n) for t, n in rekap(temuan).items() if n},
                 toleransi=persen(TOLERANSI_PERSEN, simbol=False))
