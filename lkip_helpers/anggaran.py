"""Budget (anggaran): absorption (serapan) of allocations, minimums, trend and efficiency.

Rupiah amounts stay ``int`` and percentages exact ``Decimal`` (from integer Rupiah, so 87,74%
is 47.214.705.470 x 100 / 53.809.092.288 exactly). Every function's docstring writes out its
formula (the Indonesian wording for readers lives in :mod:`lkip_helpers.narrative`).

Sheet ``anggaran`` holds revenue (``pendapatan``) and spending (``belanja``) lines on three
levels, program -> kegiatan -> sub kegiatan (Permendagri 90/2019). :func:`hierarki` puts every
line at its level and computes every total from the lowest level given in each branch, so a
kegiatan entered beside its sub kegiatan is never counted twice: a line with lines below it is
a stated subtotal, compared with their sum by :mod:`lkip_helpers.reviu` but never added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterator

import pandas as pd

from . import dinyatakan
from .hitung import bagi, jumlahkan, ke_decimal, ke_int, kosong, persentase, seri_float, seri_int
from .kinerja import rata_rata_capaian, total_keluaran
from .model import LkipYear

# Column keys (display labels: lkip_helpers.labels).
K_JENIS = "jenis"
K_TINGKAT = "tingkat"
K_PROGRAM = "program"
K_KEGIATAN = "kegiatan"
K_SUB_KEGIATAN = "sub_kegiatan"
K_LEVEL = "level"
K_KODE = "kode"
K_SUBTOTAL = "subtotal"
K_DITAMBAHKAN = "ditambahkan"
K_TRIWULAN = "triwulan"
K_REALISASI_KUMULATIF = "realisasi_kumulatif"
K_SERAPAN_KUMULATIF = "serapan_kumulatif"
#: The quarterly realisation columns (sheet and frame), quarter I to IV.
KOLOM_TW = ("realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4")
TRIWULAN = ("I", "II", "III", "IV")
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

#: Values of column Tingkat: the revenue total (a line naming no level), or a line's level.
JUMLAH = "jumlah"
PROGRAM = "program"
KEGIATAN = "kegiatan"
SUB_KEGIATAN = "sub_kegiatan"
#: The levels of the hierarchy, highest first.
TINGKAT = (PROGRAM, KEGIATAN, SUB_KEGIATAN)
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
    """One budget line or total, with everything derived from its pagu and realisasi.

    ``tingkat``: the level of the line (JUMLAH, PROGRAM, KEGIATAN, SUB_KEGIATAN) when known.
    """

    uraian: str
    pagu: int | None
    realisasi: int | None
    serapan: Decimal | None
    sisa: int | None
    serapan_minimal: Decimal | None
    memenuhi: bool | None
    tingkat: str | None = None

    @classmethod
    def hitung(cls, uraian: str, pagu: Any, realisasi: Any, minimal: Any = None,
               tingkat: str | None = None) -> "Pos":
        """A Pos whose serapan, sisa and memenuhi are computed by this module's formulas."""
        nilai = serapan(pagu, realisasi)
        return cls(uraian, ke_int(pagu), ke_int(realisasi), nilai, sisa_anggaran(pagu, realisasi),
                   ke_decimal(minimal), memenuhi_minimal(nilai, minimal), tingkat)


def _nama(value: Any) -> str | None:
    return None if kosong(value) else str(value)


def jalur(row: Any) -> tuple[str | None, str | None, str | None]:
    """(program, kegiatan, sub_kegiatan) of a sheet line, None where blank."""
    return (_nama(row.program), _nama(row.kegiatan), _nama(getattr(row, "sub_kegiatan", None)))


def tingkat_jalur(path: tuple[str | None, ...]) -> str:
    """The level of a line: the deepest of program, kegiatan, sub_kegiatan it names (JUMLAH
    when it names none: the revenue total)."""
    filled = [i for i, name in enumerate(path) if name is not None]
    return TINGKAT[filled[-1]] if filled else JUMLAH


def _induk(path: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """The path of a line's parent: its deepest name blanked (a sub kegiatan without kegiatan
    hangs under its program)."""
    filled = [i for i, name in enumerate(path) if name is not None]
    return tuple(None if i == filled[-1] else name for i, name in enumerate(path))


def _uraian(row: Any) -> str:
    nama = next((n for n in reversed(jalur(row)) if n is not None), None)
    if nama is not None:
        return nama
    return "Pendapatan" if row.jenis == "pendapatan" else "Belanja"


def pos_baris(lkip: LkipYear) -> list[tuple[Any, Pos]]:
    """Every line of sheet ``anggaran`` (in sheet order) with its computed :class:`Pos`, from
    the line's OWN figures (what the row states; a stated subtotal is not replaced by the sum
    of its children here: see :func:`hierarki` for that)."""
    return [(row, Pos.hitung(_uraian(row), row.pagu, row.realisasi, row.serapan_minimal,
                             tingkat_jalur(jalur(row))))
            for row in lkip.anggaran.itertuples()]


def _triwulan_baris(row: Any) -> tuple[int, int, int, int] | None:
    """The four quarterly realisations of a line, or None unless all four are filled."""
    values = [ke_int(getattr(row, k, None)) for k in KOLOM_TW]
    return None if any(v is None for v in values) else tuple(values)


@dataclass
class Simpul:
    """One node of the budget hierarchy (see :func:`hierarki`).

    ``baris`` is the sheet line (a row of ``lkip.anggaran``) or None when the node is not
    stated and only groups its children (a computed subtotal). ``pos`` holds the figures from
    the lowest level given: a node with children sums theirs (its own stated figures are only
    compared, by the reviu), a node without children takes its own line's. ``triwulan`` is the
    quarterly realisation on the same rule (None when any part is unknown).
    """

    jenis: str
    jalur: tuple[str | None, str | None, str | None]
    tingkat: str
    baris: Any = None
    anak: list["Simpul"] = field(default_factory=list)
    pos: Pos | None = None
    triwulan: tuple[int, int, int, int] | None = None

    @property
    def level(self) -> int:
        """Indentation depth: JUMLAH and program 0, kegiatan 1, sub kegiatan 2."""
        return 0 if self.tingkat == JUMLAH else TINGKAT.index(self.tingkat)

    def simpul(self) -> Iterator["Simpul"]:
        """This node and every node below it, parents before children (pre-order)."""
        yield self
        for child in self.anak:
            yield from child.simpul()

    def rincian(self) -> Iterator["Simpul"]:
        """The lowest-level nodes (no children) of this branch, in order."""
        return (n for n in self.simpul() if not n.anak)


def _hitung_simpul(node: Simpul) -> None:
    for child in node.anak:
        _hitung_simpul(child)
    row = node.baris
    uraian = _uraian(row) if row is not None else next(
        (n for n in reversed(node.jalur) if n is not None),
        "Pendapatan" if node.jenis == "pendapatan" else "Belanja")
    own_min = None if row is None else ke_decimal(row.serapan_minimal)
    if node.anak:
        minimal = own_min if own_min is not None else _satu_minimal(
            [c.pos.serapan_minimal for c in node.anak])
        node.pos = Pos.hitung(uraian, jumlahkan(c.pos.pagu for c in node.anak),
                              jumlahkan(c.pos.realisasi for c in node.anak), minimal,
                              node.tingkat)
        parts = [c.triwulan for c in node.anak]
        node.triwulan = None if any(p is None for p in parts) else tuple(
            sum(q) for q in zip(*parts))
    else:
        node.pos = Pos.hitung(uraian, row.pagu, row.realisasi, own_min, node.tingkat)
        node.triwulan = _triwulan_baris(row)


def hierarki(lkip: LkipYear) -> dict[str, Simpul]:
    """The budget hierarchy of sheet ``anggaran``: jenis -> its root node (JUMLAH).

    Each line sits at the level it names (:func:`tingkat_jalur`) under its parent: a sub
    kegiatan under its kegiatan, a kegiatan under its program, a program (or a nameless-program
    pendapatan line) under the root of its jenis. A parent that no line states is created
    (``baris`` None) so that every line has its place; the root is the stated revenue total
    when there is one. Children keep the order in which they (or their first descendant)
    appear in the sheet. Figures are computed bottom-up from the lowest level given in each
    branch (:class:`Simpul`); so pagu of the root = the sum of the pagu of every lowest-level
    line of that jenis, whatever levels were filled, and nothing is counted twice.
    """
    nodes: dict[tuple[str, tuple], Simpul] = {}
    roots: dict[str, Simpul] = {}

    def node_of(jenis: str, path: tuple) -> Simpul:
        key = (jenis, path)
        if key not in nodes:
            node = Simpul(jenis, path, tingkat_jalur(path))
            nodes[key] = node
            if node.tingkat == JUMLAH:
                roots[jenis] = node
            else:
                node_of(jenis, _induk(path)).anak.append(node)
        return nodes[key]

    for row in lkip.anggaran.itertuples():
        node = node_of(str(row.jenis), jalur(row))
        if node.baris is None:  # the key is unique (loader); keep the first line anyway
            node.baris = row
    for root in roots.values():
        _hitung_simpul(root)
    return roots


KOLOM_ANGGARAN = [K_JENIS, K_TINGKAT, K_LEVEL, K_KODE, K_PROGRAM, K_KEGIATAN, K_SUB_KEGIATAN,
                  K_URAIAN, K_PAGU, K_REALISASI, K_SISA, K_SERAPAN, K_SERAPAN_TERTULIS,
                  K_SERAPAN_MINIMAL, K_MEMENUHI, K_PENJELASAN, K_SUBTOTAL, K_DITAMBAHKAN, *KOLOM_TW]


def _teks(values: Any) -> pd.Series:
    return pd.Series([None if kosong(v) else str(v) for v in values], dtype=object)


def _kode(node: Simpul) -> str | None:
    """The line's code at its own level (kode_program, kode_kegiatan, kode_sub_kegiatan), else
    its account code (``kode``)."""
    row = node.baris
    if row is None:
        return None
    own = {PROGRAM: "kode_program", KEGIATAN: "kode_kegiatan",
           SUB_KEGIATAN: "kode_sub_kegiatan"}.get(node.tingkat)
    for kolom in (own, "kode"):
        if kolom and not kosong(getattr(row, kolom, None)):
            return str(getattr(row, kolom))
    return None


def _tampil(roots: dict[str, Simpul]) -> list[Simpul]:
    """The nodes a table shows: every stated line and every computed subtotal below a root."""
    return [n for root in roots.values() for n in root.simpul()
            if n.baris is not None or n.tingkat != JUMLAH]


def tabel_anggaran(lkip: LkipYear) -> pd.DataFrame:
    """Allocation and realisation per line (Tabel 3.3, second), as a hierarchy.

    Columns: KOLOM_ANGGARAN. One row per node of :func:`hierarki`, parents before their
    children (sheet order otherwise). ``tingkat`` is JUMLAH (the stated revenue total),
    PROGRAM, KEGIATAN or SUB_KEGIATAN; ``level`` the indentation depth (0 program, 1 kegiatan,
    2 sub kegiatan); ``uraian`` the line's name (its deepest name, else "Pendapatan");
    ``kode`` its code at its level. ``subtotal`` is True when the row has rows below it: its
    pagu and realisasi are then the sum of the lowest-level lines of its branch (its own stated
    figures are checked by the reviu, never added); ``dihitung`` is True for a subtotal that
    no sheet line states (added so that every line has its parent). ``serapan`` = realisasi /
    pagu x 100 (computed); ``serapan_dinyatakan`` as the report states it; ``sisa`` = pagu -
    realisasi; ``memenuhi`` = serapan >= ``serapan_minimal`` of the Perjanjian Kinerja (NA
    where no minimum is set); ``realisasi_tw1``..``realisasi_tw4`` the quarterly realisation.
    """
    nodes = _tampil(hierarki(lkip))
    rows = [n.baris for n in nodes]
    pos = [n.pos for n in nodes]

    def dari_baris(kolom: str) -> list[Any]:
        return [None if r is None else getattr(r, kolom, None) for r in rows]

    tw = [n.triwulan or (None,) * 4 for n in nodes]
    df = pd.DataFrame({
        K_JENIS: _teks(n.jenis for n in nodes), K_TINGKAT: _teks(n.tingkat for n in nodes),
        K_LEVEL: seri_int(n.level for n in nodes), K_KODE: _teks(_kode(n) for n in nodes),
        K_PROGRAM: _teks(n.jalur[0] for n in nodes), K_KEGIATAN: _teks(n.jalur[1] for n in nodes),
        K_SUB_KEGIATAN: _teks(n.jalur[2] for n in nodes),
        K_URAIAN: _teks(p.uraian for p in pos),
        K_PAGU: seri_int(p.pagu for p in pos), K_REALISASI: seri_int(p.realisasi for p in pos),
        K_SISA: seri_int(p.sisa for p in pos), K_SERAPAN: seri_float(p.serapan for p in pos),
        K_SERAPAN_TERTULIS: seri_float(dari_baris("persen_dinyatakan")),
        K_SERAPAN_MINIMAL: seri_float(p.serapan_minimal for p in pos),
        K_MEMENUHI: pd.Series([p.memenuhi for p in pos], dtype="boolean"),
        K_PENJELASAN: _teks(dari_baris("penjelasan")),
        K_SUBTOTAL: pd.Series([bool(n.anak) for n in nodes], dtype="boolean"),
        K_DITAMBAHKAN: pd.Series([n.baris is None for n in nodes], dtype="boolean"),
        **{k: seri_int(q[i] for q in tw) for i, k in enumerate(KOLOM_TW)},
    }, columns=KOLOM_ANGGARAN)
    df.attrs["jenis"] = dict(JENIS_RUPIAH)
    return df


def rincian_belanja(df: pd.DataFrame) -> pd.DataFrame:
    """The lowest-level spending lines of a :func:`tabel_anggaran` frame that are kegiatan or
    sub kegiatan (what a chart per kegiatan or sub kegiatan shows), in table order."""
    pilih = ((df[K_JENIS] == "belanja") & ~df[K_SUBTOTAL].astype(bool)
             & df[K_TINGKAT].isin([KEGIATAN, SUB_KEGIATAN]))
    return df[pilih]


KOLOM_TRIWULAN = [K_JENIS, K_TRIWULAN, K_PAGU, K_REALISASI, K_REALISASI_KUMULATIF,
                  K_SERAPAN_KUMULATIF]


def serapan_triwulan(lkip: LkipYear) -> pd.DataFrame:
    """Realisation per quarter and cumulative absorption, per jenis (belanja first).

    Columns: KOLOM_TRIWULAN, four rows (triwulan I-IV) per jenis whose quarterly realisation
    is known on every lowest-level line (:func:`hierarki`); none otherwise. ``realisasi`` is
    the quarter's realisation; ``realisasi_kumulatif`` = the sum of the quarters up to this
    one; ``serapan_kumulatif`` = realisasi_kumulatif / pagu x 100 (pagu of the year).
    """
    roots = hierarki(lkip)
    rows = []
    for jenis in ("belanja", "pendapatan"):
        root = roots.get(jenis)
        if root is None or root.triwulan is None:
            continue
        kumulatif = 0
        for nama, nilai in zip(TRIWULAN, root.triwulan):
            kumulatif += nilai
            rows.append((jenis, nama, root.pos.pagu, nilai, kumulatif,
                         persentase(kumulatif, root.pos.pagu)))
    df = pd.DataFrame({
        K_JENIS: _teks(r[0] for r in rows), K_TRIWULAN: _teks(r[1] for r in rows),
        K_PAGU: seri_int(r[2] for r in rows), K_REALISASI: seri_int(r[3] for r in rows),
        K_REALISASI_KUMULATIF: seri_int(r[4] for r in rows),
        K_SERAPAN_KUMULATIF: seri_float(r[5] for r in rows),
    }, columns=KOLOM_TRIWULAN)
    df.attrs["jenis"] = dict(JENIS_RUPIAH)
    return df


def _satu_minimal(values: list[Any]) -> Decimal | None:
    """The minimum shared by all lines of an aggregate, or None if none or they differ."""
    distinct = {ke_decimal(v) for v in values} - {None}
    return distinct.pop() if len(distinct) == 1 else None


@dataclass(frozen=True)
class Ringkasan:
    """The year's budget in brief (see :func:`ringkasan`)."""

    belanja: Pos | None
    pendapatan: Pos | None
    total: Pos | None  # belanja + pendapatan, against profil.serapan_minimal_total
    tanpa_realisasi: tuple[Pos, ...]  # lowest-level activities with realisation 0
    serapan_terendah: Pos | None  # the lowest-level activity with the lowest absorption above 0
    jumlah_rincian: int = 0  # how many lowest-level kegiatan / sub kegiatan spending lines


def ringkasan(lkip: LkipYear) -> Ringkasan:
    """Spending, revenue and both together, each as a :class:`Pos`; the weakest activities.

    belanja: the root of the spending hierarchy (:func:`hierarki`): pagu = the sum of the pagu
    of the lowest-level lines of every branch (a program's stated total when it lists no
    kegiatan, else its kegiatan; a kegiatan's sub kegiatan when it lists them), realisasi
    likewise; minimum = the programs' common serapan_minimal.
    pendapatan: the stated revenue total, or the sum of the revenue lines when there are any.
    total: pagu = pagu belanja + pagu pendapatan, realisasi likewise; serapan = realisasi /
    pagu x 100; minimum = ``profil.serapan_minimal_total``.
    tanpa_realisasi: lowest-level kegiatan / sub kegiatan spending lines whose realisasi is 0;
    serapan_terendah: among those with realisasi > 0, the one with the lowest serapan.
    """
    roots = hierarki(lkip)
    belanja = roots["belanja"].pos if "belanja" in roots else None
    pendapatan = roots["pendapatan"].pos if "pendapatan" in roots else None
    parts = [p for p in (belanja, pendapatan) if p is not None]
    total = Pos.hitung("Belanja + Pendapatan", jumlahkan(p.pagu for p in parts),
                       jumlahkan(p.realisasi for p in parts),
                       lkip.profil.get("serapan_minimal_total")) if parts else None
    kegiatan = [n.pos for n in (roots["belanja"].rincian() if "belanja" in roots else ())
                if n.tingkat in (KEGIATAN, SUB_KEGIATAN)]
    terserap = [pos for pos in kegiatan if pos.realisasi and pos.serapan is not None]
    return Ringkasan(
        belanja=belanja, pendapatan=pendapatan, total=total,
        tanpa_realisasi=tuple(pos for pos in kegiatan if pos.realisasi == 0),
        serapan_terendah=min(terserap, key=lambda pos: pos.serapan) if terserap else None,
        jumlah_rincian=len(kegiatan),
    )


KOLOM_TREN = [K_TAHUN, K_PAGU, K_REALISASI, K_SERAPAN, K_SERAPAN_TERTULIS, K_PERUBAHAN_PAGU,
              K_SUMBER]


def tren_anggaran(lkip: LkipYear) -> pd.DataFrame:
    """Spending allocation and realisation per year (sheet ``riwayat_anggaran``), oldest first.

    Columns: KOLOM_TREN. ``serapan`` = realisasi / pagu x 100 (computed), beside the stated
    figure (``serapan_dinyatakan``, stated where ``sumber`` says: the pair is named in
    ``attrs["dinyatakan"]``, so a table shows the computed serapan with a footnote where they
    differ); ``perubahan_pagu`` = (pagu - previous year's pagu) / previous year's pagu x 100.
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
    return dinyatakan.tandai(df, {K_SERAPAN: (K_SERAPAN_TERTULIS, K_SUMBER)})


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
